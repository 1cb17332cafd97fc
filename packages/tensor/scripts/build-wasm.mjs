/**
 * Compiles src/random/wasm/fisher-yates.wat to WebAssembly with wabt and
 * writes its bytes, base64, to src/random/wasm/fisher-yates-wasm.ts. Run
 * after editing the .wat: `pnpm --filter @epochlab/tensor build:wasm`. A test
 * compiles the .wat again and checks the committed bytes match.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compileWat, moduleSource } from './compile-wat.mjs';

const folder = fileURLToPath(new URL('../src/random/wasm/', import.meta.url));
const bytes = await compileWat(await readFile(`${folder}fisher-yates.wat`, 'utf8'));
const target = `${folder}fisher-yates-wasm.ts`;
await writeFile(`${target}.tmp`, moduleSource(bytes));
await rename(`${target}.tmp`, target);
console.log(`wrote ${target} (${bytes.length} bytes of WebAssembly)`);
