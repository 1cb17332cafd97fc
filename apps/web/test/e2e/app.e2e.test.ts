import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, launchBrowser, openPage, text, urlProblemTexts, waitForState } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The epoch number in "Epoch 1,234 / 200,000 · ..." or "Paused before epoch 12 / ...". */
const epochIn = (line: string) =>
  Number(/[Ee]poch ([\d,]+)/.exec(line)?.[1]?.replace(/,/g, '') ?? Number.NaN);

/** A data URL of the chart's canvas, to tell whether it changed. */
const chartPixels = (page: Page, id: string) =>
  page.$eval(`#${id} canvas`, (canvas) => (canvas as HTMLCanvasElement).toDataURL());

describe('web app in chromium', () => {
  it('loads with the form, the controls and no errors', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      await page.goto(appUrl());
      await page.waitForSelector('#field-epochs');
      expect(await page.title()).toContain('epochlab');
      expect(await page.inputValue('#field-epochs')).toBe('20000');
      expect(await text(page, '#train')).toBe('Train');
      expect(await page.isDisabled('#stop')).toBe(true);
      expect(await text(page, '#progress')).toMatch(/Ready/);
      expect(await text(page, '#cli-command')).toBe('epochlab run line');
      // The backend list says which backends this browser has (cpu always; webgl on SwiftShader).
      const options = await page.$$eval('#backend option', (all) => all.map((o) => o.textContent));
      expect(options).toContain('cpu (available)');
      expect(options).toContain('webgl (available)');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('loads no TensorFlow.js on the main thread before the first run: the worker does', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      // A CDP session on the page's own target sees the page's requests, not its workers'.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      const scripts: string[] = [];
      cdp.on('Network.responseReceived', ({ response }) => {
        if (new URL(response.url).pathname.endsWith('.js')) scripts.push(response.url);
      });
      await page.goto(appUrl());
      await page.waitForSelector('#train:not([disabled])');
      await page.waitForLoadState('networkidle');
      expect(scripts.length).toBeGreaterThan(0);
      // tfjs-core's flag registry throws this message; every build of tfjs-core carries it.
      const marker = 'Cannot evaluate flag';
      for (const url of scripts) {
        const source = await (await fetch(url)).text();
        expect(source.includes(marker), url).toBe(false);
      }
      // The run itself works, with tfjs loaded in the worker.
      await page.click('#step');
      await waitForState(page, 'paused');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('steps one epoch, then trains to the end: charts, progress and summary update', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      await page.goto(appUrl('?experiment=line&epochs=300&backend=cpu&seed=1'));
      await page.click('#step');
      await waitForState(page, 'paused');
      await page.waitForFunction(() => document.querySelector('#fit-chart canvas') !== null);
      expect(await text(page, '#progress')).toBe('Paused before epoch 2 / 300');
      expect(await text(page, '[data-key="parameters"]')).toBe('405');
      expect(await text(page, '[data-key="final-train-loss"]')).toMatch(/^\d/);
      await page.waitForFunction(() => document.querySelector('#loss-chart canvas') !== null);
      const fitBefore = await chartPixels(page, 'fit-chart');

      await page.click('#pause'); // reads "Resume" while paused
      await waitForState(page, 'done');
      expect(await text(page, '#progress')).toMatch(/^Done: 300 epochs/);
      expect(await text(page, '[data-key="backend"]')).toBe('cpu');
      expect(await text(page, '[data-key="best-val-epoch"]')).toMatch(/^\d+$/);
      expect(await text(page, '#active-backend')).toBe('cpu');
      // The curve moved as the model learned.
      await page.waitForFunction(
        (before) =>
          (document.querySelector('#fit-chart canvas') as HTMLCanvasElement).toDataURL() !== before,
        fitBefore,
      );
      expect(await page.isEnabled('#download-history-json')).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('streams a long run, pauses, steps, resumes and stops', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      await page.goto(appUrl('?experiment=line&epochs=1000000&backend=cpu'));
      await page.click('#train');
      await page.waitForFunction(() =>
        /^Epoch [\d,]+ \/ 1,000,000/.test(document.querySelector('#progress')?.textContent ?? ''),
      );
      const first = epochIn(await text(page, '#progress'));
      // Progress keeps streaming while the page stays responsive.
      await page.waitForFunction((seen) => {
        const line = document.querySelector('#progress')?.textContent ?? '';
        const match = /^Epoch ([\d,]+)/.exec(line);
        return match !== null && Number(match[1]?.replace(/,/g, '')) > seen;
      }, first);

      await page.click('#pause');
      await waitForState(page, 'paused');
      expect(await text(page, '#pause')).toBe('Resume');
      const pausedAt = epochIn(await text(page, '#progress'));
      expect(pausedAt).toBeGreaterThan(first);
      await page.waitForTimeout(400);
      expect(epochIn(await text(page, '#progress'))).toBe(pausedAt); // nothing runs while paused

      await page.click('#step');
      await page.waitForFunction(
        (expected) =>
          document
            .querySelector('#progress')
            ?.textContent?.includes(`epoch ${expected.toLocaleString('en')} /`),
        pausedAt + 1,
      );
      await waitForState(page, 'paused');

      await page.click('#pause');
      await waitForState(page, 'running');
      await page.waitForFunction((seen) => {
        const match = /^Epoch ([\d,]+)/.exec(
          document.querySelector('#progress')?.textContent ?? '',
        );
        return match !== null && Number(match[1]?.replace(/,/g, '')) > seen + 1;
      }, pausedAt);

      await page.click('#stop');
      await waitForState(page, 'done');
      expect(await text(page, '#progress')).toMatch(/^Stopped after [\d,]+ epochs\.$/);
      expect(await page.isEnabled('#train')).toBe(true);

      // A second run leaves the worker with as many tensors as the first (no leaks).
      const afterFirst = await page.getAttribute('.app', 'data-tensors-after');
      await page.fill('#field-epochs', '20');
      await page.click('#train');
      await page.waitForFunction(() =>
        /^Done: 20 epochs/.test(document.querySelector('#progress')?.textContent ?? ''),
      );
      expect(await page.getAttribute('.app', 'data-tensors-after')).toBe(afterFirst);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps the config in the URL: a shared link reproduces it', async () => {
    const { context, page } = await openPage(browser);
    try {
      await page.goto(appUrl());
      await page.selectOption('#preset', 'scene3');
      expect(await page.inputValue('#field-n')).toBe('50');
      expect(new URL(page.url()).searchParams.get('val-n')).toBe('50');
      await page.selectOption('#preset', 'scene2');
      await page.fill('#field-epochs', '150');
      await page.fill('#field-batchSize', '2');
      await page.fill('#field-hidden', '8,8');
      await page.fill('#field-seed', '42');
      await page.uncheck('#field-shuffle');
      await page.selectOption('#backend', 'wasm');
      const shared = page.url();
      expect(new URL(shared).searchParams.get('batch-size')).toBe('2');
      const command = await text(page, '#cli-command');
      expect(command).toBe(
        'epochlab run line --hidden 8,8 --batch-size 2 --no-shuffle --epochs 150 --seed 42 --backend wasm',
      );

      const other = await context.newPage();
      await other.goto(shared);
      await other.waitForSelector('#field-epochs');
      for (const [field, value] of [
        ['epochs', '150'],
        ['batchSize', '2'],
        ['hidden', '8,8'],
        ['seed', '42'],
      ] as const) {
        expect(await other.inputValue(`#field-${field}`)).toBe(value);
      }
      expect(await other.isChecked('#field-shuffle')).toBe(false);
      expect(await other.inputValue('#backend')).toBe('wasm');
      expect(await text(other, '#cli-command')).toBe(command);
      expect(await other.isVisible('#url-problems')).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('a bad URL value gives its message and that field alone falls back to its default', async () => {
    const { context, page } = await openPage(browser);
    try {
      await page.goto(appUrl('?experiment=line&epochs=abc&batch-size=0&seed=9'));
      const problems = await urlProblemTexts(page);
      expect(problems).toEqual([
        'Batch size must be a whole number from 1 to 1000000; got "0"',
        'Epochs must be a whole number from 1 to 10000000; got "abc"',
      ]);
      expect(await page.inputValue('#field-epochs')).toBe('20000');
      expect(await page.inputValue('#field-batchSize')).toBe('5');
      expect(await page.inputValue('#field-seed')).toBe('9');
      expect(await text(page, '#field-epochs-error')).toMatch(/^Epochs must be a whole number/);
      // Typing a bad value in the form shows the same kind of message and blocks training.
      await page.fill('#field-lr', '-1');
      expect(await text(page, '#field-lr-error')).toBe(
        'Learning rate must be a number > 0 and <= 10',
      );
      expect(await page.isDisabled('#train')).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('speaks Spanish when the browser does, and switches language with the toggle', async () => {
    const { context, page } = await openPage(browser, { locale: 'es-ES' });
    try {
      await page.goto(appUrl('?batch-size=0'));
      await page.waitForSelector('#train');
      expect(await text(page, '#train')).toBe('Entrenar');
      expect(await text(page, '#url-problems li')).toBe(
        'Tamaño de lote debe ser un número entero de 1 a 1000000; se recibió "0"',
      );
      expect(await page.getAttribute('html', 'lang')).toBe('es');
      expect(await text(page, 'label[for="field-batchSize"]')).toBe('Tamaño de lote');
      await page.focus('#language');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('#train')?.textContent === 'Train');
      expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    } finally {
      await context.close();
    }
  });

  it('works from the keyboard: Tab reaches Train and Enter starts a run', async () => {
    const { context, page } = await openPage(browser);
    try {
      await page.goto(appUrl('?experiment=line&epochs=30&backend=cpu'));
      await page.waitForSelector('#train');
      let reached = false;
      for (let i = 0; i < 80 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement?.id === 'train');
      }
      expect(reached).toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() =>
        /^Done: 30 epochs/.test(document.querySelector('#progress')?.textContent ?? ''),
      );
    } finally {
      await context.close();
    }
  });

  it.each(['cpu', 'wasm', 'webgl'])('completes a short run on the %s backend', async (backend) => {
    const { context, page, errors } = await openPage(browser);
    try {
      await page.goto(appUrl(`?experiment=line&epochs=40&backend=${backend}`));
      await page.click('#train');
      await waitForState(page, 'done');
      expect(await text(page, '#run-error')).toBe('');
      expect(await text(page, '#progress')).toMatch(/^Done: 40 epochs/);
      expect(await text(page, '#active-backend')).toBe(backend);
      expect(await text(page, '[data-key="final-train-loss"]')).toMatch(/^\d/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
