import {
  decodePoints,
  POINTS_LEFT_OUT,
  type PointSets,
  PointsParamError,
  type PointsParamProblem,
  pointsFragment,
  pointsParam,
  pointsParamOf,
} from '../state/points-in-url.js';
import type { LinkPoints } from './data-panel.js';

/** What a link's fragment said about its points. */
export type LinkPointsRead =
  | { readonly kind: 'none' | 'leftOut' }
  | { readonly kind: 'points'; readonly points: PointSets }
  | { readonly kind: 'problem'; readonly reason: PointsParamProblem; readonly text: string };

/** Reads the points of a link's fragment (`#points=...`). */
export async function readLinkPoints(hash: string): Promise<LinkPointsRead> {
  const value = pointsParamOf(hash);
  if (value === undefined) return { kind: 'none' };
  if (value === POINTS_LEFT_OUT) return { kind: 'leftOut' };
  try {
    return { kind: 'points', points: await decodePoints(value) };
  } catch (error) {
    if (!(error instanceof PointsParamError)) throw error;
    const text = value.length > 24 ? `${value.slice(0, 24)}…` : value;
    return { kind: 'problem', reason: error.reason, text };
  }
}

/**
 * Keeps the address bar's fragment in step with the points (compressing
 * takes a moment, so only the latest of overlapping writes lands).
 */
export class PointsLinkWriter {
  private writes = 0;

  /**
   * Puts `points` in the fragment of the current URL, or just `left-out`
   * beyond the link's bound; with no training points, no fragment. Resolves
   * with what the link now does, or undefined when a later write replaced it.
   */
  async write(points: PointSets): Promise<LinkPoints | undefined> {
    const id = ++this.writes;
    if (points.train.x.length === 0) {
      window.history.replaceState(null, '', window.location.search);
      return 'none';
    }
    const value = await pointsParam(points);
    if (id !== this.writes) return undefined;
    window.history.replaceState(null, '', `${window.location.search}${pointsFragment(value)}`);
    return value === POINTS_LEFT_OUT ? 'leavesOut' : 'holds';
  }

  /** Forgets writes in flight (the page left the data experiment). */
  cancel(): void {
    this.writes++;
  }
}
