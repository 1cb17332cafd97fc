import type { ChartSpec } from '../chart-types.js';
import { ChartInputError } from '../errors.js';
import { chartFontFiles, chartFontName } from './chart-fonts.js';
import { renderSvg } from './render-svg.js';

let resvg: Promise<typeof import('@resvg/resvg-js')> | undefined;

/**
 * resvg's native module, loaded once, on the first PNG: importing this package
 * does not load it (a chart thread calls it as it starts).
 */
export function loadResvg(): Promise<typeof import('@resvg/resvg-js')> {
  resvg ??= import('@resvg/resvg-js');
  return resvg;
}

export interface RenderPngOptions {
  /**
   * Pixels per chart unit: a 640×400 chart at scale 2 is a 1280×800 PNG.
   * Default 2, sharp on high-density screens and in printed reports.
   */
  scale?: number;
  /** Width of the PNG in pixels; the height follows the chart's aspect ratio. Overrides `scale`. */
  width?: number;
}

/**
 * Renders a chart to PNG bytes: `renderSvg`, then resvg (no native build) with
 * the chart font's files passed explicitly and system fonts ignored, so the
 * image is the same on every machine.
 */
export async function renderPng(
  spec: ChartSpec,
  options: RenderPngOptions = {},
): Promise<Uint8Array> {
  pngSize(options); // bad options fail before the rendering work
  return svgToPng(await renderSvg(spec), options);
}

/**
 * Turns the SVG text `renderSvg` made into PNG bytes, as `renderPng` does: for
 * callers that write both files of a chart, so the chart is laid out once.
 * The rasterising runs off the main thread (libuv's pool), so the caller can
 * do other work (write files) until the promise settles.
 */
export async function svgToPng(svg: string, options: RenderPngOptions = {}): Promise<Uint8Array> {
  const fitTo = pngSize(options);
  const files = chartFontFiles();
  const { renderAsync } = await loadResvg();
  const image = await renderAsync(svg, {
    fitTo,
    font: {
      fontFiles: [files.regular, files.bold],
      loadSystemFonts: false,
      defaultFontFamily: chartFontName,
      sansSerifFamily: chartFontName,
    },
  });
  return image.asPng();
}

function pngSize(
  options: RenderPngOptions,
): { mode: 'zoom'; value: number } | { mode: 'width'; value: number } {
  if (options.width !== undefined) {
    if (!Number.isInteger(options.width) || options.width <= 0) {
      throw new ChartInputError('width', 'a positive integer number of pixels', options.width);
    }
    return { mode: 'width', value: options.width };
  }
  const scale = options.scale ?? 2;
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new ChartInputError('scale', 'a positive number', scale);
  }
  return { mode: 'zoom', value: scale };
}
