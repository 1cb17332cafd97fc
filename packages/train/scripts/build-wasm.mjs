/**
 * Compiles src/fused/wasm/mlp-passes.wat to WebAssembly with wabt, twice (as
 * written, and its FMA variant: see `fmaVariant`), and writes both modules'
 * bytes, base64, to src/fused/wasm/mlp-passes-wasm.ts.
 * Run after editing the .wat: `pnpm --filter @epochlab/train build:wasm`.
 * A test compiles the .wat again and checks the committed bytes match.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compileWat, fmaVariant, moduleSourceFor } from './compile-wat.mjs';

const wasmFolder = fileURLToPath(new URL('../src/fused/wasm/', import.meta.url));
const wat = await readFile(`${wasmFolder}mlp-passes.wat`, 'utf8');
const bytes = await compileWat(wat);
const fmaBytes = await compileWat(fmaVariant(wat));
const target = `${wasmFolder}mlp-passes-wasm.ts`;
await writeFile(`${target}.tmp`, moduleSourceFor(bytes, fmaBytes));
await rename(`${target}.tmp`, target);
console.log(`wrote ${target} (${bytes.length} and ${fmaBytes.length} bytes of WebAssembly)`);
