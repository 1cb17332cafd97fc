/**
 * One "own data" measurement in a fresh process, so that its peak RSS is its
 * own: `node dist/own-data/own-data-process.js parse|memory|stream FILE`
 * prints one JSON line.
 *
 * - `parse`: the whole file's text through `parsePointTable` (rows/s).
 * - `memory`: `readPointTableFile`, then one epoch at batch 1024 over a
 *   shuffled `DataLoader` of in-memory tensors.
 * - `stream`: `CsvFileRowStream.open` (the checking scan), then one epoch at
 *   batch 1024 through a 65,536-row shuffle buffer and `RowStreamLoader`.
 */
// First: relaxed SIMD on (Node 20) before anything compiles WebAssembly.
import '@epochlab/train/enable-relaxed-simd';
import { readFileSync } from 'node:fs';
import { DataLoader, parsePointTable, RowStreamLoader, TensorDataset } from '@epochlab/data';
import { CsvFileRowStream, readPointTableFile } from '@epochlab/data/node';
import { createMlp, NOTEBOOK_MLP } from '@epochlab/models';
import { initBackend, SeededRandom, tf } from '@epochlab/tensor';
import { type BatchSource, trainModel } from '@epochlab/train';

const [mode = '', path = ''] = process.argv.slice(2);
const BATCH = 1024;
const now = () => performance.now() / 1000;

async function oneEpoch(train: BatchSource): Promise<number> {
  const model = createMlp(NOTEBOOK_MLP, new SeededRandom(0).stream('init'));
  const start = now();
  await trainModel({
    model,
    train,
    epochs: 1,
    loss: 'l1',
    optimizer: { name: 'sgd', learningRate: 1e-3 },
  });
  const seconds = now() - start;
  model.dispose();
  return seconds;
}

await initBackend('cpu');
let line: Record<string, unknown>;
if (mode === 'parse') {
  const text = readFileSync(path, 'utf8');
  const start = now();
  const table = parsePointTable(text);
  const seconds = now() - start;
  line = { rows: table.rows, parseSeconds: seconds, rowsPerSecond: table.rows / seconds };
} else if (mode === 'memory') {
  const start = now();
  const table = readPointTableFile(path);
  const x = tf.tensor2d(table.inputs, [table.rows, 1]);
  const y = tf.tensor2d(table.targets, [table.rows, 1]);
  const readSeconds = now() - start;
  const loader = new DataLoader(new TensorDataset(x, y), { batchSize: BATCH, shuffle: true });
  const epochSeconds = await oneEpoch(loader);
  line = { rows: table.rows, readSeconds, epochSeconds };
} else if (mode === 'stream') {
  const start = now();
  const stream = CsvFileRowStream.open(path, { seed: 0 });
  const readSeconds = now() - start;
  const epochSeconds = await oneEpoch(new RowStreamLoader(stream, { batchSize: BATCH }));
  line = { rows: stream.length, readSeconds, epochSeconds };
} else {
  throw new Error(`unknown mode '${mode}': parse, memory or stream`);
}
process.stdout.write(
  `${JSON.stringify({ ...line, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
