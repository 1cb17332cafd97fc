import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { kerasStopEpoch } from './support/keras-stop-epoch.js';
import { type LossPoint, readJson, useWorkFolder } from './support/work-folder.js';

const work = useWorkFolder('epochlab-sweep-early-stopping-');

const EARLY_STOPPING = ['--early-stopping', '--patience', '200', '--min-delta', '0.001'];
const COMMON = ['--epochs', '3000', ...EARLY_STOPPING, '--backend', 'cpu', '--quiet'];

interface RunRow {
  configuration: number;
  lr: number;
  seed: number;
  status: string;
  epochsRun: number;
  bestValEpoch: number | null;
  bestValLoss: number | null;
}

describe('epochlab sweep --early-stopping', () => {
  it('stops each run at the epoch a single epochlab run of its config stops at', async () => {
    const sweep = await runCli(
      [
        'sweep',
        'line',
        '--lr',
        '0.01,0.05',
        '--seeds',
        '2',
        '--workers',
        '2',
        ...COMMON,
        '--out',
        'sweep',
      ],
      work.path,
    );
    expect(sweep.code, sweep.stderr).toBe(0);
    const rows = readJson<RunRow[]>(join(work.path, 'sweep', 'runs.json'));
    expect(rows).toHaveLength(4);
    const runs = await Promise.all(
      rows.map((row) =>
        runCli(
          [
            'run',
            'line',
            '--lr',
            String(row.lr),
            '--seed',
            String(row.seed),
            ...COMMON,
            '--out',
            `run-${row.configuration}-${row.seed}`,
          ],
          work.path,
        ),
      ),
    );
    for (const [k, row] of rows.entries()) {
      expect(runs[k]?.code, runs[k]?.stderr).toBe(0);
      const folder = join(work.path, `run-${row.configuration}-${row.seed}`);
      const summary = readJson<RunRow>(join(folder, 'summary.json'));
      const history = readJson<{ val: LossPoint[] }>(join(folder, 'history.json'));
      const stop = kerasStopEpoch(history.val, 200, 0.001);
      // Every run overfits the 5 points and stops well before 3000 epochs (epochs count from 0).
      expect(stop, `lr ${row.lr} seed ${row.seed}`).toBeLessThan(3000);
      expect(row.status).toBe('stopped-early');
      expect(row.epochsRun).toBe((stop as number) + 1);
      expect(row.epochsRun).toBe(summary.epochsRun);
      expect(row.bestValEpoch).toBe(summary.bestValEpoch);
      expect(row.bestValLoss).toBe(summary.bestValLoss);
    }
  }, 120_000);
});
