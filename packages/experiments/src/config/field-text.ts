import type { ConfigField } from './config-field.js';

function parseNumber(text: string): number | string {
  const trimmed = text.trim();
  // Number('') is 0 and Number('0x10') is 16: accept only plain decimal notation.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return text;
  return Number(trimmed);
}

/**
 * Turns the text of a flag, URL parameter or form input into the value the
 * schema expects (`batchSizeList`: "1,5,25,full" is `[1, 5, 25, 'full']`).
 * Text that does not parse is returned unchanged, so that the schema reports
 * it ("must be a number; got "abc"").
 */
export function parseFieldText(field: ConfigField, text: string): unknown {
  switch (field.kind) {
    case 'integer':
    case 'number':
      return parseNumber(text);
    case 'numberList':
    case 'integerList': {
      if (text.trim() === '') return [];
      const parts = text.split(',').map(parseNumber);
      return parts.some((part) => typeof part === 'string') ? text : parts;
    }
    case 'boolean': {
      const lower = text.trim().toLowerCase();
      if (['true', '1', 'yes', 'on'].includes(lower)) return true;
      if (['false', '0', 'no', 'off'].includes(lower)) return false;
      return text;
    }
    case 'choice':
      return text.trim();
    case 'batchSizeList': {
      if (text.trim() === '') return [];
      const parts = text
        .split(',')
        .map((part) => (part.trim().toLowerCase() === 'full' ? 'full' : parseNumber(part)));
      return parts.some((part) => typeof part === 'string' && part !== 'full') ? text : parts;
    }
  }
}

/** The text form of a value, the inverse of `parseFieldText` (for URLs and CLI commands). */
export function formatFieldValue(value: unknown): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}
