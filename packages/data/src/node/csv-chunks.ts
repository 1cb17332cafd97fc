import { closeSync, openSync, readSync } from 'node:fs';

/** Complete lines of a file, a chunk at a time, with the 1-based number of the chunk's first line. */
export interface LineChunk {
  readonly text: string;
  readonly firstLine: number;
}

/**
 * The text of a file in chunks of about `chunkBytes`, each ending at a line
 * break (the last one at the end of the file), decoded as UTF-8 across chunk
 * boundaries. Memory holds one chunk whatever the file's size.
 */
export function* lineChunks(path: string, chunkBytes: number): Generator<LineChunk> {
  const decoder = new TextDecoder('utf-8');
  const buffer = Buffer.allocUnsafe(chunkBytes);
  const descriptor = openSync(path, 'r');
  let carry = '';
  let line = 1;
  try {
    for (;;) {
      const read = readSync(descriptor, buffer, 0, chunkBytes, null);
      const text =
        carry +
        (read > 0 ? decoder.decode(buffer.subarray(0, read), { stream: true }) : decoder.decode());
      if (read === 0) {
        if (text !== '') yield { text, firstLine: line };
        return;
      }
      const end = text.lastIndexOf('\n');
      if (end < 0) {
        carry = text;
        continue;
      }
      const complete = text.slice(0, end + 1);
      carry = text.slice(end + 1);
      yield { text: complete, firstLine: line };
      line += countLines(complete);
    }
  } finally {
    closeSync(descriptor);
  }
}

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
