import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractRunnableBlocks, type RunnableBlock } from '../src/extract-blocks.js';
import { markdownPages } from '../src/markdown-pages.js';
import { matchesOutput } from '../src/match-output.js';
import { BLOCKS_DIR, DOC_TESTS_DIR, runBlock, writeTsBlock } from '../src/run-block.js';

const repositoryRoot = resolve(DOC_TESTS_DIR, '../..');

interface PageBlock {
  readonly page: string;
  readonly name: string;
  readonly block: RunnableBlock;
}

const pageBlocks: PageBlock[] = markdownPages(repositoryRoot).flatMap((page) =>
  extractRunnableBlocks(readFileSync(join(repositoryRoot, page), 'utf8')).map((block) => ({
    page,
    name: `${page.replace(/[^A-Za-z0-9]+/g, '-')}-L${block.line}`,
    block,
  })),
);

rmSync(BLOCKS_DIR, { recursive: true, force: true });

describe.each([...new Set(pageBlocks.map((entry) => entry.page))])('%s', (page) => {
  const blocks = pageBlocks.filter((entry) => entry.page === page);
  it.each(
    blocks.map(
      (entry) => [`${entry.block.language} block at line ${entry.block.line}`, entry] as const,
    ),
  )('%s runs and prints what the page says', (_title, { name, block }) => {
    const run = runBlock(name, block);
    expect(run.stderr.includes('Error') ? run.stderr : '', 'stderr').not.toMatch(/\w+Error\b/);
    expect(run.status, run.stderr).toBe(0);
    if (block.expectedOutput !== undefined && !matchesOutput(run.stdout, block.expectedOutput)) {
      // Shows both texts in the failure.
      expect(run.stdout.trimEnd()).toBe(block.expectedOutput.trimEnd());
    }
  });
});

describe('the runnable TypeScript blocks', () => {
  it('are there: every package README has at least one', () => {
    const pagesWithTs = new Set(
      pageBlocks.filter((e) => e.block.language === 'ts').map((e) => e.page),
    );
    for (const name of ['tensor', 'data', 'models', 'train', 'plot', 'experiments']) {
      expect(pagesWithTs.has(`packages/${name}/README.md`), name).toBe(true);
    }
  });

  it('typecheck against the packages, as a user compiles them (NodeNext, strict)', () => {
    for (const { name, block } of pageBlocks)
      if (block.language === 'ts') writeTsBlock(name, block);
    const tsc = join(repositoryRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = spawnSync(
      process.execPath,
      [tsc, '-p', join(DOC_TESTS_DIR, 'tsconfig.blocks.json')],
      {
        encoding: 'utf8',
      },
    );
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
