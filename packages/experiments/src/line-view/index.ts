/**
 * The two-parameter view of the batch-size lab: the line model y = m x + b on
 * the lab's training data, its loss surface over (m, b) and the paths that
 * gradient descent takes on it, as plain numbers.
 */
export { type DescentPathOptions, descentPath } from './descent-path.js';
export { type LineFitData, type LinePoint, lineLoss, lineLossGradient } from './line-loss.js';
export { type LineView, type LineViewOptions, type LineViewPath, lineView } from './line-view.js';
export { lossMinimum } from './loss-minimum.js';
export {
  DEFAULT_SURFACE_RESOLUTION,
  type LossSurface,
  type LossSurfaceOptions,
  lossSurface,
  MAX_SURFACE_RESOLUTION,
} from './loss-surface.js';
