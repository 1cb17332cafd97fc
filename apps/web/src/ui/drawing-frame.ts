import type { ChartSpec } from '@epochlab/plot';

/** The range both axes always show while points are drawn: the notebook's x range, [-1, 1]. */
export const DRAWING_FRAME: readonly [number, number] = [-1, 1];

/**
 * The fit chart with both axes spanning at least `DRAWING_FRAME`: an empty
 * chart has room to draw in, and a point drawn inside the frame does not
 * rescale the axes under the pointer, while points outside it (a loaded
 * file) still widen them. The frame is an extra layer of two invisible
 * points at its corners, on the chart's own x and y encodings, so the
 * scales take the union of it and the data (a `domain` on every layer would
 * do the same but makes Vega-Lite warn about conflicting domains).
 */
export function withDrawingFrame(spec: ChartSpec): ChartSpec {
  const layers = (spec as { layer?: { encoding?: Record<string, unknown> }[] }).layer ?? [];
  const encoding = layers[0]?.encoding ?? {};
  const [low, high] = DRAWING_FRAME;
  const frame = {
    data: {
      values: [
        { x: low, y: low },
        { x: high, y: high },
      ],
    },
    mark: { type: 'point', opacity: 0 },
    encoding: { x: encoding.x, y: encoding.y },
  };
  return { ...spec, layer: [...layers, frame] } as ChartSpec;
}
