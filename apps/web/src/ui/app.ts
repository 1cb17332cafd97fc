import { ConfigError, type RunConfig } from '@epochlab/experiments';
import { html, render } from 'lit/html.js';
import { DATA_MESSAGES } from '../i18n/data-messages.js';
import { fill, type Locale, MESSAGES, type Messages } from '../i18n/messages.js';
import { problemText } from '../i18n/problem-text.js';
import type { LessonFocus } from '../lesson/lesson-steps.js';
import { BackendField } from '../shell/backend-field.js';
import { PageShell } from '../shell/page-shell.js';
import { ShareSection } from '../shell/share-section.js';
import { urlProblemLines } from '../shell/url-problem-lines.js';
import { cliCommand } from '../state/cli-command.js';
import {
  type CheckedConfig,
  type FieldProblem,
  formConfig,
  isExperimentName,
} from '../state/field-validation.js';
import {
  examplePoints,
  ownPointsIssue,
  ownPointsPreview,
  usesOwnPoints,
  validatesOwnPoints,
  withOwnPoints,
} from '../state/own-points.js';
import { POINTS_PARAM, type PointSets, type PointsParamProblem } from '../state/points-in-url.js';
import { changesData } from '../state/run-data-fields.js';
import { readUrlState, type WebBackend, writeUrlState } from '../state/url-state.js';
import { type DataPoints, previewDataPoints } from '../worker/data-points.js';
import type {
  DoneMessage,
  ProgressMessage,
  StartedMessage,
  WorkerCommand,
  WorkerMessage,
} from '../worker/protocol.js';
import { startPageWorker } from '../worker/start-page-worker.js';
import { detectBackends, SUPPORT_BEFORE_DETECTION } from './backend-support.js';
import { chartContainer } from './chart-container.js';
import { ChartPanel } from './charts.js';
import { ConfigForm } from './config-form.js';
import { DataPanel } from './data-panel.js';
import { prepareNumberFormats } from './format.js';
import { LessonPanel, lessonFromSearch } from './lesson-panel.js';
import { NetworkDiagram } from './network-diagram.js';
import { replacePageUrl } from './page-url.js';
import { PinnedRuns } from './pinned-runs.js';
import { PointsLinkWriter, readLinkPoints } from './points-link.js';
import { PresetMenu } from './preset-menu.js';
import { progressText } from './progress-text.js';
import { RunAnnouncer } from './run-announcer.js';
import { controlStates, type RunState } from './run-controls.js';
import { runDownloads } from './run-downloads.js';
import { type RunAlert, runSection } from './run-section.js';
import { liveLossesText, type RunSoFar, runSummaryList } from './run-summary.js';
import { RunToolbar } from './run-toolbar.js';
import { setupSection } from './setup-section.js';
import { SpeedControl } from './speed-control.js';
import { wasmPaths } from './wasm-paths.js';
import { WorkerSession } from './worker-session.js';

/** Largest data (training + validation points) the fit chart previews before a run. */
const PREVIEW_MAX_POINTS = 10_000;

/**
 * The page: the form, the controls, the live charts and the exports, wired to
 * the training worker. All state that a link should carry (config, backend,
 * language) is mirrored into the URL.
 */
export class App {
  private locale: Locale;
  private m: Messages;
  private readonly session: WorkerSession<WorkerCommand, WorkerMessage>;
  private readonly form: ConfigForm;
  private readonly charts: ChartPanel;
  private readonly network: NetworkDiagram;
  private readonly lesson: LessonPanel;
  private checked: CheckedConfig;
  private backend: WebBackend;
  private state: RunState = 'idle';
  /** The config of the run in progress (the form may change after it started). */
  private runConfig: RunConfig;
  private lastRun: DoneMessage | undefined;
  private urlProblems: readonly FieldProblem[];
  /** The data experiment's points: load, paste, draw (on the fit chart). */
  private readonly dataPanel: DataPanel;
  private readonly pointsLink = new PointsLinkWriter();
  /** The last check of the panel's points (checking a million points takes a moment). */
  private pointsCheck: { readonly key: string; readonly text: string | undefined } | undefined;
  /** Why the link's points could not be read, if they could not. */
  private linkPointsProblem: PointsParamProblem | undefined;

  private readonly root = document.createElement('div');
  private readonly shell = new PageShell(this.root, 'notebook', () =>
    this.setLocale(this.locale === 'en' ? 'es' : 'en'),
  );
  /** The page's own content, inside the shell. */
  private readonly content = document.createElement('main');
  private readonly toolbar = new RunToolbar({
    train: () => this.train(false),
    pause: () => this.togglePause(),
    step: () => this.step(),
    stop: () => this.send({ type: 'stop' }),
    reset: () => this.reset(),
    regenerate: () => this.regenerate(),
  });
  private readonly announcer = new RunAnnouncer();
  private readonly speed = new SpeedControl((epochsPerSecond) => {
    if (this.state === 'running' || this.state === 'paused') {
      this.send({ type: 'pace', ...(epochsPerSecond ? { epochsPerSecond } : {}) });
    }
  });
  /** What the alert under the progress line says, if anything. */
  private alert: RunAlert | undefined;
  private readonly backendField = new BackendField((backend) => {
    this.backend = backend;
    this.syncUrl();
    this.refresh();
  });
  private readonly share = new ShareSection();
  private readonly pinned: PinnedRuns;
  private logScale = false;
  /** The part of the page the lesson's step points at. */
  private spotlight: LessonFocus | undefined;
  private readonly presets = new PresetMenu((preset) => {
    if (!isExperimentName(preset.config.experiment)) return;
    this.form.setConfig(formConfig(preset.config.experiment, preset.config));
    this.onFormChange(this.form.read());
  });
  private readonly fitElement = chartContainer('fit-chart');
  private readonly lossElement = chartContainer('loss-chart');

  constructor(locale: Locale, search: string) {
    this.locale = locale;
    this.m = MESSAGES[locale];
    const fromUrl = readUrlState(search);
    this.checked = { config: fromUrl.config, problems: [] };
    this.runConfig = fromUrl.config;
    this.backend = fromUrl.backend;
    this.backendField.update({ selected: this.backend, support: SUPPORT_BEFORE_DETECTION });
    this.urlProblems = fromUrl.problems;

    this.session = new WorkerSession<WorkerCommand, WorkerMessage>(
      () => startPageWorker('training'),
      {
        started: (message) => this.onStarted(message),
        progress: (message) => this.onProgress(message),
        paused: (message) => {
          this.nextEpoch = message.nextEpoch;
          this.setState('paused');
          this.announcer.say(this.progressLine());
        },
        resumed: () => this.setState('running'),
        done: (message) => this.onDone(message),
        error: (message) => {
          this.showError(message.message);
          this.failed = true;
          this.setState('idle');
          this.keepFocus();
        },
      },
      () => {
        // The worker itself failed (not a run): no run is going on any more.
        this.alert = { kind: 'run', text: this.m.workerFailed };
        this.setState('idle');
        this.toolbar.focusTrain();
      },
    );

    this.form = new ConfigForm(this.m, (checked) => this.onFormChange(checked));
    this.root.className = 'app';
    this.content.className = 'layout';
    this.charts = new ChartPanel(this.fitElement, this.lossElement, this.m);
    this.network = new NetworkDiagram(this.m);
    this.lesson = new LessonPanel(locale, lessonFromSearch(search), {
      run: (config) => {
        this.form.setConfig(config);
        this.onFormChange(this.form.read());
        this.train(false);
      },
      spotlight: (focus) => {
        this.spotlight = focus;
        this.renderContent();
      },
      changed: () => this.syncUrl(),
    });
    this.pinned = new PinnedRuns(this.m, (runs) => {
      void this.charts.setPinned(
        runs.map((run) => ({ label: this.pinned.label(run), history: run.history })),
      );
    });
    this.dataPanel = new DataPanel(
      this.fitElement,
      () => this.charts.fitView,
      () => this.onPointsChange(),
      (points) => this.ownPointsProblem(points),
    );

    this.form.setConfig(
      this.checked.config,
      fromUrl.problems.filter((p) => p.key !== 'backend'),
    );
    this.checked = this.form.read();
  }

  /** Puts the page into `container` and starts. */
  async mount(container: HTMLElement): Promise<void> {
    container.replaceChildren(this.root);
    this.renderShell();
    await this.readLinkPoints();
    this.applyMessages();
    this.refresh();
    void this.charts.setOwnData(usesOwnPoints(this.checked.config));
    void this.charts.prepare(this.hasValidation(), this.preview());
    this.backendField.update({ support: await detectBackends() });
  }

  // ---------------------------------------------------------------- layout

  /**
   * Draws the page's content: the lesson first (on a phone it is the first
   * screen; on wide screens it heads the left column), then the run, so phones
   * show the controls and charts before the form, which the grid puts in the
   * left column on wide screens.
   */
  private renderContent(): void {
    const run: RunSoFar = {
      started: this.started,
      summary: this.lastRun?.summary,
      history: this.charts.lossHistory,
      rate: this.latest?.rate,
    };
    const epochs = this.latest?.epochs ?? this.checked.config.epochs;
    const fraction = this.latest ? (this.latest.epoch + 1) / epochs : 0;
    render(
      html`${this.lesson.element}${runSection(
        {
          toolbar: this.toolbar.element,
          speed: this.speed.element,
          progress: { text: this.progressLine(), done: this.state === 'done' ? 1 : fraction },
          liveLosses: liveLossesText(run, this.m, this.locale),
          announcer: this.announcer.element,
          alert: this.alert,
          drawBar: this.dataPanel.drawBar,
          dataPanel: this.dataPanel.element,
          fitChart: this.fitElement,
          lossChart: this.lossElement,
          logScale: this.logScale,
          onLogScale: (on) => {
            this.logScale = on;
            void this.charts.setLogScale(on);
          },
          network: this.network.element,
          summary: runSummaryList(run, this.m, this.locale),
          pinned: this.pinned.element,
          share: this.share.element,
          spotlight: this.spotlight,
        },
        this.m,
      )}${setupSection(
        {
          presets: this.presets.element,
          form: this.form.element,
          backend: this.backendField.element,
        },
        this.m,
      )}`,
      this.content,
    );
  }

  private applyMessages(): void {
    prepareNumberFormats(this.locale);
    document.title = `epochlab — ${this.m.tagline.split(':')[0]}`;
    this.share.setMessages(this.m);
    this.speed.render(this.m);
    this.network.setMessages(this.m);
    this.lesson.setLocale(this.locale);
    this.pinned.setMessages(this.m);
    this.dataPanel.setLocale(this.locale);
    this.backendField.update({ m: this.m, help: this.m.backendHelp });
    this.renderShell();
    this.renderDownloads();
    this.renderContent();
  }

  private setLocale(locale: Locale): void {
    this.locale = locale;
    this.m = MESSAGES[locale];
    this.form.setMessages(this.m);
    void this.charts.setMessages(this.m);
    this.applyMessages();
    this.refresh();
    this.syncUrl();
  }

  private renderShell(): void {
    const data = DATA_MESSAGES[this.locale];
    const lines = urlProblemLines(this.urlProblems, this.m, (problem) =>
      problem.key === POINTS_PARAM && this.linkPointsProblem
        ? { field: data.pointsLabel, problem: data.pointsProblems[this.linkPointsProblem] }
        : {
            field:
              this.m.fieldLabels[problem.key] ??
              (problem.key === 'backend' ? this.m.backend : problem.key),
            problem: problemText(problem.problem, this.locale),
          },
    );
    this.shell.render({
      locale: this.locale,
      tagline: this.m.tagline,
      urlProblems: { heading: this.m.invalidUrl, lines },
      content: this.content,
    });
  }

  // ---------------------------------------------------------------- state

  /**
   * The points a run of the form's config will draw, for the fit chart while
   * idle; none while a field is bad or for data too large to draw twice.
   */
  private preview(): DataPoints | undefined {
    const { config, problems } = this.checked;
    if (usesOwnPoints(config)) return ownPointsPreview(config, this.dataPanel.points);
    if (problems.length > 0 || config.n + config.valN > PREVIEW_MAX_POINTS) return undefined;
    return previewDataPoints(config);
  }

  /** Whether the next run validates (the fit chart then has a validation series). */
  private hasValidation(): boolean {
    const config = this.checked.config;
    return usesOwnPoints(config)
      ? validatesOwnPoints(config, this.dataPanel.points)
      : config.valN > 0;
  }

  /** Reads the link's points (its fragment) into the data panel, or notes why it cannot. */
  private async readLinkPoints(): Promise<void> {
    const read = await readLinkPoints(window.location.hash);
    if (read.kind === 'points') this.dataPanel.setPoints(read.points, 'link');
    else this.dataPanel.setPoints(examplePoints(), 'example');
    if (read.kind === 'leftOut') this.dataPanel.setLink('leftOut');
    if (read.kind === 'problem') {
      this.linkPointsProblem = read.reason;
      const problem = { key: POINTS_PARAM, text: read.text, problem: { code: 'invalid' } } as const;
      this.urlProblems = [...this.urlProblems, problem];
    }
  }

  /**
   * Why the data experiment's schema refuses to train the form's config on
   * `points`, as the field's label and the schema's reason in the page's
   * language (the CLI refuses the same), or undefined.
   */
  private ownPointsProblem(points: PointSets): string | undefined {
    const config = this.checked.config;
    if (!usesOwnPoints(config)) return undefined;
    const key = `${this.locale}:${config.batchSize}:${config.valFraction}:${this.dataPanel.revision}`;
    if (points !== this.dataPanel.points || this.pointsCheck?.key !== key) {
      const issue = ownPointsIssue(config, points);
      const text = issue
        ? `${this.m.fieldLabels[issue.field] ?? issue.field} ${problemText(issue.problem, this.locale)}`
        : undefined;
      if (points !== this.dataPanel.points) return text;
      this.pointsCheck = { key, text };
    }
    return this.pointsCheck.text;
  }

  /** The data panel's points changed (a load, a paste, an edit on the chart). */
  private onPointsChange(): void {
    void this.charts.prepare(this.hasValidation(), this.preview());
    this.syncUrl();
    this.refresh();
  }

  private onFormChange(checked: CheckedConfig): void {
    const dataChanged = changesData(this.checked.config, checked.config);
    this.checked = checked;
    this.presets.follow(checked.config);
    void this.charts.setOwnData(usesOwnPoints(checked.config));
    const hasValidation = this.hasValidation();
    // Points, model and summary of a finished run on other data would mislead: clear them.
    if (this.state === 'done' && dataChanged) this.clearRun();
    // Charts are compiled while idle, never when a run starts (see ChartPanel.prepare).
    else if (
      this.state === 'idle' ||
      (this.state === 'done' && this.charts.hasValidation !== hasValidation)
    ) {
      void this.charts.prepare(hasValidation, this.preview());
    }
    if (checked.problems.length === 0) this.syncUrl();
    this.refresh();
  }

  private syncUrl(): void {
    const lesson = this.lesson.isHidden ? 'off' : String(this.lesson.step + 1);
    replacePageUrl(
      `${writeUrlState(this.checked.config, this.backend)}&lesson=${lesson}`,
      this.locale,
    );
    if (!usesOwnPoints(this.checked.config)) {
      this.pointsLink.cancel();
      return;
    }
    void this.pointsLink.write(this.dataPanel.points).then((link) => {
      if (link) this.dataPanel.setLink(link);
    });
  }

  private refresh(): void {
    const ownPoints = usesOwnPoints(this.checked.config);
    const pointsProblem = ownPoints ? this.dataPanel.blockingProblem() : undefined;
    const valid = this.checked.problems.length === 0 && pointsProblem === undefined;
    if (this.state === 'idle') this.showNetworkOf(this.checked.config);
    const enabled = controlStates(this.state, valid);
    this.toolbar.render(this.state, enabled, this.m);
    this.form.setDisabled(!enabled.form);
    this.backendField.update({ disabled: !enabled.form });
    this.presets.render(this.m, !enabled.form);
    this.dataPanel.setVisible(ownPoints);
    this.dataPanel.setEnabled(enabled.form);
    this.root.dataset.state = this.state;
    // The fit chart takes the whole row while one draws points on it (see styles.css).
    this.root.dataset.ownData = String(ownPoints);
    this.share.setCliCommand(cliCommand(this.checked.config, this.backend));
    const settled = this.state === 'idle' || this.state === 'done';
    this.pinned.update(
      this.checked.config,
      this.state === 'done' ? this.lastRun : undefined,
      settled,
    );
    if (!valid && (this.state === 'idle' || this.state === 'done')) {
      this.alert = {
        kind: 'form',
        text: this.checked.problems.length > 0 ? this.m.fixForm : (pointsProblem ?? ''),
      };
    } else if (this.alert?.kind !== 'run') {
      this.alert = undefined;
    }
    this.renderContent();
  }

  private setState(state: RunState): void {
    this.state = state;
    this.refresh();
  }

  private send(command: WorkerCommand): void {
    this.session.send(command);
  }

  private train(paused: boolean): void {
    if (!this.form.isValid) return;
    let config = this.checked.config;
    if (usesOwnPoints(config)) {
      if (this.dataPanel.blockingProblem() !== undefined) return;
      try {
        config = withOwnPoints(config, this.dataPanel.points);
      } catch (error) {
        if (!ConfigError.isInstance(error)) throw error;
        this.showError(error.message);
        return;
      }
    }
    this.lastRun = undefined;
    this.failed = false;
    this.alert = undefined;
    this.latest = undefined;
    this.setState('starting');
    this.renderDownloads();
    this.runConfig = config;
    this.session.start((runId) => ({
      type: 'start',
      runId,
      config,
      backend: this.backend,
      wasmPaths: wasmPaths(),
      paused,
      ...(this.speed.pace ? { epochsPerSecond: this.speed.pace } : {}),
    }));
  }

  private step(): void {
    if (this.state === 'paused') {
      this.send({ type: 'step' });
      return;
    }
    this.train(true);
    this.send({ type: 'step' });
  }

  private togglePause(): void {
    if (this.state === 'running') this.send({ type: 'pause' });
    else if (this.state === 'paused') this.send({ type: 'resume' });
  }

  private reset(): void {
    this.session.abandon();
    this.send({ type: 'stop' });
    this.clearRun();
  }

  /** Back to idle with the form's data previewed: no run's points, model, summary or downloads. */
  private clearRun(): void {
    this.lastRun = undefined;
    this.failed = false;
    this.latest = undefined;
    this.started = undefined;
    void this.charts.prepare(this.hasValidation(), this.preview());
    this.alert = undefined;
    this.backendField.update({ active: undefined });
    this.setState('idle');
    this.renderDownloads();
  }

  private regenerate(): void {
    const seed = crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
    this.form.setConfig({ ...this.form.read().config, seed });
    this.onFormChange(this.form.read());
    this.reset();
  }

  // ---------------------------------------------------------------- worker messages

  private latest: { epoch: number; epochs: number; rate: number; elapsed: number } | undefined;
  /** The last run ended with an error (shown in the alert); the progress line says so. */
  private failed = false;
  private started: { parameters: number; backend: string } | undefined;
  private nextEpoch = 0;

  private onStarted(message: StartedMessage): void {
    this.started = { parameters: message.parameterCount, backend: message.backend.name };
    this.bringRunIntoView();
    this.showNetworkOf(this.runConfig);
    if (message.weights) this.network.setWeights(message.weights);
    this.backendField.update({ active: message.backend });
    void this.charts.start(message, this.runConfig.epochs, this.runConfig.valEvery);
    if (this.state === 'starting') this.setState('running');
    this.renderContent();
    this.announcer.say(fill(this.m.announceStarted, { backend: message.backend.name }));
  }

  private onProgress(message: ProgressMessage): void {
    this.charts.update(message.train, message.val, message.curve);
    if (message.weights) this.network.setWeights(message.weights);
    this.latest = {
      epoch: message.epoch,
      epochs: message.epochs,
      rate: message.epochsPerSecond,
      elapsed: message.elapsedSeconds,
    };
    this.renderContent();
  }

  private onDone(message: DoneMessage): void {
    this.lastRun = message;
    this.root.dataset.tensorsAfter = String(message.tensorsAfter);
    this.charts.finish(
      message.curve,
      message.best && {
        curve: message.best.curve,
        epoch: message.best.epoch,
        epochsRun: message.summary.epochsRun,
      },
    );
    if (message.weights) this.network.setWeights(message.weights);
    this.setState('done');
    this.renderDownloads();
    this.announcer.say(this.progressLine());
    this.keepFocus();
  }

  /**
   * A run started from the lesson on a phone, whose run column is below it:
   * scroll the progress, numbers and charts into view.
   */
  private bringRunIntoView(): void {
    const status = this.root.querySelector('.run-status');
    if (status && status.getBoundingClientRect().top > window.innerHeight * 0.75) {
      status.scrollIntoView({ block: 'start' });
    }
  }

  /** The diagram of a config's network: one input, its hidden layers, one output. */
  private showNetworkOf(config: RunConfig): void {
    this.network.setShape([1, ...config.hidden, 1], config.activation);
  }

  private showError(message: string): void {
    // The first line says what went wrong; later lines are hints for developers
    // (where a bundler should serve the wasm files), not for the page's users.
    const reason = message.split('\n')[0] ?? message;
    this.alert = { kind: 'run', text: fill(this.m.runFailed, { message: reason }) };
    this.renderContent();
  }

  /**
   * The controls that had focus are disabled while a run goes, so the browser
   * moved focus to the page itself: give it back to Train, where a keyboard
   * or screen-reader user continues.
   */
  private keepFocus(): void {
    const active = document.activeElement;
    if (active === null || active === document.body || (active as HTMLButtonElement).disabled) {
      this.toolbar.focusTrain();
    }
  }

  // ---------------------------------------------------------------- views

  /** The progress line for the run's state now. */
  private progressLine(): string {
    return progressText(
      {
        state: this.state,
        epochs: this.latest?.epochs ?? this.checked.config.epochs,
        failed: this.failed,
        nextEpoch: this.nextEpoch,
        latest: this.latest,
        finished: this.lastRun,
      },
      this.m,
    );
  }

  private renderDownloads(): void {
    const downloads = runDownloads(this.lastRun, this.m.download, (which, format) =>
      this.charts.image(which, format),
    );
    this.share.setDownloads(downloads, this.lastRun !== undefined);
  }
}
