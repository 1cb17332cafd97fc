import { initBackend, SeededRandom, type Tensor2D, tf } from '@epochlab/tensor';
import { DataLoader, type Dataset, randomSplit, sampleLine, TensorDataset } from '../src/index.js';

await initBackend('cpu');

// line_data = get_data_from_a_line(1, 0, 5, sigma=0.2, range=1)
const random = new SeededRandom(0);
const line = sampleLine({
  slope: 1,
  intercept: 0,
  n: 5,
  sigma: 0.2,
  range: 1,
  random: random.stream('train'),
});

// The notebook's XYDataset. Items are [[x], [y]] (not [x, y]) so that batches are [B, 1].
class XYDataset implements Dataset<[number[], number[]]> {
  constructor(
    readonly x: number[],
    readonly y: number[],
  ) {}

  get length(): number {
    return this.x.length;
  }

  get(index: number): [number[], number[]] {
    return [[this.x[index] as number], [this.y[index] as number]];
  }
}

const lineXYDataset = new XYDataset(line.x, line.y);
console.log(lineXYDataset.length); // 5

// DataLoader(line_xydataset, batch_size=5, shuffle=True), read item by item.
const xyLoader = new DataLoader<[Tensor2D, Tensor2D]>(lineXYDataset, {
  batchSize: 5,
  shuffle: true,
});
for (const [xTrue, yTrue] of xyLoader) {
  console.log('XYDataset batch', xTrue.shape, yTrue.shape); // [5, 1] [5, 1]
}

// The fast path: the same data as two [5, 1] tensors, one gather per tensor per batch.
const [x, y] = line.toTensors();
const lineDataset = new TensorDataset(x, y);
const loader = new DataLoader(lineDataset, { batchSize: 2, shuffle: true, seed: 0 });
console.log('batches per epoch', loader.length); // 3: sizes 2, 2, 1
for (let epoch = 0; epoch < 2; epoch++) {
  for (const [xTrue, yTrue] of loader) {
    // The training step goes here. xTrue and yTrue are disposed when the loop moves on:
    // tf.clone a batch to keep it.
    console.log('epoch', epoch, xTrue.shape, yTrue.shape);
  }
}

// A train/validation split of the same tensors keeps the gather path.
const [train, validation] = randomSplit(lineDataset, [0.6, 0.4], 0);
console.log('split', train?.length, validation?.length); // 3 2

tf.dispose([x, y]);
