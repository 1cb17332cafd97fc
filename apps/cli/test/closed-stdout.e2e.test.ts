import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from './run-cli.js';

describe('epochlab with a reader that stops early', () => {
  it('ends quietly when stdout closes (`epochlab list | head -c 1`): exit 0, no stack trace', () => {
    // head exits after one byte, so the rest of the list is written into a closed pipe (EPIPE).
    const script = `"${process.execPath}" "${BIN}" list | head -c 1 > /dev/null; echo "exit \${PIPESTATUS[0]}"`;
    const run = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    expect(run.stderr).not.toContain('EPIPE');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout.trim()).toBe('exit 0');
  });
});
