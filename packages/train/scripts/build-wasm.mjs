/**
 * Compiles src/fused/wasm/mlp-passes.wat to WebAssembly with wabt, four times
 * (as written, its FMA variant: see `fmaVariant`, and both on a shared
 * memory: see `sharedMemoryVariant`), and writes the modules' bytes, base64,
 * to src/fused/wasm/mlp-passes-wasm.ts and mlp-passes-shared-wasm.ts.
 * Run after editing the .wat: `pnpm --filter @epochlab/train build:wasm`.
 * A test compiles the .wat again and checks the committed bytes match.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  compileWat,
  fmaVariant,
  MODULE_NAMES,
  moduleSourceFor,
  sharedMemoryVariant,
} from './compile-wat.mjs';

const wasmFolder = fileURLToPath(new URL('../src/fused/wasm/', import.meta.url));
const wat = await readFile(`${wasmFolder}mlp-passes.wat`, 'utf8');
const bytes = await compileWat(wat);
const fmaBytes = await compileWat(fmaVariant(wat));
const sharedBytes = await compileWat(sharedMemoryVariant(wat));
const sharedFmaBytes = await compileWat(sharedMemoryVariant(fmaVariant(wat)));

async function write(file, source, sizes) {
  const target = `${wasmFolder}${file}`;
  await writeFile(`${target}.tmp`, source);
  await rename(`${target}.tmp`, target);
  console.log(`wrote ${target} (${sizes.join(' and ')} bytes of WebAssembly)`);
}
await write('mlp-passes-wasm.ts', moduleSourceFor(bytes, fmaBytes), [
  bytes.length,
  fmaBytes.length,
]);
await write(
  'mlp-passes-shared-wasm.ts',
  moduleSourceFor(sharedBytes, sharedFmaBytes, MODULE_NAMES.shared),
  [sharedBytes.length, sharedFmaBytes.length],
);
