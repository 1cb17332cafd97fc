import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { Messages } from '../i18n/messages.js';
import type { RunAlert } from '../ui/run-section.js';
import type { LabMessages } from './lab-messages.js';

/** A band chart whose y axis can go logarithmic. */
export type LogChart = 'loss' | 'val' | 'variance';

/** The parts of the lab's run column, and what it says now. */
export interface LabRunParts {
  /** Whether Run and Stop are enabled. */
  readonly canRun: boolean;
  readonly canStop: boolean;
  readonly onRun: () => void;
  readonly onStop: () => void;
  /** The progress line and how far the lab is, 0 to 1. */
  readonly progress: { readonly text: string; readonly done: number };
  readonly alert: RunAlert | undefined;
  /** The line view (its chart and status) and the replay button for its caption. */
  readonly lineView: HTMLElement;
  readonly replay: HTMLElement;
  /** The band charts' containers (Vega draws into them). */
  readonly charts: Readonly<Record<'loss' | 'val' | 'cosine' | 'variance', HTMLElement>>;
  readonly logScale: Readonly<Record<LogChart, boolean>>;
  readonly onLogScale: (chart: LogChart, on: boolean) => void;
  /** The loss chart's x axis: epochs or gradient steps. */
  readonly lossAxis: 'epoch' | 'step';
  readonly onLossAxis: (axis: 'epoch' | 'step') => void;
  /** The per-batch-size table's contents and the trade-off it shows, in a sentence. */
  readonly table: TemplateResult;
  readonly reading: string;
  readonly share: HTMLElement;
}

/**
 * The lab's run column: Run and Stop, the progress line, the alert, the line
 * view and the four band charts (each a figure with its caption, controls
 * and explanation), the per-batch-size table and share.
 */
export function labRunSection(
  parts: LabRunParts,
  m: LabMessages,
  shared: Messages,
): TemplateResult {
  const figure = (
    id: string,
    title: string,
    explain: string,
    chart: HTMLElement,
    controls: readonly unknown[] = [],
  ) =>
    html`<figure class="lab-figure" id=${`${id}-figure`}>
      <figcaption class=${controls.length > 1 ? 'stacked' : nothing}><span
          id=${`${id}-title`}
          class="figure-title"
        >${title}</span>${controls}</figcaption>${chart}
      <p class="explain" id=${`${id}-explain`}>${explain}</p>
    </figure>`;
  const logToggle = (chart: LogChart) =>
    html`<label class="toggle" for=${`${chart}-log`}><input
        type="checkbox"
        id=${`${chart}-log`}
        .checked=${parts.logScale[chart]}
        @change=${(event: Event) =>
          parts.onLogScale(chart, (event.target as HTMLInputElement).checked)}
      /><span>${shared.logScale}</span></label>`;
  const axisOption = (axis: 'epoch' | 'step', label: string) =>
    html`<label class="toggle" for=${`loss-axis-${axis}`}><input
        type="radio"
        name="loss-axis"
        id=${`loss-axis-${axis}`}
        value=${axis}
        .checked=${parts.lossAxis === axis}
        @change=${(event: Event) => {
          if ((event.target as HTMLInputElement).checked) parts.onLossAxis(axis);
        }}
      /><span>${label}</span></label>`;
  const axisToggle = html`<fieldset class="axis-toggle"><legend>${m.against}</legend>${axisOption(
    'epoch',
    m.epochs,
  )}${axisOption('step', m.steps)}</fieldset>`;
  return html`<section class="run" aria-labelledby="run-title">
    <h2 id="run-title" class="visually-hidden">${shared.controls}</h2>
    <div class="toolbar" role="toolbar" aria-labelledby="run-title">
      <button
        type="button"
        id="run-lab"
        class="primary big"
        ?disabled=${!parts.canRun}
        @click=${parts.onRun}
      >${m.run}</button>
      <button type="button" id="stop-lab" ?disabled=${!parts.canStop} @click=${parts.onStop}>${m.stop}</button>
    </div>
    <p
      id="lab-progress"
      class="progress"
      role="status"
      aria-live="polite"
      style=${`--done: ${parts.progress.done}`}
    >${parts.progress.text}</p>
    <div id="lab-error" class="alert" role="alert" data-kind=${parts.alert?.kind ?? ''}>${
      parts.alert?.text ?? ''
    }</div>
    <div class="lab-charts">
      ${figure('line-view', m.lineChart, m.lineExplain, parts.lineView, [parts.replay])}
      ${figure('loss-chart', m.lossChart, m.lossExplain, parts.charts.loss, [
        axisToggle,
        logToggle('loss'),
      ])}
      ${figure('val-chart', m.valChart, m.valExplain, parts.charts.val, [logToggle('val')])}
      ${figure('cosine-chart', m.cosineChart, m.cosineExplain, parts.charts.cosine)}
      ${figure('variance-chart', m.varianceChart, m.varianceExplain, parts.charts.variance, [
        logToggle('variance'),
      ])}
    </div>
    <section aria-labelledby="lab-table-title" class="lab-table-section">
      <h2 id="lab-table-title">${m.tableTitle}</h2>
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="lab-table-title">
        <table id="lab-table" class="lab-table">${parts.table}</table>
      </div>
      <p id="lab-reading" class="reading">${parts.reading}</p>
      <p class="explain">${m.tableExplain}</p>
    </section>
    ${parts.share}
  </section>`;
}
