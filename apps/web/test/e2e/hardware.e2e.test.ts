import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, launchBrowser, openPage, waitForState } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** 256 points, so that a batch of 32 is 8 steps an epoch even on SwiftShader's WebGL. */
const SHORT = '?experiment=batch-size-hardware&n=256&batch-sizes=32,256';

/** The path each backend trains on: the fused kernel on cpu and wasm, tfjs's own kernels on the GPU ones. */
const EXPECTED_PATH: Record<string, string> = {
  cpu: 'fused-wasm-simd',
  wasm: 'fused-wasm-simd',
  webgl: 'generic',
  webgpu: 'generic',
};

async function tableRows(page: Page): Promise<string[][]> {
  return page
    .getByRole('table')
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')),
    );
}

describe('the batch-size hardware page in chromium', () => {
  it('measures two batch sizes on cpu, wasm and webgl, in English, and says there is no GPU', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      await page.goto(appUrl(SHORT));
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Batch size and the hardware');
      // Headless chromium draws WebGL with SwiftShader, on the CPU.
      await expect
        .poll(() => page.locator('#hardware-gpu').textContent())
        .toMatch(/^No GPU here: WebGL runs on the CPU through SwiftShader, so it cannot win\./);
      expect(await page.getByRole('alert').count()).toBe(0);
      await page.getByLabel('Batch sizes').fill('16,256');
      await page.getByLabel('Seconds per measurement').fill('0.1');
      await page.getByLabel("Wide model's hidden layers").fill('32');
      // WebGPU on SwiftShader may lose its device in the middle of a run: time the other three.
      await page.getByRole('checkbox', { name: 'webgpu' }).uncheck();
      await page.getByRole('button', { name: 'Measure' }).click();
      await waitForState(page, 'done');
      const status = await page.getByRole('status').textContent();
      expect(status).toMatch(/^Done: \d+ measurements in [\d.]+ s$/);

      const rows = await tableRows(page);
      const ran = [...new Set(rows.map((row) => row[0] ?? ''))];
      // cpu, wasm and webgl start in headless chromium.
      expect(ran).toEqual(['cpu', 'wasm', 'webgl']);
      expect(rows).toHaveLength(ran.length * 2 * 2);
      expect(status).toContain(`Done: ${rows.length} measurements`);
      for (const row of rows) {
        const [backend, model, batch, samples, , path] = row;
        expect(['notebook', 'wide']).toContain(model);
        expect(['16', '256']).toContain(batch);
        expect(Number((samples ?? '').replaceAll(',', ''))).toBeGreaterThan(0);
        expect(path).toBe(EXPECTED_PATH[backend ?? '']);
      }
      expect(await page.locator('#hardware-unavailable li').count()).toBe(0);
      // A knee sentence per backend and model that ran, and the chart drawn.
      const knees = await page.locator('#hardware-knees li').allTextContents();
      expect(knees).toHaveLength(ran.length * 2);
      expect(knees[0]).toMatch(
        /^cpu, notebook: larger batches (pay off up to|stop paying off at) /,
      );
      const size = await page
        .locator('#throughput-chart svg')
        .first()
        .evaluate((svg) => [svg.clientWidth, svg.clientHeight]);
      expect(size[0]).toBeGreaterThan(100);
      expect(size[1]).toBeGreaterThan(100);
      // The legend names each backend and model that ran.
      for (const series of ['cpu, notebook', 'wasm, wide', 'webgl, wide']) {
        expect(await page.locator('#throughput-chart svg text', { hasText: series }).count()).toBe(
          1,
        );
      }
      // The address is the link to this measurement.
      const search = new URL(page.url()).searchParams;
      expect(search.get('batch-sizes')).toBe('16,256');
      expect(search.get('n')).toBe('256');
      expect(search.get('backends')).toBe('cpu,wasm,webgl');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('speaks Spanish, stops after the current measurement, and names a bad field of the link and the form', async () => {
    const { context, page, errors } = await openPage(browser, { locale: 'es-ES' });
    try {
      await page.goto(appUrl(`${SHORT}&seconds=0&lang=es`));
      await expect
        .poll(() => page.getByRole('alert').locator('li').allTextContents())
        .toEqual(['seconds debe ser un número > 0 y <= 60']);

      await page.goto(appUrl(`${SHORT}&seconds=0.1&hidden=32&backends=wasm,cpu&lang=es`));
      await expect
        .poll(() => page.locator('#hardware-gpu').textContent())
        .toMatch(
          /^Aquí no hay GPU: WebGL se ejecuta en la CPU mediante SwiftShader, así que no puede ganar\./,
        );
      expect(await page.getByRole('checkbox', { name: 'webgl' }).isChecked()).toBe(false);
      await page.getByRole('button', { name: 'Medir' }).click();
      await waitForState(page, 'done');
      expect(await page.getByRole('status').textContent()).toMatch(/^Hecho: 8 mediciones en /);
      const rows = await tableRows(page);
      expect(rows.map((row) => [row[0], row[1], row[2], row[5]])).toEqual([
        ['cpu', 'cuaderno', '32', 'fused-wasm-simd'],
        ['cpu', 'cuaderno', '256', 'fused-wasm-simd'],
        ['cpu', 'ancho', '32', 'fused-wasm-simd'],
        ['cpu', 'ancho', '256', 'fused-wasm-simd'],
        ['wasm', 'cuaderno', '32', 'fused-wasm-simd'],
        ['wasm', 'cuaderno', '256', 'fused-wasm-simd'],
        ['wasm', 'ancho', '32', 'fused-wasm-simd'],
        ['wasm', 'ancho', '256', 'fused-wasm-simd'],
      ]);
      expect(
        await page.getByRole('columnheader', { name: 'Segundos hasta pérdida 0,3' }).count(),
      ).toBe(1);

      // Stop: two seconds per measurement, stopped while the second one runs.
      await page.getByLabel('Segundos por medición').fill('2');
      await page.getByRole('button', { name: 'Medir' }).click();
      await page.getByRole('table').locator('tbody tr').first().waitFor();
      await page.getByRole('button', { name: 'Parar' }).click();
      await waitForState(page, 'stopped');
      expect(await page.getByRole('status').textContent()).toBe('Parado tras 2 mediciones');
      expect(await tableRows(page)).toHaveLength(2);

      await page.getByLabel('Tamaños de lote').fill('32,300');
      await page.getByRole('button', { name: 'Medir' }).click();
      expect(await page.getByRole('alert').locator('li').allTextContents()).toEqual([
        'batch-sizes[1] debe ser como mucho n (256) o full',
      ]);
      expect(await page.locator('.app').getAttribute('data-state')).toBe('stopped');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lists a backend that fails its measurements with the reason, and measures the others', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      // The fused kernel needs the weights in host memory: WebGL cannot run it.
      await page.goto(
        appUrl(
          '?experiment=batch-size-hardware&n=256&batch-sizes=256&seconds=0.1&hidden=32&training-path=fused&backends=webgl,cpu',
        ),
      );
      await page.getByRole('button', { name: 'Measure' }).click();
      await waitForState(page, 'done');
      const rows = await tableRows(page);
      expect(rows.map((row) => [row[0], row[1], row[5]])).toEqual([
        ['cpu', 'notebook', 'fused-wasm-simd'],
        ['cpu', 'wide', 'fused-wasm-simd'],
      ]);
      const missing = await page.locator('#hardware-unavailable li').allTextContents();
      expect(missing).toHaveLength(1);
      expect(missing[0]).toMatch(/^webgl: not measured: failed after 0 measurements: /);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("fits a phone's width: the throughput chart and the page stay within 390 px", async () => {
    const { context, page, errors } = await openPage(browser, { width: 390, height: 844 });
    try {
      await page.goto(appUrl(`${SHORT}&backends=cpu`));
      await page.click('#run-hardware');
      await waitForState(page, 'done');
      const box = await page.$eval('#throughput-chart svg', (drawn) => {
        const rect = drawn.getBoundingClientRect();
        return { left: rect.left, right: rect.right, width: rect.width };
      });
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(390);
      expect(box.width).toBeGreaterThan(250);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
