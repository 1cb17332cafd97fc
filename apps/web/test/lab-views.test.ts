// @vitest-environment happy-dom
import {
  type BatchSizeGroup,
  batchSizeGroupInfos,
  labGroupSummary,
  lineView,
  parseBatchSizeLabConfig,
  runBatchSizeLab,
  spreadOf,
  type TradeOffReading,
} from '@epochlab/experiments';
import { render } from 'lit/html.js';
import { describe, expect, it } from 'vitest';
import { bandSeries } from '../src/lab/band-series.js';
import { LAB_MESSAGES } from '../src/lab/lab-messages.js';
import { formatSpread, labTableContent } from '../src/lab/lab-table.js';
import { fitsSurface, roundPick } from '../src/lab/line-view-panel.js';
import { PathAnimation, stepsPerFrame } from '../src/lab/path-animation.js';
import { batchSizeName } from '../src/lab/series-name-text.js';
import { tradeOffText } from '../src/lab/trade-off-text.js';

describe('band series', () => {
  it('names the batch sizes like the lab and finds their steps per epoch', () => {
    const config = parseBatchSizeLabConfig({
      experiment: 'batch-size',
      n: 30,
      batchSizes: [1, 7, 'full'],
    });
    const infos = batchSizeGroupInfos(config);
    expect(infos.map((i) => [i.label, i.batchSize, i.stepsPerEpoch])).toEqual([
      ['1', 1, 30],
      ['7', 7, 5], // ceil(30 / 7): the last short batch is a step too
      ['full (30)', 30, 1],
    ]);
    expect(infos.map((i) => batchSizeName(i, 30, LAB_MESSAGES.en))).toEqual([
      'batch 1',
      'batch 7',
      'full batch (30)',
    ]);
    const full = infos[2];
    if (!full) throw new Error('no full batch');
    expect(batchSizeName(full, 30, LAB_MESSAGES.es)).toBe('lote completo (30)');
    // A batch size written as the number n is the full batch too, as the CLI names it.
    expect(batchSizeName({ label: '30', batchSize: 30 }, 30, LAB_MESSAGES.en)).toBe(
      'full batch (30)',
    );
  });

  it('puts each batch size’s curves on epochs or gradient steps, empty until it finished', async () => {
    const config = parseBatchSizeLabConfig({
      experiment: 'batch-size',
      n: 12,
      valN: 4,
      epochs: 6,
      seeds: 2,
      batchSizes: [4, 'full'],
      noiseEvery: 2,
    });
    const result = await runBatchSizeLab(config, { backend: 'cpu' });
    const infos = batchSizeGroupInfos(config);
    const groups: (BatchSizeGroup | undefined)[] = [result.groups[0]];
    const name = (info: { label: string }) => info.label;
    const epochs = bandSeries('loss', infos, groups, { axis: 'epoch', name });
    expect(epochs.map((s) => s.points.length)).toEqual([6, 0]);
    expect(epochs[0]?.points.map((p) => p.x)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(epochs[0]?.points[2]?.mean).toBe(result.groups[0]?.train[2]?.mean);
    const steps = bandSeries('loss', infos, groups, { axis: 'step', name });
    // Batch size 4 of 12 points: 3 steps per epoch, so epoch e ends at step 3(e + 1).
    expect(steps[0]?.points.map((p) => p.x)).toEqual([3, 6, 9, 12, 15, 18]);
    const cosine = bandSeries('cosine', infos, result.groups, { axis: 'epoch', name });
    expect(cosine[0]?.points.map((p) => p.x)).toEqual([0, 2, 4, 5]);
    expect(cosine[1]?.points.every((p) => Math.abs(p.mean - 1) < 1e-5)).toBe(true);
    const val = bandSeries('val', infos, result.groups, { axis: 'epoch', name });
    expect(val[1]?.points.map((p) => p.x)).toEqual([0]);
  });
});

describe('the per-batch-size table', () => {
  it('formats mean ± std, and a single seed as its value', () => {
    expect(formatSpread(spreadOf([1, 2, 6]), 'en')).toBe('3 ± 2.646');
    expect(formatSpread(spreadOf([0.5]), 'es')).toBe('0,5');
    expect(formatSpread(null, 'en')).toBe('—');
    // Seeds that agree up to float rounding: no spread.
    expect(formatSpread({ mean: 1, std: 1.3e-16, min: 1, max: 1, count: 8 }, 'en')).toBe('1 ± 0');
  });

  it('has a header row and one row per finished batch size, or a note', async () => {
    const table = document.createElement('table');
    render(labTableContent([], 'validation', LAB_MESSAGES.en, 'en'), table);
    expect(table.querySelector('td.empty')?.textContent).toBe(LAB_MESSAGES.en.tableEmpty);
    const config = parseBatchSizeLabConfig({
      experiment: 'batch-size',
      n: 8,
      valN: 4,
      epochs: 3,
      seeds: 2,
      batchSizes: [2, 'full'],
      noiseEvery: 1,
    });
    const result = await runBatchSizeLab(config, { backend: 'cpu' });
    render(
      labTableContent(result.groups.map(labGroupSummary), 'validation', LAB_MESSAGES.es, 'es'),
      table,
    );
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(headers[0]).toBe('Tamaño de lote');
    expect(headers[2]).toBe('Pérdida final de validación');
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.map((row) => (row as HTMLElement).dataset.batchSize)).toEqual(['2', '8']);
    const cell = (row: number, column: string) =>
      rows[row]?.querySelector(`[data-column="${column}"]`)?.textContent;
    expect(cell(0, 'batchSize')).toBe('2');
    expect(cell(1, 'batchSize')).toBe('completo (8)');
    expect(cell(0, 'stepsPerEpoch')).toBe('4');
    expect(cell(1, 'stepsPerEpoch')).toBe('1');
    expect(cell(0, 'finalLoss')).toMatch(/^\d+,\d+ ± \d/);
    expect(cell(1, 'cosine')).toMatch(/^1\b/);
    expect(rows[0]?.querySelector('th')?.getAttribute('scope')).toBe('row');
  });

  it('without validation points, compares the final training loss, as the CLI does', () => {
    const table = document.createElement('table');
    const spread = (mean: number) => ({ mean, std: 0.5, min: mean, max: mean, count: 2 });
    const row = {
      label: '4',
      option: 4,
      batchSize: 4,
      stepsPerEpoch: 2,
      runs: { completed: 2 },
      secondsPerRun: 0.5,
      finalTrainLoss: spread(0.25),
      finalValLoss: null,
      bestValLoss: null,
      gradientNoiseEpoch: null,
      finalGradientCosine: null,
      finalGradientVariance: null,
    };
    render(labTableContent([row], 'training', LAB_MESSAGES.en, 'en'), table);
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(headers[2]).toBe('Final training loss');
    const cell = (column: string) => table.querySelector(`[data-column="${column}"]`)?.textContent;
    expect(cell('finalLoss')).toBe('0.25 ± 0.5');
    expect(cell('bestVal')).toBe('—');
    expect(cell('cosine')).toBe('—');
  });
});

describe('the trade-off reading', () => {
  const batch = (label: string, batchSize: number, stepsPerEpoch: number, finalLoss: number) => ({
    name: { kind: 'batch', label } as const,
    batchSize,
    stepsPerEpoch,
    finalLoss,
    cosine: 0.25,
  });
  const reading: TradeOffReading = {
    findings: [
      {
        code: 'tied-lowest-final-loss',
        loss: 'validation',
        batches: [batch('5', 5, 4, 0.5), batch('10', 10, 2, 0.5)],
        best: 0.5,
      },
      { code: 'smallest-batch', batch: batch('1', 1, 20, 0.75) },
      {
        code: 'full-batch',
        batch: { ...batch('full (20)', 20, 1, 1.5), name: { kind: 'full-batch', n: 20 } },
      },
    ],
  };

  it('in English is the line the CLI prints', () => {
    expect(tradeOffText(reading, LAB_MESSAGES.en, 'en')).toBe(
      'trade-off: lowest final validation loss: batch 5 and batch 10, within one std of 0.5000; ' +
        'batch 1: 20 steps per epoch, the noisiest gradients (cosine 0.250), ends at 0.7500; ' +
        'full batch (20): 1 step per epoch, no gradient noise, ends at 1.500',
    );
  });

  it('in Spanish words each finding by its code', () => {
    expect(tradeOffText(reading, LAB_MESSAGES.es, 'es')).toBe(
      'compromiso: menor pérdida final de validación: lote 5 y lote 10, a menos de una desviación típica de 0,5; ' +
        'lote 1: 20 pasos por época, los gradientes más ruidosos (coseno 0,25), acaba en 0,75; ' +
        'lote completo (20): 1 paso por época, sin ruido en el gradiente, acaba en 1,5',
    );
  });
});

describe('path animation', () => {
  it('grows the paths a few steps per frame and replays from the start', () => {
    expect(stepsPerFrame(100)).toBe(2);
    expect(stepsPerFrame(10)).toBe(1);
    const frames: (() => void)[] = [];
    const drawn: [number, boolean][] = [];
    const animation = new PathAnimation(
      (shown, done) => drawn.push([shown, done]),
      (callback) => frames.push(callback),
    );
    animation.start(7); // 6 steps: one per frame
    expect(drawn).toEqual([[1, false]]);
    while (frames.length > 0) frames.shift()?.();
    expect(drawn.map(([shown]) => shown)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(drawn.at(-1)?.[1]).toBe(true);
    expect(animation.running).toBe(false);

    drawn.length = 0;
    animation.start(201); // 200 steps: 3 per frame
    frames.shift()?.();
    expect(drawn.map(([shown]) => shown)).toEqual([1, 4]);
    animation.start(201); // a replay drops the old frames
    frames.shift()?.();
    expect(drawn.map(([shown]) => shown)).toEqual([1, 4, 1]);
    frames.shift()?.();
    expect(drawn.at(-1)?.[0]).toBe(4);
    animation.finish();
    expect(drawn.at(-1)).toEqual([201, true]);
  });

  it('keeps the chart for a new start only while every path point stays on the surface shown', () => {
    // Three points on y = x: the minimum is (m, b) = (1, 0).
    const viewFrom = (start: [number, number]) =>
      lineView({
        xs: [-1, 0, 1],
        ys: [-1, 0, 1],
        loss: 'mse',
        start,
        lr: 0.1,
        steps: 20,
        batchSizes: [{ label: 'full', batchSize: 3 }],
        shuffle: false,
        seed: 0,
        resolution: 5,
      });
    const shown = viewFrom([-1, -1]);
    // Its surface spans the start and the minimum with padding: a start between them fits.
    expect(fitsSurface(viewFrom([0, -0.5]), shown.surface)).toBe(true);
    expect(fitsSurface(shown, shown.surface)).toBe(true);
    // A start beyond the surface's m range does not.
    const beyond = (shown.surface.m.at(-1) ?? 0) + 1;
    expect(fitsSurface(viewFrom([beyond, 0]), shown.surface)).toBe(false);
  });

  it('rounds a clicked coordinate to 3 significant digits', () => {
    expect(roundPick(0.123456)).toBe(0.123);
    expect(roundPick(-1.23456)).toBe(-1.23);
    expect(roundPick(12.3456)).toBe(12.3);
    expect(roundPick(0)).toBe(0);
  });
});
