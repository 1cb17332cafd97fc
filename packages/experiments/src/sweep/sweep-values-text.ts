import type { ConfigField } from '../config/config-field.js';
import { parseFieldText } from '../config/field-text.js';

/** Kinds whose one value is itself a comma list (`12,12,16`): their values are split by `;`. */
const LIST_KINDS: readonly ConfigField['kind'][] = ['numberList', 'integerList', 'batchSizeList'];

/**
 * The values of a sweep flag: `0.001,0.01` for a number field, `12,12,16;32,32`
 * for a list field (each value a list), `true,false` for a boolean. Each
 * piece goes through `parseFieldText`, so text that does not parse reaches
 * the field's schema and is reported by it. Empty text is an empty list.
 */
export function sweepValuesFromText(field: ConfigField, text: string): unknown[] {
  if (text.trim() === '') return [];
  const separator = LIST_KINDS.includes(field.kind) ? ';' : ',';
  return text.split(separator).map((piece) => parseFieldText(field, piece));
}

/** The text of one swept value as a flag takes it (`0.01`, `12,12,16`). */
export function sweepValueText(value: unknown): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}
