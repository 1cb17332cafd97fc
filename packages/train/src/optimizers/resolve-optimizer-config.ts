import { InvalidArgumentError } from '@epochlab/tensor';
import {
  OPTIMIZER_DEFAULTS,
  OPTIMIZER_NAMES,
  type OptimizerConfig,
  type OptimizerName,
} from './optimizer-config.js';

/** An optimizer config with every option filled in. */
export type ResolvedOptimizerConfig = {
  [Name in OptimizerName]: Required<Extract<OptimizerConfig, { name: Name }>>;
}[OptimizerName];

function checkLearningRate(value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidArgumentError('optimizer.learningRate', 'a finite number > 0', value);
  }
}

function checkFraction(field: string, value: number): void {
  if (typeof value !== 'number' || !(value >= 0 && value < 1)) {
    throw new InvalidArgumentError(`optimizer.${field}`, 'a number in [0, 1)', value);
  }
}

function checkEpsilon(value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidArgumentError('optimizer.epsilon', 'a finite number >= 0', value);
  }
}

function checkFlag(field: string, value: boolean): void {
  if (typeof value !== 'boolean') {
    throw new InvalidArgumentError(`optimizer.${field}`, 'true or false', value);
  }
}

/**
 * Checks an optimizer given by name or config and fills in PyTorch's defaults.
 * Throws `InvalidArgumentError` naming the field (`optimizer`,
 * `optimizer.learningRate`, `optimizer.momentum`, ...).
 */
export function resolveOptimizerConfig(
  optimizer: OptimizerName | OptimizerConfig,
): ResolvedOptimizerConfig {
  const config =
    typeof optimizer === 'string' ? ({ name: optimizer } as OptimizerConfig) : optimizer;
  const name: unknown = (config as { name?: unknown } | null)?.name;
  if (!OPTIMIZER_NAMES.includes(name as OptimizerName)) {
    throw new InvalidArgumentError(
      'optimizer',
      `one of ${OPTIMIZER_NAMES.join(', ')}`,
      name ?? optimizer,
    );
  }
  switch (config.name) {
    case 'sgd': {
      const resolved = { ...OPTIMIZER_DEFAULTS.sgd, ...withoutUndefined(config) };
      checkLearningRate(resolved.learningRate);
      checkFraction('momentum', resolved.momentum);
      checkFlag('nesterov', resolved.nesterov);
      if (resolved.nesterov && resolved.momentum === 0) {
        throw new InvalidArgumentError('optimizer.momentum', 'a number in (0, 1) with nesterov', 0);
      }
      return resolved;
    }
    case 'adam': {
      const resolved = { ...OPTIMIZER_DEFAULTS.adam, ...withoutUndefined(config) };
      checkLearningRate(resolved.learningRate);
      checkFraction('beta1', resolved.beta1);
      checkFraction('beta2', resolved.beta2);
      checkEpsilon(resolved.epsilon);
      return resolved;
    }
    case 'rmsprop': {
      const resolved = { ...OPTIMIZER_DEFAULTS.rmsprop, ...withoutUndefined(config) };
      checkLearningRate(resolved.learningRate);
      checkFraction('alpha', resolved.alpha);
      checkEpsilon(resolved.epsilon);
      checkFraction('momentum', resolved.momentum);
      checkFlag('centered', resolved.centered);
      return resolved;
    }
  }
}

/** The object without its `undefined` fields, so that they do not hide defaults. */
function withoutUndefined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}
