import type { Tensor2D, tf } from '@epochlab/tensor';

/**
 * How `Mlp.forward` applies an activation in tfjs: as the activation of tfjs's
 * fused matMul when tfjs has one for it (matMul, bias and activation in one
 * op), else as an op of its own after the fused matMul and bias. `after`
 * receives tfjs's ops from its caller, so an activation's module does not load
 * TensorFlow.js (the web page lists the activations without it).
 */
export type TfjsActivation =
  | { readonly fusedMatMul: tf.fused.Activation; readonly leakyreluAlpha?: number }
  | { readonly after: (preActivations: Tensor2D, ops: typeof tf) => Tensor2D };

/**
 * One activation, defined once for every place that computes it: its name,
 * the tfjs op `Mlp.forward` runs, and the float32 forward and derivative the
 * fused training path (`@epochlab/train`) runs on typed arrays, side by side.
 *
 * The float32 functions compute what tfjs's cpu kernels compute, bit for bit:
 * they store every result as float32, as those kernels do. `@epochlab/train`'s
 * WebAssembly passes (`fused/wasm/mlp-passes.wat`) mirror the built-in
 * entries in SIMD with the same bits; an activation they do not know trains
 * on the JavaScript passes, which call these functions.
 */
export interface ActivationFunction<Name extends string = string> {
  /** The name a spec (`MlpSpec.activation`) and the apps use. */
  readonly name: Name;
  /** The tfjs form, for `Mlp.forward` (and so for the generic training path). */
  readonly tfjs: TfjsActivation;
  /**
   * The Dense layer's `activation` string in the TensorFlow.js layers format
   * (`save`, `loadMlpFrom`), or `undefined` for `leakyRelu`, which that format
   * keeps as a `LeakyReLU` layer of its own.
   */
  readonly layersActivation: string | undefined;
  /** Writes `f(preActivations[k])` to `activations[k]` for k < `length`. */
  forward(preActivations: Float32Array, activations: Float32Array, length: number): void;
  /**
   * Multiplies `delta[k]` (d loss / d activation) in place by `f'` at that
   * element, giving d loss / d pre-activation, for k < `length`. The
   * derivative is tfjs's gradient of its unfused op, read from
   * `preActivations` or `activations`, whichever it needs.
   */
  backward(
    delta: Float32Array,
    preActivations: Float32Array,
    activations: Float32Array,
    length: number,
  ): void;
}
