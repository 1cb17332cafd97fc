// The notebook's first experiment, `learning_loop`: an MLP fitted to 5 noisy
// points of the line y = x with the L1 loss and SGD. So few points, with noise,
// and the curve comes out anything but straight: overfitting.
//
//   node examples/notebook-line.mjs [epochs]     (or EPOCHS=...; default 20000)
//   EPOCHLAB_BACKEND=wasm SEED=3 node examples/notebook-line.mjs
//
// Ctrl-C stops training and still prints the results so far.
import { DataLoader, sampleLine, TensorDataset } from '@epochlab/data';
import { createMlp, NOTEBOOK_MLP } from '@epochlab/models';
import { initBackend, SeededRandom } from '@epochlab/tensor';
import { trainModel } from '@epochlab/train';

const epochs = Number(process.argv[2] ?? process.env.EPOCHS ?? 20000);
const seed = Number(process.env.SEED ?? 2);
const backend = await initBackend(process.env.EPOCHLAB_BACKEND ?? 'cpu');
const random = new SeededRandom(seed);

// line_data = get_data_from_a_line(1, 0, 5, sigma=0.2, range=1)
const line = sampleLine({
  slope: 1,
  intercept: 0,
  n: 5,
  sigma: 0.2,
  range: 1,
  random: random.stream('train'),
});
const [x, y] = line.toTensors();
// line_dataloader = DataLoader(line_xydataset, batch_size=5, shuffle=True)
const lineLoader = new DataLoader(new TensorDataset(x, y), { batchSize: 5, shuffle: true, seed });
// torch.nn.Sequential(Linear(1,12), LeakyReLU(), Linear(12,12), LeakyReLU(), Linear(12,16), LeakyReLU(), Linear(16,1))
const model = createMlp(NOTEBOOK_MLP, random.stream('init'));
console.log(`parameters: ${model.parameterCount} (backend ${backend.name})`);

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());

// model, loss_list = learning_loop(line_dataloader, model, epochs, L1Loss(), 1e-3, SGD)
const result = await trainModel({
  model,
  train: lineLoader,
  epochs,
  loss: 'l1',
  optimizer: { name: 'sgd', learningRate: 1e-3 },
  signal: controller.signal,
  throttle: { minIntervalMs: 1000 },
  callbacks: {
    onEpochEnd: ({ epoch, trainLoss, epochsPerSecond }) =>
      console.log(
        `epoch ${epoch + 1}/${epochs}  train loss ${trainLoss.toFixed(4)}  ${epochsPerSecond.toFixed(0)} it/s`,
      ),
  },
});

const { summary } = result;
console.log(`status: ${result.status}`);
console.log(`final train loss: ${summary.finalTrainLoss?.toFixed(4)}`);
console.log(
  `${summary.epochsRun} epochs in ${summary.seconds.toFixed(1)} s (${summary.epochsPerSecond.toFixed(0)} epochs/s)`,
);
const grid = [-1, -0.5, 0, 0.5, 1];
const predictions = model.predict(grid);
console.log(
  `fit at x = ${grid.join(', ')}: ${Array.from(predictions, (value) => value.toFixed(3)).join(', ')} (the line: y = x)`,
);
