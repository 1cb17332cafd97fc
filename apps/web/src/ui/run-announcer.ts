import { h } from './dom.js';

/**
 * A visually hidden live region that a screen reader reads at a run's
 * milestones (started, paused, finished), instead of the progress line,
 * which changes about ten times a second and would flood it.
 */
export class RunAnnouncer {
  readonly element = h('p', {
    id: 'run-announcer',
    class: 'visually-hidden',
    role: 'status',
    'aria-live': 'polite',
  });

  /** Has `text` read out (once, even when it repeats the last announcement). */
  say(text: string): void {
    // Emptying first makes the same sentence a change, so it is read again.
    this.element.textContent = '';
    queueMicrotask(() => {
      this.element.textContent = text;
    });
  }
}
