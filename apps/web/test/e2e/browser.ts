import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Flags that make headless chromium quiet and offline-friendly (see ENVIRONMENT.md). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Debian's chromium. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: inject('chromiumPath'), args: CHROMIUM_ARGS });
}

/** The app's URL with a query string (`?experiment=line&epochs=200`). */
export function appUrl(query = ''): string {
  return `${inject('webUrl')}${query}`;
}

/** A fresh page (English, laptop size unless given), with page errors collected. */
export async function openPage(
  browser: Browser,
  options: { locale?: string; width?: number; height?: number } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    viewport: { width: options.width ?? 1366, height: options.height ?? 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/** Waits until the app's run state (`data-state` on the app root) is `state`. */
export async function waitForState(page: Page, state: string, timeout = 90_000): Promise<void> {
  await page.waitForSelector(`.app[data-state="${state}"]`, { timeout });
}

/** An element's text, trimmed (empty when it has none). */
export async function text(page: Page, selector: string): Promise<string> {
  return ((await page.textContent(selector)) ?? '').trim();
}

/** The lines of the page's "this link has bad values" alert, once it shows. */
export async function urlProblemTexts(page: Page): Promise<(string | null)[]> {
  await page.waitForSelector('#url-problems li');
  return page.$$eval('#url-problems li', (items) => items.map((i) => i.textContent));
}
