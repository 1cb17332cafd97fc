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

/** How many weight lines the diagram draws in each colour. */
const lineColours = (page: Page) =>
  page.$$eval('#network line', (lines) => {
    const counts: Record<string, number> = {};
    for (const line of lines) {
      const colour = line.getAttribute('stroke') ?? '';
      counts[colour] = (counts[colour] ?? 0) + 1;
    }
    return counts;
  });

describe('the network diagram in chromium', () => {
  it("draws the notebook's network, says what it is, and colours its weights as it trains", async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      await page.goto(appUrl('?experiment=line&epochs=50&backend=cpu'));
      await page.waitForSelector('#network svg');
      expect(await page.$$eval('#network circle', (c) => c.length)).toBe(42);
      expect(await page.$$eval('#network line', (l) => l.length)).toBe(364);
      expect(await text(page, '#network-text')).toBe(
        '1 → 12 → 12 → 16 → 1 units, inputs first (leakyRelu after each hidden layer): 405 parameters, 364 weights and 41 biases. Each line is a weight: orange positive, blue negative, thicker the larger.',
      );
      // Untrained and not started: every line grey.
      expect(await lineColours(page)).toEqual({ '#999': 364 });

      await page.click('#train');
      await waitForState(page, 'done');
      const colours = await lineColours(page);
      // Trained weights of random initial signs: both colours appear.
      expect(colours['#e8790c']).toBeGreaterThan(0);
      expect(colours['#0877bd']).toBeGreaterThan(0);
      expect((colours['#e8790c'] ?? 0) + (colours['#0877bd'] ?? 0)).toBe(364);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('follows the form while idle, and says when a network is too large to draw', async () => {
    const { context, page } = await openPage(browser, { locale: 'es-ES' });
    try {
      await page.goto(appUrl('?experiment=line'));
      await page.waitForSelector('#network svg');
      await page.fill('#field-hidden', '4');
      await page.waitForFunction(() => document.querySelectorAll('#network line').length === 8);
      expect(await text(page, '#network-text')).toMatch(
        /^1 → 4 → 1 unidades.*13 parámetros, 8 pesos y 5 sesgos/,
      );
      await page.fill('#field-hidden', '256,256');
      await page.waitForFunction(() => document.querySelectorAll('#network line').length === 0);
      expect(await text(page, '#network-text')).toMatch(
        /^1 → 256 → 256 → 1 unidades.*Demasiados pesos para dibujar una línea por peso\.$/,
      );
      expect(await page.$$eval('#network .unit-count', (t) => t.map((e) => e.textContent))).toEqual(
        ['256', '256'],
      );
    } finally {
      await context.close();
    }
  });
});
