// @vitest-environment happy-dom
import {
  batchSizeGroupInfos,
  parseBatchSizeLabConfig,
  runBatchSizeLab,
} from '@epochlab/experiments';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** The band rows each fake live chart was created with, and the counts it was given since. */
interface FakeChart {
  readonly createdWithRows: number;
  readonly replaced: number[];
}
const created: FakeChart[] = [];
/** Resolves the compiles held so far. */
let releaseCompiles: () => void = () => {};

// A live chart that compiles only when the test says so, and counts the band rows it holds.
vi.mock('@epochlab/plot/browser', () => ({
  createLiveChart: async (
    _target: HTMLElement,
    spec: { datasets?: Record<string, unknown[]> },
  ): Promise<unknown> => {
    const rows = spec.datasets?.bands?.length ?? 0;
    await new Promise<void>((resolve) => {
      const previous = releaseCompiles;
      releaseCompiles = () => {
        previous();
        resolve();
      };
    });
    const chart: FakeChart = { createdWithRows: rows, replaced: [] };
    created.push(chart);
    return {
      replace: (_dataset: string, next: readonly unknown[]) => chart.replaced.push(next.length),
      finalize: () => {},
    };
  },
}));
vi.mock('../src/worker/chart-compiler.js', () => ({ compileChartInWorker: async () => ({}) }));

const { LabCharts } = await import('../src/lab/lab-charts.js');
const { LAB_MESSAGES } = await import('../src/lab/lab-messages.js');

afterEach(() => {
  created.length = 0;
});

describe('the lab band charts', () => {
  it('show the batch sizes that finished while the charts were still compiling', async () => {
    const config = parseBatchSizeLabConfig({
      experiment: 'batch-size',
      n: 8,
      valN: 4,
      epochs: 3,
      seeds: 1,
      batchSizes: [2, 'full'],
      noiseEvery: 1,
    });
    const result = await runBatchSizeLab(config, { backend: 'cpu' });
    const charts = new LabCharts(LAB_MESSAGES.en, 'en');
    for (const element of Object.values(charts.elements)) document.body.append(element);
    const infos = batchSizeGroupInfos(config);
    const drawn = charts.prepare(config);
    charts.start(infos, config);
    // The first chart has its spec, without results, and waits for its compile ...
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(created).toHaveLength(0);
    // ... when both batch sizes finish: addGroup finds no chart to add them to.
    for (const [index, group] of result.groups.entries()) charts.addGroup(index, group);
    // Its frames pass (one per chart) before the compile ends.
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (let frame = 0; frame < 20 && created.length < 4; frame++) {
      releaseCompiles();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await drawn;
    await charts.flush();
    expect(created).toHaveLength(4);
    for (const kind of ['loss', 'val', 'cosine', 'variance']) {
      const element = document.getElementById(`${kind}-chart`);
      expect(element?.dataset.filled, kind).toBe('2');
    }
    // The first chart compiled from a spec of before the groups came, and was given
    // their bands after; every chart ends with bands to show.
    expect(created[0]?.createdWithRows).toBe(0);
    expect(created[0]?.replaced.length).toBeGreaterThan(0);
    for (const chart of created) {
      expect(chart.replaced.at(-1) ?? chart.createdWithRows).toBeGreaterThan(0);
    }
  });
});
