import { html, render } from 'lit/html.js';

/**
 * A visually hidden live region that a screen reader reads at a run's
 * milestones (started, paused, finished), instead of the progress line,
 * which changes about ten times a second and would flood it.
 */
export class RunAnnouncer {
  readonly element = document.createElement('p');

  constructor() {
    this.element.id = 'run-announcer';
    this.element.className = 'visually-hidden';
    this.element.setAttribute('role', 'status');
    this.element.setAttribute('aria-live', 'polite');
  }

  /** Has `text` read out (once, even when it repeats the last announcement). */
  say(text: string): void {
    // Emptying first makes the same sentence a change, so it is read again.
    render(html`${''}`, this.element);
    queueMicrotask(() => render(html`${text}`, this.element));
  }
}
