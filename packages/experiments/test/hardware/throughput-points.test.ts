import { describe, expect, it } from 'vitest';
import { type HardwareCell, throughputChartPoints } from '../../src/index.js';

function cell(
  backend: string,
  model: HardwareCell['model'],
  batchSize: number,
  samplesPerSecond: number,
): HardwareCell {
  return {
    backend,
    model,
    hidden: [],
    parameters: 0,
    batchSize,
    label: String(batchSize),
    trainingPath: 'generic',
    epochs: 1,
    seconds: 1,
    samplesPerSecond,
    secondsToTarget: null,
    finalTrainLoss: null,
  };
}

describe('throughputChartPoints', () => {
  it('gives a point per cell and the knee of each series, named by the caller', () => {
    const cells = [
      cell('cpu', 'notebook', 1, 100),
      cell('cpu', 'notebook', 16, 950),
      cell('cpu', 'notebook', 256, 1000),
      cell('webgl', 'wide', 1, 10),
      cell('webgl', 'wide', 16, 8),
    ];
    const { points, knees } = throughputChartPoints(cells, (b, m) => `${b}/${m}`);
    expect(points).toEqual([
      { series: 'cpu/notebook', batchSize: 1, samplesPerSecond: 100 },
      { series: 'cpu/notebook', batchSize: 16, samplesPerSecond: 950 },
      { series: 'cpu/notebook', batchSize: 256, samplesPerSecond: 1000 },
      { series: 'webgl/wide', batchSize: 1, samplesPerSecond: 10 },
      { series: 'webgl/wide', batchSize: 16, samplesPerSecond: 8 },
    ]);
    // cpu: 950 >= 0.9 x 1000, so 16 is the smallest batch within 90% of the best;
    // webgl: batch 1 is the best itself.
    expect(knees).toEqual([
      { series: 'cpu/notebook', batchSize: 16, samplesPerSecond: 950 },
      { series: 'webgl/wide', batchSize: 1, samplesPerSecond: 10 },
    ]);
  });
});
