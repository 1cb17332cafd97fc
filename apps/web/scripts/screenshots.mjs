#!/usr/bin/env node
/**
 * Screenshots of the built app for its README (not a test): each lesson step
 * (`?lesson=1..8`) after running it, the batch-size lab and the local-minima
 * page after their runs, at laptop width (1366x768, English) and phone width
 * (390x844, Spanish). Writes `docs/<page>-laptop.png` and `docs/<page>-phone-es.png`
 * (the viewport only, so the files stay small) and prints one line per image.
 *
 *   npx -y pnpm@10.34.9 --filter @epochlab/web... build
 *   node apps/web/scripts/screenshots.mjs [lesson-5 lab ...]   # all pages when none is named
 *
 * Needs /usr/bin/chromium (scripts/ensure-chromium.mjs). Runs on the cpu
 * backend so the pictures show the CLI's numbers.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { appRoot, openBuiltApp } from './built-app-browser.mjs';

const docs = join(appRoot, 'docs');

/** The two screens every page is taken at. */
const SCREENS = [
  { suffix: 'laptop', width: 1366, height: 768, locale: 'en-US', lang: 'en' },
  { suffix: 'phone-es', width: 390, height: 844, locale: 'es-ES', lang: 'es' },
];

/** Longest wait for one run (the batch-size lab's default trains 32 models). */
const RUN_TIMEOUT_MS = 300_000;

/** Clicks `button` and waits until the page's run state is `done`. */
async function runUntilDone(page, button) {
  await page.waitForSelector(`${button}:not([disabled])`);
  await page.click(button);
  await page.waitForSelector('.app[data-state="done"]', { timeout: RUN_TIMEOUT_MS });
  // Charts draw one per frame after the last message: let them settle.
  await page.waitForTimeout(1500);
}

/** Every page to take: a name (the file's prefix), its query and how to run it. */
const PAGES = [
  ...Array.from({ length: 7 }, (_, index) => ({
    name: `lesson-${index + 1}`,
    query: `?lesson=${index + 1}&backend=cpu`,
    run: (page) => runUntilDone(page, '#lesson-run'),
  })),
  {
    // The last step opens the lab: follow its link, then run the lab.
    name: 'lesson-8',
    query: '?lesson=8&backend=cpu',
    run: async (page) => {
      await page.click('#lesson-run');
      await page.waitForURL(/experiment=batch-size/);
      await page.waitForSelector('#run-lab');
      await page.evaluate(() => window.scrollTo(0, 0));
    },
  },
  {
    name: 'lab',
    query: '?experiment=batch-size&backend=cpu',
    run: async (page) => {
      await runUntilDone(page, '#run-lab');
      await page.locator('#line-view-figure').scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'minima',
    query: '?experiment=local-minima&backend=cpu',
    run: async (page) => {
      await runUntilDone(page, '#run-minima');
    },
  },
];

const wanted = process.argv.slice(2);
const pages = wanted.length ? PAGES.filter((p) => wanted.includes(p.name)) : PAGES;
if (pages.length === 0) {
  console.error(
    `No such page: ${wanted.join(', ')}. Pages: ${PAGES.map((p) => p.name).join(', ')}`,
  );
  process.exit(2);
}

const { origin, browser, close } = await openBuiltApp();
try {
  for (const { name, query, run } of pages) {
    for (const screen of SCREENS) {
      const context = await browser.newContext({
        locale: screen.locale,
        viewport: { width: screen.width, height: screen.height },
      });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${origin}/${query}&lang=${screen.lang}`);
      await run(page);
      const file = join(docs, `${name}-${screen.suffix}.png`);
      await page.screenshot({ path: file });
      const { size } = await stat(file);
      console.log(
        `${file}: ${(size / 1024).toFixed(0)} KB${errors.length ? ` (page errors: ${errors.join('; ')})` : ''}`,
      );
      await context.close();
    }
  }
} finally {
  await close();
}
