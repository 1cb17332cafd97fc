import { describe, expect, it } from 'vitest';
import { createFrameScheduler } from '../src/browser/frame-scheduler.js';

/** Frames the test runs one at a time. */
function manualFrames() {
  const requested: (() => void)[] = [];
  return {
    requestFrame: (callback: () => void) => {
      requested.push(callback);
    },
    /** Runs the frame requested first; false when none was requested. */
    runFrame(): boolean {
      const frame = requested.shift();
      frame?.();
      return frame !== undefined;
    },
    get pending() {
      return requested.length;
    },
  };
}

describe('createFrameScheduler', () => {
  it('runs one queued callback per frame, in the order they were queued', () => {
    const frames = manualFrames();
    const { scheduleFrame } = createFrameScheduler(frames.requestFrame);
    const ran: string[] = [];
    scheduleFrame(() => ran.push('fit'));
    scheduleFrame(() => ran.push('loss'));
    scheduleFrame(() => ran.push('fit again'));
    expect(frames.pending).toBe(1);
    expect(ran).toEqual([]);

    frames.runFrame();
    expect(ran).toEqual(['fit']);
    frames.runFrame();
    expect(ran).toEqual(['fit', 'loss']);
    frames.runFrame();
    expect(ran).toEqual(['fit', 'loss', 'fit again']);
    expect(frames.runFrame()).toBe(false);
  });

  it('asks for one frame at a time and for none once the queue is empty', () => {
    const frames = manualFrames();
    const { scheduleFrame } = createFrameScheduler(frames.requestFrame);
    scheduleFrame(() => {});
    scheduleFrame(() => {});
    expect(frames.pending).toBe(1);
    frames.runFrame();
    expect(frames.pending).toBe(1);
    frames.runFrame();
    expect(frames.pending).toBe(0);
  });

  it('gives a callback queued while a frame runs a later frame', () => {
    const frames = manualFrames();
    const { scheduleFrame } = createFrameScheduler(frames.requestFrame);
    const ran: string[] = [];
    scheduleFrame(() => {
      ran.push('first');
      scheduleFrame(() => ran.push('queued by first'));
    });
    frames.runFrame();
    expect(ran).toEqual(['first']);
    frames.runFrame();
    expect(ran).toEqual(['first', 'queued by first']);
  });

  it('keeps running later callbacks when one throws', () => {
    const frames = manualFrames();
    const { scheduleFrame } = createFrameScheduler(frames.requestFrame);
    const ran: string[] = [];
    scheduleFrame(() => {
      throw new Error('draw failed');
    });
    scheduleFrame(() => ran.push('second'));
    expect(() => frames.runFrame()).toThrow('draw failed');
    frames.runFrame();
    expect(ran).toEqual(['second']);
  });
});
