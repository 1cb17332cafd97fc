import {
  formatFieldValue,
  HARDWARE_FIELDS,
  type HardwareCell,
  type HardwareConfig,
  throughputChartPoints,
  throughputKnees,
} from '@epochlab/experiments';
import { throughputChart, throughputChartData } from '@epochlab/plot';
import { createLiveChart, type LiveChart } from '@epochlab/plot/browser';
import { live } from 'lit/directives/live.js';
import { html, nothing, render } from 'lit/html.js';
import { withChartLocale } from '../i18n/chart-locale.js';
import type { Locale } from '../i18n/messages.js';
import { problemText } from '../i18n/problem-text.js';
import { reopenInLanguage } from '../shell/page-links.js';
import { PageShell, type UrlProblemLine } from '../shell/page-shell.js';
import type { FieldProblem } from '../state/field-validation.js';
import { chartWidth } from '../ui/chart-container.js';
import { legendBelow } from '../ui/legend-below.js';
import { wasmPaths } from '../ui/wasm-paths.js';
import { WorkerSession } from '../ui/worker-session.js';
import { detectGpu } from './gpu-report.js';
import { HARDWARE_MESSAGES, type HardwareMessages } from './hardware-messages.js';
import type { HardwareCommand, HardwareMessage } from './hardware-protocol.js';
import {
  HARDWARE_BACKENDS,
  type HardwareBackend,
  hardwareFlagOf,
  hardwareSearch,
  readHardwareUrl,
} from './hardware-url.js';
import './hardware.css';
import { compileChartInWorker } from '../worker/chart-compiler.js';
import { startPageWorker } from '../worker/start-page-worker.js';

/** The form's text fields: the config key, its flag (the input's name) and its label. */
const TEXT_FIELDS = [
  ['batchSizes', 'batch-sizes'],
  ['seconds', 'seconds'],
  ['hidden', 'hidden'],
  ['targetLoss', 'target-loss'],
] as const;

type PageState = 'idle' | 'running' | 'done' | 'stopped' | 'error';

/** Below this width (phones) the chart's legend goes under its plot, which keeps the plot wide. */
const NARROW_CHART = 520;

/**
 * The batch-size hardware page (`?experiment=batch-size-hardware`): says what
 * graphics hardware the browser has, times training against batch size on
 * each chosen backend in a worker, and grows the throughput chart, the knee
 * sentences and the table as measurements end. English or Spanish (`lang`);
 * every number comes from `runBatchSizeHardware` and `throughputKnees`.
 */
export class HardwarePage {
  private readonly messages: HardwareMessages;
  private config: HardwareConfig;
  private backends: readonly HardwareBackend[];
  private readonly root = document.createElement('div');
  private readonly shell: PageShell;
  /** The page's own content, inside the shell. */
  private readonly content = document.createElement('main');
  /** The link's bad values, for the shell's alert (cleared once the form has been submitted). */
  private linkProblems: readonly UrlProblemLine[];
  /** The form's bad values: the page's own alert, shown only while there are some. */
  private formProblems: readonly FieldProblem[] = [];
  /** What each text field holds, by flag. */
  private readonly texts = new Map<string, string>();
  /** The backends ticked in the form. */
  private readonly ticked = new Set<HardwareBackend>();
  private state: PageState = 'idle';
  /** Set once Stop is pressed, until the run ends. */
  private stopping = false;
  private gpuSentence = '';
  private progress = '';
  /** The backends that could not be measured, one sentence each. */
  private unavailable: readonly string[] = [];
  private readonly chartBox = document.createElement('div');
  private chart: LiveChart | undefined;
  private cells: HardwareCell[] = [];
  private readonly session: WorkerSession<HardwareCommand, HardwareMessage>;
  private startedAt = 0;

  constructor(
    private readonly locale: Locale,
    search: string,
  ) {
    this.messages = HARDWARE_MESSAGES[locale];
    const state = readHardwareUrl(search);
    this.config = state.config;
    this.backends = state.backends;
    for (const [key, flag] of TEXT_FIELDS) this.texts.set(flag, formatFieldValue(this.config[key]));
    for (const backend of state.backends) this.ticked.add(backend);
    this.linkProblems = state.problems.map((problem) => ({
      key: problem.key,
      text: this.problemLine(problem),
    }));
    this.root.className = 'app hardware';
    this.root.dataset.state = this.state;
    this.chartBox.id = 'throughput-chart';
    this.chartBox.className = 'chart';
    this.session = new WorkerSession<HardwareCommand, HardwareMessage>(
      () => startPageWorker('hardware'),
      {
        cell: (message) => this.addCell(message.cell, message.done, message.total),
        done: (message) => this.finish(message),
        error: (message) => this.fail(message.message),
      },
      (reason) => this.fail(reason),
    );
    // Measurements are not kept: the page opens again in the other language.
    this.shell = new PageShell(this.root, 'hardware', () =>
      reopenInLanguage(locale === 'en' ? 'es' : 'en'),
    );
  }

  /** Puts the page in `container` and says what graphics hardware there is. */
  async mount(container: HTMLElement): Promise<void> {
    document.title = `${this.messages.title} — epochlab`;
    container.replaceChildren(this.root);
    this.renderShell();
    this.gpuSentence = this.messages.checking;
    this.renderContent();
    this.gpuSentence = this.messages.hardware(await detectGpu());
    this.renderContent();
  }

  /** Draws the form, its problems, the hardware sentence, progress, chart, knees and table. */
  private renderContent(): void {
    const m = this.messages;
    const t = m.table;
    const number = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 0 });
    const seconds = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 2 });
    const running = this.state === 'running';
    const row = (cell: HardwareCell) => [
      cell.backend,
      m.model(cell.model),
      number.format(cell.batchSize),
      number.format(cell.samplesPerSecond),
      cell.secondsToTarget === null ? t.notReached : seconds.format(cell.secondsToTarget),
      cell.trainingPath,
    ];
    const knees = throughputKnees(this.cells).map((knee) =>
      m.knee(
        this.seriesName(knee),
        knee.batchSize,
        number.format(knee.samplesPerSecond),
        number.format(knee.bestSamplesPerSecond),
        knee.bestBatchSize,
      ),
    );
    render(
      html`<div id="hardware-problems" class="alert" role="alert" ?hidden=${this.formProblems.length === 0}>${
        this.formProblems.length === 0
          ? nothing
          : html`<p>${m.badForm}</p><ul>${this.formProblems.map(
              (problem) => html`<li>${this.problemLine(problem)}</li>`,
            )}</ul>`
      }</div>
        <form
          id="hardware-form"
          @submit=${(event: Event) => {
            event.preventDefault();
            this.submit();
          }}
        >${TEXT_FIELDS.map(
          ([key, flag]) =>
            html`<p><label for=${`hardware-${flag}`}>${m.fields[key]}</label> <input
                id=${`hardware-${flag}`}
                name=${flag}
                type="text"
                .value=${live(this.texts.get(flag) ?? '')}
                @input=${(event: Event) =>
                  this.texts.set(flag, (event.target as HTMLInputElement).value)}
              /></p>`,
        )}<fieldset><legend>${m.fields.backends}</legend>${HARDWARE_BACKENDS.map(
          (backend) =>
            html`<label><input
                  id=${`hardware-backend-${backend}`}
                  type="checkbox"
                  name="backends"
                  value=${backend}
                  .checked=${live(this.ticked.has(backend))}
                  @change=${(event: Event) => {
                    if ((event.target as HTMLInputElement).checked) this.ticked.add(backend);
                    else this.ticked.delete(backend);
                  }}
                /> ${backend} </label>`,
        )}</fieldset><button id="run-hardware" type="submit" ?disabled=${running}>${m.run}</button> <button
            id="stop-hardware"
            type="button"
            ?disabled=${!running || this.stopping}
            @click=${() => this.stop()}
          >${m.stop}</button></form>
        <p id="hardware-gpu">${this.gpuSentence}</p>
        <p id="hardware-progress" role="status">${this.progress}</p>
        <ul id="hardware-unavailable">${this.unavailable.map((line) => html`<li>${line}</li>`)}</ul>
        ${this.chartBox}
        <ul id="hardware-knees">${knees.map((line) => html`<li>${line}</li>`)}</ul>
        <div class="table-scroll"><table id="hardware-table">
          <caption>${t.caption}</caption>
          <thead><tr>${[t.backend, t.model, t.batch, t.samples].map(
            (title) => html`<th scope="col">${title}</th>`,
          )}<th scope="col">${this.state === 'idle' ? '' : t.toTarget(this.config.targetLoss)}</th><th
              scope="col"
            >${t.path}</th></tr></thead>
          <tbody>${this.cells.map(
            (cell) => html`<tr>${row(cell).map((text) => html`<td>${text}</td>`)}</tr>`,
          )}</tbody>
        </table></div>`,
      this.content,
    );
  }

  /** Checks the form's texts as a link would be checked, then puts them in the address and runs. */
  private submit(): void {
    const texts = Object.fromEntries(this.texts);
    const url = new URLSearchParams(window.location.search);
    // The fields the form does not show (n, lr, seed, training path) keep the link's values.
    for (const { flag } of HARDWARE_FIELDS) {
      const text = url.get(flag);
      if (text !== null && !this.texts.has(flag)) texts[flag] = text;
    }
    const chosen = HARDWARE_BACKENDS.filter((backend) => this.ticked.has(backend));
    const search = hardwareSearch(texts, chosen, this.locale);
    const state = readHardwareUrl(search);
    if (this.linkProblems.length > 0) {
      // The form now speaks for the page: the link's problems no longer apply.
      this.linkProblems = [];
      this.renderShell();
    }
    this.formProblems = state.problems;
    this.renderContent();
    if (state.problems.length > 0) return;
    window.history.replaceState(null, '', search);
    this.config = state.config;
    this.backends = state.backends;
    void this.run();
  }

  /** One bad value: its flag (the form's field name) and what is allowed. */
  private problemLine(problem: FieldProblem): string {
    return `${hardwareFlagOf(problem.key)} ${problemText(problem.problem, this.locale)}`;
  }

  private renderShell(): void {
    this.shell.render({
      locale: this.locale,
      title: this.messages.title,
      tagline: this.messages.intro,
      urlProblems: { heading: this.messages.badLink, lines: this.linkProblems },
      content: this.content,
    });
  }

  private setState(state: PageState): void {
    this.state = state;
    this.stopping = false;
    this.root.dataset.state = state;
    this.renderContent();
  }

  private async run(): Promise<void> {
    // A new run's id before the chart awaits: a second click meanwhile supersedes this one.
    this.session.abandon();
    const pending = this.session.currentRunId;
    this.cells = [];
    this.unavailable = [];
    this.progress = this.messages.running(0, 0, '');
    this.setState('running');
    this.chart?.finalize();
    // SVG, not canvas: a software WebGPU can take the browser's GPU process down
    // mid-run, and a canvas drawn through it goes blank; the chart redraws once per cell.
    this.chart = await createLiveChart(
      this.chartBox,
      withChartLocale(this.emptyChart(), this.locale),
      { renderer: 'svg', compile: compileChartInWorker },
    );
    if (pending !== this.session.currentRunId) return;
    this.startedAt = performance.now();
    this.session.start((runId) => ({
      type: 'start',
      runId,
      config: this.config,
      backends: this.backends,
      wasmPaths: wasmPaths(),
    }));
  }

  private stop(): void {
    this.session.send({ type: 'stop', runId: this.session.currentRunId });
    this.stopping = true;
    this.renderContent();
  }

  private seriesName(cell: Pick<HardwareCell, 'backend' | 'model'>): string {
    return `${cell.backend}, ${this.messages.model(cell.model)}`;
  }

  private addCell(cell: HardwareCell, done: number, total: number): void {
    this.cells.push(cell);
    const m = this.messages;
    this.progress = m.running(done, total, `${this.seriesName(cell)}, ${m.batch(cell.batchSize)}`);
    const { points, knees: kneePoints } = throughputChartPoints(this.cells, (backend, model) =>
      this.seriesName({ backend, model }),
    );
    this.chart?.replace(throughputChartData.points, points);
    this.chart?.replace(throughputChartData.knees, kneePoints);
    this.renderContent();
  }

  private finish(done: Extract<HardwareMessage, { type: 'done' }>): void {
    const m = this.messages;
    this.unavailable = done.unavailable.map((missing) =>
      m.notMeasured(missing.backend, missing.reason.split('\n')[0] ?? ''),
    );
    const seconds = ((performance.now() - this.startedAt) / 1000).toFixed(1);
    if (done.status === 'aborted') {
      this.progress = m.stopped(this.cells.length);
      this.setState('stopped');
    } else {
      this.progress = m.done(this.cells.length, seconds);
      this.setState('done');
    }
  }

  private fail(message: string): void {
    this.progress = this.messages.failed(message);
    this.setState('error');
  }

  /**
   * The throughput chart before any measurement: its lines grow as cells end.
   * As wide as its container (a phone's 390 px), its legend under the plot on a phone.
   */
  private emptyChart() {
    const m = this.messages;
    const width = chartWidth(this.chartBox);
    const chart = throughputChart({
      width,
      height: Math.round(Math.min(400, Math.max(240, width * 0.62))),
      title: m.chartTitle,
      points: [],
      knees: [],
      xTitle: m.batchAxis,
      yTitle: m.samplesAxis,
      kneeNote: m.kneeNote,
      legendTitle: m.legendTitle,
    });
    return width < NARROW_CHART ? legendBelow(chart) : chart;
  }
}
