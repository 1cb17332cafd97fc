/**
 * One size-table row on epochlab's side in a fresh process, so that each reports its own
 * peak RSS, as each PyTorch run does: `node dist/size-table/size-row-process.js INDEX`
 * (an index into `SIZE_ROWS`) prints one JSON line.
 */
import { measureSizeRow } from './measure-size-row.js';
import { SIZE_ROWS } from './size-rows.js';

const row = SIZE_ROWS[Number(process.argv[2])];
if (row === undefined)
  throw new Error(`no size row ${process.argv[2]}; 0 to ${SIZE_ROWS.length - 1}`);
process.stdout.write(`${JSON.stringify(await measureSizeRow(row))}\n`);
