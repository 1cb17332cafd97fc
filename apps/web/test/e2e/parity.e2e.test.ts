import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliArgs, runCli } from '../support/cli.js';
import { appUrl, launchBrowser, openPage, waitForState } from './browser.js';

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
