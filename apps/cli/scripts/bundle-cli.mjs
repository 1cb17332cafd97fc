// Bundles the command's entries: dist/bin.js in place, and the sweep's worker as
// dist/sweep-worker.js next to the bundle's chunks (the sweep pool asks for './sweep-worker.js'
// next to its own module: dist/sweep/ in tsc's output, dist/ in the bundle), with the
// workspace packages only the command uses (@epochlab/experiments, train, data, models) and zod
// inlined, in a few files under dist/ instead of some 300 modules that Node resolves, reads and
// links one by one at every start (about 0.1 s of a `run`). What stays external is what the
// command depends on directly (package.json): @epochlab/tensor (tfjs, loaded with its own
// require), @epochlab/plot (its chart thread's file), commander, cli-progress, tinypool (its
// worker's file) and Node's modules. The library API (dist/index.js) is tsc's output, unbundled.
import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { rolldown } from 'rolldown';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const inlined = new Set([
  '@epochlab/experiments',
  '@epochlab/train',
  '@epochlab/data',
  '@epochlab/models',
]);
const external = new Set(Object.keys(manifest.dependencies).filter((name) => !inlined.has(name)));

/** The package a bare import names: `@scope/name` or `name`. */
function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const bundle = await rolldown({
  input: { bin: 'dist/bin.js', 'sweep-worker': 'dist/sweep/sweep-worker.js' },
  platform: 'node',
  logLevel: 'warn',
  external: (id) => id.startsWith('node:') || external.has(packageOf(id)),
});
// The chunks of an earlier build: their names carry a hash, so new ones never overwrite them,
// and npm would pack them all.
for (const file of readdirSync('dist')) {
  if (file.startsWith('bundled-')) await rm(`dist/${file}`);
}
await bundle.write({
  dir: 'dist',
  format: 'esm',
  entryFileNames: '[name].js',
  chunkFileNames: 'bundled-[name]-[hash].js',
});
await bundle.close();
// tsc's source map describes bin.js before bundling.
await rm('dist/bin.js.map', { force: true });
