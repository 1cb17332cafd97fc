import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { historyCsvChunks } from '../src/output/history-csv.js';
import { historyJsonChunks } from '../src/output/history-json.js';
import { RunFolder } from '../src/output/run-folder.js';

interface LossPoint {
  epoch: number;
  loss: number;
}

/** A history of `epochs` epochs with validation every `every`, losses with full float64 digits. */
function history(epochs: number, every: number) {
  const train: LossPoint[] = [];
  const val: LossPoint[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    train.push({ epoch, loss: 1 / (epoch + 3) + 1e-17 * epoch });
    if (epoch % every === 0) val.push({ epoch, loss: Math.PI / (epoch + 1) });
  }
  return { train, val };
}

const work = mkdtempSync(join(tmpdir(), 'epochlab-writers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('historyJsonChunks', () => {
  it('joins to exactly JSON.stringify(history) and a newline', () => {
    for (const h of [history(0, 1), history(1, 1), history(25, 10), history(20_000, 7)]) {
      expect([...historyJsonChunks(h)].join('')).toBe(`${JSON.stringify(h)}\n`);
    }
  });

  it('keeps every chunk small, however long the history', () => {
    const long = history(300_000, 1);
    let largest = 0;
    let total = 0;
    for (const chunk of historyJsonChunks(long)) {
      largest = Math.max(largest, chunk.length);
      total += chunk.length;
    }
    // 8,192 points of at most ~50 characters each per chunk.
    expect(largest).toBeLessThan(8192 * 60);
    expect(total).toBeGreaterThan(600_000 * 20);
  });
});

describe('historyCsvChunks', () => {
  it('writes one row per epoch with the validation loss where it was measured', () => {
    const h = history(12, 5);
    const rows = [...historyCsvChunks(h)].join('').split('\n');
    expect(rows[0]).toBe('epoch,train_loss,val_loss');
    expect(rows).toHaveLength(12 + 2); // header, 12 rows, the empty string after the last newline
    // By hand: validation at epochs 0, 5 and 10; String(x) is JavaScript's shortest round-trip form.
    expect(rows[1]).toBe(`0,${1 / 3},${Math.PI}`);
    expect(rows[2]).toBe(`1,${1 / 4 + 1e-17},`);
    expect(rows[6]).toBe(`5,${1 / 8 + 5e-17},${Math.PI / 6}`);
    expect(rows[11]).toBe(`10,${1 / 13 + 1e-16},${Math.PI / 11}`);
    for (const row of rows.slice(1, -1)) {
      const [epoch, train] = row.split(',');
      expect(Number(train)).toBe(h.train[Number(epoch)]?.loss);
    }
  });
});

describe('RunFolder streaming files', () => {
  it('writes a file given as chunks byte for byte, and commits the folder', () => {
    const h = history(50_000, 3);
    const folder = RunFolder.prepare(join(work, 'run'));
    folder.write([
      { name: 'history.json', chunks: () => historyJsonChunks(h) },
      { name: 'notes.txt', content: 'plain' },
    ]);
    folder.commit();
    expect(readFileSync(join(work, 'run', 'history.json'), 'utf8')).toBe(`${JSON.stringify(h)}\n`);
    expect(readFileSync(join(work, 'run', 'notes.txt'), 'utf8')).toBe('plain');
  });
});
