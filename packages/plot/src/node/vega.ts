/**
 * Vega and Vega-Lite, as Node rendering uses them. The build replaces this
 * module's output with one bundled, minified file (`scripts/bundle-vega.mjs`):
 * Vega's ES modules are some 40 packages and several hundred files, and Node
 * resolving, reading and linking them one by one took about four times as
 * long as running one file with the same code, before any chart was drawn.
 * The bundle is Vega's own code, so charts render exactly as before.
 */
import * as vega from 'vega';

export { parse, View } from 'vega';
export { compile } from 'vega-lite';

/** The text item fields Vega passes to its text measurer. */
export interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
}

/** Vega's text measurer (exported by vega-scenegraph, missing from vega's typings). */
export interface TextMetrics {
  width: (item: TextItem, text: unknown) => number;
}

/** The text measurer of the Vega that renders (the bundle's own copy, in Node). */
export const textMetrics: TextMetrics = (vega as unknown as { textMetrics: TextMetrics })
  .textMetrics;
