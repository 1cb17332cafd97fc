import { html, nothing, render } from 'lit/html.js';
import type { Messages } from '../i18n/messages.js';
import type { ControlStates, RunState } from './run-controls.js';

/** The toolbar's buttons, in their order on screen. */
const BUTTONS = ['train', 'pause', 'step', 'stop', 'reset', 'regenerate'] as const;

/** One of the run toolbar's buttons (its element id). */
export type RunButton = (typeof BUTTONS)[number];

/**
 * The main page's run controls: Train, Pause/Resume, Step, Stop, Reset and
 * New data, enabled as `controlStates` says for the run's state. Rendered
 * with lit-html into its own light-DOM toolbar (labelled by `#run-title`).
 */
export class RunToolbar {
  readonly element = document.createElement('div');

  /** @param actions What each button does when pressed. */
  constructor(private readonly actions: Readonly<Record<RunButton, () => void>>) {
    this.element.className = 'toolbar';
    this.element.setAttribute('role', 'toolbar');
    this.element.setAttribute('aria-labelledby', 'run-title');
  }

  /** Draws the buttons for `state`: their labels in `m`, enabled per `enabled`. */
  render(state: RunState, enabled: ControlStates, m: Messages): void {
    const paused = state === 'paused';
    const labels: Record<RunButton, string> = {
      train: m.train,
      pause: paused ? m.resume : m.pause,
      step: m.step,
      stop: m.stop,
      reset: m.reset,
      regenerate: m.regenerate,
    };
    render(
      html`${BUTTONS.map(
        (name) => html`<button
          type="button"
          id=${name}
          class=${name === 'train' ? 'primary' : nothing}
          aria-pressed=${name === 'pause' ? String(paused) : nothing}
          ?disabled=${!enabled[name]}
          @click=${this.actions[name]}
        >${labels[name]}</button>`,
      )}`,
      this.element,
    );
  }

  /** Moves focus to Train, where a keyboard user continues after a run. */
  focusTrain(): void {
    this.element.querySelector<HTMLButtonElement>('#train')?.focus();
  }
}
