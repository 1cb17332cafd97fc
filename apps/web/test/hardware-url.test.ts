import { describe, expect, it } from 'vitest';
import {
  BROWSER_HARDWARE_DEFAULTS,
  browserHardwareConfig,
  HARDWARE_BACKENDS,
  hardwareFlagOf,
  hardwareSearch,
  isHardwareUrl,
  readHardwareUrl,
} from '../src/hardware/hardware-url.js';
import { problemText } from '../src/i18n/problem-text.js';

const PAGE = '?experiment=batch-size-hardware';

/** Each problem as the page lists it: the flag, then what is allowed. */
function problemLines(search: string, locale: 'en' | 'es' = 'en'): string[] {
  return readHardwareUrl(search).problems.map(
    (problem) => `${hardwareFlagOf(problem.key)} ${problemText(problem.problem, locale)}`,
  );
}

describe('the hardware page URL', () => {
  it('opens on experiment=batch-size-hardware only', () => {
    expect(isHardwareUrl(PAGE)).toBe(true);
    expect(isHardwareUrl('?experiment=local-minima')).toBe(false);
    expect(isHardwareUrl('')).toBe(false);
  });

  it('gives the browser a shorter default run than the CLI, on every backend', () => {
    const state = readHardwareUrl(PAGE);
    expect(state.problems).toEqual([]);
    expect(state.backends).toEqual(['cpu', 'wasm', 'webgl', 'webgpu']);
    expect(state.config.n).toBe(256);
    expect(state.config.batchSizes).toEqual([4, 16, 64, 256]);
    expect(state.config.seconds).toBe(0.5);
    // The rest are the experiment's own defaults (the CLI's).
    expect(state.config.hidden).toEqual([256, 256]);
    expect(state.config.targetLoss).toBe(0.3);
    expect(state.config).toEqual(browserHardwareConfig());
  });

  it('reads the CLI flags and the backends, timed in the page order whatever the link order', () => {
    const state = readHardwareUrl(
      `${PAGE}&batch-sizes=2,full&seconds=0.25&hidden=64&target-loss=0.5&backends=webgl,cpu`,
    );
    expect(state.problems).toEqual([]);
    expect(state.config.batchSizes).toEqual([2, 'full']);
    expect(state.config.seconds).toBe(0.25);
    expect(state.config.hidden).toEqual([64]);
    expect(state.config.targetLoss).toBe(0.5);
    expect(state.backends).toEqual(['cpu', 'webgl']);
  });

  it('names each bad field by its flag, in English and Spanish, and falls back to the defaults', () => {
    const bad = `${PAGE}&seconds=0&batch-sizes=4,2000&backends=cpu,gpu`;
    expect(problemLines(bad)).toEqual([
      'seconds must be a number > 0 and <= 60',
      'batch-sizes[1] must be at most n (256) or full',
      'backends[1] must be one of cpu, wasm, webgl, webgpu',
    ]);
    expect(problemLines(bad, 'es')).toEqual([
      'seconds debe ser un número > 0 y <= 60',
      'batch-sizes[1] debe ser como mucho n (256) o full',
      'backends[1] debe ser uno de: cpu, wasm, webgl, webgpu',
    ]);
    const state = readHardwareUrl(bad);
    expect(state.config).toEqual(browserHardwareConfig());
    expect(state.backends).toEqual(HARDWARE_BACKENDS);
  });

  it('refuses an empty or repeated backend list', () => {
    expect(problemLines(`${PAGE}&backends=`)).toEqual([
      'backends must be one of cpu, wasm, webgl, webgpu',
    ]);
    expect(problemLines(`${PAGE}&backends=wasm,wasm`)).toEqual([
      'backends[1] must be one of cpu, wasm, webgl, webgpu',
    ]);
  });

  it('writes a link that reads back as the same measurement', () => {
    const search = hardwareSearch(
      { 'batch-sizes': '8,64', seconds: '1', hidden: '32,32', 'target-loss': '0.2', n: '512' },
      ['wasm', 'webgpu'],
      'es',
    );
    expect(new URLSearchParams(search).get('lang')).toBe('es');
    const state = readHardwareUrl(search);
    expect(state.problems).toEqual([]);
    expect(state.backends).toEqual(['wasm', 'webgpu']);
    expect(state.config).toMatchObject({
      n: 512,
      batchSizes: [8, 64],
      seconds: 1,
      hidden: [32, 32],
      targetLoss: 0.2,
    });
    expect(BROWSER_HARDWARE_DEFAULTS.n).not.toBe(state.config.n);
  });
});
