import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

/** Where a file of data came from, as a run records it. */
export interface FileDigest {
  /** The path as given. */
  readonly path: string;
  readonly bytes: number;
  /** SHA-256 of the content, lowercase hex. */
  readonly sha256: string;
}

const CHUNK_BYTES = 1 << 20;

/** The byte size and SHA-256 of a file, read in 1 MiB chunks (memory stays flat for any size). */
export function fileDigest(path: string): FileDigest {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  const descriptor = openSync(path, 'r');
  let bytes = 0;
  try {
    for (;;) {
      const read = readSync(descriptor, buffer, 0, CHUNK_BYTES, null);
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
      bytes += read;
    }
  } finally {
    closeSync(descriptor);
  }
  return { path, bytes, sha256: hash.digest('hex') };
}
