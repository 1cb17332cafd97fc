import type { RunFile } from './run-folder.js';

/** A JSON file on one line: these hold long arrays of numbers, read by programs. */
export function jsonFile(name: string, value: unknown): RunFile {
  return { name, content: `${JSON.stringify(value)}\n` };
}

/** A CSV file: a header line, then one line per row. */
export function csvFile(
  name: string,
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
): RunFile {
  const lines = [header.join(','), ...rows.map((row) => row.map(csvCell).join(','))];
  return { name, content: `${lines.join('\n')}\n` };
}

/** A CSV cell: numbers as JavaScript prints them (round-trips), empty for missing values. */
function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
