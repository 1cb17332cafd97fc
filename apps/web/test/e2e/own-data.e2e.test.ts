import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePoints, pointsParamOf } from '../../src/state/points-in-url.js';
import { appUrl, launchBrowser, openPage, text, urlProblemTexts, waitForState } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const CSV = 'x,y\n-1,-0.8\n-0.5,-0.6\n0,0.1\n0.5,0.4\n1,1.1\n';
const QUERY = '?experiment=data&epochs=40&batch-size=2&val-every=5&backend=cpu';

/** A file for the file input. */
const file = (name: string, content: string | Uint8Array, mimeType: string) => ({
  name,
  mimeType,
  buffer: Buffer.from(content),
});

/** The points the page's URL carries now. */
async function linkPoints(page: Page) {
  const value = pointsParamOf(new URL(page.url()).hash);
  if (value === undefined) throw new Error(`no points in ${page.url()}`);
  return decodePoints(value);
}

/** The link's points once they hold `count` validation points (the link is written a moment after an edit). */
async function linkPointsWith(page: Page, count: number) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const points = await linkPoints(page).catch(() => undefined);
    if ((points?.validation?.x.length ?? 0) === count)
      return points as Awaited<ReturnType<typeof linkPoints>>;
    await page.waitForTimeout(50);
  }
  throw new Error(`the link never held ${count} validation points`);
}

/** Waits until the panel's status line starts with `start`. */
async function statusStarts(page: Page, start: string): Promise<void> {
  await page.waitForFunction(
    (prefix) => document.querySelector('#data-status')?.textContent?.startsWith(prefix) === true,
    start,
  );
}

/** A point of the fit chart, as fractions of its drawing's width and height. */
async function chartPoint(page: Page, fx: number, fy: number): Promise<{ x: number; y: number }> {
  const box = await page.locator('#fit-chart canvas').boundingBox();
  if (!box) throw new Error('no fit chart');
  return { x: box.x + box.width * fx, y: box.y + box.height * fy };
}

async function historyJson(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('#download-history-json'),
  ]);
  return readFile(await download.path(), 'utf8');
}

describe('your own data in chromium', () => {
  it('loads a CSV file, draws points, trains, and a shared link gives the same run', async () => {
    const { context, page, errors } = await openPage(browser);
    const requests: { url: string; method: string; body: string | null }[] = [];
    context.on('request', (request) =>
      requests.push({ url: request.url(), method: request.method(), body: request.postData() }),
    );
    try {
      await page.goto(appUrl(QUERY));
      await page.waitForSelector('#data-panel:not([hidden])');
      await page.waitForFunction(() => document.querySelector('#fit-chart canvas') !== null);

      // Load a file with the file input: focus stays on it.
      await page.focus('#data-file');
      await page.setInputFiles('#data-file', file('points.csv', CSV, 'text/csv'));
      await statusStarts(page, 'Training points: 5 (from points.csv). Validation points: 0.');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('data-file');
      expect(await text(page, '#data-problem')).toBe('');

      // Draw three validation points inside the data's range, drag one, delete one.
      await page.check('#data-set-validation');
      await page.locator('#fit-chart').scrollIntoViewIfNeeded();
      const left = await chartPoint(page, 0.3, 0.6);
      const right = await chartPoint(page, 0.5, 0.35);
      const third = await chartPoint(page, 0.4, 0.5);
      await page.mouse.click(left.x, left.y);
      await statusStarts(
        page,
        'Training points: 5 (from points.csv). Validation points: 1 (drawn)',
      );
      await page.mouse.click(right.x, right.y);
      await page.mouse.click(third.x, third.y);
      await statusStarts(page, 'Training points: 5 (from points.csv). Validation points: 3');
      const drawn = await linkPointsWith(page, 3);
      expect(drawn.train).toEqual({ x: [-1, -0.5, 0, 0.5, 1], y: [-0.8, -0.6, 0.1, 0.4, 1.1] });
      const [x0, x1] = drawn.validation?.x ?? [];
      const [y0, y1] = drawn.validation?.y ?? [];
      // Further right on the screen is a larger x, higher up a larger y.
      expect(x0).toBeLessThan(x1 as number);
      expect(y0).toBeLessThan(y1 as number);

      const before = new URL(page.url()).hash;
      await page.mouse.move(third.x, third.y);
      await page.mouse.down();
      await page.mouse.move(third.x + 30, third.y, { steps: 5 });
      await page.mouse.up();
      await page.waitForFunction((hash) => window.location.hash !== hash, before);
      const dragged = await linkPointsWith(page, 3);
      expect(dragged.validation?.x[2]).toBeGreaterThan(drawn.validation?.x[2] as number);
      expect(dragged.validation?.y[2]).toBeCloseTo(drawn.validation?.y[2] as number, 1);

      await page.keyboard.down('Shift');
      await page.mouse.click(third.x + 30, third.y);
      await page.keyboard.up('Shift');
      await statusStarts(page, 'Training points: 5 (from points.csv). Validation points: 2');
      expect(await text(page, '#data-link')).toBe('The link holds these points (compressed).');

      await page.click('#train');
      await waitForState(page, 'done');
      expect(await text(page, '[data-key="best-val-epoch"]')).toMatch(/^\d+$/);
      const history = await historyJson(page);
      expect(JSON.parse(history).train).toHaveLength(40);
      const link = page.url();
      const points = await linkPointsWith(page, 2);

      // The link opens the same points, and training on them gives the same numbers.
      const reopened = await openPage(browser);
      try {
        await reopened.page.goto(link);
        await statusStarts(
          reopened.page,
          'Training points: 5 (from the link). Validation points: 2 (from the link).',
        );
        expect(await linkPoints(reopened.page)).toEqual(points);
        await reopened.page.click('#train');
        await waitForState(reopened.page, 'done');
        expect(await historyJson(reopened.page)).toBe(history);
        expect(reopened.errors).toEqual([]);
      } finally {
        await reopened.context.close();
      }

      // The data never left the browser: only the app's own files were fetched.
      const origin = new URL(appUrl()).origin;
      expect(requests.length).toBeGreaterThan(0);
      for (const request of requests) {
        expect(request.url.startsWith(`${origin}/`) || request.url.startsWith('blob:')).toBe(true);
        expect(request.method).toBe('GET');
        expect(request.body).toBeNull();
        expect(request.url).not.toContain('points=');
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows a bad file as one message with its row and column, and keeps the points', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      await page.goto(appUrl(QUERY));
      await page.waitForSelector('#data-panel:not([hidden])');
      await page.fill('#data-paste', '0,0\n1,1\n2,4\n');
      await page.click('#data-use-paste');
      await statusStarts(page, 'Training points: 3 (pasted). Validation points: 0.');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('data-use-paste');

      await page.setInputFiles('#data-file', file('bad.csv', 'x,y\n1,2\n3,abc\n', 'text/csv'));
      await page.waitForSelector('#data-problem:not(:empty)');
      expect(await text(page, '#data-problem')).toBe(
        'Nothing was loaded: bad.csv row 3, column 2 (y): "abc" is not a number; allowed: a number such as 0.5 or -1.2e3',
      );
      expect(await text(page, '#data-status')).toMatch(/^Training points: 3 /);

      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      await page.setInputFiles('#data-file', file('photo.png', png, 'image/png'));
      await page.waitForFunction(() =>
        document.querySelector('#data-problem')?.textContent?.includes('photo.png'),
      );
      expect(await text(page, '#data-problem')).toBe(
        'Nothing was loaded: photo.png is not a CSV or JSON file (image/png): choose a .csv, .tsv, .txt or .json file.',
      );
      expect(await page.isEnabled('#train')).toBe(true);

      // A file dropped on the panel is read like a chosen one, and clears the last message.
      await page.evaluate(() => {
        const transfer = new DataTransfer();
        transfer.items.add(
          new File(['x,y\n5,6\n7,8\n9,10\n'], 'dropped.csv', { type: 'text/csv' }),
        );
        const panel = document.querySelector('#data-panel');
        panel?.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true }));
        panel?.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true }));
      });
      await statusStarts(page, 'Training points: 3 (from dropped.csv).');
      expect(await text(page, '#data-problem')).toBe('');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('speaks Spanish, and a link with unreadable points says so', async () => {
    const { context, page, errors } = await openPage(browser, { locale: 'es-ES' });
    try {
      await page.goto(appUrl(`${QUERY}&lang=es#points=not-points`));
      await page.waitForSelector('#data-panel:not([hidden])');
      expect(await text(page, '#data-title')).toBe('Tus datos');
      expect(await urlProblemTexts(page)).toEqual([
        expect.stringMatching(/^Puntos .*no son datos escritos por esta página/),
      ]);
      await page.setInputFiles('#data-file', file('malo.csv', 'x,y\n1,2\n3\n', 'text/csv'));
      await page.waitForSelector('#data-problem:not(:empty)');
      expect(await text(page, '#data-problem')).toBe(
        'No se ha cargado nada: malo.csv fila 3: la fila tiene 1 celda, la cabecera 2; todas deben tener 2',
      );
      // Like a bad field, the bad points fall back to the default: the example points.
      expect(await text(page, '#data-status')).toBe(
        'Puntos de entrenamiento: 10 (un ejemplo sobre y = x: bórralos para dibujar los tuyos). Puntos de validación: 0.',
      );
      await page.click('#data-clear');
      expect(await text(page, '#data-status')).toBe(
        'Puntos de entrenamiento: 0. Puntos de validación: 0.',
      );
      expect(await page.isDisabled('#train')).toBe(true);
      expect(await text(page, '#run-error')).toBe(
        'No hay puntos de entrenamiento: carga un archivo, pega valores o dibuja en la gráfica.',
      );
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
