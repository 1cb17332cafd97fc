// Bundles dist/node/vega.js (Vega and Vega-Lite as Node rendering uses them)
// into one minified ES module, in place. See src/node/vega.ts for why.
import { rm } from 'node:fs/promises';
import { rolldown } from 'rolldown';

const output = 'dist/node/vega.js';
const bundle = await rolldown({ input: output, platform: 'node', logLevel: 'warn' });
await bundle.write({ file: output, format: 'esm', minify: true });
await bundle.close();
// tsc's source map describes the module before bundling.
await rm(`${output}.map`, { force: true });
