import { closeSync, openSync, readSync } from 'node:fs';
import { PointTableError } from '../table/point-table-error.js';

/** The longest line a streamed file may have: a row of numbers never comes near it. */
export const MAX_LINE_BYTES = 1 << 24;

/**
 * The bytes of a file in chunks of about `chunkBytes`, each ending at a line
 * break (the last one at the end of the file). Every chunk is a view into one
 * buffer the generator reuses, valid until the next one is asked for: reading
 * a file allocates nothing per chunk, so memory holds one buffer whatever the
 * file's size. A line longer than the buffer grows it, up to `MAX_LINE_BYTES`.
 */
export function* byteChunks(path: string, chunkBytes: number): Generator<Buffer> {
  let buffer: Buffer = Buffer.allocUnsafe(chunkBytes);
  let carried = 0;
  const descriptor = openSync(path, 'r');
  try {
    for (;;) {
      if (carried === buffer.length) buffer = grown(buffer);
      const read = readSync(descriptor, buffer, carried, buffer.length - carried, null);
      const filled = carried + read;
      if (read === 0) {
        if (filled > 0) yield buffer.subarray(0, filled);
        return;
      }
      const end = buffer.lastIndexOf(10, filled - 1);
      if (end < 0) {
        carried = filled;
        continue;
      }
      yield buffer.subarray(0, end + 1);
      buffer.copyWithin(0, end + 1, filled);
      carried = filled - end - 1;
    }
  } finally {
    closeSync(descriptor);
  }
}

function grown(buffer: Buffer): Buffer {
  if (buffer.length >= MAX_LINE_BYTES) {
    throw new PointTableError({
      code: 'badCsv',
      what: `a line is longer than ${MAX_LINE_BYTES / 2 ** 20} MiB`,
      allowed: 'one row per line, each ending in a line break (\\n or \\r\\n)',
    });
  }
  const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, MAX_LINE_BYTES));
  buffer.copy(larger);
  return larger;
}
