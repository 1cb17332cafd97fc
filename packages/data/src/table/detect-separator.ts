/** The CSV separators `parsePointTable` reads. */
export const SEPARATORS = [',', ';', '\t'] as const;

/** One of `SEPARATORS`. */
export type Separator = (typeof SEPARATORS)[number];

const LINES_LOOKED_AT = 20;

/**
 * The separator of CSV text, from its first non-blank lines: a tab when
 * every one of them holds a tab, else a semicolon when every one holds a
 * semicolon, else a comma. Tabs and semicolons never appear inside a number,
 * so they win over the comma, which may be a decimal comma (`0,5;1,2`).
 */
export function detectSeparator(text: string): Separator {
  const lines: string[] = [];
  for (const line of text.split(/\r?\n/, 1000)) {
    if (line.trim() !== '') lines.push(line);
    if (lines.length === LINES_LOOKED_AT) break;
  }
  if (lines.length === 0) return ',';
  if (lines.every((line) => line.includes('\t'))) return '\t';
  if (lines.every((line) => line.includes(';'))) return ';';
  return ',';
}
