/**
 * One size-table row on epochlab's side in a fresh process, so that each reports its own
 * peak RSS, as each PyTorch run does: `node dist/size-table/size-row-process.js INDEX`
 * (an index into `SIZE_ROWS`) prints one JSON line; `INDEX no-fma` trains with
 * `fusedFma: false` (the float32 products' multiply then add, for side-by-side timings).
 */
// First: relaxed SIMD on (Node 20) before anything compiles WebAssembly.
import '@epochlab/train/enable-relaxed-simd';
import { measureSizeRow } from './measure-size-row.js';
import { SIZE_ROWS } from './size-rows.js';

const row = SIZE_ROWS[Number(process.argv[2])];
if (row === undefined)
  throw new Error(`no size row ${process.argv[2]}; 0 to ${SIZE_ROWS.length - 1}`);
const fma = process.argv[3];
if (fma !== undefined && fma !== 'no-fma') throw new Error(`unknown option '${fma}'; no-fma`);
process.stdout.write(`${JSON.stringify(await measureSizeRow(row, fma === undefined))}\n`);
