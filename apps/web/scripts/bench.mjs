#!/usr/bin/env node
/**
 * `pnpm bench` for the web app (not a test): the notebook's line experiment
 * (20000 epochs, validation every 10) in headless Debian chromium on the cpu
 * and wasm backends. Reports epochs per second and the longest main-thread
 * task while training: Long Tasks API entries (tasks over 50 ms) and the
 * longest gap between animation frames. The page must stay under 50 ms.
 * Then the batch-size lab: clicks on its loss map, each picking a new start;
 * a click whose paths fit on the map shown must also stay under 50 ms.
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

/**
 * Runs in the page before its scripts: records Long Tasks API entries and the
 * longest gap between animation frames while `window.__bench.measuring` is on.
 */
function watchMainThread() {
  const stats = { longTasks: [], maxFrameGap: 0, measuring: false };
  window.__bench = stats;
  new PerformanceObserver((list) => {
    if (!stats.measuring) return;
    for (const entry of list.getEntries()) stats.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: false });
  let last = 0;
  const frame = (now) => {
    if (stats.measuring && last > 0) stats.maxFrameGap = Math.max(stats.maxFrameGap, now - last);
    last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** Where on the lab's loss map the bench clicks, as shares of its width and height. */
const LAB_CLICKS = [
  [0.55, 0.25],
  [0.4, 0.6],
  [0.6, 0.5],
  [0.5, 0.4],
  [0.45, 0.55],
  [0.3, 0.3],
];

/**
 * A short lab (10 epochs, 1 seed), then one click per `LAB_CLICKS` entry on
 * the loss map, each waiting for the paths to grow again: per click, the
 * longest main-thread task and whether the chart was kept (no recompile).
 */
async function measureLabClicks(page) {
  const chart = '#line-view-chart';
  const grown = () =>
    page.waitForFunction(
      (selector) => {
        const element = document.querySelector(selector);
        return (
          element?.dataset.total !== undefined && element.dataset.total === element.dataset.shown
        );
      },
      chart,
      { timeout: 60_000 },
    );
  await page.goto(`http://127.0.0.1:${port}/?experiment=batch-size&epochs=10&seeds=1`);
  await page.waitForSelector('#run-lab:not([disabled])');
  await page.click('#run-lab');
  await page.waitForSelector(`${chart} svg`);
  await grown();
  const clicks = [];
  for (const [across, down] of LAB_CLICKS) {
    const before = await page.getAttribute(chart, 'data-start');
    const size = await page.$eval(`${chart} svg`, (svg) => {
      svg.setAttribute('data-before-click', '');
      const box = svg.getBoundingClientRect();
      return { width: box.width, height: box.height };
    });
    await page.evaluate(() => {
      window.__bench.longTasks = [];
      window.__bench.measuring = true;
    });
    await page.click(`${chart} svg`, {
      position: { x: size.width * across, y: size.height * down },
    });
    await page.waitForFunction(
      ([selector, start]) => document.querySelector(selector)?.dataset.start !== start,
      [chart, before],
    );
    await grown();
    const tasks = await page.evaluate(() => {
      window.__bench.measuring = false;
      return window.__bench.longTasks;
    });
    clicks.push({
      start: await page.getAttribute(chart, 'data-start'),
      'chart kept': (await page.$(`${chart} svg[data-before-click]`)) !== null,
      'long tasks (>50 ms)': tasks.length,
      'longest task ms': tasks.length ? Math.max(...tasks).toFixed(1) : `< ${BUDGET_MS}`,
    });
  }
  return clicks;
}

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
const labClicks = [];
try {
  for (const backend of BACKENDS) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.addInitScript(watchMainThread);
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
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.addInitScript(watchMainThread);
  labClicks.push(...(await measureLabClicks(page)));
  await page.close();
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

console.log('web app: batch-size lab, clicks on the loss map (10 epochs, 1 seed)');
console.table(labClicks);
const blockedClicks = labClicks.filter(
  (click) => click['chart kept'] && click['long tasks (>50 ms)'] > 0,
);
if (blockedClicks.length > 0) {
  console.log(
    `main thread blocked over ${BUDGET_MS} ms on ${blockedClicks.length} kept-chart clicks`,
  );
  process.exitCode = 1;
}
