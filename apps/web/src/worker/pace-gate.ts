/** Milliseconds the pace gate lets training run ahead before it waits (timers are coarse). */
const SLACK_MS = 8;

/**
 * Holds training to a pace a person can watch: at most `epochsPerSecond`
 * epochs per second, or no limit (`undefined`). It only waits between
 * epochs, so a run's numbers are the same at any pace. The pace can change
 * during a run; after a pause it restarts its clock instead of catching up.
 */
export class PaceGate {
  private epochsPerSecond: number | undefined;
  private startedAt = 0;
  private startEpoch = 0;
  private restartNext = true;

  constructor(
    epochsPerSecond: number | undefined,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    this.epochsPerSecond = epochsPerSecond;
  }

  /** Sets the pace from the next epoch on (`undefined`: as fast as possible). */
  setPace(epochsPerSecond: number | undefined): void {
    this.epochsPerSecond = epochsPerSecond;
    this.restartNext = true;
  }

  /** Counts time from the next epoch again (after a pause or a step). */
  restart(): void {
    this.restartNext = true;
  }

  /** Waits, if training is ahead of the pace, before `epoch` runs. */
  beforeEpoch(epoch: number): Promise<void> | undefined {
    const rate = this.epochsPerSecond;
    if (rate === undefined) return undefined;
    if (this.restartNext) {
      this.restartNext = false;
      this.startedAt = this.now();
      this.startEpoch = epoch;
      return undefined;
    }
    const due = this.startedAt + ((epoch - this.startEpoch) * 1000) / rate;
    const ahead = due - this.now();
    return ahead > SLACK_MS ? this.sleep(ahead) : undefined;
  }
}
