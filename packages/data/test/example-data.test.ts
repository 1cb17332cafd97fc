import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePointTable } from '../src/index.js';

const folder = new URL('../../../examples/data/', import.meta.url);
const generator = new URL('generate-points.mjs', folder).href;

describe('the example data (examples/data)', () => {
  it('is what its script generates', async () => {
    const script = (await import(generator)) as { pointsCsv(): string; puntosCsv(): string };
    expect(readFileSync(new URL('points.csv', folder), 'utf8')).toBe(script.pointsCsv());
    expect(readFileSync(new URL('puntos.csv', folder), 'utf8')).toBe(script.puntosCsv());
  });

  it('reads the same points from the English and the Spanish export', () => {
    const points = parsePointTable(readFileSync(new URL('points.csv', folder), 'utf8'));
    const puntos = parsePointTable(readFileSync(new URL('puntos.csv', folder), 'utf8'), {
      decimalComma: true,
    });
    expect(points.rows).toBe(60);
    expect(puntos.inputs).toEqual(points.inputs);
    expect(puntos.targets).toEqual(points.targets);
    // y = 0.5 x^2 - x + 1 plus noise of std 0.3: at x = -3 the curve is 8.5.
    expect(Math.abs((points.targets[0] as number) - 8.5)).toBeLessThan(1.5);
  });
});
