import type { ConfigField } from '@epochlab/experiments';
import type { Locale } from '../i18n/messages.js';

/** A number written with a decimal comma: `0,01`, `-2,5`, `1,5e-3`. */
const DECIMAL_COMMA = /^\s*[+-]?\d*,\d+(?:[eE][+-]?\d+)?\s*$/;
/** A number written with a decimal point: `0.01`, `.5`, `1.5e-3`. */
const DECIMAL_POINT = /^\s*[+-]?\d*\.\d+(?:[eE][+-]?\d+)?\s*$/;

/** Whether `locale` writes decimals with a comma (`0,5`), as Spanish does. */
export function usesDecimalComma(locale: Locale): boolean {
  return locale === 'es';
}

/**
 * The text the shared schema reads (a decimal point) for what a person typed
 * in a number field: in Spanish `0,01` is 0.01, as the page itself writes it.
 * Only single-number fields take a decimal comma; in list fields
 * (`coefficients`, `hidden`) the comma separates the values in every language.
 * A decimal point is accepted in every language.
 */
export function schemaText(field: ConfigField, shown: string, locale: Locale): string {
  if (field.kind !== 'number' || !usesDecimalComma(locale)) return shown;
  return DECIMAL_COMMA.test(shown) ? shown.replace(',', '.') : shown;
}

/** How the form shows a number field's value text in `locale`: `0,001` in Spanish. */
export function shownText(field: ConfigField, text: string, locale: Locale): string {
  if (field.kind !== 'number' || !usesDecimalComma(locale)) return text;
  return DECIMAL_POINT.test(text) ? text.replace('.', ',') : text;
}
