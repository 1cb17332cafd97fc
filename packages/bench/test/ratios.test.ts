import { describe, expect, it } from 'vitest';
import type { EpochlabMeasurement } from '../src/measure-workload.js';
import { computeRatios } from '../src/ratios.js';
import type { TorchMeasurement } from '../src/torch-reference.js';

const ours = (workload: EpochlabMeasurement['workload'], metric: string, value: number) =>
  ({
    kind: 'epochlab',
    workload,
    backend: 'cpu',
    option: 'auto',
    path: 'fused-wasm-simd',
    metric,
    value,
    seconds: 1,
    final_train: 0.1,
    peak_rss_mb: 100,
    tensors_before: 0,
    tensors_after: 0,
  }) satisfies EpochlabMeasurement;

describe('ratios', () => {
  it('divides by the reference of the same workload and metric, and checks the targets', () => {
    const torch: TorchMeasurement[] = [
      { kind: 'pytorch', workload: 'seed-line', variant: 'seed', epochs_per_s: 1000 },
      { kind: 'pytorch', workload: 'seed-line', variant: 'manual', epochs_per_s: 4000 },
      { kind: 'pytorch', workload: 'sweep', variant: 'seed', run_epochs_per_s: 100 },
    ];
    const lines = computeRatios(
      [ours('seed-line', 'epochs_per_s', 12000), ours('sweep', 'run_epochs_per_s', 1500)],
      torch,
    );
    expect(lines.map((l) => [l.workload, l.variant, l.ratio, l.target, l.met])).toEqual([
      ['seed-line', 'seed', 12, 10, true],
      ['seed-line', 'manual', 3, 1, true],
      ['sweep', 'seed', 15, 20, false],
    ]);
  });

  it('gives no ratio without a reference', () => {
    expect(computeRatios([ours('poly-large', 'samples_per_s', 1)], [])).toEqual([]);
  });
});
