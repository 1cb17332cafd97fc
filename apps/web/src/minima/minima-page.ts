import {
  escapeShareSeries,
  type LocalMinimaConfig,
  type LocalMinimaRow,
  unsettledShareSeries,
} from '@epochlab/experiments';
import { bandChart, type ChartSpec, lossSurfaceChart, lossSurfaceChartData } from '@epochlab/plot';
import { createLiveChart, type LiveChart } from '@epochlab/plot/browser';
import { withChartLocale } from '../i18n/chart-locale.js';
import type { Locale } from '../i18n/messages.js';
import { problemText } from '../i18n/problem-text.js';
import { PathAnimation } from '../lab/path-animation.js';
import { reopenInLanguage } from '../shell/page-links.js';
import { PageShell, type UrlProblemLine } from '../shell/page-shell.js';
import { h } from '../ui/dom.js';
import { WorkerSession } from '../ui/worker-session.js';
import { compileChartInWorker } from '../worker/chart-compiler.js';
import { startPageWorker } from '../worker/start-page-worker.js';
import { MINIMA_MESSAGES, type MinimaMessages } from './minima-messages.js';
import type { MinimaMessage, MinimaStart } from './minima-protocol.js';
import { minimaFlagOf, readMinimaUrl } from './minima-url.js';

type Done = Extract<MinimaMessage, { type: 'done' }>;

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/**
 * The local-minima page (`?experiment=local-minima`): runs the study of the
 * link's config in a worker, fills the table cell by cell, then draws the
 * loss surface with the full-batch path and the SGD paths growing over a
 * second and a half, and the escape and unsettled shares. English or Spanish
 * (`lang`); everything it shows is computed in `@epochlab/experiments`.
 */
export class MinimaPage {
  private readonly messages: MinimaMessages;
  private readonly config: LocalMinimaConfig;
  private readonly root = h('div', { class: 'app minima', 'data-state': 'idle' });
  private readonly progress = h('p', { id: 'minima-progress', role: 'status' });
  private readonly reading = h('p', { id: 'minima-reading' });
  private readonly tableBody = h('tbody');
  private readonly runButton: HTMLButtonElement;
  private readonly chartBoxes = {
    surface: h('div', { id: 'surface-chart', class: 'chart' }),
    escapeByBatch: h('div', { id: 'escape-batch-chart', class: 'chart' }),
    escapeByLr: h('div', { id: 'escape-lr-chart', class: 'chart' }),
    unsettled: h('div', { id: 'unsettled-chart', class: 'chart' }),
  };
  private readonly charts: LiveChart[] = [];
  private rows: LocalMinimaRow[] = [];
  private readonly session: WorkerSession<MinimaStart, MinimaMessage>;
  private readonly shell: PageShell;
  /** The page's own content, inside the shell. */
  private readonly content: HTMLElement;
  /** The link's bad values, one line each, for the shell's alert. */
  private readonly problemLines: readonly UrlProblemLine[];
  private animation: PathAnimation | undefined;
  private startedAt = 0;

  constructor(
    private readonly locale: Locale,
    search: string,
  ) {
    this.messages = MINIMA_MESSAGES[locale];
    const state = readMinimaUrl(search);
    this.config = state.config;
    const m = this.messages;
    this.session = new WorkerSession<MinimaStart, MinimaMessage>(
      () => startPageWorker('minima'),
      {
        cell: (message) => {
          this.rows.push(message.row);
          this.tableBody.append(this.rowElement(message.row));
          this.progress.textContent = m.running(message.done, message.total);
        },
        done: (message) => void this.show(message),
        error: (message) => this.fail(message.message),
      },
      (reason) => this.fail(reason),
    );
    this.runButton = h(
      'button',
      { id: 'run-minima', type: 'button', onclick: () => this.run() },
      m.run,
    );
    const t = m.table;
    // The study's results are not kept: the page opens again in the other language.
    this.shell = new PageShell(this.root, 'minima', () =>
      reopenInLanguage(locale === 'en' ? 'es' : 'en'),
    );
    this.problemLines = state.problems.map((problem) => ({
      key: problem.key,
      text: `${minimaFlagOf(problem.key)} ${problemText(problem.problem, locale)}`,
    }));
    this.content = h(
      'main',
      {},
      this.runButton,
      this.progress,
      this.reading,
      this.chartBoxes.surface,
      this.chartBoxes.escapeByBatch,
      this.chartBoxes.escapeByLr,
      this.chartBoxes.unsettled,
      h(
        'table',
        { id: 'minima-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...[t.lr, t.batch, t.global, t.start, t.other, t.diverged, t.unsettled, t.steps].map(
              (title) => h('th', { scope: 'col' }, title),
            ),
          ),
        ),
        this.tableBody,
      ),
    );
  }

  /** Puts the page in `container`. */
  mount(container: HTMLElement): void {
    document.title = `${this.messages.title} — epochlab`;
    container.replaceChildren(this.root);
    this.shell.render({
      locale: this.locale,
      title: this.messages.title,
      tagline: this.messages.intro,
      urlProblems: { heading: this.messages.badLink, lines: this.problemLines },
      content: this.content,
    });
  }

  private setState(state: 'idle' | 'running' | 'done' | 'error'): void {
    this.root.dataset.state = state;
    this.runButton.disabled = state === 'running';
  }

  private run(): void {
    this.rows = [];
    this.tableBody.replaceChildren();
    this.reading.textContent = '';
    this.animation?.cancel();
    for (const chart of this.charts.splice(0)) chart.finalize();
    this.startedAt = performance.now();
    this.setState('running');
    this.session.start((runId) => ({ type: 'start', runId, config: this.config }));
  }

  private fail(reason: string): void {
    this.progress.textContent = this.messages.failed(reason);
    this.setState('error');
  }

  private rowElement(row: LocalMinimaRow): HTMLTableRowElement {
    const number = new Intl.NumberFormat(this.locale);
    const cells = [
      number.format(row.lr),
      this.messages.batch(row.label),
      percent(row.globalShare),
      percent(row.startShare),
      percent(row.otherShare),
      percent(row.divergedShare),
      percent(row.unsettledShare),
      row.medianStepsToGlobal === null ? '–' : number.format(row.medianStepsToGlobal),
    ];
    return h('tr', {}, ...cells.map((text) => h('td', {}, text)));
  }

  private async show(done: Done): Promise<void> {
    const m = this.messages;
    const c = this.config;
    const seconds = ((performance.now() - this.startedAt) / 1000).toFixed(1);
    const number = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 3 });
    this.reading.textContent = `${m.stays(done.summary.fullBatch.steps, number.format(done.summary.fullBatch.loss))} ${m.escapes(done.summary.sgdPathsInGlobal, done.summary.sgdPaths, c.pathBatchSize, c.pathLr)}`;
    const global = done.summary.valleys[done.summary.globalValley];
    const names = done.paths.map((path) =>
      path.kind === 'full-batch' ? m.fullBatch(c.n) : m.sgdPath(c.pathBatchSize, path.seed),
    );
    const surfaceSpec = lossSurfaceChart({
      title: m.surfaceTitle,
      surface: { m: done.surface.w, b: done.surface.a, values: done.surface.values },
      paths: names.map((name) => ({ name, points: [] })),
      start: { m: c.start[0], b: c.start[1] },
      ...(global ? { minimum: { m: global.minimum.w, b: global.minimum.a } } : {}),
      labels: {
        m: m.frequency,
        b: m.amplitude,
        loss: m.loss,
        start: m.start,
        minimum: m.globalMinimum,
      },
    });
    const rows = done.summary.rows;
    const batchName = (row: LocalMinimaRow) => m.batch(row.label);
    const band = (spec: Parameters<typeof bandChart>[0]): ChartSpec => bandChart(spec);
    const specs: [HTMLElement, ChartSpec][] = [
      [this.chartBoxes.surface, surfaceSpec],
      [
        this.chartBoxes.escapeByBatch,
        band({
          title: m.escapeByBatchTitle,
          series: escapeShareSeries(rows, 'batchSize', (row) => `lr ${row.lr}`),
          xTitle: m.batchSizeAxis(c.seeds),
          yTitle: m.shareAxis,
          logX: true,
          legendTitle: m.learningRate,
        }),
      ],
      [
        this.chartBoxes.escapeByLr,
        band({
          title: m.escapeByLrTitle,
          series: escapeShareSeries(rows, 'lr', batchName),
          xTitle: m.lrAxis(c.seeds),
          yTitle: m.shareAxis,
        }),
      ],
      [
        this.chartBoxes.unsettled,
        band({
          title: m.unsettledTitle,
          series: unsettledShareSeries(rows, batchName),
          xTitle: m.lrAxisPlain,
          yTitle: m.unsettledAxis,
        }),
      ],
    ];
    for (const [box, spec] of specs) {
      this.charts.push(
        await createLiveChart(box, withChartLocale(spec, this.locale), {
          compile: compileChartInWorker,
        }),
      );
    }
    const surfaceChart = this.charts[0];
    const longest = Math.max(...done.paths.map((path) => path.points.length));
    this.animation = new PathAnimation((shown, finished) => {
      const pathRows = done.paths.flatMap((path, index) =>
        path.points.slice(0, shown).map((point, step) => ({
          series: names[index] as string,
          step,
          m: point.w,
          b: point.a,
        })),
      );
      surfaceChart?.replace(lossSurfaceChartData.paths, pathRows);
      if (finished) {
        this.progress.textContent = m.done(rows.length, c.seeds, seconds);
        this.setState('done');
      }
    });
    this.animation.start(longest);
  }
}
