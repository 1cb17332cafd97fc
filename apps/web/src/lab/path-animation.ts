/** Schedules a callback for the next frame (`requestAnimationFrame` in the page). */
export type FrameScheduler = (callback: () => void) => void;

/** About how many frames a full replay takes (≈1.5 s at 60 frames per second). */
export const REPLAY_FRAMES = 90;

/** Steps revealed per frame so that `steps` take about `REPLAY_FRAMES` frames (at least 1). */
export function stepsPerFrame(steps: number, frames = REPLAY_FRAMES): number {
  return Math.max(1, Math.ceil(steps / frames));
}

/**
 * Grows the descent paths over animation frames: each frame shows a few more
 * steps (`draw(shown)`, `shown` points of every path) until all `total` points
 * are shown. `start` again restarts from the first point; `cancel` stops.
 * Each frame does only what `draw` does, so the page stays responsive.
 */
export class PathAnimation {
  private shown = 0;
  private total = 0;
  private perFrame = 1;
  private generation = 0;

  constructor(
    private readonly draw: (shown: number, done: boolean) => void,
    private readonly scheduleFrame: FrameScheduler = defaultScheduler,
  ) {}

  /** Whether a replay is going. */
  get running(): boolean {
    return this.shown < this.total;
  }

  /** Replays paths of `total` points from the start point. */
  start(total: number): void {
    this.generation++;
    this.total = total;
    this.perFrame = stepsPerFrame(Math.max(0, total - 1));
    this.shown = Math.min(1, total);
    this.draw(this.shown, this.shown >= total);
    this.next(this.generation);
  }

  /** Shows every point now. */
  finish(): void {
    this.generation++;
    this.shown = this.total;
    this.draw(this.shown, true);
  }

  /** Stops where it is. */
  cancel(): void {
    this.generation++;
    this.total = this.shown;
  }

  private next(generation: number): void {
    if (this.shown >= this.total) return;
    this.scheduleFrame(() => {
      if (generation !== this.generation) return;
      this.shown = Math.min(this.total, this.shown + this.perFrame);
      this.draw(this.shown, this.shown >= this.total);
      this.next(generation);
    });
  }
}

function defaultScheduler(callback: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => callback());
  else setTimeout(callback, 16);
}
