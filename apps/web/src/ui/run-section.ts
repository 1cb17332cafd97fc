import { html, type TemplateResult } from 'lit/html.js';
import type { Messages } from '../i18n/messages.js';
import type { LessonFocus } from '../lesson/lesson-steps.js';

/** The run's alert: a failed run (`run`), a bad form or refused points, or nothing. */
export interface RunAlert {
  /** `run` for a run's failure, which stays until the next run; the form's problems follow the form. */
  readonly kind: 'run' | 'form';
  readonly text: string;
}

/** The parts of the main page's run column, and what it says now. */
export interface RunSectionParts {
  readonly toolbar: HTMLElement;
  readonly speed: HTMLElement;
  /** The progress line (redrawn ~10 times a second, so not a live region) and how far the run is, 0 to 1. */
  readonly progress: { readonly text: string; readonly done: number };
  /** The loss numbers kept in view with the progress line. */
  readonly liveLosses: string;
  readonly announcer: HTMLElement;
  readonly alert: RunAlert | undefined;
  /** The data panel's bar over the fit chart, and its panel under the charts. */
  readonly drawBar: HTMLElement;
  readonly dataPanel: HTMLElement;
  /** The charts' containers (Vega draws into them). */
  readonly fitChart: HTMLElement;
  readonly lossChart: HTMLElement;
  readonly logScale: boolean;
  readonly onLogScale: (on: boolean) => void;
  readonly network: HTMLElement;
  /** The summary's rows (`<dt>`, `<dd>`). */
  readonly summary: TemplateResult;
  readonly pinned: HTMLElement;
  readonly share: HTMLElement;
  /** The part the lesson's step points at (outlined), if any. */
  readonly spotlight: LessonFocus | undefined;
}

/**
 * The main page's run column: controls, speed, the sticky progress and loss
 * numbers, the alert, the fit, loss and network figures (each marked with
 * the `data-focus` the lesson points at), the data panel, the summary, the
 * pinned runs and share.
 */
export function runSection(parts: RunSectionParts, m: Messages): TemplateResult {
  const spot = (focus: LessonFocus) => (parts.spotlight === focus ? 'spotlight' : '');
  return html`<section class="run" aria-labelledby="run-title">
    <h2 id="run-title" class="visually-hidden">${m.controls}</h2>
    ${parts.toolbar}${parts.speed}
    <div class="run-status">
      <p id="progress" class="progress" style=${`--done: ${parts.progress.done}`}>${parts.progress.text}</p>
      <p id="live-losses" class="live-losses">${parts.liveLosses}</p>
    </div>
    ${parts.announcer}
    <div id="run-error" class="alert" role="alert" data-kind=${parts.alert?.kind ?? ''}>${
      parts.alert?.text ?? ''
    }</div>
    ${parts.drawBar}
    <div class="charts">
      <figure aria-labelledby="fit-chart-title" data-focus="fit" class=${spot('fit')}>
        <figcaption id="fit-chart-title">${m.fitChart}</figcaption>${parts.fitChart}
      </figure>
      <figure aria-labelledby="loss-chart-title" class=${`loss-figure ${spot('loss')}`} data-focus="loss">
        <figcaption><span id="loss-chart-title">${m.lossChart}</span><label
            class="toggle"
            for="log-scale"
          ><input
              type="checkbox"
              id="log-scale"
              .checked=${parts.logScale}
              @change=${(event: Event) =>
                parts.onLogScale((event.target as HTMLInputElement).checked)}
            /><span>${m.logScale}</span></label></figcaption>${parts.lossChart}
      </figure>
      <figure aria-labelledby="network-title" data-focus="network" class=${spot('network')}>
        <figcaption id="network-title">${m.network}</figcaption>${parts.network}
      </figure>
    </div>
    ${parts.dataPanel}
    <section aria-labelledby="summary-title" data-focus="summary" class=${spot('summary')}>
      <h2 id="summary-title">${m.summary}</h2>
      <dl id="summary" class="summary">${parts.summary}</dl>
    </section>
    ${parts.pinned}${parts.share}
  </section>`;
}
