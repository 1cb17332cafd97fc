import type { ChartSpec } from '@epochlab/plot';
import { renderPng, renderSvg } from '@epochlab/plot/node';
import type { RunFile } from './run-folder.js';

/** Renders chart specs, by file name without extension, as `<name>.svg` and `<name>.png`. */
export async function renderChartFiles(specs: readonly [string, ChartSpec][]): Promise<RunFile[]> {
  const rendered = await Promise.all(
    specs.map(async ([name, spec]): Promise<RunFile[]> => {
      const [svg, png] = await Promise.all([renderSvg(spec), renderPng(spec)]);
      return [
        { name: `${name}.svg`, content: svg },
        { name: `${name}.png`, content: png },
      ];
    }),
  );
  return rendered.flat();
}
