import { lossChart } from '@epochlab/plot';
import { describe, expect, it } from 'vitest';
import { withChartLocale } from '../src/i18n/chart-locale.js';

const spec = lossChart({ history: { train: [{ epoch: 0, loss: 1 }], val: [] } });

/** The number locale a chart spec carries (Vega's `config.locale.number`). */
const numberLocale = (chart: ReturnType<typeof withChartLocale>) =>
  (chart.config as { locale?: { number?: { decimal: string; thousands: string } } }).locale?.number;

describe('withChartLocale', () => {
  // The page writes 0,5 and 20.000 in Spanish (Intl.NumberFormat('es')); the charts must agree.
  it('gives Spanish charts the decimal comma and the thousands dot of the page', () => {
    const page = new Intl.NumberFormat('es', { useGrouping: 'always' }).format(20000.5);
    expect(page).toBe('20.000,5');
    expect(numberLocale(withChartLocale(spec, 'es'))).toMatchObject({
      decimal: ',',
      thousands: '.',
    });
  });

  it('gives English charts the decimal point and the thousands comma', () => {
    expect(numberLocale(withChartLocale(spec, 'en'))).toMatchObject({
      decimal: '.',
      thousands: ',',
    });
  });

  it('keeps the rest of the chart config', () => {
    const localized = withChartLocale(spec, 'es');
    expect({ ...localized.config, locale: undefined }).toEqual({
      ...spec.config,
      locale: undefined,
    });
  });
});
