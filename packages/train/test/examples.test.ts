import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

beforeAll(() => {
  if (!existsSync(join(packageRoot, 'dist/index.js'))) {
    throw new Error('the examples import the built package: run `pnpm build` (or turbo) first');
  }
});

/** Runs an example with few epochs and returns what it printed. */
async function runExample(name: string, epochs: number): Promise<string> {
  const { stdout } = await run(process.execPath, [join('examples', name), String(epochs)], {
    cwd: packageRoot,
    env: { ...process.env, EPOCHLAB_BACKEND: 'cpu' },
    timeout: 60_000,
  });
  return stdout;
}

describe('examples (smoke test with few epochs)', () => {
  it('notebook-line.mjs trains the notebook model and prints its results', async () => {
    const output = await runExample('notebook-line.mjs', 50);
    expect(output).toContain('parameters: 405');
    expect(output).toContain('status: completed');
    expect(output).toMatch(/final train loss: \d+\.\d{4}/);
    expect(output).toMatch(/50 epochs in [\d.]+ s/);
  });

  it('notebook-line-with-validation.mjs also prints the best validation epoch', async () => {
    const output = await runExample('notebook-line-with-validation.mjs', 50);
    expect(output).toContain('parameters: 405');
    expect(output).toMatch(/final validation loss: \d+\.\d{4} \(epoch 40\)/);
    expect(output).toMatch(/best validation loss: \d+\.\d{4} at epoch \d+/);
  });
});
