import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPERIMENTS, FIT_EXPERIMENTS, TRAINING_PATH_OPTIONS } from '@epochlab/experiments';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'epochlab-every-'));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('epochlab list and --help', () => {
  it('show every experiment of the list and every flag of its fields', async () => {
    const [list, help] = await Promise.all([
      runCli(['list'], work),
      runCli(['run', '--help'], work),
    ]);
    expect(list.code).toBe(0);
    expect(help.code).toBe(0);
    for (const experiment of EXPERIMENTS) {
      expect(list.stdout).toContain(`${experiment.name}: ${experiment.description}`);
      expect(help.stdout).toContain(experiment.name);
      for (const field of experiment.fields) {
        expect(help.stdout, field.flag).toContain(`--${field.flag}`);
      }
    }
  });
});

describe.each(FIT_EXPERIMENTS)('epochlab run $name', (experiment) => {
  it.each(TRAINING_PATH_OPTIONS)(
    'trains with --training-path %s, writes its config and reports the path',
    async (trainingPath) => {
      const out = join(work, `${experiment.name}-${trainingPath}`);
      const run = await runCli(
        [
          'run',
          experiment.name,
          '--epochs',
          '30',
          '--training-path',
          trainingPath,
          '--backend',
          'cpu',
          '--json',
          '--quiet',
          '--out',
          out,
        ],
        work,
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const summary = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(summary).toMatchObject({ experiment: experiment.name, epochsRun: 30 });
      // `auto` takes the fused kernel on cpu; `generic` runs tfjs ops.
      if (trainingPath === 'generic') expect(summary.trainingPath).toBe('generic');
      else expect(summary.trainingPath).toMatch(/^fused/);
      // The notebook's network never splits its steps over threads.
      expect(summary.trainingThreads).toBe(1);
      const config = JSON.parse(readFileSync(join(out, 'config.json'), 'utf8'));
      expect(config).toEqual({ ...experiment.defaults(), epochs: 30, trainingPath });
    },
  );

  it('splits a wide network over the spare cores, with the same history run to run', async () => {
    const wide = async (name: string, extra: string[]) => {
      const out = join(work, `${experiment.name}-${name}`);
      const run = await runCli(
        [
          'run',
          experiment.name,
          '--hidden',
          '512,512',
          '--epochs',
          '20',
          '--backend',
          'cpu',
        ].concat(extra, ['--json', '--quiet', '--out', out]),
        work,
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const summary = JSON.parse(run.stdout) as Record<string, unknown>;
      return { summary, history: readFileSync(join(out, 'history.json'), 'utf8') };
    };
    // The batch of the notebook's points times 512 x 512 passes 1M multiply-adds a pass:
    // 'auto' adds one thread per spare core, at most three (none on a one-core machine).
    const spare = Math.min(3, availableParallelism() - 1);
    const threaded = await wide('wide', []);
    expect(threaded.summary.trainingThreads).toBe(1 + spare);
    expect(threaded.summary.trainingPath).toMatch(/^fused-wasm-simd-f32/);
    const again = await wide('wide-again', []);
    expect(again.history).toBe(threaded.history);
  });

  it('refuses a bad --training-path with exit code 2 and the allowed names', async () => {
    const run = await runCli(['run', experiment.name, '--training-path', 'gpu'], work);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `epochlab: --training-path must be one of ${TRAINING_PATH_OPTIONS.join(', ')}; got "gpu"\n`,
    );
  });
});
