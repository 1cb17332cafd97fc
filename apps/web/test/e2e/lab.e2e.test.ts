import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, launchBrowser, openPage, text, urlProblemTexts, waitForState } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Short settings: three batch sizes (1, 5 and the full 20), two seeds each, 20 epochs. */
const SHORT = '?experiment=batch-size&epochs=20&seeds=2&n=20&batch-sizes=1,5,full&backend=cpu';

describe('batch-size lab in chromium', () => {
  it('is reachable from the main page header, with its state in the URL', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      await page.goto(appUrl());
      await page.click('#nav-lab');
      await page.waitForSelector('#run-lab');
      const url = new URL(await page.evaluate(() => location.href));
      expect(url.searchParams.get('experiment')).toBe('batch-size');
      expect(await text(page, '#run-lab')).toBe('Run the lab');
      expect(await text(page, 'h1')).toBe('Batch-size lab');
      expect(await page.getAttribute('#nav-lab', 'aria-current')).toBe('page');
      expect(await page.inputValue('#lab-field-batchSizes')).toBe('1,5,25,full');
      expect(await text(page, '#cli-command')).toBe('epochlab run batch-size --backend cpu');
      expect(await page.inputValue('#backend')).toBe('cpu');
      // Typing a field rewrites the link.
      await page.fill('#lab-field-seeds', '3');
      expect(new URL(await page.evaluate(() => location.href)).searchParams.get('seeds')).toBe('3');
      expect(await text(page, '#cli-command')).toBe(
        'epochlab run batch-size --seeds 3 --backend cpu',
      );
      await page.click('#nav-experiments');
      await page.waitForSelector('#train');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('runs the whole lab with one button: charts, table and paths fill; a click moves the start', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      await page.goto(appUrl(SHORT));
      await page.waitForSelector('#run-lab');
      expect(await text(page, '#cli-command')).toBe(
        'epochlab run batch-size --n 20 --epochs 20 --batch-sizes 1,5,full --seeds 2 --backend cpu',
      );
      await page.click('#run-lab');
      await waitForState(page, 'done');
      expect(await text(page, '#lab-progress')).toMatch(/^Done: 3 batch sizes × 2 seeds in /);
      expect(await text(page, '#active-backend')).toBe('cpu');
      expect(await text(page, '#lab-error')).toBe('');

      // The table: one row per batch size, with steps per epoch and mean ± std.
      const rows = await page.$$eval('#lab-table tbody tr', (all) =>
        all.map((row) => [
          (row as HTMLElement).dataset.batchSize,
          row.querySelector('[data-column="stepsPerEpoch"]')?.textContent,
          row.querySelector('[data-column="finalLoss"]')?.textContent,
        ]),
      );
      expect(rows.map((row) => row.slice(0, 2))).toEqual([
        ['1', '20'],
        ['5', '4'],
        ['20', '1'],
      ]);
      for (const row of rows) expect(row[2]).toMatch(/^\d\.\d+ ± \d/);
      expect(await text(page, '[data-batch-size="20"] [data-column="cosine"]')).toMatch(/^1\b/);
      expect(await text(page, '#lab-reading')).toMatch(
        /^trade-off: lowest final validation loss: /,
      );

      // Every band chart is drawn with the three batch sizes.
      for (const id of ['loss-chart', 'val-chart', 'cosine-chart', 'variance-chart']) {
        await page.waitForSelector(`#${id}[data-filled="3"] canvas`);
      }
      // Under the training loss, what this run's bands show (two different batch sizes).
      const reading = await text(page, '#loss-chart-reading');
      const names = '(batch 1|batch 5|full batch \\(20\\))';
      const match = reading.match(
        new RegExp(
          `^In this run, ${names} has the narrowest band \\(its seeds agree most\\) and ${names} the widest\\.$`,
        ),
      );
      expect(match, reading).not.toBeNull();
      expect(match?.[1]).not.toBe(match?.[2]);
      expect(await text(page, '[data-batch-size="20"] [data-column="batchSize"]')).toBe(
        'full (20)',
      );
      // Against gradient steps, and on a log scale: redrawn, still filled.
      await page.check('#loss-axis-step');
      await page.check('#loss-log');
      await page.waitForSelector('#loss-chart[data-filled="3"] canvas');

      // The line view: the paths have grown to every step from the default start.
      const chart = '#line-view-chart';
      const steps = Number(await page.inputValue('#lab-field-pathSteps'));
      const start = await page.inputValue('#lab-field-pathStart');
      const grown = (selector: string, total: number) =>
        page.waitForFunction(
          ([selector, total]) => {
            const element = document.querySelector<HTMLElement>(selector);
            return element?.dataset.total === total && element.dataset.shown === total;
          },
          [selector, String(total)] as const,
          { timeout: 30_000 },
        );
      await page.waitForSelector(`${chart} svg`);
      await grown(chart, steps + 1);
      expect(await page.getAttribute(chart, 'data-start')).toBe(start);
      expect(await text(page, '#line-view-status')).toBe(
        `Start (m, b) = (${start.replace(',', ', ')}) · step ${steps} / ${steps}`,
      );

      // A click on the surface picks a new start: form, URL and paths follow, and replay.
      const size = await page.$eval(`${chart} svg`, (svg) => {
        svg.setAttribute('data-drawn-before-click', '');
        const rect = svg.getBoundingClientRect();
        return { width: rect.width, height: rect.height };
      });
      await page.click(`${chart} svg`, {
        position: { x: size.width * 0.55, y: size.height * 0.25 },
      });
      await page.waitForFunction(
        ([selector, start]) =>
          document.querySelector<HTMLElement>(selector)?.dataset.start !== start,
        [chart, start] as const,
      );
      const picked = (await page.getAttribute(chart, 'data-start')) ?? '';
      const [m, b] = picked.split(',').map(Number);
      expect(Number.isFinite(m) && Number.isFinite(b)).toBe(true);
      expect(b).toBeGreaterThan(Number(start.split(',')[1])); // the upper part of the plot is higher b
      expect(await page.inputValue('#lab-field-pathStart')).toBe(picked);
      expect(new URL(await page.evaluate(() => location.href)).searchParams.get('path-start')).toBe(
        picked,
      );
      expect(await text(page, '#cli-command')).toContain(`--path-start`);
      await grown(chart, steps + 1); // replayed from the new start
      // Its paths stay on the surface shown, so the chart is kept (no new chart to compile).
      expect(await page.$(`${chart} svg[data-drawn-before-click]`)).not.toBeNull();

      // The results download is ready.
      expect(await page.isEnabled('#download-results')).toBe(true);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('#download-results'),
      ]);
      const saved = await download.path();
      const { readFile } = await import('node:fs/promises');
      const results = JSON.parse(await readFile(saved, 'utf8'));
      expect(results.groups.map((g: { label: string }) => g.label)).toEqual([
        '1',
        '5',
        'full (20)',
      ]);
      expect(results.config.seeds).toBe(2);

      // Run again: the charts empty and fill again, and the worker holds no more tensors.
      const tensors = await page.getAttribute('.app', 'data-tensors-after');
      await page.click('#run-lab');
      await page.waitForSelector('.app[data-state="running"], .app[data-state="done"]');
      await waitForState(page, 'done');
      await page.waitForSelector('#cosine-chart[data-filled="3"] canvas');
      expect(await page.$$eval('#lab-table tbody tr', (all) => all.length)).toBe(3);
      expect(await page.getAttribute('.app', 'data-tensors-after')).toBe(tensors);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows which batch size and epoch are training, and Stop ends the lab', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      await page.goto(
        appUrl(
          '?experiment=batch-size&epochs=100000&seeds=2&n=20&batch-sizes=1,5,full&backend=cpu',
        ),
      );
      await page.click('#run-lab');
      await page.waitForFunction(() =>
        /^Batch size 1 \(1 of 3\) · epoch [\d,]+ \/ 100,000/.test(
          document.querySelector('#lab-progress')?.textContent ?? '',
        ),
      );
      // The line view does not wait for training: the data is known at the start.
      await page.waitForSelector('#line-view-chart svg');
      expect(await page.isDisabled('#lab-field-seeds')).toBe(true);
      await page.click('#stop-lab');
      await waitForState(page, 'done');
      expect(await text(page, '#lab-progress')).toMatch(
        /^Stopped: [01] of 3 batch sizes finished\.$/,
      );
      expect(await page.isEnabled('#run-lab')).toBe(true);
      expect(await page.isEnabled('#lab-field-seeds')).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a bad URL value gives its message next to the field and that field alone falls back', async () => {
    const { context, page } = await openPage(browser);
    try {
      await page.goto(appUrl('?experiment=batch-size&seeds=0&batch-sizes=1,x&epochs=30'));
      const problems = await urlProblemTexts(page);
      expect(problems).toEqual([
        'Batch sizes must be a list of batch sizes, such as 1,5,25,full; got "1,x"',
        'Seeds per batch size must be a whole number from 1 to 64; got "0"',
      ]);
      expect(await page.inputValue('#lab-field-seeds')).toBe('8');
      expect(await page.inputValue('#lab-field-batchSizes')).toBe('1,5,25,full');
      expect(await page.inputValue('#lab-field-epochs')).toBe('30');
      expect(await text(page, '#lab-field-seeds-error')).toBe(
        'Seeds per batch size must be a whole number from 1 to 64',
      );
      // A size larger than n, typed in the form: the message sits next to the field and Run waits.
      await page.fill('#lab-field-n', '10');
      expect(await text(page, '#lab-field-batchSizes-error')).toBe(
        'Batch sizes must be at most n (10) or full',
      );
      expect(await page.getAttribute('#lab-field-batchSizes', 'aria-invalid')).toBe('true');
      expect(await page.isDisabled('#run-lab')).toBe(true);
      await page.fill('#lab-field-batchSizes', '1,5,full');
      expect(await text(page, '#lab-field-batchSizes-error')).toBe('');
      expect(await page.isEnabled('#run-lab')).toBe(true);

      // A link with only n = 10: the default batch sizes do not fit, and the page says so
      // with the CLI's message (`epochlab run batch-size --n 10` refuses) instead of dropping 25.
      await page.goto(appUrl('?experiment=batch-size&n=10'));
      expect(await urlProblemTexts(page)).toEqual([
        'Batch sizes must be at most n (10) or full; got "1,5,25,full"',
      ]);
      expect(await text(page, '#lab-field-batchSizes-error')).toBe(
        'Batch sizes must be at most n (10) or full',
      );
      expect(await page.inputValue('#lab-field-batchSizes')).toBe('1,5,25,full');
      expect(await page.inputValue('#lab-field-n')).toBe('100');
    } finally {
      await context.close();
    }
  });

  it('speaks Spanish, switches language, and works from the keyboard', async () => {
    const { context, page, errors } = await openPage(browser, { locale: 'es-ES', width: 390 });
    try {
      await page.goto(
        appUrl('?experiment=batch-size&epochs=20&seeds=70&n=20&batch-sizes=1,5,full&backend=cpu'),
      );
      await page.waitForSelector('#run-lab');
      expect(await text(page, '#run-lab')).toBe('Ejecutar el laboratorio');
      expect(await text(page, 'h1')).toBe('Laboratorio de tamaño de lote');
      expect(await page.getAttribute('html', 'lang')).toBe('es');
      expect(await text(page, 'label[for="lab-field-batchSizes"]')).toBe('Tamaños de lote');
      expect(await text(page, '#url-problems li')).toBe(
        'Semillas por tamaño de lote debe ser un número entero de 1 a 64; se recibió "70"',
      );
      expect(await text(page, '#loss-chart-title')).toBe('Pérdida de entrenamiento');
      expect(await text(page, '#line-view-explain')).toMatch(/^La pérdida de una recta/);
      // Keyboard: Tab reaches the one button and Enter runs the lab.
      let reached = false;
      for (let i = 0; i < 60 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement?.id === 'run-lab');
      }
      expect(reached).toBe(true);
      await page.keyboard.press('Enter');
      await waitForState(page, 'done');
      expect(await text(page, '#lab-progress')).toMatch(
        /^Terminado: 3 tamaños de lote × 8 semillas/,
      );
      expect(await text(page, '[data-batch-size="20"] [data-column="batchSize"]')).toBe(
        'completo (20)',
      );
      await page.waitForFunction(
        () => document.querySelector('#loss-chart-reading')?.textContent !== '',
      );
      expect(await text(page, '#loss-chart-reading')).toMatch(
        /^En esta ejecución, .+ tiene la banda más estrecha \(sus semillas coinciden más\) y .+ la más ancha\.$/,
      );
      expect(await text(page, '#lab-table thead th')).toBe('Tamaño de lote');
      // The arrow keys move the start point on the surface.
      await page.waitForSelector('#line-view-chart svg');
      await page.focus('#line-view-chart');
      const before = await page.inputValue('#lab-field-pathStart');
      await page.keyboard.press('ArrowUp');
      await page.waitForFunction(
        (start) => document.querySelector<HTMLElement>('#line-view-chart')?.dataset.start !== start,
        before,
      );
      expect(await page.inputValue('#lab-field-pathStart')).not.toBe(before);

      await page.click('#language');
      await page.waitForFunction(
        () => document.querySelector('#run-lab')?.textContent === 'Run the lab',
      );
      expect(new URL(await page.evaluate(() => location.href)).searchParams.get('lang')).toBe('en');
      expect(await text(page, '#lab-table thead th')).toBe('Batch size');
      expect(await text(page, '#line-view-status')).toMatch(/^Start \(m, b\)/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
