import {
  ConfigError,
  type ConfigIssue,
  type DataExperimentConfig,
  dataExperiment,
  type RunConfig,
} from '@epochlab/experiments';
import type { DataPoints } from '../worker/data-points.js';
import type { PointSets } from './points-in-url.js';

/** Whether a config trains on points the page supplies (load, paste, draw, link): the data experiment. */
export function usesOwnPoints(config: RunConfig): config is DataExperimentConfig {
  return config.experiment === dataExperiment.name;
}

/** The points the data experiment starts with on the page: its example points, as the CLI's defaults. */
export function examplePoints(): PointSets {
  const example = dataExperiment.defaults();
  return { train: example.points };
}

/**
 * The config with the page's points in it, checked by the experiment's own
 * schema (so the page refuses what the CLI would: a batch larger than the
 * training rows...). Throws `ConfigError`.
 */
export function withOwnPoints(
  config: DataExperimentConfig,
  points: PointSets,
): DataExperimentConfig {
  const { validationPoints: _, ...rest } = config;
  return dataExperiment.parse({
    ...rest,
    points: { x: [...points.train.x], y: [...points.train.y] },
    ...(points.validation
      ? { validationPoints: { x: [...points.validation.x], y: [...points.validation.y] } }
      : {}),
  });
}

/**
 * Why the data experiment's schema refuses a run of `config` on `points`
 * (a batch larger than the training rows, a number beyond float32...), or
 * undefined when it accepts it.
 */
export function ownPointsIssue(
  config: DataExperimentConfig,
  points: PointSets,
): ConfigIssue | undefined {
  try {
    withOwnPoints(config, points);
    return undefined;
  } catch (error) {
    if (!ConfigError.isInstance(error)) throw error;
    return error.issues[0];
  }
}

/** Whether a run on these points validates: separate validation points, or a share held out. */
export function validatesOwnPoints(config: DataExperimentConfig, points: PointSets): boolean {
  if (points.validation !== undefined) return true;
  return Math.floor(points.train.x.length * config.valFraction) > 0;
}

/** The page's points as the fit chart shows them before a run (no true function: the data are the user's). */
export function ownPointsPreview(config: DataExperimentConfig, points: PointSets): DataPoints {
  return {
    train: points.train,
    validation: validatesOwnPoints(config, points)
      ? (points.validation ?? { x: [], y: [] })
      : undefined,
    truth: { x: [], y: [] },
  };
}
