// The notebook's second experiment, `learning_loop_with_val`: the same model and
// data, plus 5 validation points from the same line, evaluated without
// gradients every 10 epochs. The training loss keeps falling while the
// validation loss rises after its minimum: the model generalised best before
// it started to overfit, at the epoch this prints.
//
//   node examples/notebook-line-with-validation.mjs [epochs]   (or EPOCHS=...; default 20000)
//   EPOCHLAB_BACKEND=wasm SEED=3 node examples/notebook-line-with-validation.mjs
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

const line = (stream) =>
  sampleLine({ slope: 1, intercept: 0, n: 5, sigma: 0.2, range: 1, random: random.stream(stream) });
const [x, y] = line('train').toTensors();
const [xVal, yVal] = line('validation').toTensors();
const trainLoader = new DataLoader(new TensorDataset(x, y), { batchSize: 5, shuffle: true, seed });
const valLoader = new DataLoader(new TensorDataset(xVal, yVal), {
  batchSize: 5,
  shuffle: true,
  seed: seed + 1,
});
const model = createMlp(NOTEBOOK_MLP, random.stream('init'));
console.log(`parameters: ${model.parameterCount} (backend ${backend.name})`);

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());

// model, train_loss_list, val_loss_list = learning_loop_with_val(train_line_dataloader,
//     val_line_dataloader, model, epochs, L1Loss(), 1e-3, SGD)
const result = await trainModel({
  model,
  train: trainLoader,
  validation: valLoader,
  validationInterval: 10,
  epochs,
  loss: 'l1',
  optimizer: { name: 'sgd', learningRate: 1e-3 },
  signal: controller.signal,
  throttle: { minIntervalMs: 1000 },
  callbacks: {
    onEpochEnd: ({ epoch, trainLoss, history, epochsPerSecond }) =>
      console.log(
        `epoch ${epoch + 1}/${epochs}  train loss ${trainLoss.toFixed(4)}  val loss ${history.val.at(-1)?.loss.toFixed(4)}  ${epochsPerSecond.toFixed(0)} it/s`,
      ),
  },
});

const { summary } = result;
console.log(`status: ${result.status}`);
console.log(`final train loss: ${summary.finalTrainLoss?.toFixed(4)}`);
console.log(
  `final validation loss: ${summary.finalValidationLoss?.toFixed(4)} (epoch ${summary.finalValidationEpoch})`,
);
console.log(
  `best validation loss: ${summary.bestValidationLoss?.toFixed(4)} at epoch ${summary.bestValidationEpoch}`,
);
console.log(
  `${summary.epochsRun} epochs in ${summary.seconds.toFixed(1)} s (${summary.epochsPerSecond.toFixed(0)} epochs/s)`,
);
