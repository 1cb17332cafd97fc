import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WorkloadId } from './workloads.js';

/** The PyTorch variants `torch_anchor.py` runs. */
export const TORCH_VARIANTS = ['seed', 'tensordataset', 'manual'] as const;
export type TorchVariant = (typeof TORCH_VARIANTS)[number];

/** One line of `torch_anchor.py`, tagged. */
export interface TorchMeasurement {
  readonly kind: 'pytorch';
  readonly workload: WorkloadId;
  readonly variant: TorchVariant;
  readonly [field: string]: unknown;
}

export const PYTHON = '/usr/bin/python3';

/** The folder of the bench's own Python scripts (`size_table.py`, `blas_info.py`, ...). */
const ANCHORS = fileURLToPath(new URL('../anchors/', import.meta.url));

/** Why PyTorch cannot run here, or `undefined` when it can. */
export function torchUnavailable(anchor: string): string | undefined {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  if (!existsSync(anchor)) return `${anchor} not found`;
  const probe = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' });
  if (probe.status !== 0) return 'python3 cannot import torch (apt-get install -y python3-torch)';
  return undefined;
}

/** Runs `torch_anchor.py WORKLOAD --variant VARIANT` and returns its JSON line. */
export function runTorchAnchor(
  anchor: string,
  workload: WorkloadId,
  variant: TorchVariant,
): TorchMeasurement {
  const run = spawnSync(PYTHON, [anchor, workload, '--variant', variant], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) {
    throw new Error(`torch_anchor.py ${workload} --variant ${variant} failed: ${run.stderr}`);
  }
  const line = run.stdout.trim().split('\n').at(-1) ?? '';
  return { kind: 'pytorch', ...(JSON.parse(line) as object), workload, variant };
}

/**
 * PyTorch's thread settings where the bench runs, as one line: intra-op
 * threads (`torch.get_num_threads()`, what the anchor's runs use), inter-op
 * threads, the thread pool of the BLAS PyTorch's matrix products run on
 * (`blasThreads`, `anchors/blas_info.py`: OpenBLAS's own, which
 * `torch.set_num_threads` does not reach),
 * the BLAS and OpenMP lines of `torch.__config__.parallel_info()`, and the
 * environment variables that set them.
 */
export function torchThreads(): Record<string, unknown> {
  const script = [
    'import json, os, torch',
    'from blas_info import blas_threads, loaded_blas',
    'torch.ones(64, 64) @ torch.ones(64, 64)',
    'info = [l.strip() for l in torch.__config__.parallel_info().splitlines()',
    "        if any(k in l for k in ('OpenMP', 'MKL', 'ATen parallel', 'threads'))]",
    'print(json.dumps({"torch": torch.__version__, "intraOpThreads": torch.get_num_threads(),',
    '  "interOpThreads": torch.get_num_interop_threads(), "blasThreads": blas_threads(loaded_blas()),',
    '  "parallelInfo": info,',
    '  "env": {k: os.environ.get(k) for k in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")}}))',
  ].join('\n');
  // blas_info.py is the size table anchor's, in anchors/.
  const run = spawnSync(PYTHON, ['-c', script], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONPATH: ANCHORS },
  });
  if (run.status !== 0) return { kind: 'pytorch-threads', error: run.stderr.trim() };
  return { kind: 'pytorch-threads', ...(JSON.parse(run.stdout.trim()) as object) };
}
