import { defineConfig } from 'vite';

/**
 * The npm package a module comes from (`@tensorflow/tfjs-core`, `zod`), or
 * undefined for the app's and the workspace's own files.
 */
function packageOf(id: string): string | undefined {
  const match = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(id);
  return match?.[1];
}

/**
 * In the workers' bundles: one chunk per TensorFlow.js package and one for
 * zod, named after it. Each worker is bundled on its own, so without names
 * every worker carries its own copy of tfjs in chunks of its own; named chunks
 * built from the same modules come out byte-identical, and the same file
 * name, so the workers that use the same parts of tfjs share one file (and the
 * browser's cache). The page's own bundle keeps rolldown's chunks: named
 * chunks there made its start-up import the tfjs backends' chunks.
 */
function vendorChunk(id: string): string | undefined {
  const name = packageOf(id);
  if (name?.startsWith('@tensorflow/')) return name.slice('@tensorflow/'.length);
  if (name === 'zod') return 'zod';
  return undefined;
}

/**
 * Static build: `dist/` can be served from any folder (relative base). The
 * workers are ES modules so TensorFlow.js backends load on demand inside
 * them; the wasm backend's .wasm files are emitted as assets (see
 * src/ui/wasm-paths.ts).
 */
export default defineConfig({
  base: './',
  worker: {
    format: 'es',
    rollupOptions: { output: { manualChunks: vendorChunk } },
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    assetsInlineLimit: 0,
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
