/**
 * The runnable code blocks of a Markdown page. A block is runnable when its
 * info string has `run` after the language (```` ```ts run ````, ```` ```sh run ````);
 * GitHub and other renderers read only the first word, so readers see a
 * normal `ts` or `sh` block. The block right after it, if its info string is
 * `text output`, is what the block must print.
 */
export interface RunnableBlock {
  /** `ts` (TypeScript, run as an ES module) or `sh` (bash). */
  readonly language: 'ts' | 'sh';
  readonly code: string;
  /** 1-based line of the opening fence, for the test's name. */
  readonly line: number;
  /** What it must print (stdout), when the page says. */
  readonly expectedOutput: string | undefined;
}

interface Fence {
  readonly info: string;
  readonly body: string;
  readonly line: number;
  /** Line index just after the closing fence. */
  readonly end: number;
}

const OPENING = /^ {0,3}(`{3,})(.*)$/;

/** The fenced block opening at `start`, or undefined if `start` is not a fence. */
function fenceAt(lines: readonly string[], start: number): Fence | undefined {
  const open = OPENING.exec(lines[start] ?? '');
  if (!open) return undefined;
  const ticks = open[1] as string;
  const body: string[] = [];
  for (let index = start + 1; index < lines.length; index++) {
    const text = lines[index] as string;
    if (text.trim().startsWith(ticks) && text.trim().replace(/`/g, '') === '') {
      return {
        info: (open[2] as string).trim(),
        body: body.join('\n'),
        line: start + 1,
        end: index + 1,
      };
    }
    body.push(text);
  }
  return undefined;
}

/** Every runnable block of `markdown`, in page order. */
export function extractRunnableBlocks(markdown: string): RunnableBlock[] {
  const lines = markdown.split('\n');
  const blocks: RunnableBlock[] = [];
  let index = 0;
  while (index < lines.length) {
    const fence = fenceAt(lines, index);
    if (!fence) {
      index++;
      continue;
    }
    index = fence.end;
    const [language, ...flags] = fence.info.split(/\s+/);
    if (!flags.includes('run')) continue;
    if (language !== 'ts' && language !== 'sh') {
      throw new Error(
        `line ${fence.line}: only ts and sh blocks can be marked run, not "${language}"`,
      );
    }
    let next = index;
    while (next < lines.length && (lines[next] as string).trim() === '') next++;
    const output = fenceAt(lines, next);
    const hasOutput = output !== undefined && output.info === 'text output';
    if (hasOutput) index = output.end;
    blocks.push({
      language,
      code: fence.body,
      line: fence.line,
      expectedOutput: hasOutput ? output.body : undefined,
    });
  }
  return blocks;
}
