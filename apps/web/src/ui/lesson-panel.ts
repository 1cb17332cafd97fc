import { type ExperimentConfig, parseExperimentConfig } from '@epochlab/experiments';
import { html, render, type TemplateResult } from 'lit/html.js';
import type { Locale } from '../i18n/messages.js';
import { fill } from '../i18n/messages.js';
import { LESSON_MESSAGES } from '../lesson/lesson-messages.js';
import { LESSON_STEPS, type LessonFocus, type LessonStep } from '../lesson/lesson-steps.js';

/** What the panel asks of the page. */
export interface LessonPanelActions {
  /** Fill the form with a step's config and train it. */
  run(config: ExperimentConfig): void;
  /** Point at a part of the page (outline it), or at none. */
  spotlight(focus: LessonFocus | undefined): void;
  /** The step shown or the panel hidden changed (for the link). */
  changed(): void;
}

/**
 * The guided lesson: the notebook's steps one at a time, each with a short
 * text, a "what to look for" that points at a chart (outlined on the page),
 * and a button that sets up the run that shows it. Hidden, it leaves the
 * free-form page; "Show the lesson" brings it back.
 */
export class LessonPanel {
  readonly element = document.createElement('section');
  private index: number;
  private hidden: boolean;
  private locale: Locale;

  constructor(
    locale: Locale,
    start: { step: number; hidden: boolean },
    private readonly actions: LessonPanelActions,
  ) {
    this.locale = locale;
    this.index = Math.min(Math.max(start.step, 0), LESSON_STEPS.length - 1);
    this.hidden = start.hidden;
    this.element.id = 'lesson';
    this.element.className = 'lesson';
    this.element.setAttribute('aria-labelledby', 'lesson-title');
  }

  /** The step shown (0-based). */
  get step(): number {
    return this.index;
  }

  /** Whether the lesson is hidden (the free-form page). */
  get isHidden(): boolean {
    return this.hidden;
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.render();
  }

  /** Draws the panel for the current step (or its "Show" button when hidden). */
  render(): void {
    const m = LESSON_MESSAGES[this.locale];
    const toggle = html`<button
      type="button"
      id="lesson-toggle"
      class="link-button"
      aria-expanded=${String(!this.hidden)}
      @click=${() => {
        this.hidden = !this.hidden;
        this.render();
        this.actions.changed();
        document.getElementById('lesson-toggle')?.focus();
      }}
    >${this.hidden ? m.show : m.hide}</button>`;
    if (this.hidden) {
      this.actions.spotlight(undefined);
      render(
        html`<h2 id="lesson-title" class="visually-hidden">${m.heading}</h2>${toggle}`,
        this.element,
      );
      return;
    }
    const step = LESSON_STEPS[this.index] as LessonStep;
    const words = m.steps[step.id];
    const config = step.config && parseExperimentConfig(step.config);
    const action = config
      ? html`<button
          type="button"
          id="lesson-run"
          class="primary"
          @click=${() => this.actions.run(config)}
        >${m.run}</button>`
      : html`<a id="lesson-run" href=${`${step.link ?? ''}&lang=${this.locale}`}>${m.open}</a>`;
    render(
      html`<div class="lesson-head"><h2 id="lesson-title">${m.heading}</h2>${toggle}</div>
        <p id="lesson-step" class="help">${fill(m.stepOf, {
          step: this.index + 1,
          steps: LESSON_STEPS.length,
        })}</p>
        <h3 id="lesson-step-title">${words?.title ?? step.id}</h3>
        <p id="lesson-text">${words?.text ?? ''}</p>
        <p id="lesson-look-for" class="look-for"><strong>${`${m.lookFor}: `}</strong>${
          words?.lookFor ?? ''
        }</p>
        <div class="lesson-nav">${this.navButton('lesson-previous', m.previous, this.index > 0, -1)}${action}${this.navButton(
          'lesson-next',
          m.next,
          this.index < LESSON_STEPS.length - 1,
          +1,
        )}</div>`,
      this.element,
    );
    this.actions.spotlight(step.focus);
  }

  private navButton(id: string, label: string, enabled: boolean, delta: number): TemplateResult {
    return html`<button
      type="button"
      id=${id}
      ?disabled=${!enabled}
      @click=${() => {
        this.index += delta;
        this.render();
        this.actions.changed();
        document.getElementById(id)?.focus();
      }}
    >${label}</button>`;
  }
}

/** The step a link names (`?lesson=3`, 1-based) and whether the lesson is hidden (`lesson=off`). */
export function lessonFromSearch(search: string): { step: number; hidden: boolean } {
  const value = new URLSearchParams(search).get('lesson');
  if (value === 'off') return { step: 0, hidden: true };
  const step = Number(value);
  return Number.isInteger(step) && step >= 1 && step <= LESSON_STEPS.length
    ? { step: step - 1, hidden: false }
    : { step: 0, hidden: false };
}
