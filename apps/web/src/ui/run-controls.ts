/** Where a run is: what the controls allow follows from it. */
export type RunState = 'idle' | 'starting' | 'running' | 'paused' | 'done';

/** Which controls are enabled in a state (the form must also be valid to start). */
export interface ControlStates {
  readonly train: boolean;
  readonly pause: boolean;
  readonly step: boolean;
  readonly stop: boolean;
  readonly reset: boolean;
  readonly regenerate: boolean;
  readonly form: boolean;
}

/**
 * The enabled controls for a run state. `formValid` gates starting a run
 * (Train, and Step from idle, which starts paused and runs one epoch).
 */
export function controlStates(state: RunState, formValid: boolean): ControlStates {
  const stopped = state === 'idle' || state === 'done';
  return {
    train: stopped && formValid,
    pause: state === 'running' || state === 'paused',
    step: (stopped && formValid) || state === 'paused',
    stop: state === 'starting' || state === 'running' || state === 'paused',
    reset: true,
    regenerate: true,
    form: stopped,
  };
}
