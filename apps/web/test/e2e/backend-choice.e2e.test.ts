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

/** The active backend's name and the reason the page shows as its tooltip. */
async function activeBackend(page: import('playwright-core').Page) {
  return {
    name: await text(page, '#active-backend'),
    reason: (await page.getAttribute('#active-backend', 'title')) ?? '',
  };
}

describe('auto backend in chromium', () => {
  it("runs the notebook's small network on cpu, where WebGL is available, and says why", async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      await page.goto(appUrl('?experiment=line&epochs=200'));
      await page.waitForSelector('#field-epochs');
      expect(await page.inputValue('#backend')).toBe('auto');
      const offered = await page.$$eval('#backend option', (all) => all.map((o) => o.textContent));
      expect(offered).toContain('webgl (available)');
      await page.click('#train');
      await waitForState(page, 'done');
      const backend = await activeBackend(page);
      expect(backend.name).toBe('cpu');
      expect(backend.reason).toMatch(/^auto picked cpu, the first available of cpu > wasm > /);
      expect(backend.reason).toMatch(/1-12-12-16-1 MLP, batch 5 needs about 5,460 multiply-adds/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('puts the GPU backends first for a wide network on large batches, skipping one that fails', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      // 3 * 1024 * (256 + 256 * 256 + 256) multiply-adds per step: above the 8 million limit.
      // This chromium runs without --enable-unsafe-webgpu, so webgpu cannot start.
      await page.goto(
        appUrl(
          '?experiment=line&hidden=256,256&n=1024&batch-size=1024&val-n=0&epochs=1&backend=auto',
        ),
      );
      await page.waitForSelector('#field-epochs');
      await page.click('#train');
      await waitForState(page, 'done');
      const backend = await activeBackend(page);
      expect(backend.name).toBe('webgl');
      expect(backend.reason).toMatch(/first available of webgpu > webgl > wasm > cpu/);
      expect(backend.reason).toMatch(/enough for a GPU or native backend to pay/);
      expect(backend.reason).toMatch(/skipped webgpu \(/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
