import {
  ACTIVATIONS,
  type ExperimentName,
  INITS,
  LOSSES,
  OPTIMIZERS,
} from './experiment-config.js';

/** How a field's text (a CLI flag, a URL parameter, a form input) becomes a value. */
export type FieldKind =
  | 'integer'
  | 'number'
  | 'numberList'
  | 'integerList'
  | 'choice'
  | 'boolean'
  | 'batchSizeList';

/** What apps need to offer one config field as a flag, a URL parameter or a form input. */
export interface ConfigField {
  /** The key in the config object (`batchSize`). */
  readonly key: string;
  /** The CLI flag without dashes (`batch-size`). */
  readonly flag: string;
  readonly kind: FieldKind;
  /** One line of help, in English. */
  readonly description: string;
  /** The allowed names, for `choice` fields. */
  readonly choices?: readonly string[];
  /** The experiments that have this field (all when absent). */
  readonly experiments?: readonly ExperimentName[];
}

/** Every config field but `experiment`, in the order help texts and forms show them. */
export const CONFIG_FIELDS: readonly ConfigField[] = [
  {
    key: 'slope',
    flag: 'slope',
    kind: 'number',
    description: 'slope m of the line y = m x + b',
    experiments: ['line'],
  },
  {
    key: 'intercept',
    flag: 'intercept',
    kind: 'number',
    description: 'intercept b of the line',
    experiments: ['line'],
  },
  {
    key: 'coefficients',
    flag: 'coefficients',
    kind: 'numberList',
    description: 'polynomial coefficients, highest degree first ("2,1,0" is 2x^2 + x)',
    experiments: ['polynomial'],
  },
  { key: 'n', flag: 'n', kind: 'integer', description: 'number of training points' },
  {
    key: 'valN',
    flag: 'val-n',
    kind: 'integer',
    description: 'number of validation points (0: no validation)',
  },
  {
    key: 'sigma',
    flag: 'sigma',
    kind: 'number',
    description: 'standard deviation of the noise added to x and y',
  },
  {
    key: 'range',
    flag: 'range',
    kind: 'number',
    description: 'x is drawn uniformly from [-range, range]',
  },
  {
    key: 'hidden',
    flag: 'hidden',
    kind: 'integerList',
    description: 'hidden layer sizes ("12,12,16")',
  },
  {
    key: 'activation',
    flag: 'activation',
    kind: 'choice',
    choices: ACTIVATIONS,
    description: 'activation after each hidden layer',
  },
  {
    key: 'init',
    flag: 'init',
    kind: 'choice',
    choices: INITS,
    description: 'weight initialisation',
  },
  { key: 'loss', flag: 'loss', kind: 'choice', choices: LOSSES, description: 'loss function' },
  {
    key: 'optimizer',
    flag: 'optimizer',
    kind: 'choice',
    choices: OPTIMIZERS,
    description: 'optimizer',
  },
  { key: 'lr', flag: 'lr', kind: 'number', description: 'learning rate' },
  {
    key: 'momentum',
    flag: 'momentum',
    kind: 'number',
    description: 'momentum (sgd only; 0: plain SGD)',
  },
  { key: 'batchSize', flag: 'batch-size', kind: 'integer', description: 'points per mini-batch' },
  {
    key: 'shuffle',
    flag: 'shuffle',
    kind: 'boolean',
    description: 'shuffle the training data every epoch',
  },
  { key: 'epochs', flag: 'epochs', kind: 'integer', description: 'passes over the training data' },
  {
    key: 'valEvery',
    flag: 'val-every',
    kind: 'integer',
    description: 'validate on epochs 0, k, 2k, ...',
  },
  {
    key: 'seed',
    flag: 'seed',
    kind: 'integer',
    description: 'seed for data, initial weights and shuffling',
  },
];

/** The field with this config key, if any. */
export function findField(key: string): ConfigField | undefined {
  return CONFIG_FIELDS.find((field) => field.key === key);
}

function parseNumber(text: string): number | string {
  const trimmed = text.trim();
  // Number('') is 0 and Number('0x10') is 16: accept only plain decimal notation.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return text;
  return Number(trimmed);
}

/**
 * Turns the text of a flag, URL parameter or form input into the value the
 * schema expects (`batchSizeList`: "1,5,25,full" is `[1, 5, 25, 'full']`).
 * Text that does not parse is returned unchanged, so that the schema reports
 * it ("must be a number; got "abc"").
 */
export function parseFieldText(field: ConfigField, text: string): unknown {
  switch (field.kind) {
    case 'integer':
    case 'number':
      return parseNumber(text);
    case 'numberList':
    case 'integerList': {
      if (text.trim() === '') return [];
      const parts = text.split(',').map(parseNumber);
      return parts.some((part) => typeof part === 'string') ? text : parts;
    }
    case 'boolean': {
      const lower = text.trim().toLowerCase();
      if (['true', '1', 'yes', 'on'].includes(lower)) return true;
      if (['false', '0', 'no', 'off'].includes(lower)) return false;
      return text;
    }
    case 'choice':
      return text.trim();
    case 'batchSizeList': {
      if (text.trim() === '') return [];
      const parts = text
        .split(',')
        .map((part) => (part.trim().toLowerCase() === 'full' ? 'full' : parseNumber(part)));
      return parts.some((part) => typeof part === 'string' && part !== 'full') ? text : parts;
    }
  }
}

/** The text form of a value, the inverse of `parseFieldText` (for URLs and CLI commands). */
export function formatFieldValue(value: unknown): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}
