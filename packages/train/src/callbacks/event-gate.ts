/**
 * Decides, for one kind of event, which events are delivered (see
 * `EventThrottle`) and remembers whether the latest one was held back.
 */
export class EventGate {
  private readonly minIntervalMs: number;
  private readonly everyEpochs: number;
  private lastDeliveredAt = Number.NEGATIVE_INFINITY;
  private heldBack = false;

  constructor(minIntervalMs: number, everyEpochs: number) {
    this.minIntervalMs = minIntervalMs;
    this.everyEpochs = everyEpochs;
  }

  /** Whether the event for `epoch` at time `now` (ms) goes out; if so, it counts as delivered. */
  admit(epoch: number, now: number): boolean {
    if (epoch % this.everyEpochs === 0 && now - this.lastDeliveredAt >= this.minIntervalMs) {
      this.lastDeliveredAt = now;
      this.heldBack = false;
      return true;
    }
    this.heldBack = true;
    return false;
  }

  /** Whether the latest event was held back; clears the flag. */
  takeHeldBack(): boolean {
    const heldBack = this.heldBack;
    this.heldBack = false;
    return heldBack;
  }
}
