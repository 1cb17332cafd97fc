/** Where the diagram puts one unit: its layer, its index in it, and its centre. */
export interface UnitPosition {
  readonly layer: number;
  readonly index: number;
  readonly x: number;
  readonly y: number;
}

/** One weight's line: from unit `from` of layer `layer` to unit `to` of the next layer. */
export interface WeightLine {
  readonly layer: number;
  readonly from: number;
  readonly to: number;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** The diagram's geometry for a dense MLP of `widths` units per layer (inputs first). */
export interface NetworkLayout {
  readonly width: number;
  readonly height: number;
  readonly units: readonly UnitPosition[];
  /** One line per weight, in kernel order (layer, then `from`, then `to`): absent when too many. */
  readonly lines: readonly WeightLine[] | undefined;
  readonly weightCount: number;
  readonly biasCount: number;
}

/** More weights than this are not drawn one line each: the page says so instead. */
export const MAX_DRAWN_WEIGHTS = 4000;
/** More units in a layer than this are drawn as this many, with the count written. */
export const MAX_DRAWN_UNITS = 32;

const WIDTH = 360;
const HEIGHT = 220;
const MARGIN = 14;

/**
 * Lays out a dense MLP left to right: each layer a column, its units spread
 * evenly down it, one line per weight between consecutive layers (when at
 * most {@link MAX_DRAWN_WEIGHTS}). Layers wider than {@link MAX_DRAWN_UNITS}
 * show that many units (and no lines).
 */
export function networkLayout(widths: readonly number[]): NetworkLayout {
  const columns = widths.length;
  const xOf = (layer: number) =>
    columns === 1 ? WIDTH / 2 : MARGIN + ((WIDTH - 2 * MARGIN) * layer) / (columns - 1);
  const drawn = widths.map((w) => Math.min(w, MAX_DRAWN_UNITS));
  const yOf = (layer: number, index: number) => {
    const count = drawn[layer] ?? 1;
    return count === 1 ? HEIGHT / 2 : MARGIN + ((HEIGHT - 2 * MARGIN) * index) / (count - 1);
  };
  const units: UnitPosition[] = [];
  drawn.forEach((count, layer) => {
    for (let index = 0; index < count; index++) {
      units.push({ layer, index, x: xOf(layer), y: yOf(layer, index) });
    }
  });
  let weightCount = 0;
  let biasCount = 0;
  for (let layer = 1; layer < widths.length; layer++) {
    weightCount += (widths[layer - 1] ?? 0) * (widths[layer] ?? 0);
    biasCount += widths[layer] ?? 0;
  }
  const everyUnitDrawn = widths.every((w, i) => w === drawn[i]);
  let lines: WeightLine[] | undefined;
  if (everyUnitDrawn && weightCount <= MAX_DRAWN_WEIGHTS) {
    lines = [];
    for (let layer = 0; layer + 1 < widths.length; layer++) {
      for (let from = 0; from < (widths[layer] ?? 0); from++) {
        for (let to = 0; to < (widths[layer + 1] ?? 0); to++) {
          lines.push({
            layer,
            from,
            to,
            x1: xOf(layer),
            y1: yOf(layer, from),
            x2: xOf(layer + 1),
            y2: yOf(layer + 1, to),
          });
        }
      }
    }
  }
  return { width: WIDTH, height: HEIGHT, units, lines, weightCount, biasCount };
}

/** How one weight is drawn: its colour by sign, its width and opacity by size. */
export interface WeightStyle {
  readonly color: string;
  readonly width: number;
  readonly opacity: number;
}

/** Positive weights: orange; negative: blue (TensorFlow Playground's colours). */
export const POSITIVE_COLOR = '#e8790c';
export const NEGATIVE_COLOR = '#0877bd';

/**
 * The style of a weight `w` when the largest weight of the network is
 * `largest` in size: width from 0.4 to 3.4 px and opacity from 0.15 to 1 in
 * proportion to |w| / largest.
 */
export function weightStyle(w: number, largest: number): WeightStyle {
  const share = largest > 0 && Number.isFinite(w) ? Math.min(1, Math.abs(w) / largest) : 0;
  return {
    color: w < 0 ? NEGATIVE_COLOR : POSITIVE_COLOR,
    width: 0.4 + 3 * share,
    opacity: 0.15 + 0.85 * share,
  };
}

/**
 * The kernels of `weights` (as `Mlp.getWeights()` returns them: kernel,
 * bias, kernel, bias, ...) in kernel order, the order of `lines`, and the
 * largest weight's size.
 */
export function kernelValues(weights: readonly ArrayLike<number>[]): {
  values: number[];
  largest: number;
} {
  const values: number[] = [];
  let largest = 0;
  for (let i = 0; i < weights.length; i += 2) {
    const kernel = weights[i] ?? [];
    for (let j = 0; j < kernel.length; j++) {
      const w = kernel[j] ?? 0;
      values.push(w);
      if (Number.isFinite(w) && Math.abs(w) > largest) largest = Math.abs(w);
    }
  }
  return { values, largest };
}
