/**
 * What is wrong with one config value, as a code and the numbers or names the
 * message needs. Apps word it in their language from the code (the CLI with
 * `problemText`, the web page in English and Spanish), never by matching
 * English text.
 */
export type ConfigProblem =
  | { readonly code: 'wholeNumber'; readonly min: number; readonly max: number }
  | { readonly code: 'finiteNumber' }
  | { readonly code: 'numberAtLeast'; readonly min: number }
  | { readonly code: 'numberAbove'; readonly min: number }
  | { readonly code: 'numberAboveAtMost'; readonly min: number; readonly max: number }
  | { readonly code: 'numberFromBelow'; readonly min: number; readonly max: number }
  | { readonly code: 'boolean' }
  | { readonly code: 'oneOf'; readonly choices: readonly string[] }
  | { readonly code: 'layerSizeList'; readonly example: string }
  | { readonly code: 'tooFewLayers' }
  | { readonly code: 'tooManyLayers'; readonly max: number }
  | { readonly code: 'coefficientList'; readonly example: string }
  | { readonly code: 'tooFewCoefficients'; readonly example: string }
  | { readonly code: 'tooManyCoefficients'; readonly max: number }
  | { readonly code: 'batchSize' }
  | { readonly code: 'batchSizeAtMost'; readonly max: number }
  | { readonly code: 'batchSizeList'; readonly example: string }
  | { readonly code: 'tooFewBatchSizes'; readonly example: string }
  | { readonly code: 'tooManyBatchSizes'; readonly max: number }
  | { readonly code: 'batchSizeAboveN'; readonly n: number }
  | {
      readonly code: 'repeatedBatchSize';
      readonly other: string;
      readonly size: number;
      readonly n: number;
    }
  | { readonly code: 'seedsPastMaxSeed'; readonly max: number }
  | { readonly code: 'pointPair'; readonly example: string }
  | { readonly code: 'pointPairItem' }
  | { readonly code: 'weightPair'; readonly example: string }
  | { readonly code: 'learningRateList'; readonly example: string }
  | { readonly code: 'tooManyLearningRates'; readonly max: number }
  | { readonly code: 'unknownField'; readonly experiment: string; readonly title: string }
  | { readonly code: 'exactly'; readonly value: string }
  | { readonly code: 'configObject'; readonly example: string }
  | { readonly code: 'dataTooLarge'; readonly what: 'noise' | 'x' | 'y' }
  /** `from`: where validation points come from, so the text names those fields (val-n, or val-fraction/val-data). */
  | { readonly code: 'needsValidation'; readonly from: 'valN' | 'givenData' }
  | { readonly code: 'pointLists' }
  | {
      readonly code: 'pointCounts';
      readonly x: number;
      readonly y: number;
      readonly inputs: number;
    }
  | { readonly code: 'inputNames' }
  | { readonly code: 'validationInputs'; readonly inputs: number }
  | { readonly code: 'tooFewPoints'; readonly min: number }
  | { readonly code: 'tooManyPoints'; readonly max: number }
  | { readonly code: 'float32Number' }
  | { readonly code: 'batchSizeAboveRows'; readonly rows: number }
  | { readonly code: 'invalid' };

/** The code of a config problem. */
export type ConfigProblemCode = ConfigProblem['code'];

/** The problem with this code. */
export type ConfigProblemOf<Code extends ConfigProblemCode> = Extract<
  ConfigProblem,
  { code: Code }
>;

/** Words a problem of each code: one function per code, so a new code cannot be left out. */
export type ProblemWording = {
  readonly [Code in ConfigProblemCode]: (problem: ConfigProblemOf<Code>) => string;
};

/** Fills a wording table in for one problem. */
export function wordProblem(wording: ProblemWording, problem: ConfigProblem): string {
  const word = wording[problem.code] as (problem: ConfigProblem) => string;
  return word(problem);
}

const ENGLISH: ProblemWording = {
  wholeNumber: ({ min, max }) => `must be a whole number from ${min} to ${max}`,
  finiteNumber: () => 'must be a finite number',
  numberAtLeast: ({ min }) => `must be a number >= ${min}`,
  numberAbove: ({ min }) => `must be a number > ${min}`,
  numberAboveAtMost: ({ min, max }) => `must be a number > ${min} and <= ${max}`,
  numberFromBelow: ({ min, max }) => `must be a number from ${min} up to (not including) ${max}`,
  boolean: () => 'must be true or false',
  oneOf: ({ choices }) => `must be one of ${choices.join(', ')}`,
  layerSizeList: ({ example }) => `must be a list of layer sizes, such as ${example}`,
  tooFewLayers: () => 'must list at least one hidden layer size',
  tooManyLayers: ({ max }) => `must list at most ${max} hidden layer sizes`,
  coefficientList: ({ example }) =>
    `must be a list of finite numbers, highest degree first, such as ${example}`,
  tooFewCoefficients: ({ example }) => `must hold at least one coefficient, such as ${example}`,
  tooManyCoefficients: ({ max }) => `must hold at most ${max} coefficients (degree ${max - 1})`,
  batchSize: () => 'must be a whole number >= 1 or full',
  batchSizeAtMost: ({ max }) => `must be at most ${max} or full`,
  batchSizeList: ({ example }) => `must be a list of batch sizes, such as ${example}`,
  tooFewBatchSizes: ({ example }) => `must list at least one batch size, such as ${example}`,
  tooManyBatchSizes: ({ max }) => `must list at most ${max} batch sizes`,
  batchSizeAboveN: ({ n }) => `must be at most n (${n}) or full`,
  repeatedBatchSize: ({ other, size, n }) =>
    `must not repeat a batch size: ${other} is ${size} too (n is ${n})`,
  seedsPastMaxSeed: ({ max }) => `must keep seed + seeds - 1 at most ${max}`,
  pointPair: ({ example }) => `must be two finite numbers m,b such as ${example}`,
  pointPairItem: () => 'must be two finite numbers m,b',
  weightPair: ({ example }) => `must be two finite numbers w,a such as ${example}`,
  learningRateList: ({ example }) =>
    `must be a list of learning rates, each > 0 and <= 10, such as ${example}`,
  tooManyLearningRates: ({ max }) => `must list at most ${max} learning rates`,
  unknownField: ({ title }) => `is not a field of the ${title}`,
  exactly: ({ value }) => `must be ${value}`,
  configObject: ({ example }) => `must be an object such as ${example}`,
  dataTooLarge: ({ what }) =>
    `is too large: ${what === 'noise' ? 'the noise' : `the ${what} values`} could exceed the largest float32 (about 3.4e38), and training would see infinities`,
  needsValidation: ({ from }) =>
    from === 'givenData'
      ? 'needs validation points: set val-fraction above 0 or give validation points (--val-data), or turn early stopping off'
      : 'needs validation points: set val-n to 1 or more, or turn early stopping off',
  pointLists: () => 'must be an object {"x": [...], "y": [...]} of lists of numbers',
  pointCounts: ({ x, y, inputs }) =>
    inputs === 1
      ? `must have as many y values as x values (x: ${x}, y: ${y})`
      : `must have ${inputs} x values (one per input column, row by row) for each y value (x: ${x}, y: ${y})`,
  inputNames: () => 'must be a list of distinct, non-empty input column names',
  validationInputs: ({ inputs }) =>
    `must have the training points' input columns (${inputs}, with the same names)`,
  tooFewPoints: ({ min }) => `must hold at least ${min} point${min === 1 ? '' : 's'}`,
  tooManyPoints: ({ max }) => `must hold at most ${max} points`,
  float32Number: () => 'must be a finite number with |value| <= 3.4e38 (float32)',
  batchSizeAboveRows: ({ rows }) =>
    `must be at most the number of training rows (${rows}): a batch cannot hold more rows than there are`,
  invalid: () => 'is not valid',
};

/** A problem in English, as the CLI prints it: `must be a whole number from 1 to 1000000`. */
export function problemText(problem: ConfigProblem): string {
  return wordProblem(ENGLISH, problem);
}

const PREFIX = 'epochlab-problem:';

/**
 * The problem as a zod error message: zod carries only text, so the problem
 * travels as JSON and `problemFromMessage` reads it back.
 */
export function problemMessage(problem: ConfigProblem): string {
  return `${PREFIX}${JSON.stringify(problem)}`;
}

/** The problem a `problemMessage` holds; zod's own messages become `invalid`. */
export function problemFromMessage(message: string): ConfigProblem {
  if (!message.startsWith(PREFIX)) return { code: 'invalid' };
  return JSON.parse(message.slice(PREFIX.length)) as ConfigProblem;
}
