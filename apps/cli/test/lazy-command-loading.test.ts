import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MODULE_LOG_PRELOAD, modulesLoaded } from '../../../tools/module-log/modules-loaded.js';
import { runCli } from './run-cli.js';
import { useWorkFolder } from './support/work-folder.js';

/** Runs `epochlab ...args` and returns its exit code, stdout and every module URL it loaded. */
async function modulesLoadedBy(args: readonly string[], folder: string) {
  const log = join(folder, `modules-${args.join('-') || 'none'}.txt`);
  const run = await runCli(args, folder, {
    nodeArgs: ['--import', MODULE_LOG_PRELOAD],
    env: { MODULE_LOG: log },
  });
  const modules = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return { ...run, modules };
}

const TFJS = /\/@tensorflow\//;
const VEGA = /\/vega(-[a-z-]+)?\//;
const ZOD = /\/zod\//;
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

  it("a sweep's worker thread loads what a batch of runs needs: no zod, no config schemas, no Vega", () => {
    // The worker the sweep pool starts: the bundle's (scripts/bundle-cli.mjs), where zod and the
    // experiments' modules are inlined into chunks, so their code is looked for in what loads.
    const worker = fileURLToPath(new URL('../dist/sweep-worker.js', import.meta.url));
    const loaded = modulesLoaded(
      ['--input-type=module', '-e', `await import(${JSON.stringify(worker)})`],
      work.path,
    );
    const modules = loaded.modules.map((module) => module.url);
    const sources = modules
      .filter((url) => url.startsWith('file:') && /\.[cm]?js$/.test(url))
      .map((url) => ({ url, text: readFileSync(fileURLToPath(url), 'utf8') }));
    // Markers: zod's core error class name, and a help text of the config fields (common-fields.ts).
    const zodCode = sources.filter(({ text }) => text.includes('$ZodError'));
    const configCode = sources.filter(({ text }) => text.includes('hidden layer sizes'));
    expect(sources.some(({ text }) => text.includes('function runSweepBatch'))).toBe(true);
    expect(zodCode.map(({ url }) => url)).toEqual([]);
    expect(configCode.map(({ url }) => url)).toEqual([]);
    expect(modules.filter((url) => ZOD.test(url))).toEqual([]);
    expect(modules.filter((url) => VEGA.test(url) || CHART_RENDERING.test(url))).toEqual([]);
  });
});
