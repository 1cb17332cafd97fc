import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { appUrl, launchBrowser, openPage, text, waitForState } from './browser.js';

let browser: Browser;
let work: string;
beforeAll(async () => {
  browser = await launchBrowser();
  work = mkdtempSync(join(tmpdir(), 'epochlab-web-best-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

/** A file the page offers as a download (the button `#download-<id>`), as bytes. */
async function downloaded(page: Page, id: string): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`#download-${id}`),
  ]);
  return readFile(await download.path());
}

/** The notebook's line with a larger learning rate: its best validation epoch is early. */
const OVERFITTING = 'experiment=line&lr=0.02&epochs=2000&seed=1';

describe('the model at its best epoch, in chromium', () => {
  it('is drawn beside the final model, named with its epoch, and downloads as the CLI’s model-best/', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      await page.goto(appUrl(`?${OVERFITTING}&backend=cpu`));
      await page.click('#train');
      await waitForState(page, 'done');
      const bestEpoch = await text(page, '[data-key="best-val-epoch"]');
      expect(bestEpoch).toMatch(/^\d+$/);

      const fit = (await downloaded(page, 'fit-svg')).toString('utf8');
      expect(fit).toContain(`Model at best epoch ${bestEpoch}`);
      expect(fit).toContain('Final model, after 2,000 epochs');

      const modelJson = JSON.parse((await downloaded(page, 'model-best-json')).toString('utf8'));
      expect(modelJson.weightsManifest[0].paths).toEqual(['model-best.weights.bin']);
      const weights = await downloaded(page, 'model-best-weights');

      // The CLI's run of the same config keeps the same best model, bit for bit.
      const out = join(work, 'cli-run');
      const cli = await runCli(
        [
          'run',
          'line',
          '--lr',
          '0.02',
          '--epochs',
          '2000',
          '--seed',
          '1',
          '--backend',
          'cpu',
          '--quiet',
          '--out',
          out,
        ],
        work,
      );
      expect(cli.code).toBe(0);
      const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
      expect(String(summary.bestEpoch)).toBe(bestEpoch);
      expect(weights.equals(readFileSync(join(out, 'model-best', 'weights.bin')))).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('names both models in Spanish', async () => {
    const { context, page, errors } = await openPage(browser, { locale: 'es-ES' });
    try {
      await page.goto(appUrl(`?${OVERFITTING}&backend=cpu`));
      await page.click('#train');
      await waitForState(page, 'done');
      const fit = (await downloaded(page, 'fit-svg')).toString('utf8');
      expect(fit).toMatch(/Modelo en la mejor época \d+/);
      // The page groups digits as the charts' axes do (from four digits on): 2.000, 20.000.
      expect(fit).toContain('Modelo final, tras 2.000 épocas');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
