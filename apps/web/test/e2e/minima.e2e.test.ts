import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, launchBrowser, openPage, text } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A small grid: one learning rate, batch sizes 1 and the full 32, 30 runs each, 2 paths. */
const SHORT = '?experiment=local-minima&lrs=0.3&batch-sizes=1,full&seeds=30&path-count=2';

async function runStudy(page: import('playwright-core').Page): Promise<void> {
  await page.click('#run-minima');
  await page.waitForSelector('.app[data-state="done"]', { timeout: 90_000 });
}

describe('the local-minima page in chromium', () => {
  it('runs the study, fills the table and draws the surface and the share charts, in English', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      await page.goto(appUrl(SHORT));
      expect(await text(page, 'h1')).toBe('Local minima');
      await runStudy(page);
      expect(await text(page, '#minima-progress')).toMatch(/^Done: 2 cells × 30 runs in /);
      const rows = await page.$$eval('#minima-table tbody tr', (all) =>
        all.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent)),
      );
      expect(rows.map((row) => row.slice(0, 2))).toEqual([
        ['0.3', 'batch 1'],
        ['0.3', 'full batch (32)'],
      ]);
      // The full batch stays in the start's valley in every run: 0% global, 100% start.
      expect(rows[1]?.slice(2, 4)).toEqual(['0%', '100%']);
      expect(await text(page, '#minima-reading')).toMatch(
        /^Full batch: 100 steps, stays in the start's valley at loss 0\.466\. Batch 1 at lr 0\.3: \d of the 2 drawn paths end in the global valley\.$/,
      );
      for (const id of [
        'surface-chart',
        'escape-batch-chart',
        'escape-lr-chart',
        'unsettled-chart',
      ]) {
        const size = await page.$eval(`#${id} canvas`, (canvas) => [
          (canvas as HTMLCanvasElement).width,
          (canvas as HTMLCanvasElement).height,
        ]);
        expect(size[0]).toBeGreaterThan(100);
        expect(size[1]).toBeGreaterThan(100);
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('speaks Spanish with lang=es, and reports a bad link field by its flag', async () => {
    const { context, page, errors } = await openPage(browser, { locale: 'es-ES' });
    try {
      await page.goto(appUrl(`${SHORT.replace('lrs=0.3', 'lrs=0.3,0')}&lang=es`));
      expect(await text(page, 'h1')).toBe('Mínimos locales');
      expect(await text(page, '#run-minima')).toBe('Ejecutar el estudio');
      expect(await text(page, '#url-problems li')).toBe('lrs[1] debe ser un número > 0 y <= 10');
      await page.goto(appUrl(`${SHORT}&lang=es`));
      await runStudy(page);
      expect(await text(page, '#minima-progress')).toMatch(/^Hecho: 2 celdas × 30 ejecuciones en /);
      expect(await text(page, '#minima-table thead th:nth-child(3)')).toBe('Valle global');
      expect(await text(page, '#minima-table tbody tr:nth-child(2) td:nth-child(2)')).toBe(
        'lote completo (32)',
      );
      // The language button opens the same study in English.
      await page.click('#language');
      await page.waitForFunction(
        () => document.querySelector('h1')?.textContent === 'Local minima',
      );
      const url = new URL(await page.evaluate(() => location.href));
      expect(url.searchParams.get('lang')).toBe('en');
      expect(url.searchParams.get('seeds')).toBe('30');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("fits a phone's width: the charts and the page stay within 390 px", async () => {
    const { context, page, errors } = await openPage(browser, { width: 390, height: 844 });
    try {
      await page.goto(appUrl(SHORT));
      await runStudy(page);
      const ids = ['surface-chart', 'escape-batch-chart', 'escape-lr-chart', 'unsettled-chart'];
      for (const id of ids) {
        const box = await page.$eval(`#${id} canvas, #${id} svg`, (drawn) => {
          const rect = drawn.getBoundingClientRect();
          return { left: rect.left, right: rect.right, width: rect.width };
        });
        expect(box.left, id).toBeGreaterThanOrEqual(0);
        expect(box.right, id).toBeLessThanOrEqual(390);
        // Not shrunk to nothing: most of the phone's width.
        expect(box.width, id).toBeGreaterThan(250);
      }
      // The surface chart's title is a heading above it on a phone (in the chart, a title wider
      // than the plot squeezed the plot to nothing).
      expect(await page.$eval('.chart-caption', (caption) => caption.textContent)).toBe(
        'Loss surface over (w, a) with the descent paths',
      );
      // Nothing else widens the page either (the table scrolls inside its box).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
