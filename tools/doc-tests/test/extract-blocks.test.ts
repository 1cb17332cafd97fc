import { describe, expect, it } from 'vitest';
import { extractRunnableBlocks } from '../src/extract-blocks.js';
import { matchesOutput } from '../src/match-output.js';

const page = [
  '# Title',
  '',
  '```ts',
  'notRun();',
  '```',
  '',
  '```ts run',
  "console.log('a');",
  '```',
  '',
  '```text output',
  'a',
  '```',
  '',
  '````sh run',
  'echo ```',
  '````',
].join('\n');

describe('extractRunnableBlocks', () => {
  it('takes only blocks marked run, with the output block that follows', () => {
    expect(extractRunnableBlocks(page)).toEqual([
      { language: 'ts', code: "console.log('a');", line: 7, expectedOutput: 'a' },
      { language: 'sh', code: 'echo ```', line: 15, expectedOutput: undefined },
    ]);
  });

  it('refuses a run marker on another language', () => {
    expect(() => extractRunnableBlocks('```js run\nx\n```')).toThrow(
      'line 1: only ts and sh blocks can be marked run, not "js"',
    );
  });
});

describe('matchesOutput', () => {
  it('compares lines exactly, ignoring trailing spaces and final blank lines', () => {
    expect(matchesOutput('a  \nb\n\n', 'a\nb')).toBe(true);
    expect(matchesOutput('a\nb', 'a\nc')).toBe(false);
    expect(matchesOutput('a\nb', 'a')).toBe(false);
  });

  it('lets ... match any text within a line, and a ... line match any number of lines', () => {
    expect(matchesOutput('took 1.23 s', 'took ... s')).toBe(true);
    expect(matchesOutput('took 1.23 ms', 'took ... s')).toBe(false);
    expect(matchesOutput('start\nx\ny\nend', 'start\n...\nend')).toBe(true);
    expect(matchesOutput('start\nend', 'start\n...\nend')).toBe(true);
    expect(matchesOutput('start\nx', 'start\n...\nend')).toBe(false);
    expect(matchesOutput('a(b)c', 'a(b)c')).toBe(true);
  });
});
