import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, launchBrowser, openPage, text } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** What each language calls the pages, and the element that shows each page has opened. */
const LANGUAGES = [
  {
    lang: 'en',
    nav: 'Pages',
    links: ['Experiments', 'Batch-size lab', 'Local minima', 'Your hardware'],
    lab: 'Batch-size lab',
    minima: 'Local minima',
  },
  {
    lang: 'es',
    nav: 'Páginas',
    links: ['Experimentos', 'Laboratorio de tamaño de lote', 'Mínimos locales', 'Tu hardware'],
    lab: 'Laboratorio de tamaño de lote',
    minima: 'Mínimos locales',
  },
] as const;

/** Follows the nav link named `name` and returns the new page's query. */
async function follow(page: Page, name: string): Promise<URLSearchParams> {
  const before = page.url();
  await Promise.all([
    page.waitForURL((url) => url.href !== before),
    page.getByRole('navigation').getByRole('link', { name, exact: true }).click(),
  ]);
  return new URL(page.url()).searchParams;
}

describe('the page shell in chromium', () => {
  for (const language of LANGUAGES) {
    it(`links every page to every other in ${language.lang}, keeping the language`, async () => {
      const { context, page, errors } = await openPage(browser);
      try {
        await page.goto(appUrl(`?lang=${language.lang}`));
        await page.waitForSelector('#train');
        const nav = page.getByRole('navigation', { name: language.nav });
        expect(await nav.getByRole('link').allTextContents()).toEqual(language.links);
        const [notebook, lab, minima, hardware] = language.links;
        expect(await nav.getByRole('link', { name: notebook }).getAttribute('aria-current')).toBe(
          'page',
        );

        // Notebook page -> lab.
        let query = await follow(page, lab);
        await page.waitForSelector('#run-lab');
        expect(query.get('experiment')).toBe('batch-size');
        expect(query.get('lang')).toBe(language.lang);
        expect(await text(page, 'h1')).toBe(language.lab);
        expect(await page.getAttribute('#nav-lab', 'aria-current')).toBe('page');

        // Lab -> local minima.
        query = await follow(page, minima);
        await page.waitForSelector('#run-minima');
        expect(query.get('experiment')).toBe('local-minima');
        expect(query.get('lang')).toBe(language.lang);
        expect(await text(page, 'h1')).toBe(language.minima);
        expect(await page.getAttribute('html', 'lang')).toBe(language.lang);
        expect(await page.getAttribute('#nav-minima', 'aria-current')).toBe('page');

        // The hardware page is linked from every page in the same language.
        const hardwareHref = await nav.getByRole('link', { name: hardware }).getAttribute('href');
        const hardwareQuery = new URLSearchParams(hardwareHref ?? '');
        expect(hardwareQuery.get('experiment')).toBe('batch-size-hardware');
        expect(hardwareQuery.get('lang')).toBe(language.lang);

        // Local minima -> back to the notebook page.
        query = await follow(page, notebook);
        await page.waitForSelector('#train');
        expect(query.get('experiment')).toBeNull();
        expect(query.get('lang')).toBe(language.lang);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
