import { bestAmplitude, type SinePoints, type SineWeights } from './sine-fit.js';

/**
 * One valley of the sine fit's loss surface: the strip of frequencies between
 * two ridges, `low <= |w| < high`, and the lowest point in it. Because
 * (w, a) and (-w, -a) are the same curve, the surface is symmetric and a
 * valley is named by |w|.
 */
export interface SineValley {
  /** Index from the slowest frequency up: valley 0 starts at w = 0. */
  readonly index: number;
  /** Lower bound of |w| (a ridge, or 0). */
  readonly low: number;
  /** Upper bound of |w| (a ridge, or the last frequency searched). */
  readonly high: number;
  /** The valley's lowest point (w > 0) and its loss. */
  readonly minimum: SineWeights & { readonly loss: number };
  /**
   * The lowest loss on the valley's ridges, `min(P(low), P(high))` with the
   * profile P(w) = min over a of L(w, a): a descent that starts below it and
   * only goes down cannot climb out of the valley.
   */
  readonly ridgeLoss: number;
}

/** Steps of the profile scan per unit of w: fine enough to see every ridge of the default data. */
const SCAN_STEPS_PER_UNIT = 400;

/** Golden-section search for the lowest profile loss in [low, high]. */
function profileMinimum(low: number, high: number, points: SinePoints): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let left = low;
  let right = high;
  for (let i = 0; i < 80; i++) {
    const x1 = right - ratio * (right - left);
    const x2 = left + ratio * (right - left);
    if (bestAmplitude(x1, points).loss < bestAmplitude(x2, points).loss) right = x2;
    else left = x1;
  }
  return (left + right) / 2;
}

/**
 * The valleys of the loss surface of y = a sin(w x) over 0 <= w <= `maxW`.
 * For a fixed w the loss is a parabola in a, so the surface's shape over w is
 * its profile P(w) = L(w, a*(w)) (`bestAmplitude`): a valley runs between
 * two local maxima of P (its ridges), and its lowest point is the local
 * minimum of P between them (found on a scan of 400 steps per unit of w, then
 * refined by golden-section search).
 */
export function sineValleys(points: SinePoints, maxW: number): SineValley[] {
  const count = Math.max(2, Math.ceil(maxW * SCAN_STEPS_PER_UNIT));
  const ws: number[] = [];
  const profile: number[] = [];
  for (let k = 0; k <= count; k++) {
    const w = (maxW * k) / count;
    ws.push(w);
    profile.push(bestAmplitude(w, points).loss);
  }
  const ridges = [0];
  for (let k = 1; k < count; k++) {
    const here = profile[k] as number;
    if (here > (profile[k - 1] as number) && here >= (profile[k + 1] as number))
      ridges.push(ws[k] as number);
  }
  ridges.push(maxW);
  const valleys: SineValley[] = [];
  for (let v = 0; v + 1 < ridges.length; v++) {
    const low = ridges[v] as number;
    const high = ridges[v + 1] as number;
    const w = profileMinimum(low, high, points);
    const best = bestAmplitude(w, points);
    const ridgeLoss = Math.min(
      bestAmplitude(low, points).loss,
      high < maxW ? bestAmplitude(high, points).loss : Number.POSITIVE_INFINITY,
    );
    valleys.push({ index: v, low, high, minimum: { w, a: best.a, loss: best.loss }, ridgeLoss });
  }
  return valleys;
}

/** The valley that holds frequency `w` (by |w|), or -1 beyond the last one. */
export function valleyIndexOf(valleys: readonly SineValley[], w: number): number {
  const size = Math.abs(w);
  for (const valley of valleys) if (size >= valley.low && size < valley.high) return valley.index;
  return -1;
}

/** The valley with the lowest minimum: where the global minimum lies. */
export function globalValley(valleys: readonly SineValley[]): SineValley {
  let best = valleys[0] as SineValley;
  for (const valley of valleys) if (valley.minimum.loss < best.minimum.loss) best = valley;
  return best;
}
