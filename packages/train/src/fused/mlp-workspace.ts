import type { ActivationFunction } from '@epochlab/models';

/** Where one layer's kernel and bias sit in the flat parameter array (in floats). */
export interface LayerLayout {
  readonly fanIn: number;
  readonly fanOut: number;
  /** Kernel `[fanIn, fanOut]`, row-major, from here. */
  readonly kernelOffset: number;
  /** Bias `[fanOut]` from here. */
  readonly biasOffset: number;
}

/**
 * Rows per block when a float32 batch runs in row blocks: the float32
 * products' inner block, so that a kernel gradient's sum over the rows runs in
 * the order of one pass over the whole batch (the bits are the same), and few
 * enough rows that a block's activations and deltas stay in L1/L2.
 */
export const ROW_BLOCK = 256;

/** The network a workspace runs: layer layouts in order, the hidden layers' activation. */
export interface MlpShape {
  readonly layout: readonly LayerLayout[];
  readonly activation: ActivationFunction;
  readonly inputSize: number;
  readonly outputSize: number;
  /** Floats in the flat parameter (and gradient) array. */
  readonly parameterCount: number;
}

/**
 * How a workspace computes the matrix products: `exact` in double precision
 * in tfjs cpu's order (bit-identical with the tfjs cpu backend), `float32` in
 * float32 SIMD, register-blocked and cache-tiled (deterministic, within
 * float32 rounding of `exact`; WebAssembly SIMD only). See the train README's
 * "Inside the fused kernel".
 */
export type KernelPrecision = 'exact' | 'float32';

/**
 * The buffers of {@link FusedMlpKernel}'s passes and the code that runs them.
 * Two kinds give the same bits in the `exact` precision: `wasm-simd`
 * (`wasm/mlp-passes.wat`, where WebAssembly SIMD is available) and
 * `javascript`; only `wasm-simd` has the `float32` precision.
 *
 * The views are valid until the next {@link reserve} that needs more rows.
 */
export interface MlpWorkspace {
  readonly kind: 'wasm-simd' | 'javascript';
  /** How the passes compute the matrix products. */
  readonly precision: KernelPrecision;
  /**
   * True where the `float32` products' multiply-adds are relaxed SIMD's
   * `f32x4.relaxed_madd` (one rounding where the hardware fuses them);
   * absent or false otherwise.
   */
  readonly fma?: boolean;
  /**
   * Threads the workspace splits large passes over (absent: 1). With more
   * than one, {@link parameters} and {@link gradients} are the same arrays
   * for the workspace's life.
   */
  readonly threads?: number;
  /** Stops the workspace's threads, where it has any. */
  dispose?(): void;
  /** Makes every buffer hold at least `rows` rows. */
  reserve(rows: number): void;
  /** The parameters a pass uses (the kernel's layout). */
  readonly parameters: Float32Array;
  /** d(loss)/d(parameter), written by {@link backward}. */
  readonly gradients: Float32Array;
  /** The first layer's input rows. */
  readonly inputs: Float32Array;
  /** The last layer's outputs, written by {@link forward}. */
  readonly outputs: Float32Array;
  /** d(loss)/d(outputs), written by the caller before {@link backward}. */
  readonly outputDeltas: Float32Array;
  /** Runs the network on the first `rows` rows of {@link inputs}. */
  forward(rows: number): void;
  /** The gradients of the last {@link forward}'s rows, from {@link outputDeltas}. */
  backward(rows: number): void;
  /**
   * Where the workspace has it: {@link parameters} `+= fround(rate *`
   * {@link gradients}`)` in float32, element by element (a `FusedOptimizer`'s
   * `descentRate` step, the same bits as its `step`).
   */
  descend?(rate: number): void;
  /**
   * Rows per block when a batch runs in row blocks (see `FusedMlpKernel`),
   * absent where the workspace has no blocks: {@link forwardBlock} and
   * {@link backwardBlock} exist with it.
   */
  readonly rowBlock?: number;
  /**
   * {@link forward} on rows `start` to `start + rows` of {@link inputs} (at
   * most {@link rowBlock}), the outputs at the same rows of {@link outputs}.
   */
  forwardBlock?(start: number, rows: number): void;
  /**
   * {@link backward} for the last {@link forwardBlock}'s rows, from the same
   * rows of {@link outputDeltas}: `resume` false starts the gradients, true
   * adds this block's to them.
   */
  backwardBlock?(start: number, rows: number, resume: boolean): void;
}
