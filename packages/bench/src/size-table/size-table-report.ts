import type { SizeRow } from './size-rows.js';

/** The threads a PyTorch run had: torch's intra-op threads and its BLAS library's pool. */
export interface TorchThreads {
  readonly torch: number;
  /** `null` where the anchor could not ask the BLAS. */
  readonly blas: number | null;
}

/** One row's three throughputs (samples per second) and the process's peak RSS of each side. */
export interface SizeRowResult {
  readonly row: SizeRow;
  readonly epochlab: number;
  /** PyTorch on one thread, its BLAS's included. */
  readonly torchOneThread: number;
  /** PyTorch with the threads `import torch` gives (`defaultThreads`). */
  readonly torchDefault: number;
  readonly defaultThreads: TorchThreads;
  readonly epochlabPeakRssMb: number;
  readonly torchPeakRssMb: number;
}

/** Where epochlab first falls below PyTorch in one series of rows (`width`, `batch`, `n`). */
export interface SizeCrossover {
  readonly series: string;
  /** The first row of the series, in table order, below 1x against one thread; `null`: none. */
  readonly belowOneThread: string | null;
  /** The same against PyTorch with its default threads. */
  readonly belowDefault: string | null;
}

/** The series a row belongs to: the first word of its label. */
function seriesOf(result: SizeRowResult): string {
  return result.row.label.split(' ')[0] as string;
}

/** The crossover of every series, in the order the series first appear. */
export function sizeCrossovers(results: readonly SizeRowResult[]): SizeCrossover[] {
  const series = [...new Set(results.map(seriesOf))];
  return series.map((name) => {
    const rows = results.filter((result) => seriesOf(result) === name);
    const firstBelow = (reference: (result: SizeRowResult) => number) =>
      rows.find((result) => result.epochlab < reference(result))?.row.label ?? null;
    return {
      series: name,
      belowOneThread: firstBelow((result) => result.torchOneThread),
      belowDefault: firstBelow((result) => result.torchDefault),
    };
  });
}

/** Samples per second, short: `1.32M`, `52.0k`, `690`. */
function shortRate(samplesPerSecond: number): string {
  if (samplesPerSecond >= 1e6) return `${(samplesPerSecond / 1e6).toFixed(2)}M`;
  if (samplesPerSecond >= 1e3) return `${(samplesPerSecond / 1e3).toFixed(1)}k`;
  return samplesPerSecond.toFixed(0);
}

function ratio(ours: number, theirs: number): string {
  return `${(ours / theirs).toFixed(2)}x`;
}

/** `torch 1, BLAS 2`: the threads of a PyTorch column. */
export function torchThreadsLabel(threads: TorchThreads | undefined): string {
  return `torch ${threads?.torch ?? '?'}, BLAS ${threads?.blas ?? '?'}`;
}

/** The table as Markdown: samples/s of each side, the two ratios, peak RSS; then the crossovers. */
export function sizeTableMarkdown(results: readonly SizeRowResult[]): string {
  const threads = torchThreadsLabel(results[0]?.defaultThreads);
  const lines = [
    `| row | network | n | batch | epochlab | PyTorch 1 thread | PyTorch default (${threads}) | ratio 1 thread | ratio default | peak RSS epochlab / PyTorch |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (result) =>
        `| ${result.row.label} | ${result.row.hidden.join(',')} | ${result.row.n} | ${result.row.batch} | ${shortRate(result.epochlab)} | ${shortRate(result.torchOneThread)} | ${shortRate(result.torchDefault)} | ${ratio(result.epochlab, result.torchOneThread)} | ${ratio(result.epochlab, result.torchDefault)} | ${result.epochlabPeakRssMb.toFixed(0)} / ${result.torchPeakRssMb.toFixed(0)} MB |`,
    ),
    '',
    'Crossover (the first row of each series where epochlab falls below 1x):',
    ...sizeCrossovers(results).map(
      (crossover) =>
        `- ${crossover.series}: against 1 thread ${crossover.belowOneThread ?? 'none'}; against the default (${threads}) ${crossover.belowDefault ?? 'none'}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
