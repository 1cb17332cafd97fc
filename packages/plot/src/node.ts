/**
 * @epochlab/plot/node: renders chart specs to SVG text and PNG bytes in Node,
 * with no DOM, canvas or native build. Build the specs with `@epochlab/plot`.
 */

export { ChartThread, type RenderedChart } from './node/chart-thread.js';
export { type RenderPngOptions, renderPng, svgToPng } from './node/render-png.js';
export { renderSvg } from './node/render-svg.js';
