/**
 * What every registry entry of this package has (optimizers, losses): a name,
 * defaults for every option, and the checks of a config with those filled in.
 * `Config` is the options a user writes, such as `{ name: 'sgd', momentum: 0.9 }`.
 */
export interface Definition<Config extends { readonly name: string }> {
  readonly name: Config['name'];
  /** A value for every option, used for each option left out. */
  readonly defaults: Required<Config>;
  /** Throws `InvalidArgumentError` naming the first bad option. */
  validate(config: Required<Config>): void;
}

/** The user-facing config type of a registry entry. */
export type ConfigOf<Entry> = Entry extends Definition<infer Config> ? Config : never;

/**
 * A registry whose entries carry `Names`, one each, in that order: a registry
 * declared `as const satisfies EntriesNamed<typeof NAMES>` compiles only when
 * it and its separate name list agree.
 */
export type EntriesNamed<Names extends readonly string[]> = {
  readonly [Index in keyof Names]: { readonly name: Names[Index] };
};

/**
 * Checks a config given by name or as an object against `registry` and fills
 * in its entry's defaults: returns the entry and the complete config. Throws
 * `InvalidArgumentError` (from the entry's `validate`, or from `unknownName`
 * for a name the registry does not hold).
 */
export function resolveConfig<Entry extends Definition<{ readonly name: string }>>(
  registry: readonly Entry[],
  given: string | { readonly name?: unknown } | null,
  unknownName: (name: unknown) => Error,
): { readonly entry: Entry; readonly config: { readonly name: string } } {
  const config = typeof given === 'string' ? { name: given } : given;
  const entry = registry.find((candidate) => candidate.name === config?.name);
  if (entry === undefined) throw unknownName(config?.name ?? given);
  const set = Object.entries(config as object).filter(([, value]) => value !== undefined);
  const resolved = { ...entry.defaults, ...Object.fromEntries(set) };
  entry.validate(resolved);
  return { entry, config: resolved };
}
