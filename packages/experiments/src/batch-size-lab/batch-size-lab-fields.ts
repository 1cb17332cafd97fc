import { type ConfigField, findField } from '../config/config-fields.js';
import { LAB_DATASETS } from './batch-size-lab-config.js';

/** The experiments' field of this key, without its `experiments` restriction. */
function shared(key: string, description?: string): ConfigField {
  const field = findField(key);
  if (field === undefined) throw new Error(`no config field ${key}`);
  const { experiments: _experiments, ...rest } = field;
  return description === undefined ? rest : { ...rest, description };
}

/**
 * Every field of the batch-size lab config but `experiment`, in the order
 * help texts and forms show them: the CLI's flags of `epochlab run batch-size`
 * and the web lab's form and URL parameters. The experiments' fields keep
 * their flags and help; `batchSize` is replaced by `batchSizes`.
 */
export const BATCH_SIZE_LAB_FIELDS: readonly ConfigField[] = [
  {
    key: 'dataset',
    flag: 'dataset',
    kind: 'choice',
    choices: LAB_DATASETS,
    description: 'the data: points around a line or a polynomial',
  },
  shared('slope', 'slope m of the line y = m x + b (dataset line)'),
  shared('intercept', 'intercept b of the line (dataset line)'),
  shared(
    'coefficients',
    'polynomial coefficients, highest degree first ("2,1,0" is 2x^2 + x; dataset polynomial)',
  ),
  shared('n'),
  shared('valN'),
  shared('sigma'),
  shared('range'),
  shared('hidden'),
  shared('activation'),
  shared('init'),
  shared('loss'),
  shared('optimizer'),
  shared('lr', 'learning rate, the same for every batch size'),
  shared('momentum'),
  shared('shuffle'),
  shared('epochs'),
  shared('valEvery'),
  shared(
    'seed',
    'seed of the data; run k of each batch size uses seed + k for weights and shuffling',
  ),
  {
    key: 'batchSizes',
    flag: 'batch-sizes',
    kind: 'batchSizeList',
    description: 'batch sizes to compare, "full" for all n points ("1,5,25,full")',
  },
  {
    key: 'seeds',
    flag: 'seeds',
    kind: 'integer',
    description: 'runs per batch size (seeds seed, seed+1, ...), from 1 to 64',
  },
  {
    key: 'noiseEvery',
    flag: 'noise-every',
    kind: 'integer',
    description: 'measure the gradient noise on epochs 0, k, 2k, ... and the last',
  },
  {
    key: 'pathStart',
    flag: 'path-start',
    kind: 'numberList',
    description: 'line view: the start point m,b of the descent paths ("-1,-1.5")',
  },
  {
    key: 'pathLr',
    flag: 'path-lr',
    kind: 'number',
    description: 'line view: learning rate of the descent paths',
  },
  {
    key: 'pathSteps',
    flag: 'path-steps',
    kind: 'integer',
    description: 'line view: gradient steps per path',
  },
];

/** The lab field with this config key, if any. */
export function findBatchSizeLabField(key: string): ConfigField | undefined {
  return BATCH_SIZE_LAB_FIELDS.find((field) => field.key === key);
}
