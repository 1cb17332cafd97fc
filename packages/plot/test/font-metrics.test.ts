import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { chartFontFiles } from '../src/node/chart-fonts.js';
import { readFontMetrics } from '../src/node/font-metrics.js';

const files = chartFontFiles();

/**
 * Advance width of `text` at 100 px as resvg lays it out: the ink box of
 * "H<text>H" minus that of "HH" (the H side bearings cancel out).
 */
function resvgAdvance(text: string, file: string, weight: number): number {
  const inkWidth = (content: string) => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="200"><text x="10" y="150" font-family="Inter" font-weight="${weight}" font-size="100">${content}</text></svg>`;
    const resvg = new Resvg(svg, { font: { fontFiles: [file], loadSystemFonts: false } });
    const box = resvg.getBBox();
    if (!box) throw new Error('resvg drew no text');
    return box.width;
  };
  return inkWidth(`H${text}H`) - inkWidth('HH');
}

describe('readFontMetrics', () => {
  it('measures text as resvg lays it out (kerning aside, within 2%)', () => {
    const regular = readFontMetrics(readFileSync(files.regular));
    const bold = readFontMetrics(readFileSync(files.bold));
    for (const text of [
      'Validation',
      'Epoch',
      '20,000',
      '0.0519',
      'Pérdida (escala logarítmica)',
      '−1.5',
    ]) {
      const expected = resvgAdvance(text, files.regular, 400);
      expect(Math.abs(regular.width(text, 100) - expected) / expected).toBeLessThan(0.02);
      const expectedBold = resvgAdvance(text, files.bold, 700);
      expect(Math.abs(bold.width(text, 100) - expectedBold) / expectedBold).toBeLessThan(0.02);
    }
  });

  it('scales with the font size and is wider in bold', () => {
    const regular = readFontMetrics(readFileSync(files.regular));
    const bold = readFontMetrics(readFileSync(files.bold));
    expect(regular.width('Train', 24)).toBeCloseTo(2 * regular.width('Train', 12), 9);
    expect(bold.width('Train', 12)).toBeGreaterThan(regular.width('Train', 12));
    expect(regular.width('', 12)).toBe(0);
  });

  it('refuses a file that is not a font', () => {
    expect(() => readFontMetrics(new Uint8Array(64))).toThrow(/no 'head' table/);
  });
});
