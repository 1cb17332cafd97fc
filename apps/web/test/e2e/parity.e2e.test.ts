import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliArgs, runCli } from '../support/cli.js';
import { appUrl, launchBrowser, openPage, text, waitForState } from './browser.js';

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launchBrowser();
  dir = await mkdtemp(join(tmpdir(), 'epochlab-web-parity-'));
});
afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('parity with the CLI', () => {
  it('the same config and seed on cpu give the CLI history.json, byte for byte', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      await page.goto(appUrl('?experiment=line&epochs=200&seed=7&backend=cpu'));
      await page.click('#train');
      await waitForState(page, 'done');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('#download-history-json'),
      ]);
      const fromPage = await readFile(await download.path(), 'utf8');

      // The page's own "Copy CLI command" line, run with the real CLI.
      const command = ((await page.textContent('#cli-command')) ?? '').trim();
      expect(command).toBe('epochlab run line --epochs 200 --seed 7 --backend cpu');
      const out = join(dir, 'run');
      const run = await runCli([...cliArgs(command), '--quiet', '--out', out], dir);
      expect(run.code).toBe(0);
      const fromCli = await readFile(join(out, 'history.json'), 'utf8');

      const history = JSON.parse(fromCli);
      expect(history.train).toHaveLength(200);
      expect(history.val).toHaveLength(20);
      expect(fromPage).toBe(fromCli);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/** The text of a file the page offers as a download (the button `#download-<id>`). */
async function downloaded(page: Page, id: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`#download-${id}`),
  ]);
  return readFile(await download.path(), 'utf8');
}

/** A lab summary without what the clock decides. */
function withoutTimings(summaryJson: string): string {
  const summary = JSON.parse(summaryJson);
  summary.seconds = 0;
  for (const group of summary.groups) group.secondsPerRun = 0;
  return JSON.stringify(summary, null, 2);
}

describe('batch-size lab parity with the CLI', () => {
  it('the same config and seed on cpu give the CLI summary, reading and line view', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      // Batch sizes 1 and 5 of 20 points: both apps add the full batch's path to the line view.
      await page.goto(
        appUrl(
          '?experiment=batch-size&n=20&val-n=10&batch-sizes=1,5&seeds=2&epochs=20&val-every=5&noise-every=5&path-steps=30&seed=3&backend=cpu',
        ),
      );
      await page.click('#run-lab');
      await waitForState(page, 'done');
      await page.waitForSelector('#line-view-chart[data-shown="31"]', { timeout: 30_000 });
      const summaryFromPage = await downloaded(page, 'summary');
      const lineViewFromPage = await downloaded(page, 'line-view');
      const readingOnPage = await text(page, '#lab-reading');
      const rowsOnPage = await page.$$eval('#lab-table tbody tr', (rows) =>
        rows.map((row) =>
          ['batchSize', 'stepsPerEpoch', 'finalLoss'].map(
            (column) => row.querySelector(`[data-column="${column}"]`)?.textContent ?? '',
          ),
        ),
      );
      const legend = await page.$eval('#line-view-chart svg', (svg) => svg.textContent ?? '');

      const command = ((await page.textContent('#cli-command')) ?? '').trim();
      // The page's own "Copy CLI command" line, run with the real CLI.
      expect(command).toMatch(/^epochlab run batch-size .*--batch-sizes 1,5 .*--backend cpu$/);
      const out = join(dir, 'lab');
      const run = await runCli([...cliArgs(command), '--out', out], dir);
      expect(run.code).toBe(0);
      const summaryFromCli = await readFile(join(out, 'summary.json'), 'utf8');
      const lineViewFromCli = await readFile(join(out, 'line-view.json'), 'utf8');

      // Every number of the summary, the reading's data included; only the timings differ.
      const summary = JSON.parse(summaryFromCli);
      expect(summary.groups.map((group: { label: string }) => group.label)).toEqual(['1', '5']);
      expect(summary.tradeOff?.findings.length).toBeGreaterThan(0);
      expect(withoutTimings(summaryFromPage)).toBe(withoutTimings(summaryFromCli));
      // The line view, byte for byte: the same surface, minimum and paths, full batch included.
      const view = JSON.parse(lineViewFromCli);
      expect(view.paths.map((path: { label: string }) => path.label)).toEqual([
        '1',
        '5',
        'full (20)',
      ]);
      expect(lineViewFromPage).toBe(lineViewFromCli);
      expect(legend).toContain('full batch (20)');
      // The reading the page shows is the line the CLI prints.
      const printed = run.stdout.split('\n').find((line) => line.startsWith('trade-off: '));
      expect(readingOnPage).toBe(printed);
      // The table shows the summary's rows: label, steps per epoch, final validation loss.
      const fourDigits = new Intl.NumberFormat('en', { maximumSignificantDigits: 4 });
      expect(rowsOnPage.map((row) => [row[0], row[1], row[2]?.split(' ± ')[0]])).toEqual(
        summary.groups.map(
          (group: { label: string; stepsPerEpoch: number; finalValLoss: { mean: number } }) => [
            group.label,
            String(group.stepsPerEpoch),
            fourDigits.format(group.finalValLoss.mean),
          ],
        ),
      );
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
