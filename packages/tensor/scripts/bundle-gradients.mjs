// tfjs-core registers no gradients on its own, and the module that does
// (dist/register_all_gradients.js) is ESM inside a package Node loads as
// CommonJS. This bundles it into one ES module for Node. The copy of tfjs-core
// internals it carries talks to the same engine and gradient registry (tfjs
// keeps both on globalThis), exactly as @tensorflow/tfjs's own bundle does.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { rolldown } from 'rolldown';

const require = createRequire(import.meta.url);
const coreDist = dirname(require.resolve('@tensorflow/tfjs-core/package.json'));
const bundle = await rolldown({
  input: join(coreDist, 'dist/register_all_gradients.js'),
  platform: 'node',
  logLevel: 'warn',
  treeshake: { moduleSideEffects: true },
});
await bundle.write({
  file: 'dist/register-gradients.node.js',
  format: 'esm',
  minify: true,
  // tfjs-core itself (its CommonJS build, see write-node-tf-core.mjs) must set up
  // the shared engine and its flags first.
  banner: "import './tf-core.node.js';",
});
await bundle.close();
