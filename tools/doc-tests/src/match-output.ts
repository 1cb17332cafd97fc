/**
 * Whether `actual` (what a block printed) matches `expected` (the page's
 * output block). Lines compare exactly, after trailing spaces are trimmed,
 * with two wildcards for what changes from run to run (timings, paths):
 * `...` inside a line matches any text on that line, and a line that is only
 * `...` matches any number of lines.
 */
export function matchesOutput(actual: string, expected: string): boolean {
  const actualLines = trimLines(actual);
  const expectedLines = trimLines(expected);
  return matchFrom(actualLines, 0, expectedLines, 0);
}

function trimLines(text: string): string[] {
  const lines = text.split('\n').map((line) => line.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function lineMatches(actual: string, expected: string): boolean {
  const pattern = expected
    .split('...')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(actual);
}

function matchFrom(actual: string[], a: number, expected: string[], e: number): boolean {
  if (e === expected.length) return a === actual.length;
  if (expected[e] === '...') {
    for (let skip = a; skip <= actual.length; skip++) {
      if (matchFrom(actual, skip, expected, e + 1)) return true;
    }
    return false;
  }
  if (a === actual.length) return false;
  return (
    lineMatches(actual[a] as string, expected[e] as string) &&
    matchFrom(actual, a + 1, expected, e + 1)
  );
}
