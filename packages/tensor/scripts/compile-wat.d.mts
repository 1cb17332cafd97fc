/** The WebAssembly bytes of `wat` (core features only), after wabt validates it. */
export function compileWat(wat: string): Promise<Uint8Array>;

/** The TypeScript module `src/random/wasm/fisher-yates-wasm.ts` for `bytes`. */
export function moduleSource(bytes: Uint8Array): string;
