import { describe, expect, it } from 'vitest';
import { attachLiveUpdates } from '../src/browser/live-chart.js';
import { UpdateQueue } from '../src/browser/update-queue.js';
import { ChartInputError } from '../src/errors.js';
import { fitChart, fitChartData } from '../src/spec/fit-chart.js';
import { withLiveLayout } from '../src/spec/live-layout.js';
import { bestValidationLayerName, lossChart, lossChartData } from '../src/spec/loss-chart.js';
import { headlessView, itemsOf } from './support/headless-view.js';

describe('UpdateQueue', () => {
  it('merges appends per dataset, in order', () => {
    const queue = new UpdateQueue();
    queue.append('a', [{ epoch: 0 }, { epoch: 1 }]);
    queue.append('b', [{ epoch: 0 }]);
    queue.append('a', [{ epoch: 2 }]);
    expect(queue.take()).toEqual([
      { dataset: 'a', replace: false, insert: [{ epoch: 0 }, { epoch: 1 }, { epoch: 2 }] },
      { dataset: 'b', replace: false, insert: [{ epoch: 0 }] },
    ]);
    expect(queue.isEmpty).toBe(true);
    expect(queue.take()).toEqual([]);
  });

  it('lets a replace drop what was queued before it and keep what comes after', () => {
    const queue = new UpdateQueue();
    queue.append('curve', [{ x: 0 }]);
    queue.replace('curve', [{ x: 1 }, { x: 2 }]);
    queue.append('curve', [{ x: 3 }]);
    expect(queue.take()).toEqual([
      { dataset: 'curve', replace: true, insert: [{ x: 1 }, { x: 2 }, { x: 3 }] },
    ]);
  });

  it('copies rows, so callers may reuse their objects', () => {
    const queue = new UpdateQueue();
    const row = { epoch: 1, loss: 0.5 };
    queue.append('a', [row]);
    row.loss = 99;
    const [update] = queue.take();
    expect(update?.insert).toEqual([{ epoch: 1, loss: 0.5 }]);
    expect(update?.insert[0]).not.toBe(row);
  });
});

/** A frame scheduler the test runs by hand. */
function manualFrames() {
  const pending: (() => void)[] = [];
  return {
    scheduleFrame: (callback: () => void) => {
      pending.push(callback);
    },
    get count() {
      return pending.length;
    },
    runAll() {
      for (const callback of pending.splice(0)) callback();
    },
  };
}

async function liveLossChart() {
  const spec = lossChart({ history: { train: [], val: [] } });
  const view = await headlessView(spec);
  const frames = manualFrames();
  const errors: unknown[] = [];
  const chart = attachLiveUpdates(view, spec, {
    scheduleFrame: frames.scheduleFrame,
    onError: (error) => errors.push(error),
  });
  return { chart, view, frames, errors };
}

describe('attachLiveUpdates', () => {
  it('batches many updates into one frame and applies them in order', async () => {
    const { chart, view, frames, errors } = await liveLossChart();
    for (let epoch = 0; epoch < 500; epoch++) {
      chart.append(lossChartData.train, [{ epoch, loss: 1 / (epoch + 1) }]);
      if (epoch % 10 === 0) chart.append(lossChartData.val, [{ epoch, loss: 2 / (epoch + 1) }]);
    }
    expect(frames.count).toBe(1);
    expect(view.data(lossChartData.train)).toHaveLength(0); // nothing applied before the frame

    frames.runAll();
    await chart.flush();
    const train = view.data(lossChartData.train);
    expect(train).toHaveLength(500);
    expect(train.map((row) => row.epoch)).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect(view.data(lossChartData.val)).toHaveLength(50);
    expect(view.scale('x').domain()).toEqual([0, 500]);
    expect(errors).toEqual([]);

    chart.append(lossChartData.train, [{ epoch: 500, loss: 0.001 }]);
    expect(frames.count).toBe(1); // a new frame after the previous one ran
    chart.finalize();
  });

  it('moves the best-epoch marker as validation losses arrive', async () => {
    const { chart, view } = await liveLossChart();
    const bestEpoch = () => itemsOf(view, bestValidationLayerName, 'symbol')[0]?.datum?.epoch;
    chart.append(lossChartData.val, [
      { epoch: 0, loss: 1 },
      { epoch: 10, loss: 0.5 },
    ]);
    await chart.flush();
    expect(bestEpoch()).toBe(10);
    chart.append(lossChartData.val, [
      { epoch: 20, loss: 0.2 },
      { epoch: 30, loss: 0.3 },
    ]);
    await chart.flush();
    expect(bestEpoch()).toBe(20);
    chart.finalize();
  });

  it('replaces a dataset whole, e.g. the model curve after each epoch', async () => {
    const spec = fitChart({ train: { x: [0, 1], y: [0, 1] }, curve: { x: [0, 1], y: [0, 0] } });
    const view = await headlessView(spec);
    const chart = attachLiveUpdates(view, spec, { scheduleFrame: () => {} });
    chart.replace(fitChartData.curve, [
      { x: 0, y: 0.1 },
      { x: 0.5, y: 0.5 },
      { x: 1, y: 0.9 },
    ]);
    await chart.flush();
    expect(view.data(fitChartData.curve).map((row) => row.y)).toEqual([0.1, 0.5, 0.9]);
    expect(view.data(fitChartData.train)).toHaveLength(2);
    chart.finalize();
  });

  it('leaves the caller’s rows untouched', async () => {
    const { chart } = await liveLossChart();
    const row = { epoch: 0, loss: 1 };
    chart.append(lossChartData.train, [row]);
    await chart.flush();
    expect(Object.getOwnPropertySymbols(row)).toEqual([]);
    chart.finalize();
  });

  it('rejects unknown dataset names at once, naming the valid ones', async () => {
    const { chart, frames } = await liveLossChart();
    expect(() => chart.append('trainloss', [{ epoch: 0, loss: 1 }])).toThrow(ChartInputError);
    expect(() => chart.append('trainloss', [])).toThrow(
      /dataset must be one of trainLoss, valLoss/,
    );
    expect(frames.count).toBe(0);
    chart.finalize();
  });

  it('applies nothing after finalize', async () => {
    const { chart, view, frames } = await liveLossChart();
    chart.append(lossChartData.train, [{ epoch: 0, loss: 1 }]);
    chart.finalize();
    frames.runAll();
    await chart.flush();
    expect(view.data(lossChartData.train)).toHaveLength(0);
  });
});

describe('withLiveLayout', () => {
  const smallData = { x: [0, 1], y: [0, 1] };
  // Tick labels such as "-120,000" are much wider than "0.0": the plot must shrink to keep them.
  const wideLabels = [
    { x: 0, y: -123_456 },
    { x: 1, y: 123_456 },
  ];

  async function plotWidthAfterWideLabels(spec: ReturnType<typeof fitChart>) {
    const view = await headlessView(spec);
    const chart = attachLiveUpdates(view, spec, { scheduleFrame: (run) => run() });
    const before = view.width();
    chart.replace(fitChartData.curve, wideLabels);
    await chart.flush();
    const after = view.width();
    chart.finalize();
    return { before, after };
  }

  it('recomputes the layout when new data changes the axis labels', async () => {
    const spec = fitChart({ train: smallData, curve: smallData, width: 360, height: 260 });
    const live = await plotWidthAfterWideLabels(withLiveLayout(spec));
    expect(live.after).toBeLessThan(live.before);
    // Without it, the plot keeps its first width and the wider labels fall outside the view.
    const fixed = await plotWidthAfterWideLabels(spec);
    expect(fixed.after).toBe(fixed.before);
  });

  it("keeps the spec's autosize settings and does not change the spec", () => {
    const spec = fitChart({ train: smallData, curve: smallData });
    const copy = JSON.parse(JSON.stringify(spec));
    expect(withLiveLayout(spec).autosize).toEqual({ ...(spec.autosize as object), resize: true });
    expect(spec).toEqual(copy);
  });
});
