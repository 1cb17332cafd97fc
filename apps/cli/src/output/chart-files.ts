import type { ChartSpec } from '@epochlab/plot';
import { renderSvg, svgToPng } from '@epochlab/plot/node';
import type { RunFile } from './run-folder.js';

/** Renders chart specs, by file name without extension, as `<name>.svg` and `<name>.png`. */
export async function renderChartFiles(specs: readonly [string, ChartSpec][]): Promise<RunFile[]> {
  const rendered = await Promise.all(
    specs.map(async ([name, spec]): Promise<RunFile[]> => {
      // Laid out once: the PNG is rasterised from the same SVG.
      const svg = await renderSvg(spec);
      const png = await svgToPng(svg);
      return [
        { name: `${name}.svg`, content: svg },
        { name: `${name}.png`, content: png },
      ];
    }),
  );
  return rendered.flat();
}
