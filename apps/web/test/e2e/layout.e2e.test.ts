import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, launchBrowser, openPage, text, waitForState } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Whether the element lies wholly inside the viewport of `height` pixels. */
async function inView(page: Page, selector: string, height: number): Promise<boolean> {
  const box = await page.locator(selector).boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= height;
}

describe.each([
  ['a laptop', 1366, 768],
  ['a phone', 390, 844],
])('the page on %s while training', (_, width, height) => {
  it('keeps the loss numbers and the loss chart in view', async () => {
    const { context, page } = await openPage(browser, { width, height });
    try {
      await page.goto(appUrl('?experiment=line&backend=cpu'));
      // Step starts a run paused after its first epoch: a run in progress to look at.
      await page.click('#step');
      await waitForState(page, 'paused');
      await page.waitForFunction(() => document.querySelector('#loss-chart canvas') !== null);
      expect(await text(page, '#live-losses')).toMatch(
        /^Train loss \d\.\d+ · validation loss \d\.\d+ · best epoch 0$/,
      );
      expect(await inView(page, '#live-losses', height)).toBe(true);
      expect(await inView(page, '#loss-chart', height)).toBe(true);
      // Scrolled down to the summary, the progress and the numbers stay on top.
      await page.locator('#summary').scrollIntoViewIfNeeded();
      expect(await inView(page, '#live-losses', height)).toBe(true);
    } finally {
      await context.close();
    }
  });
});
