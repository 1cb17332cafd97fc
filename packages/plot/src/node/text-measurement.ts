import { chartFontMetrics } from './chart-fonts.js';
import type { textMetrics } from './vega.js';

/**
 * Makes Vega lay out text (legend columns, axis title offsets, label overlap)
 * with the widths of the chart font. Without a canvas, Vega in Node otherwise
 * guesses 0.8 em per character, which leaves gaps and hides tick labels.
 * Idempotent; affects text measurement of every Vega view in this process.
 * `metrics` is Vega's `textMetrics`, from the loaded Vega module.
 */
export function measureTextWithChartFont(metrics: typeof textMetrics): void {
  const fonts = chartFontMetrics();
  metrics.width = (item, text) => {
    const line = text == null ? '' : String(text).trim();
    const size = item.fontSize == null ? 11 : Number(item.fontSize) || 0;
    const font = isBold(item.fontWeight) ? fonts.bold : fonts.regular;
    return font.width(line, size);
  };
}

function isBold(weight: number | string | undefined): boolean {
  if (weight === undefined) return false;
  if (weight === 'bold' || weight === 'bolder') return true;
  return Number(weight) >= 600;
}
