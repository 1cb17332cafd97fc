import { z } from 'zod';
import { problemMessage } from './config-problem.js';
import { type NumberRule, oneOf, ruledNumber, wholeNumber } from './field-schemas.js';

/** How a field's text (a CLI flag, a URL parameter, a form input) becomes a value. */
export type FieldKind =
  | 'integer'
  | 'number'
  | 'numberList'
  | 'integerList'
  | 'choice'
  | 'boolean'
  | 'batchSizeList';

/** The fieldset a form puts a field in (and the order help texts group flags by). */
export type FieldGroup = 'data' | 'model' | 'training' | 'lab' | 'path';

/**
 * One config field, declared once: its key, CLI flag, kind, form group, help,
 * bounds and default, attached to the schema that validates it. The CLI's
 * flags, `epochlab list`, URLs, the web forms and the config schemas are all
 * derived from these.
 */
export interface ConfigField<Key extends string = string, Value = unknown> {
  /** The key in the config object (`batchSize`). */
  readonly key: Key;
  /** The CLI flag and URL parameter, without dashes (`batch-size`). */
  readonly flag: string;
  readonly kind: FieldKind;
  readonly group: FieldGroup;
  /** One line of help, in English. */
  readonly help: string;
  /** The allowed names, for `choice` fields. */
  readonly choices?: readonly string[];
  /** The smallest and largest value, for number fields that have both. */
  readonly bounds?: { readonly min: number; readonly max: number };
  /** Validates a given value (not the default); its failures carry problem codes. */
  readonly schema: z.ZodType<Value>;
  /** The value when the field is left out. */
  readonly default: Value;
}

/** The config an object of these fields validates to: each field's key and value type. */
export type ConfigOfFields<Field extends ConfigField> = {
  [F in Field as F['key']]: F['default'];
};

/** `valN` -> `val-n`: the flag of a config key. */
export function flagOf(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

interface FieldOptions<Key extends string, Value> {
  readonly key: Key;
  /** Default: the key in kebab case (`valN` -> `val-n`). */
  readonly flag?: string;
  readonly group: FieldGroup;
  readonly help: string;
  readonly default: Value;
}

/** A field of any kind with its own schema (lists, pairs). */
export function configField<const Key extends string, Value>(
  options: FieldOptions<Key, Value> &
    Pick<ConfigField<Key, Value>, 'kind' | 'schema' | 'choices' | 'bounds'>,
): ConfigField<Key, Value> {
  return { ...options, flag: options.flag ?? flagOf(options.key) };
}

/** A whole number from `min` to `max`. */
export function integerField<const Key extends string>(
  options: FieldOptions<Key, number> & { readonly min: number; readonly max: number },
): ConfigField<Key, number> {
  const { min, max, ...rest } = options;
  return configField({
    ...rest,
    kind: 'integer',
    bounds: { min, max },
    schema: wholeNumber(min, max),
  });
}

/** A finite number that keeps `rule` (`{ code: 'numberAbove', min: 0 }`...). */
export function numberField<const Key extends string>(
  options: FieldOptions<Key, number> & { readonly rule: NumberRule },
): ConfigField<Key, number> {
  const { rule, ...rest } = options;
  const bounds = 'max' in rule ? { bounds: { min: rule.min, max: rule.max } } : {};
  return configField({ ...rest, ...bounds, kind: 'number', schema: ruledNumber(rule) });
}

/** One of `choices`. */
export function choiceField<
  const Key extends string,
  const Choices extends readonly [string, ...string[]],
>(
  options: FieldOptions<Key, Choices[number]> & { readonly choices: Choices },
): ConfigField<Key, Choices[number]> {
  return configField({
    ...options,
    kind: 'choice',
    schema: oneOf(options.choices) as unknown as z.ZodType<Choices[number]>,
  });
}

/** `true` or `false`. */
export function booleanField<const Key extends string>(
  options: FieldOptions<Key, boolean>,
): ConfigField<Key, boolean> {
  return configField({
    ...options,
    kind: 'boolean',
    schema: z.boolean({ error: problemMessage({ code: 'boolean' }) }),
  });
}

/** The same field with another default or help line (the lab's defaults differ). */
export function withChanges<Field extends ConfigField>(
  field: Field,
  changes: { readonly default?: Field['default']; readonly help?: string },
): Field {
  return { ...field, ...changes };
}

/** The zod shape of these fields: each field's schema with its default. */
export function fieldShape(fields: readonly ConfigField[]): Record<string, z.ZodType> {
  return Object.fromEntries(
    fields.map((field) => [field.key, field.schema.default(field.default as never)]),
  );
}
