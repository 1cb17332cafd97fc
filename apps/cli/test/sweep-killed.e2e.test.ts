import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from './run-cli.js';
import { useWorkFolder } from './support/work-folder.js';

const work = useWorkFolder('epochlab-sweep-killed-');

/** 4 configurations x 1 seed, a second or so each, one at a time. */
const ARGS = [
  'sweep',
  'line',
  '--lr',
  '0.001,0.005,0.01,0.02',
  '--epochs',
  '30000',
  '--seeds',
  '1',
  '--workers',
  '1',
  '--backend',
  'cpu',
];

const RESULT_FILES = ['sweep.json', 'runs.json', 'configurations.json', 'curves.json', 'best.json'];

const stagingFolders = () =>
  readdirSync(work.path).filter((name) => name.startsWith('.epochlab-partial-'));

describe('epochlab sweep killed outright', () => {
  it('keeps each finished configuration on disk as it ends; --resume of the folder runs only the rest', async () => {
    const { child, done } = startCli([...ARGS, '--out', 'killed'], work.path);
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
      // SIGKILL: no handler runs, nothing is written at exit.
      if (stderr.includes('[2/4]')) child.kill('SIGKILL');
    });
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(join(work.path, 'killed'))).toBe(false);
    // The staging folder holds the sweep and the finished configurations, one JSON line each.
    const [staging] = stagingFolders();
    expect(staging).toBeDefined();
    const lines = readFileSync(join(work.path, staging as string, 'finished.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { index?: number; out?: string });
    expect(lines[0]?.out).toBe(join(work.path, 'killed'));
    const kept = lines.slice(1).map((line) => line.index);
    expect(kept.length).toBeGreaterThanOrEqual(2);
    expect(kept.length).toBeLessThan(4);

    const [resumed, whole] = await Promise.all([
      runCli([...ARGS, '--resume', 'killed', '--out', 'killed'], work.path),
      runCli([...ARGS, '--quiet', '--out', 'uninterrupted'], work.path),
    ]);
    expect([resumed.code, whole.code], resumed.stderr).toEqual([0, 0]);
    expect(resumed.stderr).toContain(`(${kept.length} already finished in killed)`);
    // Only the configurations the killed sweep had not finished train again.
    const trained = resumed.stderr.split('\n').filter((line) => /^\[\d+\/4\]/.test(line));
    const rest = [0, 1, 2, 3].filter((index) => !kept.includes(index));
    expect(trained.map((line) => Number(line.split(' ')[1]?.slice(1))).sort()).toEqual(rest);
    for (const name of RESULT_FILES) {
      expect(readFileSync(join(work.path, 'killed', name), 'utf8'), name).toBe(
        readFileSync(join(work.path, 'uninterrupted', name), 'utf8'),
      );
    }
    // The finished folder has no row file left, and the killed sweep's staging folder is gone.
    expect(existsSync(join(work.path, 'killed', 'finished.jsonl'))).toBe(false);
    expect(stagingFolders()).toEqual([]);
  }, 180_000);
});
