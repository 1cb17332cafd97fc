import type { ActivationFunction } from '@epochlab/models';
import type { FusedLoss } from '../losses/loss-definition.js';
import type { FusedOptimizer } from '../optimizers/optimizer-definition.js';
import { createMlpWorkspace } from './create-mlp-workspace.js';
import type { KernelPrecision, LayerLayout, MlpShape, MlpWorkspace } from './mlp-workspace.js';
import { passThreadHost } from './threads/pass-thread-host.js';
import { fmaPassesModule, mlpPassesModule, WasmWorkspace } from './wasm-workspace.js';

/**
 * Where a kernel's passes run: `auto` in WebAssembly SIMD where the platform
 * has it, `javascript` always in JavaScript. Both give the same bits.
 */
export type WorkspaceOption = 'auto' | 'javascript';

/**
 * A whole dense MLP step on typed arrays: forward, loss, backward and the
 * optimizer update, with no tensor and no per-step allocation.
 *
 * Parameters live in one `Float32Array` (kernel 0, bias 0, kernel 1, ...,
 * kernels `[fanIn, fanOut]` row-major, as the model's variables), gradients in
 * another with the same layout. Values are stored as float32 after every
 * operation, as tfjs's cpu kernels store them. In the `exact` precision, sums
 * (the matrix products and the bias gradients) are accumulated in double
 * precision, also as they do; in `float32` (WebAssembly SIMD only) the
 * matrix products are accumulated in float32, in a fixed order.
 *
 * The forward and backward passes run in an {@link MlpWorkspace}: each pass
 * copies the parameters and inputs into it (and the gradients back out), so
 * {@link parameters} and {@link gradients} stay the same arrays for the
 * kernel's life. A workspace with threads (see the constructor) holds them
 * in its shared memory: they are its arrays, and nothing is copied. The loss
 * and the optimizer update run here, in JavaScript.
 */
export class FusedMlpKernel {
  readonly parameters: Float32Array;
  readonly gradients: Float32Array;
  readonly inputSize: number;
  readonly outputSize: number;
  /** Where the passes run (`wasm-simd` or `javascript`), and in which precision. */
  workspace: MlpWorkspace;
  private readonly shape: MlpShape;
  private readonly workspaceOption: WorkspaceOption;
  private readonly fma: boolean;
  private readonly threads: number;

  /**
   * `precision` is what the caller asks for; {@link workspace}'s `precision`
   * is what runs (`exact` where there is no WebAssembly SIMD). `fma` (default
   * true): `float32` products run on the FMA module (`f32x4.relaxed_madd`)
   * where the engine has relaxed SIMD (see `hasRelaxedMadd`); false keeps
   * them on the plain module's multiply then add. The workspace's `fma` says
   * which runs. `threads` (default 1): for `float32` in WebAssembly, the
   * threads large passes are split over where a `PassThreadHost` is
   * installed (Node: the package's Node entry) and the engine has shared
   * WebAssembly memory; the workspace's `threads` says how many it has. The
   * bits are the same with any number. {@link dispose} stops them.
   */
  constructor(
    widths: readonly number[],
    activation: ActivationFunction,
    workspace: WorkspaceOption = 'auto',
    precision: KernelPrecision = 'exact',
    fma = true,
    threads = 1,
  ) {
    const layout: LayerLayout[] = [];
    let offset = 0;
    for (let layer = 1; layer < widths.length; layer++) {
      const fanIn = widths[layer - 1] as number;
      const fanOut = widths[layer] as number;
      layout.push({ fanIn, fanOut, kernelOffset: offset, biasOffset: offset + fanIn * fanOut });
      offset += fanIn * fanOut + fanOut;
    }
    this.inputSize = widths[0] as number;
    this.outputSize = widths.at(-1) as number;
    this.shape = {
      layout,
      activation,
      inputSize: this.inputSize,
      outputSize: this.outputSize,
      parameterCount: offset,
    };
    this.workspaceOption = workspace;
    this.fma = fma;
    this.threads = threads;
    this.workspace = this.createWorkspace(precision, true);
    const shared = (this.workspace.threads ?? 1) > 1;
    this.parameters = shared ? this.workspace.parameters : new Float32Array(offset);
    this.gradients = shared ? this.workspace.gradients : new Float32Array(offset);
  }

  /** Stops the workspace's threads, if it has any; later passes run on the caller's thread. */
  dispose(): void {
    this.workspace.dispose?.();
  }

  /**
   * Runs the next passes in `precision` (a new workspace when it changes; the
   * parameters stay). Where only JavaScript runs, the precision stays `exact`.
   */
  usePrecision(precision: KernelPrecision): void {
    if (precision === this.workspace.precision) return;
    this.workspace.dispose?.();
    this.workspace = this.createWorkspace(precision);
  }

  private createWorkspace(precision: KernelPrecision, constructing = false): MlpWorkspace {
    if (this.workspaceOption !== 'auto') return createMlpWorkspace(this.shape, null, precision);
    const threaded = constructing ? this.threadedWorkspace(precision) : null;
    if (threaded !== null) return threaded;
    const fmaModule = this.fma && precision === 'float32' ? fmaPassesModule() : null;
    if (fmaModule !== null) {
      // The plain module is compiled only if the FMA one does not instantiate.
      const workspace = createMlpWorkspace(this.shape, null, precision, fmaModule);
      if (workspace.kind === 'wasm-simd') return workspace;
    }
    return createMlpWorkspace(this.shape, mlpPassesModule(), precision);
  }

  /**
   * A workspace on a shared memory with `threads - 1` helper threads, or
   * `null`: one thread asked, `exact` precision, no host, no shared
   * WebAssembly memory, or the module does not instantiate. Only at
   * construction: a later workspace keeps the kernel's arrays.
   */
  private threadedWorkspace(precision: KernelPrecision): MlpWorkspace | null {
    const host = passThreadHost();
    if (this.threads <= 1 || precision !== 'float32' || host === undefined) return null;
    const fmaModule = this.fma ? host.passesModule(true) : null;
    for (const [module, fma] of [
      [fmaModule, true],
      [host.passesModule(false), false],
    ] as const) {
      if (module === null) continue;
      try {
        return new WasmWorkspace(this.shape, module, precision, fma, {
          host,
          helpers: this.threads - 1,
        });
      } catch {
        // The next module, or one thread.
      }
    }
    return null;
  }

  /**
   * The network's outputs for `rows` rows of `inputs` (`inputSize` per row):
   * a view of an internal buffer, valid until the next call.
   */
  forward(inputs: Float32Array, rows: number): Float32Array {
    const { workspace } = this;
    workspace.reserve(rows);
    if (workspace.parameters !== this.parameters) workspace.parameters.set(this.parameters);
    workspace.inputs.set(inputs.subarray(0, rows * this.inputSize));
    workspace.forward(rows);
    return workspace.outputs.subarray(0, rows * this.outputSize);
  }

  /**
   * Forward, loss and backward for one batch: returns the mean loss and
   * leaves d(loss)/d(parameter) in {@link gradients}.
   */
  lossAndGradients(
    inputs: Float32Array,
    targets: Float32Array,
    rows: number,
    loss: FusedLoss,
  ): number {
    const { workspace } = this;
    const block = workspace.rowBlock;
    if (block !== undefined && rows > block && loss.rowBlocks !== undefined) {
      return this.lossAndGradientsInBlocks(inputs, targets, rows, loss, block);
    }
    const outputs = this.forward(inputs, rows);
    const value = loss.lossAndGradient(
      outputs,
      targets,
      rows * this.outputSize,
      workspace.outputDeltas,
    );
    workspace.backward(rows);
    if (workspace.gradients !== this.gradients) this.gradients.set(workspace.gradients);
    return value;
  }

  /**
   * {@link lossAndGradients} in blocks of `block` rows: forward, the block's
   * loss gradient and backward, block after block, each block's gradients
   * added to the earlier ones'. The activations and deltas of a whole batch
   * of 10,000 rows leave L2; a block's stay in cache between its passes.
   * The float32 workspace keeps every sum in one pass's order, so the
   * result has the same bits as one pass over the batch.
   */
  private lossAndGradientsInBlocks(
    inputs: Float32Array,
    targets: Float32Array,
    rows: number,
    loss: FusedLoss,
    block: number,
  ): number {
    const { workspace, outputSize } = this;
    const { rowBlocks } = loss;
    if (!workspace.forwardBlock || !workspace.backwardBlock || !rowBlocks) {
      throw new Error('row blocks need forwardBlock, backwardBlock and the loss rowBlocks');
    }
    workspace.reserve(rows);
    if (workspace.parameters !== this.parameters) workspace.parameters.set(this.parameters);
    workspace.inputs.set(inputs.subarray(0, rows * this.inputSize));
    const count = rows * outputSize;
    let sum = 0;
    for (let start = 0; start < rows; start += block) {
      const blockRows = Math.min(block, rows - start);
      workspace.forwardBlock(start, blockRows);
      const from = start * outputSize;
      const to = from + blockRows * outputSize;
      const { outputs, outputDeltas } = workspace;
      sum = rowBlocks.gradientRange(outputs, targets, from, to, count, outputDeltas, sum);
      workspace.backwardBlock(start, blockRows, start > 0);
    }
    if (workspace.gradients !== this.gradients) this.gradients.set(workspace.gradients);
    return rowBlocks.mean(sum, count);
  }

  /** One training step: {@link lossAndGradients}, then `optimizer` updates the parameters. */
  trainStep(
    inputs: Float32Array,
    targets: Float32Array,
    rows: number,
    loss: FusedLoss,
    optimizer: FusedOptimizer,
  ): number {
    const value = this.lossAndGradients(inputs, targets, rows, loss);
    const { workspace } = this;
    if (optimizer.descentRate !== undefined && workspace.descend !== undefined) {
      // Plain SGD in the workspace's SIMD loop (same bits): 6-8x faster than
      // the JavaScript loop, a fifth of a step of two layers of 256.
      workspace.descend(optimizer.descentRate);
      if (workspace.parameters !== this.parameters) this.parameters.set(workspace.parameters);
    } else {
      optimizer.step(this.parameters, this.gradients);
    }
    return value;
  }

  /** The mean loss of one batch, without gradients. */
  evaluate(inputs: Float32Array, targets: Float32Array, rows: number, loss: FusedLoss): number {
    return loss.loss(this.forward(inputs, rows), targets, rows * this.outputSize);
  }
}
