import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { RunnableBlock } from './extract-blocks.js';

/** This package's folder: blocks are written here so that every `@epochlab/*` package resolves. */
export const DOC_TESTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the blocks' TypeScript sources go (git-ignored), for running and for `tsc`. */
export const BLOCKS_DIR = join(DOC_TESTS_DIR, '.blocks');

/** What a block did. */
export interface BlockRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Puts an `epochlab` command in `binDir` that runs the built CLI. (pnpm links
 * the workspace's bin only when it exists at install time, which on a fresh
 * clone is before the build.)
 */
function linkEpochlabCommand(binDir: string): void {
  const require = createRequire(join(DOC_TESTS_DIR, 'package.json'));
  const manifestPath = require.resolve('@epochlab/cli/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: { epochlab: string } };
  const script = join(dirname(manifestPath), manifest.bin.epochlab);
  mkdirSync(binDir, { recursive: true });
  const command = join(binDir, 'epochlab');
  writeFileSync(command, `#!/bin/sh\nexec "${process.execPath}" "${script}" "$@"\n`);
  chmodSync(command, 0o755);
}

/** Writes a ts block as `<name>.ts` in {@link BLOCKS_DIR} and returns the path. */
export function writeTsBlock(name: string, block: RunnableBlock): string {
  mkdirSync(BLOCKS_DIR, { recursive: true });
  const path = join(BLOCKS_DIR, `${name}.ts`);
  // `export {}` keeps a block without imports a module, so top-level await compiles.
  writeFileSync(path, `${block.code}\nexport {};\n`);
  return path;
}

/**
 * Runs one block in a fresh temporary working directory (files it writes go
 * there): a ts block as an ES module compiled with TypeScript's
 * `transpileModule`, an sh block with `bash -e`, with the `epochlab` command
 * on the PATH.
 */
export function runBlock(name: string, block: RunnableBlock): BlockRun {
  const workDir = mkdtempSync(join(tmpdir(), 'epochlab-doc-'));
  const binDir = mkdtempSync(join(tmpdir(), 'epochlab-doc-bin-'));
  try {
    linkEpochlabCommand(binDir);
    const env = {
      ...process.env,
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      PATH: `${binDir}${delimiter}${process.env.PATH ?? ''}`,
    };
    let command: string;
    let args: string[];
    if (block.language === 'ts') {
      const source = writeTsBlock(name, block);
      const { outputText } = ts.transpileModule(`${block.code}\nexport {};\n`, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
        fileName: source,
      });
      const compiled = source.replace(/\.ts$/, '.mjs');
      writeFileSync(compiled, outputText);
      command = process.execPath;
      args = [compiled];
    } else {
      command = 'bash';
      args = ['-e', '-o', 'pipefail', '-c', block.code];
    }
    const result = spawnSync(command, args, {
      cwd: workDir,
      env,
      encoding: 'utf8',
      timeout: 110_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    rmSync(binDir, { recursive: true, force: true });
  }
}
