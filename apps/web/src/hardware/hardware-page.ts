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
import { withChartLocale } from '../i18n/chart-locale.js';
import type { Locale } from '../i18n/messages.js';
import { problemText } from '../i18n/problem-text.js';
import { reopenInLanguage } from '../shell/page-links.js';
import { PageShell, type UrlProblemLine } from '../shell/page-shell.js';
import type { FieldProblem } from '../state/field-validation.js';
import { h } from '../ui/dom.js';
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
  private readonly root = h('div', { class: 'app hardware', 'data-state': 'idle' });
  private readonly shell: PageShell;
  /** The page's own content, inside the shell. */
  private readonly content: HTMLElement;
  /** The link's bad values, for the shell's alert (cleared once the form has been submitted). */
  private linkProblems: readonly UrlProblemLine[];
  /** The form's bad values: the page's own alert, shown only while there are some. */
  private readonly problemsBox = h('div', {
    id: 'hardware-problems',
    class: 'alert',
    role: 'alert',
    hidden: true,
  });
  private readonly inputs = new Map<string, HTMLInputElement>();
  private readonly backendBoxes = new Map<HardwareBackend, HTMLInputElement>();
  private readonly runButton: HTMLButtonElement;
  private readonly stopButton: HTMLButtonElement;
  private readonly gpuSentence = h('p', { id: 'hardware-gpu' });
  private readonly progress = h('p', { id: 'hardware-progress', role: 'status' });
  private readonly unavailableList = h('ul', { id: 'hardware-unavailable' });
  private readonly chartBox = h('div', { id: 'throughput-chart', class: 'chart' });
  private readonly kneeList = h('ul', { id: 'hardware-knees' });
  private readonly tableBody = h('tbody');
  private readonly targetHeader = h('th', { scope: 'col' });
  private chart: LiveChart | undefined;
  private cells: HardwareCell[] = [];
  private readonly session: WorkerSession<HardwareCommand, HardwareMessage>;
  private startedAt = 0;

  constructor(
    private readonly locale: Locale,
    search: string,
  ) {
    this.messages = HARDWARE_MESSAGES[locale];
    const m = this.messages;
    const state = readHardwareUrl(search);
    this.config = state.config;
    this.backends = state.backends;
    this.linkProblems = state.problems.map((problem) => ({
      key: problem.key,
      text: this.problemLine(problem),
    }));
    this.session = new WorkerSession<HardwareCommand, HardwareMessage>(
      () => startPageWorker('hardware'),
      {
        cell: (message) => this.addCell(message.cell, message.done, message.total),
        done: (message) => this.finish(message),
        error: (message) => this.fail(message.message),
      },
      (reason) => this.fail(reason),
    );
    this.runButton = h('button', { id: 'run-hardware', type: 'submit' }, m.run);
    this.stopButton = h(
      'button',
      { id: 'stop-hardware', type: 'button', disabled: true, onclick: () => this.stop() },
      m.stop,
    );
    // Measurements are not kept: the page opens again in the other language.
    this.shell = new PageShell(this.root, 'hardware', () =>
      reopenInLanguage(locale === 'en' ? 'es' : 'en'),
    );
    const t = m.table;
    this.content = h(
      'main',
      {},
      this.problemsBox,
      this.form(),
      this.gpuSentence,
      this.progress,
      this.unavailableList,
      this.chartBox,
      this.kneeList,
      h(
        'table',
        { id: 'hardware-table' },
        h('caption', {}, t.caption),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...[t.backend, t.model, t.batch, t.samples].map((title) =>
              h('th', { scope: 'col' }, title),
            ),
            this.targetHeader,
            h('th', { scope: 'col' }, t.path),
          ),
        ),
        this.tableBody,
      ),
    );
  }

  /** Puts the page in `container` and says what graphics hardware there is. */
  async mount(container: HTMLElement): Promise<void> {
    document.title = `${this.messages.title} — epochlab`;
    container.replaceChildren(this.root);
    this.renderShell();
    this.gpuSentence.textContent = this.messages.checking;
    this.gpuSentence.textContent = this.messages.hardware(await detectGpu());
  }

  private form(): HTMLFormElement {
    const m = this.messages;
    const rows = TEXT_FIELDS.map(([key, flag]) => {
      const input = h('input', {
        id: `hardware-${flag}`,
        name: flag,
        type: 'text',
        value: formatFieldValue(this.config[key]),
      });
      this.inputs.set(flag, input);
      return h('p', {}, h('label', { for: input.id }, m.fields[key]), ' ', input);
    });
    const boxes = HARDWARE_BACKENDS.map((backend) => {
      const box = h('input', {
        id: `hardware-backend-${backend}`,
        type: 'checkbox',
        name: 'backends',
        value: backend,
        checked: this.backends.includes(backend),
      });
      this.backendBoxes.set(backend, box);
      return h('label', {}, box, ` ${backend} `);
    });
    return h(
      'form',
      {
        id: 'hardware-form',
        onsubmit: (event: Event) => {
          event.preventDefault();
          this.submit();
        },
      },
      ...rows,
      h('fieldset', {}, h('legend', {}, m.fields.backends), ...boxes),
      this.runButton,
      ' ',
      this.stopButton,
    );
  }

  /** Checks the form's texts as a link would be checked, then puts them in the address and runs. */
  private submit(): void {
    const texts = Object.fromEntries([...this.inputs].map(([flag, input]) => [flag, input.value]));
    const url = new URLSearchParams(window.location.search);
    // The fields the form does not show (n, lr, seed, training path) keep the link's values.
    for (const { flag } of HARDWARE_FIELDS) {
      const text = url.get(flag);
      if (text !== null && !this.inputs.has(flag)) texts[flag] = text;
    }
    const chosen = HARDWARE_BACKENDS.filter((backend) => this.backendBoxes.get(backend)?.checked);
    const search = hardwareSearch(texts, chosen, this.locale);
    const state = readHardwareUrl(search);
    if (this.linkProblems.length > 0) {
      // The form now speaks for the page: the link's problems no longer apply.
      this.linkProblems = [];
      this.renderShell();
    }
    this.showProblems(this.messages.badForm, state.problems);
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

  /** The form's bad values in the page's own alert; none hides it. */
  private showProblems(heading: string, problems: readonly FieldProblem[]): void {
    this.problemsBox.replaceChildren();
    this.problemsBox.hidden = problems.length === 0;
    if (problems.length === 0) return;
    this.problemsBox.append(
      h('p', {}, heading),
      h('ul', {}, ...problems.map((problem) => h('li', {}, this.problemLine(problem)))),
    );
  }

  private setState(state: 'idle' | 'running' | 'done' | 'stopped' | 'error'): void {
    this.root.dataset.state = state;
    this.runButton.disabled = state === 'running';
    this.stopButton.disabled = state !== 'running';
  }

  private async run(): Promise<void> {
    // A new run's id before the chart awaits: a second click meanwhile supersedes this one.
    this.session.abandon();
    const pending = this.session.currentRunId;
    const m = this.messages;
    this.cells = [];
    this.tableBody.replaceChildren();
    this.kneeList.replaceChildren();
    this.unavailableList.replaceChildren();
    this.targetHeader.textContent = m.table.toTarget(this.config.targetLoss);
    this.setState('running');
    this.progress.textContent = m.running(0, 0, '');
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
    this.stopButton.disabled = true;
  }

  private seriesName(cell: Pick<HardwareCell, 'backend' | 'model'>): string {
    return `${cell.backend}, ${this.messages.model(cell.model)}`;
  }

  private addCell(cell: HardwareCell, done: number, total: number): void {
    this.cells.push(cell);
    const m = this.messages;
    const number = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 0 });
    const seconds = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 2 });
    const row = [
      cell.backend,
      m.model(cell.model),
      number.format(cell.batchSize),
      number.format(cell.samplesPerSecond),
      cell.secondsToTarget === null ? m.table.notReached : seconds.format(cell.secondsToTarget),
      cell.trainingPath,
    ];
    this.tableBody.append(h('tr', {}, ...row.map((text) => h('td', {}, text))));
    this.progress.textContent = m.running(
      done,
      total,
      `${this.seriesName(cell)}, ${m.batch(cell.batchSize)}`,
    );
    const { points, knees: kneePoints } = throughputChartPoints(this.cells, (backend, model) =>
      this.seriesName({ backend, model }),
    );
    this.chart?.replace(throughputChartData.points, points);
    this.chart?.replace(throughputChartData.knees, kneePoints);
    const knees = throughputKnees(this.cells);
    this.kneeList.replaceChildren(
      ...knees.map((knee) =>
        h(
          'li',
          {},
          m.knee(
            this.seriesName(knee),
            knee.batchSize,
            number.format(knee.samplesPerSecond),
            number.format(knee.bestSamplesPerSecond),
            knee.bestBatchSize,
          ),
        ),
      ),
    );
  }

  private finish(done: Extract<HardwareMessage, { type: 'done' }>): void {
    const m = this.messages;
    this.unavailableList.replaceChildren(
      ...done.unavailable.map((missing) =>
        h('li', {}, m.notMeasured(missing.backend, missing.reason.split('\n')[0] ?? '')),
      ),
    );
    const seconds = ((performance.now() - this.startedAt) / 1000).toFixed(1);
    if (done.status === 'aborted') {
      this.progress.textContent = m.stopped(this.cells.length);
      this.setState('stopped');
    } else {
      this.progress.textContent = m.done(this.cells.length, seconds);
      this.setState('done');
    }
  }

  private fail(message: string): void {
    this.progress.textContent = this.messages.failed(message);
    this.setState('error');
  }

  /** The throughput chart before any measurement: its lines grow as cells end. */
  private emptyChart() {
    const m = this.messages;
    return throughputChart({
      title: m.chartTitle,
      points: [],
      knees: [],
      xTitle: m.batchAxis,
      yTitle: m.samplesAxis,
      kneeNote: m.kneeNote,
      legendTitle: m.legendTitle,
    });
  }
}
