import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  localMinimaSummary,
  parseLocalMinimaConfig,
  runLocalMinima,
  SETTLE_TOLERANCE,
  wilsonInterval,
} from '../../src/index.js';

describe('runLocalMinima', () => {
  const config = parseLocalMinimaConfig({
    experiment: 'local-minima',
    lrs: [0.3],
    batchSizes: [1, 'full'],
    seeds: 40,
    pathCount: 2,
  });

  it('reports shares that the runs themselves give, recomputed here from their ends', async () => {
    const result = await runLocalMinima(config);
    expect(result.status).toBe('completed');
    const global = result.valleys[result.globalValley];
    const start = result.valleys[result.startValley];
    if (!global || !start) throw new Error('valleys missing');
    for (const cell of result.cells) {
      expect(cell.runs.map((run) => run.seed)).toEqual(
        Array.from({ length: 40 }, (_, k) => config.seed + k),
      );
      const inside = (w: number, valley: typeof global) =>
        Math.abs(w) >= valley.low && Math.abs(w) < valley.high;
      const live = cell.runs.filter((run) => !run.diverged);
      const inGlobal = live.filter((run) => inside(run.end.w, global)).length;
      const inStart = live.filter((run) => inside(run.end.w, start)).length;
      expect(cell.statistics.globalShare).toBe(inGlobal / 40);
      expect(cell.statistics.startShare).toBe(inStart / 40);
      expect(cell.statistics.divergedShare).toBe((40 - live.length) / 40);
      const unsettled = live.filter((run) => {
        const valley = result.valleys.find((v) => inside(run.end.w, v));
        return !valley || run.loss > valley.minimum.loss + SETTLE_TOLERANCE;
      }).length;
      expect(cell.statistics.unsettledShare).toBe(unsettled / 40);
    }
    const [sgd, full] = result.cells;
    // Full-batch descent cannot leave the start's valley (its start lies below the ridges and
    // every step lowers the loss); batch 1 at lr 0.3 leaves it in some runs.
    expect(full?.statistics.startShare).toBe(1);
    expect(sgd?.statistics.globalShare).toBeGreaterThan(0);
    const summary = localMinimaSummary(result);
    expect(summary.rows.map((row) => row.label)).toEqual(['1', 'full (32)']);
    expect(summary.fullBatch.valley).toBe(result.startValley);
  });

  it('stops between cells when aborted and says so', async () => {
    const controller = new AbortController();
    const result = await runLocalMinima(config, {
      signal: controller.signal,
      onEvent: () => controller.abort(),
    });
    expect(result.status).toBe('aborted');
    expect(result.cells).toHaveLength(1);
  });
});

describe('parseLocalMinimaConfig', () => {
  function fieldsOf(input: Record<string, unknown>): string[] {
    try {
      parseLocalMinimaConfig({ experiment: 'local-minima', ...input });
    } catch (error) {
      if (ConfigError.isInstance(error)) return error.issues.map((issue) => issue.field);
      throw error;
    }
    return [];
  }

  it('names each bad field', () => {
    expect(fieldsOf({ lrs: [0.1, 0] })).toEqual(['lrs[1]']);
    expect(fieldsOf({ lrs: [] })).toEqual(['lrs']);
    expect(fieldsOf({ batchSizes: [1, 64] })).toEqual(['batchSizes[1]']);
    expect(fieldsOf({ start: [6] })).toEqual(['start']);
    expect(fieldsOf({ pathBatchSize: 40 })).toEqual(['pathBatchSize']);
    expect(fieldsOf({ seeds: 0 })).toEqual(['seeds']);
  });
});

describe('wilsonInterval', () => {
  it('gives the published Wilson 95% intervals', () => {
    // 5 of 10: [0.2366, 0.7634]; 0 of 10: [0, z^2 / (10 + z^2)] = [0, 0.2775].
    const [low, high] = wilsonInterval(5, 10);
    expect(low).toBeCloseTo(0.2366, 4);
    expect(high).toBeCloseTo(0.7634, 4);
    expect(wilsonInterval(0, 10)[0]).toBe(0);
    expect(wilsonInterval(0, 10)[1]).toBeCloseTo(0.2775, 4);
  });
});
