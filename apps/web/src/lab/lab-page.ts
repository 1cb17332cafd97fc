import {
  type BatchSizeGroup,
  type BatchSizeGroupInfo,
  type BatchSizeLabConfig,
  type BatchSizeLabResult,
  comparedLoss,
  type LabSummary,
  labGroupSummary,
  labSummary,
} from '@epochlab/experiments';
import { html, render } from 'lit/html.js';
import { fill, type Locale, MESSAGES, type Messages } from '../i18n/messages.js';
import { problemText } from '../i18n/problem-text.js';
import { BackendField } from '../shell/backend-field.js';
import { PageShell } from '../shell/page-shell.js';
import { ShareSection } from '../shell/share-section.js';
import { urlProblemLines } from '../shell/url-problem-lines.js';
import type { FieldProblem } from '../state/field-validation.js';
import type { WebBackend } from '../state/web-backend.js';
import { detectBackends, SUPPORT_BEFORE_DETECTION } from '../ui/backend-support.js';
import { downloadFile } from '../ui/downloads.js';
import {
  countText,
  formatCount,
  formatDuration,
  formatNumber,
  prepareNumberFormats,
} from '../ui/format.js';
import { replacePageUrl } from '../ui/page-url.js';
import type { RunAlert } from '../ui/run-section.js';
import { wasmPaths } from '../ui/wasm-paths.js';
import { WorkerSession } from '../ui/worker-session.js';
import { LabCharts } from './lab-charts.js';
import { labCliCommand } from './lab-cli-command.js';
import type { CheckedLabConfig } from './lab-fields.js';
import { LabForm, labFieldLabel } from './lab-form.js';
import { LAB_MESSAGES, type LabMessages } from './lab-messages.js';
import type { LabCommand, LabMessage } from './lab-protocol.js';
import { type LogChart, labRunSection } from './lab-run-section.js';
import { labTableContent } from './lab-table.js';
import { readLabUrlState, writeLabUrlState } from './lab-url-state.js';
import { LineViewPanel } from './line-view-panel.js';
import { tradeOffText } from './trade-off-text.js';
import './lab.css';
import { startPageWorker } from '../worker/start-page-worker.js';

/** Where the lab is: what the controls allow follows from it. */
export type LabState = 'idle' | 'starting' | 'running' | 'done';

/**
 * The batch-size lab page: its form, one Run button, the progress line, the
 * band charts, the per-batch-size table and the line view, wired to the lab
 * worker. The config, backend and language live in the URL
 * (`?experiment=batch-size&...`).
 */
export class LabPage {
  private locale: Locale;
  private m: LabMessages;
  private shared: Messages;
  private readonly session: WorkerSession<LabCommand, LabMessage>;
  private readonly form: LabForm;
  private readonly charts: LabCharts;
  private readonly lineView: LineViewPanel;
  private checked: CheckedLabConfig;
  private backend: WebBackend;
  private state: LabState = 'idle';
  private runConfig: BatchSizeLabConfig;
  private groupsInfo: readonly BatchSizeGroupInfo[] = [];
  private finished: BatchSizeGroup[] = [];
  private result: BatchSizeLabResult | undefined;
  /** The finished lab's summary (`labSummary`): the CLI's `summary.json`. */
  private summary: LabSummary | undefined;
  private latest: { group: number; epoch: number; epochs: number; elapsed: number } | undefined;
  private readonly urlProblems: readonly FieldProblem[];

  private readonly root = document.createElement('div');
  private readonly shell = new PageShell(this.root, 'lab', () =>
    this.setLocale(this.locale === 'en' ? 'es' : 'en'),
  );
  /** The page's own content, inside the shell. */
  private readonly content = document.createElement('main');
  /** What the alert under the progress line says, if anything. */
  private alert: RunAlert | undefined;
  private readonly logScale: Record<LogChart, boolean> = {
    loss: false,
    val: false,
    variance: false,
  };
  private lossAxis: 'epoch' | 'step' = 'epoch';
  private readonly backendField = new BackendField((backend) => {
    this.backend = backend;
    this.syncUrl();
    this.refresh();
  });
  private readonly share = new ShareSection();

  constructor(locale: Locale, search: string) {
    this.locale = locale;
    this.m = LAB_MESSAGES[locale];
    this.shared = MESSAGES[locale];
    const fromUrl = readLabUrlState(search);
    this.checked = { config: fromUrl.config, problems: [] };
    this.runConfig = fromUrl.config;
    this.backend = fromUrl.backend;
    this.backendField.update({ selected: this.backend, support: SUPPORT_BEFORE_DETECTION });
    this.urlProblems = fromUrl.problems;
    this.root.className = 'app lab';
    this.content.className = 'layout';

    this.session = new WorkerSession<LabCommand, LabMessage>(
      () => startPageWorker('lab'),
      {
        started: (message) => {
          this.groupsInfo = message.groups;
          this.backendField.update({ active: message.backend });
          this.charts.start(message.groups, message.config);
          this.lineView.show(message.data, message.config, this.checked.config);
          this.setState('running');
        },
        progress: (message) => {
          this.latest = {
            group: message.group,
            epoch: message.epoch,
            epochs: message.epochs,
            elapsed: message.elapsedSeconds,
          };
          this.renderContent();
        },
        'group-done': (message) => {
          this.finished[message.group] = message.result;
          this.charts.addGroup(message.group, message.result);
          this.renderContent();
        },
        done: (message) => {
          this.result = message.result;
          this.summary = labSummary(message.result);
          this.root.dataset.tensorsAfter = String(message.tensorsAfter);
          this.finished = [...message.result.groups];
          this.setState('done');
          this.renderDownloads();
        },
        error: (message) => {
          this.showError(message.message);
          this.setState(this.finished.length > 0 ? 'done' : 'idle');
        },
      },
      () => {
        // The worker itself failed (not a run): no lab is going on any more.
        this.alert = { kind: 'run', text: this.shared.workerFailed };
        this.setState(this.finished.length > 0 ? 'done' : 'idle');
        this.content.querySelector<HTMLButtonElement>('#run-lab')?.focus();
      },
    );

    this.form = new LabForm(this.m, locale, (checked) => this.onFormChange(checked));
    this.charts = new LabCharts(this.m, this.locale);
    this.lineView = new LineViewPanel(this.m, this.locale, (m, b) => this.pickStart(m, b));

    this.form.setConfig(
      fromUrl.config,
      fromUrl.problems.filter((p) => p.key !== 'backend'),
    );
    this.checked = this.form.read();
  }

  /** Puts the page into `container` and starts. */
  async mount(container: HTMLElement): Promise<void> {
    container.replaceChildren(this.root);
    this.applyMessages();
    this.refresh();
    void this.charts
      .prepare(this.checked.config)
      .then(() => whenIdle(() => this.lineView.warmUp()));
    this.backendField.update({ support: await detectBackends() });
  }

  // ---------------------------------------------------------------- layout

  /** Draws the run column (controls, charts, table, share) and the setup column (form, backend). */
  private renderContent(): void {
    const busy = this.state === 'starting' || this.state === 'running';
    const c = this.charts;
    render(
      html`${labRunSection(
        {
          canRun: !busy && this.checked.problems.length === 0,
          canStop: busy,
          onRun: () => this.run(),
          onStop: () => this.send({ type: 'stop' }),
          progress: this.progressLine(),
          alert: this.alert,
          lineView: this.lineView.element,
          replay: this.lineView.replayControl,
          charts: c.elements,
          logScale: this.logScale,
          onLogScale: (chart, on) => {
            this.logScale[chart] = on;
            void c.setLogScale(chart, on);
          },
          lossAxis: this.lossAxis,
          onLossAxis: (axis) => {
            this.lossAxis = axis;
            void c.setLossAxis(axis);
          },
          table: labTableContent(
            this.finished.filter((group) => group !== undefined).map(labGroupSummary),
            comparedLoss(this.runConfig),
            this.m,
            this.locale,
          ),
          reading: this.summary?.tradeOff
            ? tradeOffText(this.summary.tradeOff, this.m, this.locale)
            : '',
          share: this.share.element,
        },
        this.m,
        this.shared,
      )}<section class="setup" aria-labelledby="setup-title">
          <h2 id="setup-title">${this.shared.config}</h2>
          ${this.form.element}${this.backendField.element}
        </section>`,
      this.content,
    );
  }

  private applyMessages(): void {
    prepareNumberFormats(this.locale);
    document.title = `${this.m.title} — epochlab`;
    this.share.setMessages(this.shared);
    this.backendField.update({ m: this.shared, help: this.m.backendHelp });
    this.renderShell();
    this.renderContent();
    this.renderDownloads();
  }

  private setLocale(locale: Locale): void {
    this.locale = locale;
    this.m = LAB_MESSAGES[locale];
    this.shared = MESSAGES[locale];
    this.form.setMessages(this.m, locale);
    void this.charts.setMessages(this.m, this.locale);
    this.lineView.setMessages(this.m, locale);
    this.applyMessages();
    this.syncUrl();
    this.refresh();
  }

  private renderShell(): void {
    const lines = urlProblemLines(this.urlProblems, this.shared, (problem) => ({
      field: problem.key === 'backend' ? this.shared.backend : labFieldLabel(this.m, problem.key),
      problem: problemText(problem.problem, this.locale),
    }));
    this.shell.render({
      locale: this.locale,
      title: this.m.title,
      tagline: this.m.tagline,
      urlProblems: { heading: this.shared.invalidUrl, lines },
      content: this.content,
    });
  }

  // ---------------------------------------------------------------- state

  private onFormChange(checked: CheckedLabConfig): void {
    this.checked = checked;
    if (checked.problems.length === 0) {
      this.syncUrl();
      if (this.state === 'idle') void this.charts.prepare(checked.config);
      // The line view only needs the data: a new start, rate or step count replays it now.
      this.lineView.setPathSettings(checked.config);
    }
    this.refresh();
  }

  private pickStart(m: number, b: number): void {
    if (this.state === 'starting' || this.state === 'running') {
      // The form is locked during a run; the line view still follows the click.
      this.lineView.setPathSettings({ ...this.checked.config, pathStart: [m, b] });
      return;
    }
    this.form.setFieldText('pathStart', `${m},${b}`);
  }

  private syncUrl(): void {
    replacePageUrl(writeLabUrlState(this.checked.config, this.backend), this.locale);
  }

  private refresh(): void {
    const valid = this.checked.problems.length === 0;
    const busy = this.state === 'starting' || this.state === 'running';
    this.form.setDisabled(busy);
    this.backendField.update({ disabled: busy });
    this.root.dataset.state = this.state;
    this.share.setCliCommand(labCliCommand(this.checked.config, this.backend));
    if (!valid && !busy) this.alert = { kind: 'form', text: this.shared.fixForm };
    else if (this.alert?.kind !== 'run') this.alert = undefined;
    this.renderContent();
  }

  private setState(state: LabState): void {
    this.state = state;
    this.refresh();
  }

  private send(command: LabCommand): void {
    this.session.send(command);
  }

  private run(): void {
    if (!this.form.isValid) return;
    this.runConfig = this.checked.config;
    this.result = undefined;
    this.summary = undefined;
    this.finished = [];
    this.latest = undefined;
    this.groupsInfo = [];
    this.alert = undefined;
    this.setState('starting');
    void this.charts.prepare(this.runConfig); // empties the charts; redraws only if the batch sizes changed
    this.renderDownloads();
    const config = this.runConfig;
    this.session.start((runId) => ({
      type: 'start',
      runId,
      config,
      backend: this.backend,
      wasmPaths: wasmPaths(),
    }));
  }

  private showError(message: string): void {
    this.alert = { kind: 'run', text: fill(this.shared.runFailed, { message }) };
    this.renderContent();
  }

  // ---------------------------------------------------------------- views

  /** The progress line for the lab's state now, and how far it is (0 to 1). */
  private progressLine(): { text: string; done: number } {
    const m = this.m;
    const l = this.locale;
    const groups = this.groupsInfo.length || this.runConfig.batchSizes.length;
    let text: string;
    let fraction = 0;
    if (this.state === 'idle') {
      text = fill(m.idle, { seeds: countText(m.seedCount, this.checked.config.seeds, l) });
    } else if (this.state === 'starting') {
      text = m.starting;
    } else if (this.state === 'done' && this.result) {
      const r = this.result;
      text = fill(m.finished[r.status], {
        groups: countText(m.batchSizeCount, groups, l),
        seeds: countText(m.seedCount, r.config.seeds, l),
        seconds: formatNumber(r.seconds, l),
        // A stopped batch size still reports its runs so far: it did not finish.
        done: formatCount(r.groups.filter(finishedGroup).length, l),
      });
      fraction = r.status === 'aborted' ? r.groups.filter(finishedGroup).length / groups : 1;
    } else if (this.latest) {
      const { group, epoch, epochs, elapsed } = this.latest;
      text = fill(m.progressLine, {
        label: this.groupsInfo[group]?.label ?? String(group + 1),
        group: formatCount(group + 1, l),
        groups: formatCount(groups, l),
        epoch: formatCount(epoch + 1, l),
        epochs: formatCount(epochs, l),
        elapsed: formatDuration(elapsed),
      });
      fraction = (group + (epoch + 1) / epochs) / groups;
    } else {
      const first = this.groupsInfo[0];
      text = first
        ? fill(m.progressLine, {
            label: first.label,
            group: formatCount(1, l),
            groups: formatCount(groups, l),
            epoch: formatCount(0, l),
            epochs: formatCount(this.runConfig.epochs, l),
            elapsed: formatDuration(0),
          })
        : m.starting;
    }
    return { text, done: fraction };
  }

  private renderDownloads(): void {
    const result = this.result;
    const d = this.m.download;
    const item = (id: string, label: string, save: () => void) => ({ id, label, save });
    const summary = this.summary;
    const name = result ? `batch-size-seed${result.config.seed}` : '';
    /** Saves `${name}-${file}` as JSON: indented like the CLI's, or on one line (long number arrays). */
    const save = (file: string, value: unknown, indent?: number) => {
      if (value === undefined) return;
      downloadFile(
        `${name}-${file}`,
        `${JSON.stringify(value, null, indent)}\n`,
        'application/json',
      );
    };
    this.share.setDownloads(
      [
        item('config', d.config, () => save('config.json', result?.config, 2)),
        item('results', d.results, () => save('results.json', result)),
        // The CLI's summary.json and line-view.json, byte for byte on the cpu backend.
        item('summary', d.summary, () => save('summary.json', summary, 2)),
        item('line-view', d.lineView, () => save('line-view.json', this.lineView.file())),
      ],
      result !== undefined,
    );
  }
}

/** Runs `task` when the page is idle (or soon, where there is no `requestIdleCallback`). */
function whenIdle(task: () => Promise<void>): void {
  const run = () => {
    task().catch((error: unknown) => console.error(error));
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 200);
}

/** Whether every run of a batch size trained to its end (not stopped by the user). */
function finishedGroup(group: BatchSizeGroup): boolean {
  return group.runs.every((run) => run.status !== 'aborted');
}
