// Batches per second of DataLoader over N = 1,000,000 samples, batch 256, shuffled:
// the gather path (TensorDataset.getBatch: one tf.gather per tensor) against the
// per-item paths (Dataset.get per item, then defaultCollate). Not a test: it prints
// one JSON line per path. Usage: node bench/loader.bench.mjs [backend] (default cpu).
//
// The gather path is timed over two whole epochs. The per-item paths are timed over
// fewer batches (PER_ITEM_BATCHES) and their epoch time is extrapolated from that rate
// ("extrapolated": true). For every path the epoch's order (a Fisher-Yates permutation
// of 1e6 indices) is computed before the clock starts and reported as orderMs.
import { countTensors, initBackend, SeededRandom, tf } from '@epochlab/tensor';
import { DataLoader, sampleLine, TensorDataset } from '../dist/index.js';

const backend = process.argv[2] ?? 'cpu';
const N = 1_000_000;
const BATCH_SIZE = 256;
const GATHER_EPOCHS = 2;
const PER_ITEM_BATCHES = 200;
const WARMUP_BATCHES = 20;

await initBackend(backend);
const samples = sampleLine({
  slope: 1,
  intercept: 0,
  n: N,
  random: new SeededRandom(0).stream('bench'),
});
const [x, y] = samples.toTensors();
const tensorDataset = new TensorDataset(x, y);

/** The per-item view of the same tensors: `get` slices one row per tensor. */
const tensorItems = { length: N, get: (index) => tensorDataset.get(index) };

/** The notebook's XYDataset: plain numbers per item, stacked by defaultCollate. */
const xyDataset = {
  length: N,
  get: (index) => [[samples.x[index]], [samples.y[index]]],
};

function run(path, dataset, limit) {
  const loader = new DataLoader(dataset, { batchSize: BATCH_SIZE, shuffle: true, seed: 1 });
  const warmup = loader.batches(1000);
  for (let i = 0; i < WARMUP_BATCHES; i++) warmup.next();
  warmup.return();

  const before = countTensors();
  let batches = 0;
  let seconds = 0;
  let orderMs = 0;
  for (let epoch = 0; batches < limit; epoch++) {
    const orderStart = performance.now();
    const iterator = loader.batches(epoch);
    orderMs = performance.now() - orderStart;
    const start = performance.now();
    for (const [xBatch] of iterator) {
      if (xBatch.shape[0] === 0) throw new Error('empty batch');
      batches++;
      if (batches >= limit) break;
    }
    seconds += (performance.now() - start) / 1000;
  }
  const batchesPerSecond = batches / seconds;
  const epochBatches = loader.length;
  console.log(
    JSON.stringify({
      bench: 'loader',
      path,
      backend,
      n: N,
      batchSize: BATCH_SIZE,
      shuffle: true,
      batchesMeasured: batches,
      seconds: round(seconds),
      batchesPerSecond: round(batchesPerSecond),
      itemsPerSecond: Math.round(batchesPerSecond * BATCH_SIZE),
      epochBatches,
      epochSeconds: round(epochBatches / batchesPerSecond + orderMs / 1000),
      orderMs: round(orderMs),
      extrapolated: batches < epochBatches,
      tensorsLeaked: countTensors() - before,
    }),
  );
}

function round(value) {
  return Math.round(value * 1000) / 1000;
}

const epochBatches = Math.ceil(N / BATCH_SIZE);
run('gather', tensorDataset, GATHER_EPOCHS * epochBatches);
run('per-item-tensors', tensorItems, PER_ITEM_BATCHES);
run('per-item-numbers', xyDataset, PER_ITEM_BATCHES * 5);
tf.dispose([x, y]);
