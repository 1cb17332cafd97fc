/**
 * The built app (`dist/`) served by `vite preview` on a free local port, and
 * Debian's headless chromium: what the bench and the screenshots drive.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { ensureChromium } from './ensure-chromium.mjs';

/** The web app's folder (`apps/web`). */
export const appRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Starts both; `close()` stops the browser, then the server. */
export async function openBuiltApp() {
  const server = await preview({
    root: appRoot,
    configFile: join(appRoot, 'vite.config.ts'),
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, open: false },
  });
  const { port } = server.httpServer.address();
  const browser = await chromium.launch({
    executablePath: ensureChromium(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
