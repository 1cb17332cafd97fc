/**
 * A module of one function that uses `f32x4.relaxed_madd`: it validates
 * where the engine has relaxed SIMD (Chromium ships it on; Node 20 only
 * with V8's `--experimental-wasm-relaxed-simd`).
 */
const RELAXED_MADD_PROBE = [
  0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 1, 123, 1, 123, 3, 2, 1, 0, 10, 13, 1, 11, 0, 32, 0, 32,
  0, 32, 0, 253, 133, 2, 11,
];

/**
 * Whether this engine has relaxed SIMD's `f32x4.relaxed_madd`: `validate`
 * (by default `WebAssembly.validate`, in the installed scope: see
 * {@link withRelaxedSimd}) accepts a tiny module that uses it. False where
 * there is no WebAssembly or `validate` throws.
 */
export function hasRelaxedMadd(
  validate: (bytes: Uint8Array<ArrayBuffer>) => boolean = (bytes) =>
    withRelaxedSimd(() => WebAssembly.validate(bytes)),
): boolean {
  try {
    return typeof WebAssembly === 'object' && validate(Uint8Array.from(RELAXED_MADD_PROBE));
  } catch {
    return false;
  }
}

/**
 * Runs `compile` (a compile or validate of a module that uses relaxed SIMD)
 * where relaxed SIMD validates, and returns its result.
 */
export type RelaxedSimdScope = <T>(compile: () => T) => T;

let installedScope: RelaxedSimdScope | undefined;

/**
 * Makes `scope` the one {@link withRelaxedSimd} runs in (`undefined`: none,
 * compiles run as they are). `@epochlab/train/enable-relaxed-simd` installs
 * one on Node 20, whose V8 has relaxed SIMD behind a flag.
 */
export function setRelaxedSimdScope(scope: RelaxedSimdScope | undefined): void {
  installedScope = scope;
}

/**
 * `compile()` in the installed {@link RelaxedSimdScope}, or as it is where
 * none is installed (browsers and newer Node ship relaxed SIMD on). The
 * fused path compiles its relaxed-SIMD modules, and probes for them, here.
 */
export function withRelaxedSimd<T>(compile: () => T): T {
  return installedScope === undefined ? compile() : installedScope(compile);
}
