import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Source files and packages a module reaches at run time (type-only imports do
 * not count): what it imports statically and, with `dynamic`, also what it
 * loads on first use (`import('./vega.js')`).
 */
function reachable(
  entry: string,
  { dynamic = false } = {},
): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [join(packageRoot, entry)];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    const statements = source.matchAll(
      /^(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm,
    );
    const loadedOnUse = dynamic
      ? [...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
          ([, specifier]) => [undefined, undefined, specifier] as const,
        )
      : [];
    for (const [, typeOnly, specifier] of [...statements, ...loadedOnUse]) {
      if (typeOnly || !specifier) continue;
      if (specifier.startsWith('.')) {
        pending.push(join(dirname(file), specifier.replace(/\.js$/, '.ts')));
      } else packages.add(specifier);
    }
  }
  return {
    files: new Set([...files].map((file) => file.slice(packageRoot.length + 1))),
    packages,
  };
}

describe('entry points', () => {
  it('the main entry (chart builders) needs only d3-contour at run time', () => {
    const { files, packages } = reachable('src/index.ts');
    expect([...packages]).toEqual(['d3-contour']);
    expect([...files].some((file) => file.startsWith('src/node/'))).toBe(false);
    expect([...files].some((file) => file.startsWith('src/browser/'))).toBe(false);
  });

  it('the browser entry never reaches Node-only code, nor Vega-Lite before a chart needs it', () => {
    const { files, packages } = reachable('src/browser.ts');
    // Vega's own modules, not the `vega` package, which registers every transform it has;
    // Vega-Lite comes with the first chart compiled on the page (a dynamic import), if any.
    expect([...packages].sort()).toEqual([
      'vega-dataflow',
      'vega-encode',
      'vega-parser',
      'vega-transforms',
      'vega-view',
      'vega-view-transforms',
    ]);
    expect([...files].some((file) => file.startsWith('src/node/'))).toBe(false);
  });

  it('the compile entry reaches Vega-Lite and not the Vega runtime', () => {
    const { files, packages } = reachable('src/compile.ts');
    expect([...packages]).toEqual(['vega-lite']);
    expect([...files].some((file) => file.startsWith('src/browser/'))).toBe(false);
    expect([...files].some((file) => file.startsWith('src/node/'))).toBe(false);
  });

  it('the Node entry renders with resvg and never reaches the browser code', () => {
    // resvg and Vega load with the first chart (`import()`), not with the entry.
    const { files, packages } = reachable('src/node.ts', { dynamic: true });
    expect(packages.has('@resvg/resvg-js')).toBe(true);
    expect(reachable('src/node.ts').packages.has('@resvg/resvg-js')).toBe(false);
    expect([...files].some((file) => file.startsWith('src/browser/'))).toBe(false);
  });

  it('package.json exports each entry with types first; ./node JavaScript only under the node condition', () => {
    const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
    const exports = manifest.exports;
    expect(exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    expect(exports['./browser']).toEqual({
      types: './dist/browser.d.ts',
      default: './dist/browser.js',
    });
    // Types for every resolver (TypeScript's bundler resolution has no node condition);
    // the JavaScript only for Node, so a browser bundle cannot pull in resvg and fs.
    expect(exports['./compile']).toEqual({
      types: './dist/compile.d.ts',
      default: './dist/compile.js',
    });
    expect(exports['./node']).toEqual({ types: './dist/node.d.ts', node: './dist/node.js' });
    const conditionObjects = [
      exports['.'],
      exports['./browser'],
      exports['./compile'],
      exports['./node'],
    ];
    for (const conditions of conditionObjects) expect(Object.keys(conditions)[0]).toBe('types');
    expect(manifest.sideEffects).toBe(false);
    expect(manifest.type).toBe('module');
  });
});
