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

const focusedId = (page: import('playwright-core').Page) =>
  page.evaluate(() => document.activeElement?.id ?? '');

/** Waits until the address bar's query has `name` = `value` (or times out). */
const urlParam = async (page: import('playwright-core').Page, name: string, value: string) => {
  await page.waitForFunction(
    ([n, v]) => new URLSearchParams(window.location.search).get(n as string) === v,
    [name, value],
    { timeout: 5000 },
  );
  return value;
};

describe('the form and the status line in chromium', () => {
  it('takes a decimal comma in Spanish and shows decimals with one', async () => {
    const { context, page, errors } = await openPage(browser, { locale: 'es-ES' });
    try {
      await page.goto(appUrl('?experiment=line&epochs=20&backend=cpu'));
      await page.waitForSelector('#field-lr');
      // The default learning rate 0.001, written the Spanish way.
      expect(await page.inputValue('#field-lr')).toBe('0,001');
      await page.fill('#field-lr', '0,01');
      expect(await text(page, '#field-lr-error')).toBe('');
      expect(await urlParam(page, 'lr', '0.01')).toBe('0.01');
      expect(await text(page, '#cli-command')).toContain('--lr 0.01');
      // A point is read as a decimal point in Spanish too.
      await page.fill('#field-lr', '0.02');
      expect(await urlParam(page, 'lr', '0.02')).toBe('0.02');
      // Lists keep the comma as their separator.
      await page.fill('#field-hidden', '8,8');
      expect(await urlParam(page, 'hidden', '8,8')).toBe('8,8');
      await page.click('#train');
      await waitForState(page, 'done');
      // Back in English, the same value is written with a point.
      await page.click('#language');
      await page.waitForFunction(() => document.querySelector('#train')?.textContent === 'Train');
      expect(await page.inputValue('#field-lr')).toBe('0.02');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('gives focus back to Train after a run, and clears a finished run when its data changes', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      await page.goto(appUrl('?experiment=line&epochs=300&backend=cpu'));
      await page.focus('#train');
      await page.keyboard.press('Enter');
      await waitForState(page, 'done');
      expect(await focusedId(page)).toBe('train');
      expect(await text(page, '[data-key="final-train-loss"]')).toMatch(/^\d/);

      // A training field: the finished run still belongs to the points on screen.
      await page.fill('#field-lr', '0.002');
      expect(await page.getAttribute('.app', 'data-state')).toBe('done');

      // A data field: other points, so the old model and summary go.
      await page.fill('#field-n', '7');
      await waitForState(page, 'idle');
      expect(await text(page, '#progress')).toMatch(/^Ready/);
      expect(await text(page, '[data-key="final-train-loss"]')).toBe('—');
      expect(await page.isDisabled('#download-history-json')).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('writes epochs in the summary as the charts do, and names the figures by their titles', async () => {
    const { context, page } = await openPage(browser, { locale: 'es-ES' });
    try {
      await page.goto(appUrl('?experiment=line&epochs=3000&val-every=10&backend=cpu'));
      await page.click('#train');
      await waitForState(page, 'done');
      // Grouped from four digits, as the axes write them: 1.230, never 1230.
      const best = await text(page, '[data-key="best-val-epoch"]');
      expect(best).toMatch(/^(\d{1,3}|\d\.\d{3})$/);
      expect(await text(page, '#progress')).toMatch(/^Terminado: 3\.000 épocas en /);
      const names = await page.$$eval('figure', (figures) =>
        figures.map((figure) => {
          const id = figure.getAttribute('aria-labelledby') ?? '';
          return document.getElementById(id)?.textContent ?? '';
        }),
      );
      expect(names).toEqual(['Datos y modelo', 'Pérdida', 'La red']);
      // The progress line is not a live region; milestones go to the announcer.
      expect(await page.getAttribute('#progress', 'aria-live')).toBeNull();
      expect(await page.getAttribute('#run-announcer', 'role')).toBe('status');
      expect(await text(page, '#run-announcer')).toMatch(/^Terminado: 3\.000 épocas en /);
    } finally {
      await context.close();
    }
  });

  it('stops naming a preset once a field changes', async () => {
    const { context, page } = await openPage(browser);
    try {
      await page.goto(appUrl());
      await page.selectOption('#preset', 'scene3');
      expect(await page.inputValue('#field-n')).toBe('50');
      expect(await page.inputValue('#preset')).toBe('scene3');
      await page.fill('#field-epochs', '6000');
      expect(await page.inputValue('#preset')).toBe('');
    } finally {
      await context.close();
    }
  });

  it('says that the run failed, without developer hints, when a backend cannot start', async () => {
    const { context, page } = await openPage(browser);
    try {
      // The wasm backend's binaries cannot be fetched.
      await page.route(/tfjs-backend-wasm.*\.wasm$/, (route) => route.abort('failed'));
      await page.goto(appUrl('?experiment=line&epochs=20&backend=wasm'));
      await page.focus('#train');
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () => (document.querySelector('#run-error')?.textContent ?? '') !== '',
      );
      await waitForState(page, 'idle');
      const error = await text(page, '#run-error');
      expect(error).toMatch(/^The run failed: backend "wasm" is not available: /);
      expect(error).not.toMatch(/wasmPaths|\n/);
      expect(await text(page, '#progress')).toBe(
        'The last run failed (see below). Change what it says, then press Train.',
      );
      expect(await focusedId(page)).toBe('train');
    } finally {
      await context.close();
    }
  });

  it('names the backend with a capital in a bad link, in both languages', async () => {
    for (const [locale, expected] of [
      ['en-US', /^Backend /],
      ['es-ES', /^Backend /],
    ] as const) {
      const { context, page } = await openPage(browser, { locale });
      try {
        await page.goto(appUrl('?backend=tpu'));
        await page.waitForSelector('#url-problems li');
        expect(await text(page, '#url-problems li')).toMatch(expected);
      } finally {
        await context.close();
      }
    }
  });

  it('says "1 epoch" after a one-epoch run, in both languages', async () => {
    for (const [locale, expected] of [
      ['en-US', /^Done: 1 epoch in \d/],
      ['es-ES', /^Terminado: 1 época en \d/],
    ] as const) {
      const { context, page, errors } = await openPage(browser, { locale });
      try {
        await page.goto(appUrl('?experiment=line&epochs=1&backend=cpu'));
        await page.click('#train');
        await waitForState(page, 'done');
        expect(await text(page, '#progress')).toMatch(expected);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});
