import { ACTIVATIONS, type ActivationFunction } from '@epochlab/models';
import { afterEach, describe, expect, it } from 'vitest';
import { FusedMlpKernel } from '../src/fused/fused-mlp-kernel.js';
import {
  arriveAndWait,
  CONTROL,
  PassThreadFailure,
  waitWhile,
} from '../src/fused/threads/pass-control.js';
import {
  type PassThreadData,
  type PassThreadHost,
  passThreadHost,
  setPassThreadHost,
} from '../src/fused/threads/pass-thread-host.js';
import { sharedPassesModule } from '../src/fused/threads/shared-passes-module.js';
import { createFusedLoss } from '../src/losses/create-loss.js';
import { createFusedOptimizer } from '../src/optimizers/create-optimizer.js';
import { resolveOptimizerConfig } from '../src/optimizers/resolve-optimizer-config.js';

const leakyRelu = ACTIVATIONS.find(({ name }) => name === 'leakyRelu') as ActivationFunction;

afterEach(() => setPassThreadHost(undefined));

/** A host that records what it is asked and starts no thread: its helpers never get ready. */
function idleHost(module = true): PassThreadHost & { started: PassThreadData[]; stopped: number } {
  const host = {
    spareThreads: 1,
    started: [] as PassThreadData[],
    stopped: 0,
    passesModule: (fma: boolean) => (module ? sharedPassesModule(fma) : null),
    start(data: PassThreadData) {
      host.started.push(data);
      return { terminate: () => void host.stopped++ };
    },
  };
  return host;
}

/** Three SGD steps of two layers of 300 on one batch of 40 rows: the losses and parameters. */
function train(kernel: FusedMlpKernel) {
  for (let k = 0; k < kernel.parameters.length; k++) {
    kernel.parameters[k] = Math.fround(Math.sin(7.1 * k) * 0.06);
  }
  const rows = 40;
  const inputs = Float32Array.from({ length: rows }, (_, k) => Math.cos(k));
  const targets = Float32Array.from({ length: rows }, (_, k) => Math.sin(2 * k));
  const optimizer = createFusedOptimizer(
    resolveOptimizerConfig({ name: 'sgd', learningRate: 0.01 }),
    kernel.parameters.length,
  );
  const loss = createFusedLoss({ name: 'l1' });
  const losses = [0, 1, 2].map(() => kernel.trainStep(inputs, targets, rows, loss, optimizer));
  return { losses, parameters: Array.from(kernel.parameters) };
}

describe('the barrier of a pass team', () => {
  it('lets one part through at once and counts the others', () => {
    const control = new Int32Array(new SharedArrayBuffer(4 * CONTROL.LENGTH));
    arriveAndWait(control, 1);
    expect(Atomics.load(control, CONTROL.GENERATION)).toBe(1);
    expect(Atomics.load(control, CONTROL.ARRIVED)).toBe(0);
    // The last of two to arrive releases the first: here the other one arrived before.
    Atomics.store(control, CONTROL.ARRIVED, 1);
    arriveAndWait(control, 2);
    expect(Atomics.load(control, CONTROL.GENERATION)).toBe(2);
    expect(Atomics.load(control, CONTROL.ARRIVED)).toBe(0);
  });

  it('throws instead of waiting forever once a part has failed', () => {
    const control = new Int32Array(new SharedArrayBuffer(4 * CONTROL.LENGTH));
    Atomics.store(control, CONTROL.FAILED, 1);
    expect(() => arriveAndWait(control, 2)).toThrow(PassThreadFailure);
    expect(() => waitWhile(control, CONTROL.SEQUENCE, 0)).toThrow(
      /thread of the fused pass failed/,
    );
    // A word that already changed returns at once, failed or not.
    expect(() => waitWhile(control, CONTROL.SEQUENCE, 5)).not.toThrow();
  });
});

describe('a kernel asked for threads', () => {
  it('runs alone, with the same bits, until its helpers are ready', () => {
    const host = idleHost();
    setPassThreadHost(host);
    const split = new FusedMlpKernel([1, 300, 300, 1], leakyRelu, 'auto', 'float32', true, 2);
    expect(split.workspace.threads).toBe(2);
    expect(host.started).toHaveLength(1);
    expect(host.started[0]?.part).toBe(1);
    expect(host.started[0]?.memory.buffer).toBeInstanceOf(SharedArrayBuffer);
    setPassThreadHost(undefined);
    const alone = new FusedMlpKernel([1, 300, 300, 1], leakyRelu, 'auto', 'float32', true, 2);
    expect(alone.workspace.threads ?? 1).toBe(1);
    expect(train(split)).toEqual(train(alone));
    split.dispose();
    expect(host.stopped).toBe(1);
    split.dispose();
    expect(host.stopped).toBe(1);
  });

  it('runs on one thread where the host has no module, or for the exact precision', () => {
    setPassThreadHost(idleHost(false));
    expect(passThreadHost()).toBeDefined();
    const noModule = new FusedMlpKernel([1, 300, 300, 1], leakyRelu, 'auto', 'float32', true, 2);
    expect(noModule.workspace.threads ?? 1).toBe(1);
    setPassThreadHost(idleHost());
    const exact = new FusedMlpKernel([1, 300, 300, 1], leakyRelu, 'auto', 'exact', true, 2);
    expect(exact.workspace.threads ?? 1).toBe(1);
    expect(exact.parameters.buffer).not.toBeInstanceOf(SharedArrayBuffer);
  });
});
