import type { LinePoint } from '../line-view/line-loss.js';
import type { LineView, LineViewPath } from '../line-view/line-view.js';
import type { LossSurface } from '../line-view/loss-surface.js';
import type { LabLineViewSettings } from './lab-line-view.js';

/**
 * The lab's line view as a file (`line-view.json` in the CLI's run folder,
 * a download on the page): the settings of its paths, the surface's bounds,
 * the surface, its minimum and every path.
 */
export interface LabLineViewFile {
  readonly model: 'y = m x + b';
  readonly loss: LabLineViewSettings['loss'];
  readonly start: readonly [number, number];
  readonly lr: number;
  readonly steps: number;
  readonly bounds: {
    readonly m: readonly [number | undefined, number | undefined];
    readonly b: readonly [number | undefined, number | undefined];
  };
  readonly surface: LossSurface;
  readonly minimum: LinePoint;
  readonly paths: readonly LineViewPath[];
}

/** The file of a line view drawn with `settings` (those `labLineView` was given). */
export function labLineViewFile(settings: LabLineViewSettings, view: LineView): LabLineViewFile {
  return {
    model: 'y = m x + b',
    loss: settings.loss,
    start: settings.pathStart,
    lr: settings.pathLr,
    steps: settings.pathSteps,
    bounds: {
      m: [view.surface.m[0], view.surface.m.at(-1)],
      b: [view.surface.b[0], view.surface.b.at(-1)],
    },
    surface: view.surface,
    minimum: view.minimum,
    paths: view.paths,
  };
}
