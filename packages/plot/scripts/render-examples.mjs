// Renders the example charts shown in the README into docs/.
// Run from packages/plot: `pnpm examples` (builds, then runs this file).
// The data are synthetic but shaped like the notebook's line experiment:
// y = x with noise (sigma 0.2) on x and y, 5 training and 5 validation points,
// 20000 epochs of L1 loss with validation every 10 epochs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitChart, linspace, lossChart } from '../dist/index.js';
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

const charts = {
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
