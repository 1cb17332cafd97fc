import type { Config } from 'vega-lite';
import type { ChartSize } from '../chart-types.js';
import { chartConfig } from './theme.js';

/** The top-level fields `chartFrame` gives every chart. */
export interface ChartFrame {
  readonly $schema: string;
  readonly title?: string | { readonly text: string; readonly subtitle: string[] };
  readonly width: number;
  readonly height: number;
  readonly autosize: { readonly type: 'fit'; readonly contains: 'padding' };
  readonly config: Config;
}

/**
 * What every chart of this package has at its top level: the Vega-Lite
 * schema, the optional title (with subtitle lines under it), the size (axes and legend included: `fit`
 * autosize) and a fresh copy of the shared theme. Builders add their
 * datasets and layers to it.
 */
export function chartFrame(
  title: string | undefined,
  size: Required<ChartSize>,
  subtitle: readonly string[] = [],
): ChartFrame {
  const heading = subtitle.length === 0 ? title : { text: title ?? '', subtitle: [...subtitle] };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...(heading === undefined ? {} : { title: heading }),
    width: size.width,
    height: size.height,
    autosize: { type: 'fit', contains: 'padding' },
    config: structuredClone(chartConfig),
  };
}
