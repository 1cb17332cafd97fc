import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, launchBrowser, openPage, waitForState } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Trains the page's config at the chosen pace; the run's history.json and how long it took. */
async function trainAt(page: Page, pace: string): Promise<{ history: string; seconds: number }> {
  await page.selectOption('#speed', pace);
  const started = Date.now();
  await page.click('#train');
  await waitForState(page, 'done');
  const seconds = (Date.now() - started) / 1000;
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('#download-history-json'),
  ]);
  return { history: await readFile(await download.path(), 'utf8'), seconds };
}

describe('the speed control in chromium', () => {
  it('slows a run down to a watchable pace without changing its numbers', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      await page.goto(appUrl('?experiment=line&epochs=60&backend=cpu'));
      await page.waitForSelector('#speed');
      const offered = await page.$$eval('#speed option', (all) => all.map((o) => o.textContent));
      expect(offered).toEqual([
        'As fast as possible',
        '2,000 epochs/s',
        '500 epochs/s',
        '100 epochs/s',
        '20 epochs/s',
        '5 epochs/s',
      ]);
      const fast = await trainAt(page, '');
      // 60 epochs at 20 epochs/s: 59 intervals of 50 ms, at least 2.95 s.
      const slow = await trainAt(page, '20');
      expect(slow.seconds).toBeGreaterThanOrEqual(2.9);
      expect(slow.history).toBe(fast.history);
      expect(JSON.parse(slow.history).train).toHaveLength(60);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('changes pace during a run', async () => {
    const { context, page } = await openPage(browser);
    try {
      await page.goto(appUrl('?experiment=line&epochs=2000&backend=cpu'));
      await page.selectOption('#speed', '5');
      await page.click('#train');
      await waitForState(page, 'running');
      // At 5 epochs/s, 2000 epochs would take 400 s; as fast as possible, well under a minute.
      await page.selectOption('#speed', '');
      await waitForState(page, 'done', 60_000);
    } finally {
      await context.close();
    }
  });
});
