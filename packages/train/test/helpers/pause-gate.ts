/**
 * A `beforeEpoch` that records every call and holds the run before epoch
 * `epoch` (a paused run) until `release()`. `paused` resolves once the run
 * is held there, so a test waits for the pause itself, not for time to pass.
 */
export function pauseBefore(epoch: number) {
  const calls: number[] = [];
  let release: () => void = () => {};
  let reached: () => void = () => {};
  const paused = new Promise<void>((resolve) => (reached = resolve));
  const beforeEpoch = (current: number): Promise<void> | undefined => {
    calls.push(current);
    if (current !== epoch) return undefined;
    reached();
    return new Promise<void>((resolve) => (release = resolve));
  };
  return { calls, beforeEpoch, paused, release: () => release() };
}
