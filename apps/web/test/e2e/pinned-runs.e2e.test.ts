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

/** The loss chart as the page downloads it (SVG text). */
async function lossSvg(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('#download-loss-svg'),
  ]);
  return readFile(await download.path(), 'utf8');
}

/** The pinned-runs table: its header cells and each row's cells, as text. */
function differenceTable(page: Page): Promise<string[][]> {
  return page.$$eval('#pinned-differences tr', (rows) =>
    rows.map((row) => [...row.children].map((cell) => cell.textContent ?? '')),
  );
}

describe('pinned runs in chromium', () => {
  it('pins finished runs, draws them faded under the next run, tables what differed, unpins', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      await page.goto(appUrl('?experiment=line&epochs=200&backend=cpu&seed=1'));
      expect(await page.isDisabled('#pin-run')).toBe(true);
      await page.click('#train');
      await waitForState(page, 'done');
      await page.click('#pin-run');
      expect(await page.$$eval('#pinned-list li span', (s) => s.map((e) => e.textContent))).toEqual(
        ['Run 1'],
      );
      // The same run cannot be pinned twice.
      expect(await page.isDisabled('#pin-run')).toBe(true);

      // What differs from the form: lr, typed after the run, beside the pinned run's value.
      await page.fill('#field-lr', '0.01');
      await page.waitForSelector('#pinned-differences tr[data-field="lr"]');
      expect(await differenceTable(page)).toEqual([
        ['Field', 'Current config', 'Run 1'],
        ['Learning rate', '0.01', '0.001'],
      ]);

      await page.click('#train'); // the state leaves "done" in the click handler
      await waitForState(page, 'done');
      const withPin = await lossSvg(page);
      expect(withPin).toContain('Run 1');
      await page.click('#pin-run');
      expect(await differenceTable(page)).toEqual([
        ['Field', 'Current config', 'Run 1', 'Run 2'],
        ['Learning rate', '0.01', '0.001', '0.01'],
      ]);

      await page.click('button[aria-label="Unpin Run 1"]');
      expect(await page.$$eval('#pinned-list li span', (s) => s.map((e) => e.textContent))).toEqual(
        ['Run 2'],
      );
      expect(await differenceTable(page)).toEqual([
        ['Field', 'Current config', 'Run 2'],
        ['The pinned runs have the same config as the form.'],
      ]);
      const afterUnpin = await lossSvg(page);
      expect(afterUnpin).toContain('Run 2');
      expect(afterUnpin).not.toContain('Run 1');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
