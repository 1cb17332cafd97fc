import { readFileSync } from 'node:fs';
import { countTensors, initBackend } from '@epochlab/tensor';
import { describe, expect, it, vi } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const example = readFileSync(new URL('../examples/notebook-dataset.ts', import.meta.url), 'utf8');

describe('README example', () => {
  it('is examples/notebook-dataset.ts, importing the package by name', () => {
    const block =
      /<!-- example: examples\/notebook-dataset\.ts -->\s*```ts(?: run)?\n([\s\S]*?)```/.exec(
        readme,
      );
    expect(block?.[1]).toBeDefined();
    expect(block?.[1]?.replace("'@epochlab/data'", "'../src/index.js'")).toBe(example);
  });

  it('runs: [B, 1] batches, the sizes the notebook gets, and no tensors left behind', async () => {
    await initBackend('cpu');
    const before = countTensors();
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await import('../examples/notebook-dataset.js');
    const lines = log.mock.calls.map((call) => JSON.stringify(call));
    log.mockRestore();
    expect(lines).toEqual([
      '[5]',
      '["XYDataset batch",[5,1],[5,1]]',
      '["batches per epoch",3]',
      '["epoch",0,[2,1],[2,1]]',
      '["epoch",0,[2,1],[2,1]]',
      '["epoch",0,[1,1],[1,1]]',
      '["epoch",1,[2,1],[2,1]]',
      '["epoch",1,[2,1],[2,1]]',
      '["epoch",1,[1,1],[1,1]]',
      '["split",3,2]',
    ]);
    expect(countTensors()).toBe(before);
  });
});
