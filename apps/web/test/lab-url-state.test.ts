import {
  BATCH_SIZE_LAB_FIELDS,
  type ConfigProblem,
  defaultBatchSizeLabConfig,
  parseBatchSizeLabConfig,
} from '@epochlab/experiments';
import { describe, expect, it } from 'vitest';
import { problemText } from '../src/i18n/problem-text.js';
import { labCliCommand } from '../src/lab/lab-cli-command.js';
import { labConfigFromTexts } from '../src/lab/lab-fields.js';
import { isLabUrl, readLabUrlState, writeLabUrlState } from '../src/lab/lab-url-state.js';

describe('lab URL state', () => {
  it('round-trips a lab config with every field changed, and the backend', () => {
    const config = parseBatchSizeLabConfig({
      experiment: 'batch-size',
      dataset: 'polynomial',
      slope: -2.5,
      intercept: 0.125,
      coefficients: [1e-7, -3, 0.5],
      seed: 4294967000,
      n: 40,
      valN: 0,
      sigma: 0,
      range: 3,
      hidden: [4, 8],
      activation: 'tanh',
      init: 'glorot',
      loss: 'mse',
      optimizer: 'adam',
      lr: 0.02,
      momentum: 0.5,
      shuffle: false,
      epochs: 123,
      valEvery: 7,
      batchSizes: [2, 'full', 7],
      seeds: 3,
      noiseEvery: 4,
      pathStart: [-0.5, 2.25],
      pathLr: 0.05,
      pathSteps: 30,
    });
    const query = writeLabUrlState(config, 'wasm');
    const params = new URLSearchParams(query);
    expect(params.get('experiment')).toBe('batch-size');
    expect(params.get('batch-sizes')).toBe('2,full,7');
    expect(params.get('path-start')).toBe('-0.5,2.25');
    expect(params.get('noise-every')).toBe('4');
    expect(isLabUrl(query)).toBe(true);
    const back = readLabUrlState(query);
    expect(back.problems).toEqual([]);
    expect(back.backend).toBe('wasm');
    expect(back.config).toEqual(config);
  });

  it('only experiment=batch-size opens the lab; with nothing else it holds the defaults', () => {
    expect(isLabUrl('?experiment=line')).toBe(false);
    expect(isLabUrl('')).toBe(false);
    const state = readLabUrlState('?experiment=batch-size');
    expect(state.config).toEqual(defaultBatchSizeLabConfig());
    expect(state.backend).toBe('cpu'); // the fused cpu path suits the lab's tiny models
    expect(state.problems).toEqual([]);
  });

  it('reports each bad value with the schema message and defaults that field only', () => {
    const state = readLabUrlState(
      '?experiment=batch-size&epochs=20&seeds=0&batch-sizes=1,x&path-start=1&lr=abc&n=30&backend=tpu',
    );
    const defaults = defaultBatchSizeLabConfig();
    expect(state.config.epochs).toBe(20);
    expect(state.config.n).toBe(30);
    expect(state.config.seeds).toBe(defaults.seeds);
    expect(state.config.lr).toBe(defaults.lr);
    expect(state.config.pathStart).toEqual(defaults.pathStart);
    // The default batch sizes fit n = 30.
    expect(state.config.batchSizes).toEqual(defaults.batchSizes);
    expect(state.backend).toBe('cpu');
    expect(state.problems.map((p) => p.key)).toEqual([
      'lr',
      'batchSizes',
      'seeds',
      'pathStart',
      'backend',
    ]);
    expect(state.problems.find((p) => p.key === 'seeds')).toEqual({
      key: 'seeds',
      text: '0',
      problem: { code: 'wholeNumber', min: 1, max: 64 },
    });
    expect(state.problems.find((p) => p.key === 'batchSizes')?.text).toBe('1,x');
  });

  it('reports a batch size larger than n on batchSizes, then takes the defaults', () => {
    const state = readLabUrlState('?experiment=batch-size&n=10&batch-sizes=1,20,full');
    expect(state.problems).toEqual([
      { key: 'batchSizes', text: '1,20,full', problem: { code: 'batchSizeAboveN', n: 10 } },
    ]);
    // The default batch sizes (1, 5, 25, full) do not fit n = 10 either: no size is dropped,
    // n takes its default too.
    expect(state.config).toEqual(defaultBatchSizeLabConfig());
  });

  it('with only n given, refuses the default batch sizes that do not fit it, as the CLI does', () => {
    // `epochlab run batch-size --n 10`: --batch-sizes must be at most n (10) or full; got 25.
    const state = readLabUrlState('?experiment=batch-size&n=10');
    expect(state.problems).toEqual([
      { key: 'batchSizes', text: '1,5,25,full', problem: { code: 'batchSizeAboveN', n: 10 } },
    ]);
    expect(state.config).toEqual(defaultBatchSizeLabConfig());
  });
});

describe('labConfigFromTexts', () => {
  it('with only n given, reports the default batch sizes that do not fit it', () => {
    const checked = labConfigFromTexts(new Map([['n', '3']]));
    expect(checked.problems).toEqual([
      { key: 'batchSizes', text: '1,5,25,full', problem: { code: 'batchSizeAboveN', n: 3 } },
    ]);
    // With batch sizes that fit, n = 3 is kept.
    const fitting = labConfigFromTexts(
      new Map([
        ['n', '3'],
        ['batchSizes', '1,full'],
      ]),
    );
    expect(fitting.problems).toEqual([]);
    expect(fitting.config).toMatchObject({ n: 3, batchSizes: [1, 'full'] });
  });

  it('blames the field that makes another invalid (seed too high for the seeds)', () => {
    const checked = labConfigFromTexts(new Map([['seed', '4294967295']]));
    expect(checked.problems.map((p) => p.key)).toEqual(['seed']);
    expect(checked.problems[0]?.problem).toEqual({ code: 'seedsPastMaxSeed', max: 4294967295 });
  });

  it('accepts full and repeats nothing', () => {
    const checked = labConfigFromTexts(
      new Map([
        ['n', '5'],
        ['batchSizes', '5,full'],
      ]),
    );
    expect(checked.problems.map((p) => p.key)).toEqual(['batchSizes']);
    expect(checked.problems[0]?.problem.code).toBe('repeatedBatchSize');
  });
});

describe('labCliCommand', () => {
  it('is just the lab for the defaults, with --backend only for cpu and wasm', () => {
    const defaults = defaultBatchSizeLabConfig();
    expect(labCliCommand(defaults, 'auto')).toBe('epochlab run batch-size');
    expect(labCliCommand(defaults, 'webgpu')).toBe('epochlab run batch-size');
    expect(labCliCommand(defaults, 'cpu')).toBe('epochlab run batch-size --backend cpu');
  });

  it('writes the changed fields as the CLI flags', () => {
    const config = parseBatchSizeLabConfig({
      experiment: 'batch-size',
      epochs: 20,
      n: 20,
      seeds: 2,
      batchSizes: [1, 4, 'full'],
      shuffle: false,
      pathStart: [-2, 0.5],
    });
    expect(labCliCommand(config, 'wasm')).toBe(
      'epochlab run batch-size --n 20 --no-shuffle --epochs 20 --batch-sizes 1,4,full --seeds 2 --path-start=-2,0.5 --backend wasm',
    );
  });
});

describe('the lab problems in the page', () => {
  it('word each lab code as the CLI in English and in Spanish', () => {
    const problems: [ConfigProblem, string, string][] = [
      [
        { code: 'batchSize' },
        'must be a whole number >= 1 or full',
        'debe ser un número entero >= 1 o full',
      ],
      [
        { code: 'batchSizeList', example: '1,5,25,full' },
        'must be a list of batch sizes, such as 1,5,25,full',
        'debe ser una lista de tamaños de lote, como 1,5,25,full',
      ],
      [
        { code: 'tooFewBatchSizes', example: '1,5,25,full' },
        'must list at least one batch size, such as 1,5,25,full',
        'debe tener al menos un tamaño de lote, como 1,5,25,full',
      ],
      [
        { code: 'tooManyBatchSizes', max: 8 },
        'must list at most 8 batch sizes',
        'debe tener como mucho 8 tamaños de lote',
      ],
      [
        { code: 'batchSizeAboveN', n: 10 },
        'must be at most n (10) or full',
        'debe ser como mucho n (10) o full',
      ],
      [
        { code: 'repeatedBatchSize', other: 'batchSizes[0]', size: 5, n: 5 },
        'must not repeat a batch size: batchSizes[0] is 5 too (n is 5)',
        'debe ser distinto de los demás tamaños: batchSizes[0] también es 5 (n es 5)',
      ],
      [
        { code: 'seedsPastMaxSeed', max: 4294967295 },
        'must keep seed + seeds - 1 at most 4294967295',
        'debe cumplir seed + seeds - 1 <= 4294967295',
      ],
      [
        { code: 'pointPair', example: '-1,-1.5' },
        'must be two finite numbers m,b such as -1,-1.5',
        'debe ser dos números finitos m,b, como -1,-1.5',
      ],
    ];
    for (const [problem, english, spanish] of problems) {
      expect(problemText(problem, 'en')).toBe(english);
      expect(problemText(problem, 'es')).toBe(spanish);
    }
  });

  it('have a code, and Spanish, for every problem bad text in any lab field gives', () => {
    const bad = ['abc', '-1', '0', '1.5', '99999999999', '', '1,x', 'maybe', '200', '1,1'];
    const seen = new Set<string>();
    for (const field of BATCH_SIZE_LAB_FIELDS) {
      for (const text of bad) {
        for (const problem of labConfigFromTexts(new Map([[field.key, text]])).problems) {
          expect(problem.problem.code, `${field.key}=${text}`).not.toBe('invalid');
          seen.add(problemText(problem.problem, 'es'));
        }
      }
    }
    expect(seen.size).toBeGreaterThan(8);
    for (const problem of seen) expect(problem).toMatch(/^debe /);
  });
});
