/**
 * Holds training between epochs: `beforeEpoch` returns `undefined` while
 * running and a pending promise while paused. `step()` lets exactly one epoch
 * through and pauses again; `release()` lets everything through (stop).
 */
export class PauseGate {
  private paused: boolean;
  private steps = 0;
  private released = false;
  private wake: (() => void) | undefined;

  constructor(paused = false) {
    this.paused = paused;
  }

  /** Whether training is waiting in `beforeEpoch` now. */
  get isWaiting(): boolean {
    return this.wake !== undefined;
  }

  /** Waits (if paused) before an epoch runs. */
  beforeEpoch(): Promise<void> | undefined {
    if (this.released || !this.paused) return undefined;
    if (this.steps > 0) {
      this.steps--;
      return undefined;
    }
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  /** Waits before the next epoch. */
  pause(): void {
    this.paused = true;
  }

  /** Runs on. */
  resume(): void {
    this.paused = false;
    this.open();
  }

  /** When paused, lets one epoch run, then waits again. */
  step(): void {
    if (!this.paused) return;
    this.steps++;
    this.open();
  }

  /** Lets every epoch through from now on (used when stopping). */
  release(): void {
    this.released = true;
    this.open();
  }

  private open(): void {
    const wake = this.wake;
    if (!wake) return;
    this.wake = undefined;
    if (this.steps > 0) this.steps--;
    wake();
  }
}
