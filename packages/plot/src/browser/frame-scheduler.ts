/** Asks for a callback at the next frame (`requestAnimationFrame` in browsers). */
export type RequestFrame = (callback: () => void) => void;

/**
 * Shares animation frames between several live charts: each frame runs one
 * queued callback, in the order they were queued. Redrawing a Vega chart
 * after new data takes a few to a few tens of milliseconds; with two or more
 * charts redrawing in the same frame the page stalls for their sum. Passing
 * one scheduler's `scheduleFrame` to every chart of a page (the
 * `scheduleFrame` option of `createLiveChart`) spreads their redraws over
 * consecutive frames, so no frame does more than one chart's work.
 *
 * @example
 * const frames = createFrameScheduler();
 * const fit = await createLiveChart('#fit', fitSpec, { scheduleFrame: frames.scheduleFrame });
 * const loss = await createLiveChart('#loss', lossSpec, { scheduleFrame: frames.scheduleFrame });
 */
export function createFrameScheduler(requestFrame: RequestFrame = defaultRequestFrame): {
  /** Queues `callback` to run alone in a coming frame. */
  readonly scheduleFrame: (callback: () => void) => void;
} {
  const queue: (() => void)[] = [];
  let frameRequested = false;
  const runOne = () => {
    frameRequested = false;
    const callback = queue.shift();
    if (queue.length > 0) request();
    callback?.();
  };
  const request = () => {
    if (frameRequested) return;
    frameRequested = true;
    requestFrame(runOne);
  };
  return {
    scheduleFrame(callback) {
      queue.push(callback);
      request();
    },
  };
}

function defaultRequestFrame(callback: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => callback());
  else setTimeout(callback, 16);
}
