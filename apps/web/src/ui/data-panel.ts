import type { Points } from '@epochlab/experiments';
import type { LiveChart } from '@epochlab/plot/browser';
import { createRef, ref } from 'lit/directives/ref.js';
import { html, render } from 'lit/html.js';
import { DATA_MESSAGES, type DataMessages } from '../i18n/data-messages.js';
import { fill, type Locale } from '../i18n/messages.js';
import { tableProblemText } from '../i18n/table-problem-text.js';
import { POINTS_FILES, pointsToCsv } from '../state/points-csv.js';
import type { PointSets } from '../state/points-in-url.js';
import {
  MAX_FILE_BYTES,
  type ReadChoices,
  type ReadOutcome,
  readPointsFile,
  readPointsText,
  type Separator,
  type TableProblem,
} from '../state/read-points.js';
import { downloadFile } from './downloads.js';
import { type EditedSet, PointEditor } from './point-editor.js';
import './data-panel.css';

/** Where a set's points came from, for the status line. */
type Origin =
  | { readonly kind: 'file'; readonly name: string }
  | { readonly kind: 'paste' | 'draw' | 'link' | 'example' };

/** A problem the panel shows: the reader's (worded in either language) or the experiment's refusal. */
type PanelProblem =
  | { readonly kind: 'table'; readonly problem: TableProblem }
  | { readonly kind: 'refused'; readonly points: PointSets };

/** What the link does with the points (set by the page after writing the URL). */
export type LinkPoints = 'holds' | 'leavesOut' | 'leftOut' | 'none';

/**
 * The data experiment's panel: load a CSV or JSON file (picker or drop),
 * paste values (the same reader; the keyboard's way in) or draw on the fit
 * chart (`PointEditor`), into the training or the validation set; a bad
 * file or paste gets one message naming its place and changes nothing. The
 * page asks it for the points (`points`) and hears of every change.
 */
export class DataPanel {
  /** Above the fit chart: the set being edited, Clear, Download, the counts and the link's reach. */
  readonly drawBar = document.createElement('section');
  /** Below the charts: load a file (picker or drop), its reading options, paste values. */
  readonly element = document.createElement('section');
  private locale: Locale = 'en';
  private m: DataMessages = DATA_MESSAGES.en;
  private readonly editor: PointEditor;
  private readonly origins: Record<EditedSet, Origin | undefined> = {
    train: undefined,
    validation: undefined,
  };
  /** The last file or paste read, re-read when the reading options change. */
  private lastRead: { set: EditedSet; source: File | string } | undefined;
  private problem: PanelProblem | undefined;
  private link: LinkPoints = 'none';
  private enabled = true;
  private changes = 0;
  private shown: { readonly revision: number; readonly points: PointSets } | undefined;
  /** How files and pastes are read: the separator, the header row, a decimal comma. */
  private separator: Separator = 'auto';
  private header: ReadChoices['header'] = 'auto';
  private decimalComma = false;
  /** The last table's columns (offered when it has more than two) and the two chosen. */
  private columns: readonly string[] = [];
  private xColumn = '';
  private yColumn = '';
  private readonly pasteBox = createRef<HTMLTextAreaElement>();

  /**
   * `chartSurface` is the fit chart's container and `chartView` the chart
   * drawn in it now (for the point editor); `onChange` gets the points after
   * every load, paste or edit; `check` says (in the page's language) why the
   * experiment would refuse to train on some points, such as a batch larger
   * than the training rows.
   */
  constructor(
    chartSurface: HTMLElement,
    chartView: () => LiveChart['view'] | undefined,
    private readonly onChange: (points: PointSets) => void,
    private readonly check: (points: PointSets) => string | undefined,
  ) {
    this.editor = new PointEditor(chartSurface, chartView, () => this.onDrawn());
    this.drawBar.className = 'data-bar';
    this.drawBar.id = 'data-bar';
    this.drawBar.setAttribute('aria-labelledby', 'data-title');
    this.element.className = 'data-panel';
    this.element.id = 'data-panel';
    this.element.setAttribute('aria-labelledby', 'data-load-title');
    this.listenForDrops();
  }

  /** The points as they are now: training, and validation when there are any (the same object until they change). */
  get points(): PointSets {
    if (this.shown?.revision !== this.changes) {
      const { train, validation } = this.editor.current;
      this.shown = {
        revision: this.changes,
        points: validation.x.length > 0 ? { train, validation } : { train },
      };
    }
    return this.shown.points;
  }

  /** Why Train cannot run on these points, or undefined: no training points, or `check`'s reason. */
  blockingProblem(): string | undefined {
    if (this.editor.current.train.x.length === 0) return this.m.noPoints;
    return this.check(this.points);
  }

  /** Counts every change of the points, so the page can tell whether its checks are current. */
  get revision(): number {
    return this.changes;
  }

  /** Sets every text in a language. */
  setLocale(locale: Locale): void {
    this.locale = locale;
    this.m = DATA_MESSAGES[locale];
    this.render();
  }

  /** Shows or hides the panel and turns drawing on the chart on or off. */
  setVisible(visible: boolean): void {
    this.element.hidden = !visible;
    this.drawBar.hidden = !visible;
    this.editor.setEnabled(visible && this.enabled);
  }

  /** Turns every control and drawing off while a run goes on. */
  setEnabled(enabled: boolean): void {
    if (enabled === this.enabled) return;
    this.enabled = enabled;
    this.editor.setEnabled(enabled && !this.element.hidden);
    this.render();
  }

  /** Puts points in both sets (from a link), replacing any. */
  setPoints(points: PointSets, origin: 'link' | 'example'): void {
    this.changes++;
    this.editor.setPoints(points);
    this.origins.train = { kind: origin };
    this.origins.validation = points.validation ? { kind: origin } : undefined;
    this.lastRead = undefined;
    this.problem = undefined;
    this.render();
  }

  /** Says what the link does with the points. */
  setLink(link: LinkPoints): void {
    this.link = link;
    this.render();
  }

  // ---------------------------------------------------------------- reading

  private choices(keepColumns: boolean): ReadChoices {
    return {
      separator: this.separator,
      header: this.header,
      decimalComma: this.decimalComma,
      ...(keepColumns && this.xColumn !== '' ? { x: this.xColumn } : {}),
      ...(keepColumns && this.yColumn !== '' ? { y: this.yColumn } : {}),
    };
  }

  private reread(keepColumns: boolean): void {
    const last = this.lastRead;
    if (last) void this.read(last.set, last.source, keepColumns);
  }

  /** Reads a file or pasted text into `set`; a problem leaves every point as it was. */
  private async read(set: EditedSet, source: File | string, keepColumns = false): Promise<void> {
    const choices = this.choices(keepColumns);
    const outcome: ReadOutcome =
      typeof source === 'string'
        ? readPointsText(source, choices)
        : await readPointsFile(source, choices);
    if (outcome.columns) this.showColumns(outcome.columns, choices.x, choices.y);
    if (!outcome.ok) {
      // The columns are offered even so: a text column is fixed by choosing others.
      this.lastRead = { set, source };
      this.problem = { kind: 'table', problem: outcome.problem };
      this.render();
      return;
    }
    const current = this.editor.current;
    const next = {
      train: set === 'train' ? outcome.points : current.train,
      validation: set === 'validation' ? outcome.points : current.validation,
    };
    const nextSets = next.validation.x.length > 0 ? next : { train: next.train };
    this.lastRead = { set, source };
    this.showColumns(outcome.columns, outcome.x, outcome.y);
    if (next.train.x.length > 0 && this.check(nextSets) !== undefined) {
      this.problem = { kind: 'refused', points: nextSets };
      this.render();
      return;
    }
    this.problem = undefined;
    this.changes++;
    this.editor.setPoints(next);
    this.origins[set] =
      typeof source === 'string' ? { kind: 'paste' } : { kind: 'file', name: source.name };
    this.render();
    this.onChange(this.points);
  }

  private showColumns(columns: readonly string[], x?: string, y?: string): void {
    this.columns = columns;
    this.xColumn = x ?? columns[0] ?? '';
    this.yColumn = y ?? columns.at(-1) ?? '';
  }

  private onDrawn(): void {
    this.changes++;
    this.origins[this.editor.edited] = { kind: 'draw' };
    this.problem = undefined;
    this.render();
    this.onChange(this.points);
  }

  private clear(): void {
    this.changes++;
    const set = this.editor.edited;
    const empty: Points = { x: [], y: [] };
    const current = this.editor.current;
    this.editor.setPoints({
      train: set === 'train' ? empty : current.train,
      validation: set === 'validation' ? empty : current.validation,
    });
    this.origins[set] = undefined;
    if (this.lastRead?.set === set) this.lastRead = undefined;
    this.problem = undefined;
    this.render();
    this.onChange(this.points);
  }

  private listenForDrops(): void {
    for (const zone of [this.drawBar, this.element]) this.listenForDropsOn(zone);
  }

  private listenForDropsOn(zone: HTMLElement): void {
    zone.addEventListener('dragover', (event) => {
      if (!this.enabled || !event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      zone.classList.add('dropping');
    });
    zone.addEventListener('dragleave', (event) => {
      if (event.target === zone) zone.classList.remove('dropping');
    });
    zone.addEventListener('drop', (event) => {
      zone.classList.remove('dropping');
      const file = event.dataTransfer?.files[0];
      if (!this.enabled || !file) return;
      event.preventDefault();
      void this.read(this.editor.edited, file);
    });
  }

  // ---------------------------------------------------------------- views

  private render(): void {
    render(this.drawBarContent(), this.drawBar);
    render(this.loadContent(), this.element);
  }

  /** The set being edited, Clear and Download, the counts, the link's reach. */
  private drawBarContent() {
    const m = this.m;
    const disabled = !this.enabled;
    const { train, validation } = this.editor.current;
    const origin = (set: EditedSet) => {
      const from = this.origins[set];
      if (!from || this.editor.current[set].x.length === 0) return '';
      return from.kind === 'file'
        ? fill(m.origins.file, { name: from.name })
        : m.origins[from.kind];
    };
    const links: Record<LinkPoints, string> = {
      holds: m.linkHolds,
      leavesOut: m.linkLeavesOut,
      leftOut: m.linkLeftOut,
      none: m.linkNoPoints,
    };
    const download = () => {
      const set = this.editor.edited;
      downloadFile(POINTS_FILES[set], pointsToCsv(this.editor.current[set]), 'text/csv');
    };
    return html`<h2 id="data-title">${m.title}</h2>
      <p class="help">${m.intro}</p>
      <fieldset class="data-set">
        <legend>${m.editedSet}</legend>
        ${(['train', 'validation'] as const).map(
          (set) =>
            html`<label class="toggle" for=${`data-set-${set}`}><input
                type="radio"
                name="data-edited-set"
                id=${`data-set-${set}`}
                value=${set}
                .checked=${this.editor.edited === set}
                ?disabled=${disabled}
                @change=${(event: Event) => {
                  if ((event.target as HTMLInputElement).checked) this.editor.edited = set;
                }}
              /><span>${m.sets[set]}</span></label>`,
        )}
        <div class="data-buttons">
          <button type="button" id="data-clear" ?disabled=${disabled} @click=${() => this.clear()}>${m.clear}</button>
          <button type="button" id="data-download" ?disabled=${disabled} @click=${download}>${m.download}</button>
        </div>
      </fieldset>
      <p class="help">${m.drawHelp}</p>
      <p id="data-status" role="status" aria-live="polite">${fill(m.counts, {
        train: train.x.length,
        trainOrigin: origin('train'),
        validation: validation.x.length,
        validationOrigin: origin('validation'),
      })}</p>
      <p id="data-link" class="help">${links[this.link]}</p>`;
  }

  /** Load a file, the reading options, the columns of a wide table, the problem, paste. */
  private loadContent() {
    const m = this.m;
    const disabled = !this.enabled;
    const options = (values: Record<string, string>, chosen: string) =>
      Object.entries(values).map(
        ([value, text]) =>
          html`<option value=${value} .selected=${value === chosen}>${text}</option>`,
      );
    const columnSelect = (id: string, chosen: string, choose: (name: string) => void) =>
      html`<select
        id=${id}
        ?disabled=${disabled}
        @change=${(event: Event) => {
          choose((event.target as HTMLSelectElement).value);
          this.reread(true);
        }}
      >${this.columns.map(
        (name) => html`<option value=${name} .selected=${name === chosen}>${name}</option>`,
      )}</select>`;
    const option =
      (apply: (target: HTMLInputElement & HTMLSelectElement) => void) => (event: Event) => {
        apply(event.target as HTMLInputElement & HTMLSelectElement);
        this.reread(false);
      };
    return html`<h2 id="data-load-title">${m.loadTitle}</h2>
      <div class="data-file field" id="data-drop">
        <label for="data-file">${m.file}</label>
        <input
          type="file"
          id="data-file"
          accept=".csv,.tsv,.txt,.json,text/csv,text/plain,application/json"
          aria-describedby="data-file-help data-problem"
          ?disabled=${disabled}
          @change=${(event: Event) => {
            const file = (event.target as HTMLInputElement).files?.[0];
            if (file) void this.read(this.editor.edited, file);
          }}
        />
        <small class="help" id="data-file-help">${fill(m.fileHelp, { limit: MAX_FILE_BYTES / 1e6 })}</small>
      </div>
      <div class="data-options">
        <div class="field">
          <label for="data-separator">${m.separator}</label>
          <select id="data-separator" ?disabled=${disabled} @change=${option((t) => {
            this.separator = t.value as Separator;
          })}>${options(m.separators, this.separator)}</select>
        </div>
        <div class="field">
          <label for="data-header">${m.header}</label>
          <select id="data-header" ?disabled=${disabled} @change=${option((t) => {
            this.header = t.value as ReadChoices['header'];
          })}>${options(m.headers, this.header)}</select>
        </div>
        <label class="toggle" for="data-decimal-comma"><input
            type="checkbox"
            id="data-decimal-comma"
            .checked=${this.decimalComma}
            ?disabled=${disabled}
            @change=${option((t) => {
              this.decimalComma = t.checked;
            })}
          /><span>${m.decimalComma}</span></label>
      </div>
      <div class="data-columns" id="data-columns" ?hidden=${this.columns.length <= 2}>
        <p class="help">${m.columnsHelp}</p>
        <div class="field">
          <label for="data-x">${m.xColumn}</label>${columnSelect('data-x', this.xColumn, (name) => {
            this.xColumn = name;
          })}
        </div>
        <div class="field">
          <label for="data-y">${m.yColumn}</label>${columnSelect('data-y', this.yColumn, (name) => {
            this.yColumn = name;
          })}
        </div>
      </div>
      <div id="data-problem" class="alert" role="alert">${
        this.problem ? m.problemIntro + this.problemText(this.problem) : ''
      }</div>
      <div class="field">
        <label for="data-paste">${m.paste}</label>
        <textarea
          id="data-paste"
          rows="5"
          spellcheck="false"
          placeholder=${m.pastePlaceholder}
          aria-describedby="data-paste-help data-problem"
          ?disabled=${disabled}
          ${ref(this.pasteBox)}
        ></textarea>
        <small class="help" id="data-paste-help">${m.pasteHelp}</small>
        <button
          type="button"
          id="data-use-paste"
          ?disabled=${disabled}
          @click=${() => void this.read(this.editor.edited, this.pasteBox.value?.value ?? '')}
        >${m.usePaste}</button>
      </div>`;
  }

  private problemText(problem: PanelProblem): string {
    if (problem.kind === 'refused') return this.check(problem.points) ?? '';
    return tableProblemText(problem.problem, this.locale);
  }
}
