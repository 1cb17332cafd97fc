import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { ensureChromium } from '../../scripts/ensure-chromium.mjs';

const appRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built app, served on 127.0.0.1 for this test run. */
    webUrl: string;
    /** The chromium executable the browser tests launch. */
    chromiumPath: string;
  }
}

/**
 * Before the web tests: make sure chromium is there (Debian's, installed if
 * missing) and serve the built app (`dist/`, made by `pnpm build`) with
 * `vite preview` on a free port.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(join(appRoot, 'dist', 'index.html'))) {
    throw new Error('apps/web/dist is missing: run `pnpm build` first (`pnpm test` does).');
  }
  const chromiumPath = ensureChromium();
  const server = await preview({
    root: appRoot,
    configFile: join(appRoot, 'vite.config.ts'),
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string')
    throw new Error('preview server has no port');
  project.provide('webUrl', `http://127.0.0.1:${address.port}/`);
  project.provide('chromiumPath', chromiumPath);
  return async () => {
    await server.close();
  };
}
