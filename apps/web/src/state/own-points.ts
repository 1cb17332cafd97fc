import { type ExperimentConfig, parseExperimentConfig } from '@epochlab/experiments';
import type { DataPoints } from '../worker/data-points.js';
import type { PointSets } from './points-in-url.js';

/** The experiment that trains on the user's own points: its config holds them. */
export const DATA_EXPERIMENT = 'data';

/** Whether a config trains on points the page supplies (load, paste, draw, link). */
export function usesOwnPoints(config: ExperimentConfig): boolean {
  return (config.experiment as string) === DATA_EXPERIMENT;
}

/**
 * The config with the page's points in it, checked by the experiment's own
 * schema (so the page refuses what the CLI would). Throws `ConfigError`.
 */
export function withOwnPoints(config: ExperimentConfig, points: PointSets): ExperimentConfig {
  return parseExperimentConfig({
    ...config,
    points: points.train,
    ...(points.validation ? { validationPoints: points.validation } : {}),
  });
}

/** Whether a run on these points validates: separate validation points, or a fraction held out. */
export function validatesOwnPoints(config: ExperimentConfig, points: PointSets): boolean {
  const fraction = (config as { valFraction?: number }).valFraction ?? 0;
  return points.validation !== undefined || fraction > 0;
}

/** The page's points as the fit chart shows them before a run (no true function: the data are the user's). */
export function ownPointsPreview(config: ExperimentConfig, points: PointSets): DataPoints {
  return {
    train: points.train,
    validation: validatesOwnPoints(config, points)
      ? (points.validation ?? { x: [], y: [] })
      : undefined,
    truth: { x: [], y: [] },
  };
}
