#!/usr/bin/env node
/**
 * `pnpm bench` for the web app (not a test): the notebook's line experiment
 * (20000 epochs, validation every 10) in headless Debian chromium on the cpu
 * and wasm backends. Reports epochs per second and the longest main-thread
 * task while training: Long Tasks API entries (tasks over 50 ms) and the
 * longest gap between animation frames. The page must stay under 50 ms.
 *
 * Needs a built app (`pnpm build`) and /usr/bin/chromium.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { ensureChromium } from './ensure-chromium.mjs';

const appRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const BACKENDS = ['cpu', 'wasm'];
const BUDGET_MS = 50;

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

const rows = [];
try {
  for (const backend of BACKENDS) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.addInitScript(() => {
      const stats = { longTasks: [], maxFrameGap: 0, measuring: false };
      window.__bench = stats;
      new PerformanceObserver((list) => {
        if (!stats.measuring) return;
        for (const entry of list.getEntries()) stats.longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: false });
      let last = 0;
      const frame = (now) => {
        if (stats.measuring && last > 0)
          stats.maxFrameGap = Math.max(stats.maxFrameGap, now - last);
        last = now;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await page.goto(`http://127.0.0.1:${port}/?experiment=line&backend=${backend}`);
    await page.waitForSelector('#train:not([disabled])');
    await page.evaluate(() => {
      window.__bench.measuring = true;
    });
    await page.click('#train');
    await page.waitForSelector('.app[data-state="done"]', { timeout: 600_000 });
    const stats = await page.evaluate(() => {
      window.__bench.measuring = false;
      return window.__bench;
    });
    const epochsPerSecond = await page.textContent('[data-key="epochs-per-second"]');
    const active = await page.textContent('#active-backend');
    const longest = Math.max(0, ...stats.longTasks);
    rows.push({
      backend: active,
      'epochs/s': epochsPerSecond,
      'long tasks (>50 ms)': stats.longTasks.length,
      'longest task ms': stats.longTasks.length ? longest.toFixed(1) : `< ${BUDGET_MS}`,
      'longest frame gap ms': stats.maxFrameGap.toFixed(1),
    });
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

console.log('web app: line experiment, 20000 epochs, validation every 10, headless chromium');
console.table(rows);
const over = rows.filter((row) => row['long tasks (>50 ms)'] > 0);
if (over.length > 0) {
  console.log(
    `main thread blocked over ${BUDGET_MS} ms on: ${over.map((r) => r.backend).join(', ')}`,
  );
  process.exitCode = 1;
}
