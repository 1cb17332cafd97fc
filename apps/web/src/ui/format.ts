import { fill } from '../i18n/messages.js';
import { type PluralText, pluralForm } from '../i18n/plural-text.js';

const formats = new Map<string, Intl.NumberFormat>();

/** A cached `Intl.NumberFormat` (making one costs more than formatting with it). */
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/** A loss or other small number, 4 significant digits (`0.01234`, `1.235e-5`). */
export function formatNumber(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value !== 0 && Math.abs(value) < 1e-3) {
    // `1.235e-5`, with the language's decimal mark (`1,235e-5` in Spanish).
    const [mantissa = '', exponent = ''] = value.toExponential(3).split('e');
    const decimal = numberFormat(locale, { minimumFractionDigits: 1 }).format(1.5).charAt(1);
    return `${mantissa.replace('.', decimal)}e${exponent}`;
  }
  return numberFormat(locale, { maximumSignificantDigits: 4 }).format(value);
}

/** An epoch number as the charts write it (`14,580`; `14.580` in Spanish), or `—`. */
export function formatEpoch(epoch: number | null | undefined, locale: string): string {
  return epoch === null || epoch === undefined ? '—' : formatCount(epoch, locale);
}

/**
 * A whole count with digit grouping (`20,000`; `20.000` in Spanish), grouped
 * from four digits as the charts' axes group them (`5.000`, where Spanish
 * `Intl` alone would write `5000`), so the page writes a number one way.
 */
export function formatCount(value: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0, useGrouping: 'always' }).format(
    Math.round(value),
  );
}

/**
 * Makes the formats `formatNumber` and `formatCount` use for `locale` now. The
 * first `Intl.NumberFormat` of a page loads locale data (tens of milliseconds):
 * done at start-up and on a language change, not in a training run's first frame.
 */
export function prepareNumberFormats(locale: string): void {
  formatNumber(1, locale);
  formatCount(1, locale);
}

/** Seconds as `42 s`, `3 min 05 s` or `1 h 02 min`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (s < 3600) return `${Math.floor(s / 60)} min ${pad(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${pad(Math.floor((s % 3600) / 60))} min`;
}

/**
 * A count with its noun in the language's plural form: `{n}` of `text`
 * filled with the grouped count (`1 seed`, `8 seeds`; `1 semilla`, `1.000 semillas`).
 */
export function countText(text: PluralText, count: number, locale: string): string {
  return fill(pluralForm(text, count, locale), { n: formatCount(count, locale) });
}
