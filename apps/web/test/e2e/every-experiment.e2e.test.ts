import { FIT_EXPERIMENTS } from '@epochlab/experiments';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, launchBrowser, openPage, text, waitForState } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(FIT_EXPERIMENTS)('the page with the $name experiment', (experiment) => {
  it('picks it from the menu, trains it, and shares it as a link that reopens it', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      await page.goto(appUrl('?backend=cpu'));
      await page.waitForSelector('#field-experiment');
      await page.selectOption('#field-experiment', experiment.name);
      for (const field of experiment.ownFields) {
        await page.waitForSelector(`#field-${field.key}`);
      }
      await page.fill('#field-epochs', '40');
      await page.fill('#field-seed', '5');
      // The address bar as the page left it (replaceState), as a user would copy it.
      const shared = new URL(await page.evaluate(() => window.location.href));
      expect(shared.searchParams.get('experiment')).toBe(experiment.name);
      expect(await text(page, '#cli-command')).toBe(
        `epochlab run ${experiment.name} --epochs 40 --seed 5 --backend cpu`,
      );

      await page.click('#train');
      await waitForState(page, 'done');
      expect(await text(page, '#progress')).toMatch(/^Done: 40 epochs/);
      expect(await text(page, '[data-key="parameters"]')).toBe('405');

      const other = await context.newPage();
      await other.goto(shared.href);
      await other.waitForSelector('#field-epochs');
      expect(await other.inputValue('#field-experiment')).toBe(experiment.name);
      expect(await other.inputValue('#field-epochs')).toBe('40');
      expect(await other.inputValue('#field-seed')).toBe('5');
      expect(await other.$$eval('#url-problems li', (items) => items.length)).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
