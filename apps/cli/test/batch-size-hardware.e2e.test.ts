import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HardwareCell, UnavailableBackend } from '@epochlab/experiments';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { readJson, useWorkFolder } from './support/work-folder.js';

const work = useWorkFolder('epochlab-hardware-');

describe('epochlab run batch-size-hardware', () => {
  it('times every backend that starts, says which did not, and writes the folder', async () => {
    const out = join(work.path, 'hardware');
    const run = await runCli(
      [
        'run',
        'batch-size-hardware',
        '--n',
        '64',
        '--batch-sizes',
        '1,full',
        '--hidden',
        '8',
        '--seconds',
        '0.05',
        '--out',
        out,
      ],
      work.path,
    );
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(
      [
        'config.json',
        'summary.json',
        'cells.csv',
        'throughput.svg',
        'throughput.png',
        'time-to-target.svg',
        'time-to-target.png',
      ].sort(),
    );
    const summary = readJson<{ cells: HardwareCell[]; unavailable: UnavailableBackend[] }>(
      join(out, 'summary.json'),
    );
    // Here tfjs-node is not installed: both native backends are listed with the reason.
    expect(summary.unavailable.map((u) => u.backend).sort()).toEqual([
      'tensorflow',
      'tensorflow-gpu',
    ]);
    expect(run.stdout).toContain('tensorflow: not measured: backend "tensorflow" is not available');
    expect([...new Set(summary.cells.map((c) => c.backend))]).toEqual(['cpu', 'wasm']);
    for (const cell of summary.cells) expect(cell.trainingPath).toMatch(/^fused-(wasm-simd|js)$/);
    expect(readFileSync(join(out, 'cells.csv'), 'utf8').split('\n')[0]).toContain('training_path');
  });

  it.each([
    [['--seconds', '0'], '--seconds'],
    [['--batch-sizes', '1,8192'], '--batch-sizes'],
    [['--lrs', '0.1'], '--lrs'],
  ])('exits 2 with one line naming the flag for %j, writing nothing', async (flags, name) => {
    const out = join(work.path, `bad-${name.slice(2)}`);
    const run = await runCli(['run', 'batch-size-hardware', ...flags, '--out', out], work.path);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(name);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });
});
