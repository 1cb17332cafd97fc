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

const lessonParam = (page: Page) =>
  page.evaluate(() => new URLSearchParams(window.location.search).get('lesson'));

/** The `data-focus` of the outlined part of the page. */
const spotlit = (page: Page) =>
  page.$eval('.spotlight', (element) => element.getAttribute('data-focus'));

describe('the guided lesson in chromium', () => {
  it('opens on the first step and walks the notebook in English', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      await page.goto(appUrl());
      await page.waitForSelector('#lesson-step-title');
      expect(await text(page, '#lesson-step')).toBe('Step 1 of 8');
      expect(await text(page, '#lesson-step-title')).toBe('The data');
      expect(await spotlit(page)).toBe('fit');
      const titles = [await text(page, '#lesson-step-title')];
      for (let i = 1; i < 8; i++) {
        await page.getByRole('button', { name: 'Next' }).click();
        titles.push(await text(page, '#lesson-step-title'));
      }
      expect(titles).toEqual([
        'The data',
        'The model and its 405 parameters',
        'Training: the loss per epoch',
        'Validation: points the model never trains on',
        'Overfitting and the best epoch',
        'More data',
        'Batch size',
        'The batch-size lab',
      ]);
      expect(await page.isDisabled('#lesson-next')).toBe(true);
      expect(await lessonParam(page)).toBe('8');
      expect(await page.getAttribute('#lesson-run', 'href')).toBe('?experiment=batch-size&lang=en');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('runs the overfitting step and shows the numbers its text quotes', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      await page.goto(appUrl('?lesson=5&backend=cpu'));
      await page.waitForSelector('#lesson-run');
      expect(await text(page, '#lesson-text')).toContain('0.4871 at epoch 14,580');
      await page.getByRole('button', { name: 'Run this step' }).click();
      await waitForState(page, 'done');
      expect(await text(page, '[data-key="best-val-epoch"]')).toBe('14,580');
      expect(await text(page, '[data-key="best-val-loss"]')).toBe('0.4871');
      expect(await text(page, '[data-key="final-train-loss"]')).toBe('0.1335');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('speaks Spanish, runs the more-data step, and hides and shows again', async () => {
    const { context, page } = await openPage(browser, { locale: 'es-ES' });
    try {
      await page.goto(appUrl('?lesson=6&backend=cpu'));
      await page.waitForSelector('#lesson-run');
      expect(await text(page, '#lesson-step')).toBe('Paso 6 de 8');
      expect(await text(page, '#lesson-step-title')).toBe('Más datos');
      expect(await text(page, '#lesson-look-for')).toMatch(/^Qué mirar: En «Pérdida»/);
      expect(await spotlit(page)).toBe('loss');
      await page.getByRole('button', { name: 'Ejecutar este paso' }).click();
      await waitForState(page, 'done');
      expect(await page.inputValue('#field-n')).toBe('50');
      expect(await text(page, '[data-key="final-train-loss"]')).toBe('0,1988');
      expect(await text(page, '[data-key="final-val-loss"]')).toBe('0,258');

      await page.getByRole('button', { name: 'Ocultar la lección' }).click();
      expect(await lessonParam(page)).toBe('off');
      expect(await page.$('#lesson-step-title')).toBeNull();
      expect(await page.$('.spotlight')).toBeNull();
      await page.getByRole('button', { name: 'Mostrar la lección' }).click();
      expect(await text(page, '#lesson-step-title')).toBe('Más datos');
    } finally {
      await context.close();
    }
  });
});
