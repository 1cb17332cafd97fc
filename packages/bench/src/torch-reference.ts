import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
