import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, launchBrowser, openPage, text, waitForState } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Holds the first request for the page's worker script: the page can start a
 * run against a worker that has not loaded yet, and the test then makes that
 * load fail for real (`abort`). Later requests (a fresh worker) load normally.
 */
async function holdWorkerScript(page: Page, script: RegExp): Promise<{ fail(): Promise<void> }> {
  let held: (route: Route) => void = () => {};
  const request = new Promise<Route>((resolve) => {
    held = resolve;
  });
  let requests = 0;
  await page.route(script, (route) => (requests++ === 0 ? held(route) : route.continue()));
  return {
    async fail() {
      await (await request).abort('failed');
    },
  };
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);

describe('a failing worker in chromium', () => {
  it('main page: leaves "running", says so, focuses Train, and trains again with a fresh worker', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      const worker = await holdWorkerScript(page, /training-worker[^/]*\.js$/);
      await page.goto(appUrl('?epochs=20&backend=cpu'), { waitUntil: 'domcontentloaded' });
      const train = page.getByRole('button', { name: 'Train', exact: true });
      await train.click();
      await waitForState(page, 'starting');
      expect(await train.isDisabled()).toBe(true);

      await worker.fail();
      await waitForState(page, 'idle');
      expect(await text(page, '#run-error')).toBe(
        "The run stopped: the page's background worker failed. You can start again.",
      );
      expect(await text(page, '#progress')).toBe(
        'Ready. Press Train, or Step for one epoch at a time.',
      );
      expect(await train.isEnabled()).toBe(true);
      expect(await focusedId(page)).toBe('train');

      await train.click();
      await waitForState(page, 'done');
      expect(await text(page, '#progress')).toMatch(/^Done: 20 epochs in /);
      expect(await text(page, '#run-error')).toBe('');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lab page, in Spanish: leaves "running", says so, focuses Run, and runs again', async () => {
    const { context, page, errors } = await openPage(browser, { locale: 'es-ES' });
    try {
      const worker = await holdWorkerScript(page, /lab-worker[^/]*\.js$/);
      await page.goto(
        appUrl('?experiment=batch-size&epochs=20&seeds=2&n=20&batch-sizes=1,full&backend=cpu'),
        { waitUntil: 'domcontentloaded' },
      );
      const run = page.getByRole('button', { name: 'Ejecutar el laboratorio' });
      await run.click();
      await waitForState(page, 'starting');
      expect(await run.isDisabled()).toBe(true);

      await worker.fail();
      await waitForState(page, 'idle');
      expect(await text(page, '#lab-error')).toBe(
        'La ejecución se detuvo: falló el proceso en segundo plano de la página. Puedes empezar de nuevo.',
      );
      expect(await text(page, '#lab-progress')).toBe(
        'Listo. Ejecuta el laboratorio para entrenar cada tamaño de lote con 2 semillas.',
      );
      expect(await run.isEnabled()).toBe(true);
      expect(await focusedId(page)).toBe('run-lab');

      await run.click();
      await waitForState(page, 'done');
      expect(await page.locator('#lab-table tbody tr').count()).toBe(2);
      expect(await text(page, '#lab-error')).toBe('');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
