import { describe, expect, it } from 'vitest';
import { PaceGate } from '../src/worker/pace-gate.js';

/** A clock that only moves when the gate sleeps or the test says so. */
function testClock() {
  let now = 0;
  const slept: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
    slept,
  };
}

async function runEpochs(
  gate: PaceGate,
  from: number,
  to: number,
  epochMs: number,
  clock: ReturnType<typeof testClock>,
) {
  for (let epoch = from; epoch < to; epoch++) {
    await gate.beforeEpoch(epoch);
    clock.advance(epochMs);
  }
}

describe('PaceGate', () => {
  it('never waits without a pace', async () => {
    const clock = testClock();
    const gate = new PaceGate(undefined, clock.now, clock.sleep);
    await runEpochs(gate, 0, 100, 0.1, clock);
    expect(clock.slept).toEqual([]);
  });

  it('holds 100 fast epochs to 20 epochs/s: 99 intervals of 50 ms', async () => {
    const clock = testClock();
    const gate = new PaceGate(20, clock.now, clock.sleep);
    await runEpochs(gate, 0, 100, 0.1, clock);
    // Epoch 99 is due 99 / 20 s = 4950 ms after epoch 0 started.
    expect(clock.now()).toBeCloseTo(4950 + 0.1, 6);
  });

  it('does not wait when training is slower than the pace', async () => {
    const clock = testClock();
    const gate = new PaceGate(100, clock.now, clock.sleep);
    await runEpochs(gate, 0, 50, 20, clock);
    expect(clock.slept).toEqual([]);
  });

  it('restarts its clock after a pause instead of catching up', async () => {
    const clock = testClock();
    const gate = new PaceGate(10, clock.now, clock.sleep);
    await runEpochs(gate, 0, 5, 0, clock); // 4 intervals of 100 ms
    expect(clock.now()).toBe(400);
    clock.advance(60_000); // paused for a minute
    gate.restart();
    await runEpochs(gate, 5, 10, 0, clock);
    // Five more epochs, still 100 ms apart: no burst to make up the minute.
    expect(clock.now()).toBe(400 + 60_000 + 400);
  });

  it('changes pace mid-run from the next epoch', async () => {
    const clock = testClock();
    const gate = new PaceGate(10, clock.now, clock.sleep);
    await runEpochs(gate, 0, 3, 0, clock);
    expect(clock.now()).toBe(200);
    gate.setPace(undefined);
    await runEpochs(gate, 3, 100, 0, clock);
    expect(clock.now()).toBe(200);
  });
});
