// Renders the example charts shown in the README into docs/.
// Run from packages/plot: `pnpm examples` (builds, then runs this file).
// The data are synthetic but shaped like the notebook's line experiment:
// y = x with noise (sigma 0.2) on x and y, 5 training and 5 validation points,
// 20000 epochs of L1 loss with validation every 10 epochs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bandChart, fitChart, linspace, lossChart, lossSurfaceChart } from '../dist/index.js';
import { renderPng } from '../dist/node.js';

const outputDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs');

/** Small seeded generator (mulberry32) so the images are the same on every run. */
function seededRandom(seed) {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return { uniform, normal };
}

const random = seededRandom(11);
const sigma = 0.2;
const noisyLine = (count) => {
  const x = [];
  const y = [];
  for (let i = 0; i < count; i++) {
    const clean = random.uniform() * 2 - 1;
    x.push(clean + sigma * random.normal());
    y.push(clean + sigma * random.normal());
  }
  return { x, y };
};
const train = noisyLine(5);
const validation = noisyLine(5);

// An overfitted LeakyReLU network looks piecewise linear: it runs through every
// training point and continues straight beyond them. Corners are rounded a little.
const order = train.x.map((_, i) => i).sort((a, b) => train.x[a] - train.x[b]);
const knotsX = order.map((i) => train.x[i]);
const knotsY = order.map((i) => train.y[i]);
const piecewise = (x) => {
  let k = 0;
  while (k < knotsX.length - 2 && x > knotsX[k + 1]) k++;
  const t = (x - knotsX[k]) / (knotsX[k + 1] - knotsX[k]);
  return knotsY[k] + t * (knotsY[k + 1] - knotsY[k]);
};
const model = (x) => {
  let sum = 0;
  for (let j = -4; j <= 4; j++) sum += piecewise(x + j * 0.01);
  return sum / 9;
};
const allX = [...train.x, ...validation.x];
const curveX = linspace(Math.min(...allX) - 0.1, Math.max(...allX) + 0.1, 200);
const fit = fitChart({
  title: 'Fit after 20,000 epochs',
  train,
  validation,
  curve: { x: curveX, y: curveX.map(model) },
  truth: { x: [curveX[0], curveX.at(-1)], y: [curveX[0], curveX.at(-1)] },
});

// Train loss falls like an exponential with minibatch noise; validation loss
// bottoms out near epoch 5000, then rises as the model overfits.
const epochs = 20_000;
const history = { train: [], val: [] };
for (let epoch = 0; epoch < epochs; epoch++) {
  const trend = 0.035 + 0.75 * Math.exp(-epoch / 1200);
  history.train.push({ epoch, loss: trend * (1 + 0.04 * random.normal()) });
  if (epoch % 10 === 0) {
    const overfit = 0.06 * Math.max(0, (epoch - 4500) / 15_500);
    const loss = 0.1 + 0.7 * Math.exp(-epoch / 900) + overfit + 0.003 * random.normal();
    history.val.push({ epoch, loss });
  }
}

// The batch-size lab's two-parameter view: 100 points of y = x, the L1 loss of
// a line y = m x + b over (m, b), and plain SGD from (-1, -1.5) with lr 0.05
// for 200 steps, with batches of 1 and 10 points (shuffled every epoch) and the full batch.
const line = noisyLine(100);
const lineL1 = (m, b, indices) =>
  indices.reduce((sum, i) => sum + Math.abs(m * line.x[i] + b - line.y[i]), 0) / indices.length;
const allPoints = line.x.map((_, i) => i);
const shuffled = (values) => {
  const result = values.slice();
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random.uniform() * (i + 1));
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
};
const sgd = (batchSize) => {
  const points = [{ m: -1, b: -1.5 }];
  let order = [];
  for (let step = 0; step < 200; step++) {
    if (order.length === 0) order = shuffled(allPoints);
    const batch = order.splice(0, batchSize);
    const { m, b } = points[step];
    let dm = 0;
    let db = 0;
    for (const i of batch) {
      const sign = Math.sign(m * line.x[i] + b - line.y[i]);
      dm += sign * line.x[i];
      db += sign;
    }
    points.push({ m: m - (0.05 * dm) / batch.length, b: b - (0.05 * db) / batch.length });
  }
  return points;
};
const paths = [
  { name: 'Batch size 1', points: sgd(1) },
  { name: 'Batch size 10', points: sgd(10) },
  { name: 'Full batch (100)', points: sgd(100) },
];
let lowest = { m: 0, b: 0, loss: Number.POSITIVE_INFINITY };
for (const m of linspace(0.5, 1.5, 201)) {
  for (const b of linspace(-0.5, 0.5, 201)) {
    const loss = lineL1(m, b, allPoints);
    if (loss < lowest.loss) lowest = { m, b, loss };
  }
}
const surfaceM = linspace(-1.3, 1.5, 80);
const surfaceB = linspace(-1.8, 0.45, 80);
const surface = {
  m: surfaceM,
  b: surfaceB,
  values: surfaceB.flatMap((b) => surfaceM.map((m) => lineL1(m, b, allPoints))),
};

// Loss per epoch across 8 seeds: mean and min-max band per batch size.
const bands = [1, 5, 25, 100].map((batchSize, k) => ({
  name: batchSize === 100 ? 'full (100)' : String(batchSize),
  points: Array.from({ length: 101 }, (_, epoch) => {
    const runs = Array.from({ length: 8 }, () => {
      const trend = 0.17 + 0.8 * Math.exp(-epoch / (3 + 12 * k));
      return trend * (1 + (0.25 / (k + 1)) * random.normal() * Math.min(1, epoch / 5));
    });
    const mean = runs.reduce((a, r) => a + r, 0) / runs.length;
    return { x: epoch, mean, low: Math.min(...runs), high: Math.max(...runs) };
  }),
}));

const charts = {
  'loss-surface-chart.png': lossSurfaceChart({
    title: 'L1 loss of a line y = m x + b, and SGD paths',
    surface,
    paths,
    start: { m: -1, b: -1.5 },
    minimum: lowest,
  }),
  'band-chart.png': bandChart({
    title: 'Training loss by batch size (8 seeds: mean, min to max)',
    series: bands,
    xTitle: 'Epoch',
    yTitle: 'Training loss (L1)',
    legendTitle: 'Batch size',
    logScale: true,
  }),
  'fit-chart.png': fit,
  'loss-chart.png': lossChart({ title: 'Train and validation loss (L1)', history }),
  'loss-chart-log-es.png': lossChart({
    title: 'Pérdida de entrenamiento y validación',
    history,
    logScale: true,
    labels: {
      x: 'Época',
      y: 'Pérdida (escala logarítmica)',
      train: 'Entrenamiento',
      validation: 'Validación',
      bestValidation: 'Mejor validación: época {epoch}, pérdida {loss}',
    },
  }),
};

mkdirSync(outputDir, { recursive: true });
for (const [file, spec] of Object.entries(charts)) {
  writeFileSync(join(outputDir, file), await renderPng(spec));
  console.log(`wrote docs/${file}`);
}
