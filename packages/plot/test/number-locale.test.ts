import { describe, expect, it } from 'vitest';
import { renderSvg } from '../src/node/render-svg.js';
import { lossChart } from '../src/spec/loss-chart.js';
import { withNumberLocale } from '../src/spec/number-locale.js';

/** The text of every label in an SVG chart. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1] ?? '');
}

// Epochs 0..12000 and losses 0.25..1.5: the axes read 2,000 ... 12,000 and 0.2 ... 1.6 in English.
const chart = () =>
  lossChart({
    history: {
      train: [
        { epoch: 0, loss: 1.5 },
        { epoch: 12_000, loss: 0.25 },
      ],
      val: [],
    },
  });

describe('withNumberLocale', () => {
  it('writes axis numbers with the locale decimal and thousands separators', async () => {
    const spanish = withNumberLocale(chart(), {
      decimal: ',',
      thousands: '.',
      grouping: [3],
      currency: ['', ' €'],
    });
    const labels = texts(await renderSvg(spanish));
    expect(labels).toEqual(expect.arrayContaining(['0,4', '1,2', '10.000', '12.000']));
    expect(labels).not.toContain('0.4');
    expect(labels).not.toContain('10,000');
  });

  it('changes nothing else, and leaves the input spec as it was', async () => {
    const spec = chart();
    const before = structuredClone(spec);
    const english = withNumberLocale(spec, {
      decimal: '.',
      thousands: ',',
      grouping: [3],
      currency: ['$', ''],
    });
    expect(spec).toEqual(before);
    expect(texts(await renderSvg(english))).toEqual(texts(await renderSvg(chart())));
  });
});
