import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as nodeEntry from '../dist/node.js';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Every module a source file reaches through relative imports (static and dynamic). */
function reachableModules(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    // Generated at build time: read the built file.
    const path = existsSync(file) ? file : file.replace('/src/', '/dist/').replace(/\.ts$/, '.js');
    const source = readFileSync(path, 'utf8');
    for (const match of source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
      const specifier = match[1] as string;
      if (specifier.startsWith('.'))
        pending.push(join(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.add(specifier);
    }
  }
  return { files, packages };
}

describe('entry points', () => {
  it('the browser entry never reaches Node-only code', () => {
    const { files, packages } = reachableModules(join(packageRoot, 'src/browser.ts'));
    expect([...files].some((file) => file.endsWith('node-backends.ts'))).toBe(false);
    expect([...packages].filter((p) => p.startsWith('node:') || p.includes('tfjs-node'))).toEqual(
      [],
    );
    expect(packages.has('@tensorflow/tfjs-backend-webgl')).toBe(true);
  });

  it('the Node entry never reaches browser-only backends', () => {
    const { packages } = reachableModules(join(packageRoot, 'src/node.ts'));
    expect(packages.has('@tensorflow/tfjs-backend-webgl')).toBe(false);
    expect(packages.has('@tensorflow/tfjs-backend-webgpu')).toBe(false);
  });

  it('both entries export the same API, with their own backend names', () => {
    // The browser entry cannot run in Node (it loads tfjs-core's ESM-only gradient
    // module), so its exports are read from its source.
    const exportsOf = (file: string) =>
      [
        ...readFileSync(join(packageRoot, file), 'utf8').matchAll(
          /^export (?:const (\w+)|function (\w+)|(\*) from)/gm,
        ),
      ]
        .map((match) => match[1] ?? match[2] ?? match[3])
        .sort();
    expect(exportsOf('src/browser.ts')).toEqual(exportsOf('src/node.ts'));
    expect(exportsOf('src/node.ts')).toEqual(['*', 'BACKEND_NAMES', 'PLATFORM', 'initBackend']);
    expect(readFileSync(join(packageRoot, 'src/browser.ts'), 'utf8')).toMatch(
      /browserBackends[\s\S]*webgpu|BACKEND_NAMES = \['auto', \.\.\.browserBackends/,
    );
    expect(nodeEntry.PLATFORM).toBe('node');
    expect(typeof nodeEntry.initBackend).toBe('function');
  });

  it('package.json maps the browser and node conditions to their entries, types first', () => {
    const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
    const root = manifest.exports['.'];
    expect(root.browser).toEqual({ types: './dist/browser.d.ts', default: './dist/browser.js' });
    expect(root.node).toEqual({ types: './dist/node.d.ts', default: './dist/node.js' });
    for (const condition of Object.values(root) as Record<string, string>[]) {
      expect(Object.keys(condition)[0]).toBe('types');
    }
  });
});
