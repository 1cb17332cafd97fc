/**
 * The WebAssembly bytes of `wat` (SIMD enabled, and relaxed SIMD for the
 * FMA variant's `f32x4.relaxed_madd`), after wabt validates it.
 */
export function compileWat(wat: string): Promise<Uint8Array>;

/**
 * `wat` with each float32 product's multiply-add marked `;; madd`,
 * `(f32x4.add ACC (f32x4.mul X Y))`, as `(f32x4.relaxed_madd X Y ACC)`.
 */
export function fmaVariant(wat: string): string;

/** `wat` with its memory imported from `env.memory` and shared, still exported. */
export function sharedMemoryVariant(wat: string): string;

/** The names and doc comments of a generated file's two constants. */
export interface ModuleNames {
  readonly plain: string;
  readonly plainDoc: string;
  readonly fma: string;
  readonly fmaDoc: string;
}

/** The constants of the two generated modules: own memory, shared memory. */
export const MODULE_NAMES: { readonly own: ModuleNames; readonly shared: ModuleNames };

/** The TypeScript module that carries a plain and an FMA variant's bytes, base64. */
export function moduleSourceFor(
  bytes: Uint8Array,
  fmaBytes: Uint8Array,
  names?: ModuleNames,
): string;
