/** The WebAssembly bytes of `wat` (SIMD enabled), after wabt validates it. */
export function compileWat(wat: string): Promise<Uint8Array>;
/** The TypeScript module that carries `bytes`, base64. */
export function moduleSourceFor(bytes: Uint8Array): string;
