import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { useWorkFolder } from './support/work-folder.js';

const MODULE_LOG = fileURLToPath(new URL('./support/module-log.mjs', import.meta.url));

/** Runs `epochlab ...args` and returns its exit code, stdout and every module URL it loaded. */
async function modulesLoadedBy(args: readonly string[], folder: string) {
  const log = join(folder, `modules-${args.join('-') || 'none'}.txt`);
  const run = await runCli(args, folder, {
    nodeArgs: ['--import', MODULE_LOG],
    env: { MODULE_LOG: log },
  });
  const modules = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return { ...run, modules };
}

const TFJS = /\/@tensorflow\//;
const VEGA = /\/vega(-[a-z-]+)?\//;
const CHART_RENDERING = /\/(@resvg|@epochlab\/plot|packages\/plot)\//;

describe('command loading', () => {
  const work = useWorkFolder('epochlab-modules-');

  it('epochlab --help loads neither TensorFlow.js nor Vega', async () => {
    const { code, stdout, modules } = await modulesLoadedBy(['--help'], work.path);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: epochlab [options] [command]');
    expect(stdout).toContain('run [options] <experiment>');
    expect(modules.filter((url) => TFJS.test(url))).toEqual([]);
    expect(modules.filter((url) => VEGA.test(url) || CHART_RENDERING.test(url))).toEqual([]);
  });

  it('epochlab list loads no chart renderer', async () => {
    const { code, stdout, modules } = await modulesLoadedBy(['list'], work.path);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^line: /);
    expect(modules.filter((url) => VEGA.test(url) || CHART_RENDERING.test(url))).toEqual([]);
  });

  it('the log sees TensorFlow.js where a command needs it (run --help lists the backends)', async () => {
    const { code, stdout, modules } = await modulesLoadedBy(['run', '--help'], work.path);
    expect(code).toBe(0);
    expect(stdout).toContain('--backend <name>');
    expect(modules.some((url) => TFJS.test(url))).toBe(true);
  });
});
