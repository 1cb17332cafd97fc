import { closeSync, openSync, writeSync } from 'node:fs';
import { SeededRandom } from '@epochlab/tensor';

/**
 * Writes `rows` noisy points of y = 0.5x^2 - x + 1 (x uniform in [-3, 3],
 * noise of std 0.3) as a CSV with a header, about 40 bytes a row at full
 * precision: the benchmark's "own data" file. Written in pieces, so memory
 * stays flat whatever `rows`.
 */
export function generateCsv(path: string, rows: number, seed = 0): number {
  const random = new SeededRandom(seed).stream('bench-csv');
  const descriptor = openSync(path, 'w');
  let bytes = 0;
  try {
    bytes += writeSync(descriptor, 'x,y\n');
    const piece: string[] = [];
    for (let i = 0; i < rows; i++) {
      const x = random.uniform(-3, 3);
      const y = 0.5 * x * x - x + 1 + random.normal(0, 0.3);
      piece.push(`${x},${y}`);
      if (piece.length === 10_000 || i === rows - 1) {
        bytes += writeSync(descriptor, `${piece.join('\n')}\n`);
        piece.length = 0;
      }
    }
  } finally {
    closeSync(descriptor);
  }
  return bytes;
}
