import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import type { EpochLoss, LossHistory } from '../src/chart-types.js';
import { ChartInputError } from '../src/errors.js';
import { compareLossChart } from '../src/spec/compare-loss-chart.js';
import { bestValidationLayerName, lossChart, lossChartData } from '../src/spec/loss-chart.js';
import { allTexts, compileWarnings, headlessView, itemsOf } from './support/headless-view.js';

/** A long run like the notebook's: exponential decay with noise, validation every 10 epochs
 * with its minimum near epoch 5000, rising after it. */
function notebookHistory(epochs = 20_000): LossHistory {
  let state = 42;
  const noise = () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647 - 0.5;
  };
  const train: EpochLoss[] = [];
  const val: EpochLoss[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    train.push({ epoch, loss: 0.03 + 0.8 * Math.exp(-epoch / 1000) * (1 + 0.2 * noise()) });
    if (epoch % 10 === 0) {
      const rise = (0.05 * Math.max(0, epoch - 5000)) / 15_000;
      val.push({ epoch, loss: 0.1 + 0.7 * Math.exp(-epoch / 900) + rise + 0.002 * noise() });
    }
  }
  return { train, val };
}

/** Index of the first smallest loss: the reference the marker must match. */
function indexOfMinimum(entries: readonly EpochLoss[]): number {
  let best = 0;
  entries.forEach((entry, i) => {
    if (entry.loss < (entries[best] as EpochLoss).loss) best = i;
  });
  return best;
}

type Rows = Record<string, EpochLoss[]>;

describe('lossChart', () => {
  it('holds both series in full when they fit the display budget', () => {
    const history = notebookHistory(500);
    const datasets = lossChart({ history }).datasets as Rows;
    expect(datasets[lossChartData.train]).toEqual(history.train);
    expect(datasets[lossChartData.val]).toHaveLength(50);
  });

  it('reduces long series for display, keeping first, last, min and max, within the budget', () => {
    const history = notebookHistory();
    for (const [options, budget] of [
      [{}, 2 * 640],
      [{ width: 900 }, 2 * 900],
      [{ maxPointsPerSeries: 300 }, 300],
    ] as const) {
      const datasets = lossChart({ history, ...options }).datasets as Rows;
      for (const [name, series] of [
        [lossChartData.train, history.train],
        [lossChartData.val, history.val],
      ] as const) {
        const shown = datasets[name] as EpochLoss[];
        expect(shown.length).toBeLessThanOrEqual(budget);
        expect(shown.length).toBeGreaterThan(budget / 2);
        expect(shown[0]).toEqual(series[0]);
        expect(shown.at(-1)).toEqual(series.at(-1));
        expect(shown).toContainEqual(series[indexOfMinimum(series)]);
        const highest = series.reduce((a, b) => (b.loss > a.loss ? b : a));
        expect(shown).toContainEqual(highest);
      }
    }
  });

  it('puts the best-epoch marker at the minimum of the validation series', async () => {
    const history = notebookHistory();
    const best = history.val[indexOfMinimum(history.val)] as EpochLoss;
    expect(best.epoch).toBeGreaterThan(4000);
    expect(best.epoch).toBeLessThan(6000);

    const view = await headlessView(lossChart({ history }));
    const diamonds = itemsOf(view, bestValidationLayerName, 'symbol');
    expect(diamonds).toHaveLength(1);
    expect(diamonds[0]?.datum).toMatchObject({ epoch: best.epoch, loss: best.loss });
    const rules = itemsOf(view, bestValidationLayerName, 'rule');
    expect(rules).toHaveLength(1);
    expect(rules[0]?.x).toBeCloseTo(view.scale('x')(best.epoch), 6);
    expect(allTexts(view)).toContain(
      `Best validation: epoch ${best.epoch.toLocaleString('en-US')}, loss ${Number(best.loss.toPrecision(3))}`,
    );
    view.finalize();
  });

  it('places the note on the side of the marker with more room', async () => {
    const early = {
      train: [],
      val: [3, 1, 2, 4, 5, 6, 7, 8, 9, 10].map((loss, epoch) => ({ epoch, loss })),
    };
    const late = {
      train: [],
      val: [10, 9, 8, 7, 6, 5, 4, 3, 1, 2].map((loss, epoch) => ({ epoch, loss })),
    };
    const noteAlign = async (history: LossHistory) => {
      const view = await headlessView(lossChart({ history }));
      const notes = itemsOf(view, bestValidationLayerName, 'text');
      view.finalize();
      expect(notes).toHaveLength(1);
      return notes[0]?.align;
    };
    expect(await noteAlign(early)).toBe('left'); // text runs to the right of the rule
    expect(await noteAlign(late)).toBe('right');
  });

  it('translates the labels and fills {epoch} and {loss} in the note', async () => {
    const history = {
      train: [{ epoch: 0, loss: 1 }],
      val: [
        { epoch: 1200, loss: 0.25 },
        { epoch: 1210, loss: 0.5 },
      ],
    };
    const labels = {
      x: 'Época',
      y: 'Pérdida',
      train: 'Entrenamiento',
      validation: 'Validación',
      bestValidation: 'Mejor: época {epoch} ({loss})',
    };
    const view = await headlessView(lossChart({ history, labels }));
    const texts = allTexts(view);
    for (const text of [
      'Época',
      'Pérdida',
      'Entrenamiento',
      'Validación',
      'Mejor: época 1,200 (0.25)',
    ]) {
      expect(texts).toContain(text);
    }
    view.finalize();
  });

  it('has no marker when asked not to, or while there is no validation loss yet', async () => {
    const history = notebookHistory(100);
    const without = await headlessView(lossChart({ history, markBestValidation: false }));
    expect(itemsOf(without, bestValidationLayerName, 'symbol')).toHaveLength(0);
    without.finalize();
    const empty = await headlessView(lossChart({ history: { train: history.train, val: [] } }));
    expect(itemsOf(empty, bestValidationLayerName, 'symbol')).toHaveLength(0);
    expect(itemsOf(empty, bestValidationLayerName, 'text')).toHaveLength(0);
    empty.finalize();
  });

  it('uses a log scale on request and never forces zero on the loss axis', () => {
    const history = notebookHistory(300);
    const scaleOf = (logScale: boolean) =>
      compile(lossChart({ history, logScale })).spec.scales?.find((s) => s.name === 'y');
    expect(scaleOf(true)).toMatchObject({ type: 'log' });
    expect(scaleOf(false)).toMatchObject({ type: 'linear', zero: false });
    expect(compileWarnings(lossChart({ history, logScale: true }))).toEqual([]);
    expect(compileWarnings(lossChart({ history }))).toEqual([]);
  });

  it('labels the lowest loss on a log axis, also below the lowest decade tick', async () => {
    // Losses from 0.1307 to 0.93: d3's decade ticks inside that extent start at 0.2, so
    // without its own tick the bottom of the curve has no label. 0.1307 at two
    // significant digits is 0.13.
    const train = Array.from({ length: 200 }, (_, epoch) => ({
      epoch,
      loss: 0.1307 + 0.8 * Math.exp(-epoch / 30),
    }));
    const val = train.filter((row) => row.epoch % 10 === 0).map((row) => ({ ...row, loss: 0.45 }));
    const view = await headlessView(lossChart({ history: { train, val }, logScale: true }));
    const numbers = allTexts(view)
      .map(Number)
      .filter((value) => value > 0 && value < 1); // loss labels, not the epochs 0, 50, ...
    expect(Math.min(...numbers)).toBe(0.13);
    expect(numbers).toContain(0.2);

    // A pinned run lower than this one: its lowest loss, 0.0234, gets the tick (0.023).
    const pinned = [{ label: 'Run 1', history: { train: [{ epoch: 0, loss: 0.0234 }], val } }];
    const withPinned = await headlessView(
      lossChart({ history: { train, val }, logScale: true, pinned }),
    );
    const pinnedNumbers = allTexts(withPinned).map(Number).filter(Number.isFinite);
    expect(pinnedNumbers).toContain(0.023);
    expect(pinnedNumbers.filter((value) => value > 0 && value < 0.023)).toEqual([]);
    view.finalize();
    withPinned.finalize();
  });

  it('moves the lowest log tick with live data', async () => {
    const view = await headlessView(lossChart({ history: { train: [], val: [] }, logScale: true }));
    view.insert(lossChartData.train, [
      { epoch: 0, loss: 0.9 },
      { epoch: 1, loss: 0.4 },
      { epoch: 2, loss: 0.0567 },
    ]);
    await view.runAsync();
    const numbers = allTexts(view).map(Number).filter(Number.isFinite);
    // 0.0567 at two significant digits.
    expect(Math.min(...numbers.filter((value) => value > 0 && value < 1))).toBe(0.057);
    view.finalize();
  });

  it('leaves out losses it cannot draw: non-finite ones, and on a log scale those <= 0', () => {
    const history = {
      train: [
        { epoch: 0, loss: 1 },
        { epoch: 1, loss: Number.NaN },
        { epoch: 2, loss: 0 },
        { epoch: 3, loss: Number.POSITIVE_INFINITY },
        { epoch: 4, loss: 0.5 },
      ],
      val: [],
    };
    const linear = lossChart({ history }).datasets as Rows;
    expect(linear[lossChartData.train]?.map((r) => r.epoch)).toEqual([0, 2, 4]);
    const log = lossChart({ history, logScale: true }).datasets as Rows;
    expect(log[lossChartData.train]?.map((r) => r.epoch)).toEqual([0, 4]);
  });

  it('does not modify the history, not even when the chart is drawn', async () => {
    const history = notebookHistory(3000);
    const snapshot = structuredClone(history);
    const spec = lossChart({ history });
    const view = await headlessView(spec);
    view.finalize();
    expect(history).toEqual(snapshot);
    // Vega tags the rows it ingests with a symbol; the history's own objects must not carry it.
    for (const entry of [...history.train, ...history.val]) {
      expect(Object.getOwnPropertySymbols(entry)).toEqual([]);
    }
  });

  it('names the field of bad input', () => {
    const field = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        if (ChartInputError.isInstance(error)) return error.field;
        throw error;
      }
      return 'no error';
    };
    const train = [
      { epoch: 0, loss: 1 },
      { epoch: 2, loss: 1 },
      { epoch: 1, loss: 1 },
    ];
    expect(field(() => lossChart({ history: { train, val: [] } }))).toBe('history.train[2].epoch');
    expect(
      field(() => lossChart({ history: { train: [], val: [{ epoch: Number.NaN, loss: 1 }] } })),
    ).toBe('history.val[0].epoch');
    expect(field(() => lossChart({ history: { train: [], val: [] }, maxPointsPerSeries: 3 }))).toBe(
      'maxPointsPerSeries',
    );
    expect(field(() => lossChart({ history: { train: [], val: [] }, height: -5 }))).toBe('height');
    expect(field(() => lossChart({ history: undefined as unknown as LossHistory }))).toBe(
      'history',
    );
  });
});

describe('compareLossChart', () => {
  const runA = {
    label: 'A',
    history: {
      train: [0, 1, 2, 3].map((epoch) => ({ epoch, loss: 1 / (epoch + 1) })),
      val: [
        { epoch: 0, loss: 0.9 },
        { epoch: 2, loss: 0.4 },
        { epoch: 3, loss: 0.6 },
      ],
    },
  };
  const runB = {
    label: 'B',
    history: { train: [{ epoch: 0, loss: 2 }], val: [{ epoch: 0, loss: 3 }] },
  };

  it('draws each run in its palette colour with its best validation epoch marked', async () => {
    const spec = compareLossChart({ runs: [runA, runB] });
    expect(compileWarnings(spec)).toEqual([]);
    // By hand: A's lowest validation loss is 0.4 at epoch 2; B has one validation point.
    expect(spec.datasets?.best0).toEqual([{ epoch: 2, loss: 0.4 }]);
    expect(spec.datasets?.best1).toEqual([{ epoch: 0, loss: 3 }]);
    const view = await headlessView(spec);
    const texts = allTexts(view);
    for (const label of ['A: train', 'A: validation', 'B: train', 'B: validation']) {
      expect(texts).toContain(label);
    }
    view.finalize();
  });

  it('refuses no runs and two runs with one label', () => {
    expect(() => compareLossChart({ runs: [] })).toThrowError(ChartInputError);
    expect(() => compareLossChart({ runs: [runA, runA] })).toThrowError(/distinct legend names/);
  });
});

describe('lossChart with pinned runs', () => {
  const history = {
    train: [0, 1, 2].map((epoch) => ({ epoch, loss: 1 - epoch / 10 })),
    val: [{ epoch: 0, loss: 1 }],
  };

  it('draws each pinned run faded and named, under the current run', async () => {
    const spec = lossChart({
      history,
      pinned: [
        { label: 'Run 1', history },
        { label: 'Run 2', history },
      ],
    });
    expect(compileWarnings(spec)).toEqual([]);
    expect(spec.datasets?.pinnedTrain1).toHaveLength(3);
    const layers = (spec as { layer: { mark?: { opacity?: number } }[] }).layer;
    // Pinned layers come first (drawn underneath) and are faded.
    expect(layers.slice(0, 4).every((layer) => (layer.mark?.opacity ?? 1) < 0.5)).toBe(true);
    const view = await headlessView(spec);
    const texts = allTexts(view);
    expect(texts).toContain('Run 1');
    expect(texts).toContain('Run 2');
    view.finalize();
  });

  it('refuses more than five pinned runs', () => {
    const pinned = Array.from({ length: 6 }, (_, i) => ({ label: `Run ${i}`, history }));
    expect(() => lossChart({ history, pinned })).toThrowError(ChartInputError);
  });
});
