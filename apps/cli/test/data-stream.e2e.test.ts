import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

let work: string;
const ROWS = 450_000;

beforeAll(() => {
  // Over 16 MiB, so the CLI streams it instead of reading it whole.
  work = mkdtempSync(join(tmpdir(), 'epochlab-stream-cli-'));
  const out = openSync(join(work, 'big.csv'), 'w');
  writeSync(out, 'x,y\n');
  const lines: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    const x = -3 + (6 * ((i * 7919) % ROWS)) / ROWS + 1e-9 * i;
    lines.push(`${x.toPrecision(17)},${(0.5 * x * x - x + 1).toPrecision(17)}`);
    if (lines.length === 10_000) writeSync(out, `${lines.splice(0).join('\n')}\n`);
  }
  closeSync(out);
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('epochlab run data on a file larger than the streaming threshold', () => {
  it('streams it: every row used once, provenance recorded, no copy', async () => {
    const out = join(work, 'run');
    const run = await runCli(
      ['run', 'data', '--data', 'big.csv', '--epochs', '1', '--batch-size', '1024'].concat([
        '--val-fraction',
        '0.1',
        '--backend',
        'cpu',
        '--out',
        out,
      ]),
      work,
    );
    expect(run.code).toBe(0);
    const data = JSON.parse(readFileSync(join(out, 'data.json'), 'utf8'));
    const content = readFileSync(join(work, 'big.csv'));
    expect(content.length).toBeGreaterThan(16 * 1024 * 1024);
    expect(data.data.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    expect(data.data.rows).toBe(ROWS);
    expect(data.data.copy).toBeNull();
    expect(data.rowsUsed.train + data.rowsUsed.validation).toBe(ROWS);
    // A seeded hash holds out each row with probability 0.1.
    expect(Math.abs(data.rowsUsed.validation / ROWS - 0.1)).toBeLessThan(0.01);
    expect(data.validation).toContain('streamed');
    expect(run.stderr).toContain(
      `training data: ${data.rowsUsed.train} + ${data.rowsUsed.validation}`,
    );
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).epochsRun).toBe(1);
  }, 240_000);

  it('refuses early stopping without validation rows: exit 2, the flag named, nothing written', async () => {
    const out = join(work, 'no-validation');
    const run = await runCli(
      ['run', 'data', '--data', 'big.csv', '--early-stopping', '--val-fraction', '0'].concat([
        '--backend',
        'cpu',
        '--out',
        out,
      ]),
      work,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--early-stopping');
    expect(run.stderr).toContain('needs validation points');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  }, 240_000);
});
