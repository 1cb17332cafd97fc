import { type ChartSpec, type NumberLocale, withNumberLocale } from '@epochlab/plot';
import type { Locale } from './messages.js';

/** How chart axes write numbers in each language of the page. */
export const CHART_NUMBER_LOCALES: Readonly<Record<Locale, NumberLocale>> = {
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''] },
  // Spanish writes 0,5 and 20.000 (RAE), as the page's own numbers do.
  es: { decimal: ',', thousands: '.', grouping: [3], currency: ['', '\u00a0€'] },
};

/** The chart with its axis and tooltip numbers written the way `locale` writes them. */
export function withChartLocale(spec: ChartSpec, locale: Locale): ChartSpec {
  return withNumberLocale(spec, CHART_NUMBER_LOCALES[locale]);
}
