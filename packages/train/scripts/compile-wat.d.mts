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

/** The TypeScript module that carries both variants' bytes, base64. */
export function moduleSourceFor(bytes: Uint8Array, fmaBytes: Uint8Array): string;
