/**
 * A text in the plural forms a language needs, chosen by `Intl.PluralRules`
 * (`1 epoch`, `2 epochs`; `1 época`, `2 épocas`). `other` is the form for
 * every category not given (Spanish's `many`, for a million, among them).
 */
export type PluralText = { readonly other: string } & Partial<
  Readonly<Record<Intl.LDMLPluralRule, string>>
>;

const rules = new Map<string, Intl.PluralRules>();

/** The form of `text` that `count` takes in `locale` (its placeholders still to fill). */
export function pluralForm(text: PluralText, count: number, locale: string): string {
  let localeRules = rules.get(locale);
  if (!localeRules) {
    localeRules = new Intl.PluralRules(locale);
    rules.set(locale, localeRules);
  }
  return text[localeRules.select(count)] ?? text.other;
}
