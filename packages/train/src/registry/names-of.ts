/** The `name`s of a registry's entries, as a tuple in the registry's order. */
export type NamesOf<Entries extends readonly { readonly name: string }[]> = {
  readonly [Index in keyof Entries]: Entries[Index] extends { readonly name: infer Name }
    ? Name
    : never;
};

/** The names of `entries`, in order: a registry's name list, derived from the registry. */
export function namesOf<const Entries extends readonly { readonly name: string }[]>(
  entries: Entries,
): NamesOf<Entries> {
  return entries.map(({ name }) => name) as unknown as NamesOf<Entries>;
}
