import { countTensors } from '@epochlab/tensor';
import { expect } from 'vitest';
import {
  type LossConfig,
  type OptimizerConfig,
  type OptimizerName,
  type TrainingPathName,
  type TrainingPathOption,
  trainModel,
} from '../../src/index.js';
import { notebookSetup } from './notebook-setup.js';

/**
 * 20 epochs of the notebook's setup with validation on one training path, for
 * the registry suites: expects the path named `path.name` to run all 20
 * epochs and the tensor count to come back to where it was.
 */
export async function expectBriefRun(
  loss: LossConfig,
  optimizer: OptimizerName | OptimizerConfig,
  path: { readonly option: TrainingPathOption; readonly name: TrainingPathName },
): Promise<void> {
  const setup = notebookSetup(4);
  const before = countTensors();
  const result = await trainModel({
    model: setup.model,
    train: setup.train,
    validation: setup.validation,
    epochs: 20,
    loss,
    optimizer,
    trainingPath: path.option,
  });
  expect(result.trainingPath).toBe(path.name);
  expect(result.status).toBe('completed');
  expect(result.history.train).toHaveLength(20);
  expect(countTensors()).toBe(before);
  setup.dispose();
}
