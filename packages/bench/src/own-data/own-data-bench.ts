import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PYTHON, torchUnavailable } from '../torch-reference.js';
import { generateCsv } from './generate-csv.js';

const here = dirname(fileURLToPath(import.meta.url));
const TORCH_SCRIPT = resolve(here, '../../python/csv_reference.py');

/** The streaming path's peak RSS must stay below this at every file size (MiB). */
export const STREAM_RSS_LIMIT_MB = 150;

function child(command: string, args: readonly string[]): Record<string, unknown> {
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}');
}

/**
 * The "own data" benchmark: a generated CSV of 1,000,000 rows (about 40 MB)
 * and one of 4,000,000, in a temporary folder removed afterwards. For each:
 * rows/s of `parsePointTable` (1e6 only), one epoch at batch 1024 from memory
 * and streamed, the streaming path's peak RSS (it must stay under 150 MiB and
 * not grow with the file), and PyTorch reading the same file with numpy into
 * a TensorDataset, in the same run. Each measurement runs in its own process,
 * with Node's default flags (what a user's run gets).
 */
export function runOwnDataBench(print: (line: object) => void, torch: boolean): void {
  const folder = mkdtempSync(join(tmpdir(), 'epochlab-bench-data-'));
  const processScript = join(here, 'own-data-process.js');
  const torchMissing = torch ? torchUnavailable(TORCH_SCRIPT) : 'skipped (--no-torch)';
  if (torchMissing !== undefined) print({ kind: 'own-data', pytorch: torchMissing });
  try {
    const rssByRows: Record<number, number> = {};
    for (const rows of [1_000_000, 4_000_000]) {
      const path = join(folder, `points-${rows}.csv`);
      const bytes = generateCsv(path, rows);
      const base = { kind: 'own-data', rows, fileMb: bytes / 2 ** 20 };
      const modes = rows === 1_000_000 ? ['parse', 'memory', 'stream'] : ['stream'];
      for (const mode of modes) {
        const measured = child(process.execPath, [processScript, mode, path]);
        if (mode === 'stream') rssByRows[rows] = Number(measured.peakRssMb);
        print({ ...base, path: mode, ...measured });
      }
      if (torchMissing === undefined && rows === 1_000_000) {
        print({
          ...base,
          path: 'pytorch-numpy-tensordataset',
          ...child(PYTHON, [TORCH_SCRIPT, path]),
        });
      }
    }
    const small = rssByRows[1_000_000] ?? Number.NaN;
    const large = rssByRows[4_000_000] ?? Number.NaN;
    print({
      kind: 'own-data-check',
      streamPeakRssMb: { '1e6': small, '4e6': large },
      underLimit: small < STREAM_RSS_LIMIT_MB && large < STREAM_RSS_LIMIT_MB,
      // "Does not grow": four times the rows may add at most 10% (noise of the allocator).
      flat: large < small * 1.1,
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
