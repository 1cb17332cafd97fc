import { describe, expect, it } from 'vitest';
import type { SizeRow } from '../src/size-table/size-rows.js';
import {
  type SizeRowResult,
  sizeCrossovers,
  sizeTableMarkdown,
} from '../src/size-table/size-table-report.js';

const row = (label: string, batch = 32): SizeRow => ({
  label,
  hidden: [12, 12, 16],
  n: 10_000,
  batch,
  epochs: 1,
});

const result = (label: string, epochlab: number, one: number, two: number): SizeRowResult => ({
  row: row(label),
  epochlab,
  torchOneThread: one,
  torchDefault: two,
  defaultThreads: { torch: 1, blas: 2 },
  epochlabPeakRssMb: 80,
  torchPeakRssMb: 200,
});

describe('size table', () => {
  const results = [
    result('width 32x2', 120_000, 60_000, 70_000),
    result('width 128x2', 50_000, 40_000, 55_000),
    result('width 256x2', 10_000, 60_000, 90_000),
    result('batch 1', 30_000, 10_000, 9_000),
    result('batch full', 1_000_000, 2_000_000, 3_000_000),
  ];

  it('names, per series, the first row below 1x against each PyTorch', () => {
    expect(sizeCrossovers(results)).toEqual([
      { series: 'width', belowOneThread: 'width 256x2', belowDefault: 'width 128x2' },
      { series: 'batch', belowOneThread: 'batch full', belowDefault: 'batch full' },
    ]);
  });

  it('says none when epochlab stays ahead', () => {
    expect(sizeCrossovers([result('n 1e3', 2, 1, 1)])).toEqual([
      { series: 'n', belowOneThread: null, belowDefault: null },
    ]);
  });

  it('prints each ratio as epochlab over PyTorch', () => {
    const markdown = sizeTableMarkdown(results);
    expect(markdown).toContain('| PyTorch 1 thread | PyTorch default (torch 1, BLAS 2) |');
    // 120k / 60k and 120k / 70k; 10k / 60k.
    expect(markdown).toContain('| 120.0k | 60.0k | 70.0k | 2.00x | 1.71x | 80 / 200 MB |');
    expect(markdown).toContain('| 10.0k | 60.0k | 90.0k | 0.17x | 0.11x |');
    expect(markdown).toContain('| 1.00M | 2.00M | 3.00M | 0.50x | 0.33x |');
    expect(sizeTableMarkdown([result('n 1e3', 690, 1_500, 900)])).toContain('| 690 | 1.5k | 900 |');
    expect(markdown).toContain(
      '- width: against 1 thread width 256x2; against the default (torch 1, BLAS 2) width 128x2',
    );
  });
});
