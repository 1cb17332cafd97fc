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
 * In the workers' bundle: one chunk per TensorFlow.js package and one for
 * zod, named after it. Every page's worker runs one script
 * (src/worker/page-worker.ts, which loads only the part a page names), so
 * Vite bundles it once and each of these chunks is built once for all pages;
 * the names keep them readable in the build output. The page's own bundle
 * keeps rolldown's chunks: named chunks there made its start-up import the
 * tfjs backends' chunks.
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
