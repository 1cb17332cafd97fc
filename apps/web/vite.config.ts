import { defineConfig } from 'vite';

/**
 * Static build: `dist/` can be served from any folder (relative base). The
 * worker is an ES module so TensorFlow.js backends load on demand inside it;
 * the wasm backend's .wasm files are emitted as assets (see src/ui/wasm-paths.ts).
 */
export default defineConfig({
  base: './',
  worker: { format: 'es' },
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
