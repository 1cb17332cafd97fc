import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PYTHON } from '../torch-reference.js';
import type { SizeRowMeasurement } from './measure-size-row.js';
import { SIZE_ROWS, type SizeRow } from './size-rows.js';
import { type SizeRowResult, sizeCrossovers, sizeTableMarkdown } from './size-table-report.js';

const here = dirname(fileURLToPath(import.meta.url));
const ANCHOR = resolve(here, '../../anchors/size_table.py');

/** What `anchors/size_table.py` prints. */
interface TorchSizeRun {
  /** torch's intra-op threads. */
  readonly threads: number;
  /** The BLAS library's own thread pool (OpenBLAS: one per core by default); `null`: unknown. */
  readonly blas_threads: number | null;
  readonly samples_per_s: number;
  readonly final_train: number;
  readonly peak_rss_mb: number;
  /** Resolved paths of the BLAS libraries PyTorch's process had loaded after its matmuls. */
  readonly blas: readonly string[];
}

function lastJsonLine<T>(output: string): T {
  return JSON.parse(output.trim().split('\n').at(-1) ?? '') as T;
}

function epochlabSide(index: number): SizeRowMeasurement {
  const run = spawnSync(process.execPath, [join(here, 'size-row-process.js'), String(index)], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`size row ${index} failed: ${run.stderr}`);
  return lastJsonLine(run.stdout);
}

/** PyTorch's side of `row`: on `threads` threads (torch's and its BLAS's), or its defaults. */
function torchSide(row: SizeRow, threads: number | 'default'): TorchSizeRun {
  const args = [
    ANCHOR,
    '--hidden',
    row.hidden.join(','),
    '--n',
    String(row.n),
    '--batch',
    String(row.batch),
    '--epochs',
    String(row.epochs),
    ...(threads === 'default' ? [] : ['--threads', String(threads)]),
  ];
  const run = spawnSync(PYTHON, args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`size_table.py ${args.join(' ')} failed: ${run.stderr}`);
  return lastJsonLine(run.stdout);
}

/**
 * The size table: for every row of `SIZE_ROWS`, epochlab (cpu backend, the path `auto`
 * picks), PyTorch on one thread (torch's and its BLAS's: `size_table.py --threads 1`) and
 * PyTorch with the threads `import torch` gives (here torch's one intra-op thread and
 * OpenBLAS's pool of one thread per core), one after the other (interleaved row by row, so
 * load that drifts falls on all three alike), each in a fresh process. Prints, through
 * `print`, a `pytorch-blas` line (the BLAS PyTorch's matmuls called: with the netlib
 * reference BLAS instead of OpenBLAS its wide rows run 4-20x slower), a JSON line per row
 * and the crossovers, and returns the table as Markdown.
 */
export function runSizeTable(print: (line: object) => void): string {
  const results: SizeRowResult[] = [];
  SIZE_ROWS.forEach((row, index) => {
    const ours = epochlabSide(index);
    const one = torchSide(row, 1);
    const byDefault = torchSide(row, 'default');
    if (index === 0) print({ kind: 'pytorch-blas', libraries: one.blas });
    const result: SizeRowResult = {
      row,
      epochlab: ours.samplesPerSecond,
      torchOneThread: one.samples_per_s,
      torchDefault: byDefault.samples_per_s,
      defaultThreads: { torch: byDefault.threads, blas: byDefault.blas_threads },
      epochlabPeakRssMb: ours.peakRssMb,
      torchPeakRssMb: Math.max(one.peak_rss_mb, byDefault.peak_rss_mb),
    };
    results.push(result);
    print({
      kind: 'size-row',
      ...row,
      path: ours.path,
      epochlab_samples_per_s: ours.samplesPerSecond,
      epochlab_threads: ours.trainingThreads,
      torch_1_thread_samples_per_s: one.samples_per_s,
      torch_1_thread_blas_threads: one.blas_threads,
      torch_default_threads: byDefault.threads,
      torch_default_blas_threads: byDefault.blas_threads,
      torch_default_samples_per_s: byDefault.samples_per_s,
      ratio_1_thread: ours.samplesPerSecond / one.samples_per_s,
      ratio_default: ours.samplesPerSecond / byDefault.samples_per_s,
      epochlab_final_train: ours.finalTrainLoss,
      torch_final_train: one.final_train,
      epochlab_peak_rss_mb: ours.peakRssMb,
      torch_peak_rss_mb: result.torchPeakRssMb,
      tensors_leaked: ours.tensorsLeaked,
    });
  });
  for (const crossover of sizeCrossovers(results)) print({ kind: 'size-crossover', ...crossover });
  return sizeTableMarkdown(results);
}
