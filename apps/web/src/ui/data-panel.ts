import type { Points } from '@epochlab/experiments';
import type { LiveChart } from '@epochlab/plot/browser';
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
import { h } from './dom.js';
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
  readonly drawBar: HTMLElement;
  /** Below the charts: load a file (picker or drop), its reading options, paste values. */
  readonly element: HTMLElement;
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
  private readonly setters: ((m: DataMessages) => void)[] = [];
  private changes = 0;
  private shown: { readonly revision: number; readonly points: PointSets } | undefined;

  private readonly setRadios: Record<EditedSet, HTMLInputElement>;
  private readonly fileInput = h('input', {
    type: 'file',
    id: 'data-file',
    accept: '.csv,.tsv,.txt,.json,text/csv,text/plain,application/json',
    'aria-describedby': 'data-file-help data-problem',
  });
  private readonly separatorSelect = h('select', { id: 'data-separator' });
  private readonly headerSelect = h('select', { id: 'data-header' });
  private readonly decimalComma = h('input', { type: 'checkbox', id: 'data-decimal-comma' });
  private readonly columns = h('div', { class: 'data-columns', id: 'data-columns', hidden: true });
  private readonly xSelect = h('select', { id: 'data-x' });
  private readonly ySelect = h('select', { id: 'data-y' });
  private readonly pasteBox = h('textarea', {
    id: 'data-paste',
    rows: 5,
    spellcheck: 'false',
    'aria-describedby': 'data-paste-help data-problem',
  });
  private readonly usePaste = h('button', { type: 'button', id: 'data-use-paste' });
  private readonly clearButton = h('button', { type: 'button', id: 'data-clear' });
  private readonly downloadButton = h('button', { type: 'button', id: 'data-download' });
  private readonly status = h('p', { id: 'data-status', role: 'status', 'aria-live': 'polite' });
  private readonly problemElement = h('div', { id: 'data-problem', class: 'alert', role: 'alert' });
  private readonly linkNote = h('p', { id: 'data-link', class: 'help' });

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
    const radio = (set: EditedSet) => {
      const input = h('input', {
        type: 'radio',
        name: 'data-edited-set',
        id: `data-set-${set}`,
        value: set,
        checked: set === 'train',
      });
      input.addEventListener('change', () => {
        if (input.checked) this.editor.edited = set;
      });
      return input;
    };
    this.setRadios = { train: radio('train'), validation: radio('validation') };

    this.fileInput.addEventListener('change', () => {
      const file = this.fileInput.files?.[0];
      if (file) void this.read(this.editor.edited, file);
    });
    for (const control of [this.separatorSelect, this.headerSelect, this.decimalComma]) {
      control.addEventListener('change', () => this.reread(false));
    }
    for (const control of [this.xSelect, this.ySelect]) {
      control.addEventListener('change', () => this.reread(true));
    }
    this.usePaste.addEventListener('click', () => {
      void this.read(this.editor.edited, this.pasteBox.value);
    });
    this.clearButton.addEventListener('click', () => this.clear());
    this.downloadButton.addEventListener('click', () => {
      const set = this.editor.edited;
      downloadFile(POINTS_FILES[set], pointsToCsv(this.editor.current[set]), 'text/csv');
    });

    const label = (id: string, text: (m: DataMessages) => string) =>
      this.text(h('label', { for: id }), text);
    this.drawBar = h(
      'section',
      { class: 'data-bar', id: 'data-bar', 'aria-labelledby': 'data-title' },
      this.text(h('h2', { id: 'data-title' }), (m) => m.title),
      this.text(h('p', { class: 'help' }), (m) => m.intro),
      h(
        'fieldset',
        { class: 'data-set' },
        this.text(h('legend', {}), (m) => m.editedSet),
        ...(['train', 'validation'] as const).map((set) =>
          h(
            'label',
            { class: 'toggle', for: `data-set-${set}` },
            this.setRadios[set],
            this.text(h('span', {}), (m) => m.sets[set]),
          ),
        ),
        h('div', { class: 'data-buttons' }, this.clearButton, this.downloadButton),
      ),
      this.text(h('p', { class: 'help' }), (m) => m.drawHelp),
      this.status,
      this.linkNote,
    );
    this.element = h(
      'section',
      { class: 'data-panel', id: 'data-panel', 'aria-labelledby': 'data-load-title' },
      this.text(h('h2', { id: 'data-load-title' }), (m) => m.loadTitle),
      h(
        'div',
        { class: 'data-file field', id: 'data-drop' },
        label('data-file', (m) => m.file),
        this.fileInput,
        this.text(h('small', { class: 'help', id: 'data-file-help' }), (m) =>
          fill(m.fileHelp, { limit: MAX_FILE_BYTES / 1e6 }),
        ),
      ),
      h(
        'div',
        { class: 'data-options' },
        h(
          'div',
          { class: 'field' },
          label('data-separator', (m) => m.separator),
          this.separatorSelect,
        ),
        h(
          'div',
          { class: 'field' },
          label('data-header', (m) => m.header),
          this.headerSelect,
        ),
        h(
          'label',
          { class: 'toggle', for: 'data-decimal-comma' },
          this.decimalComma,
          this.text(h('span', {}), (m) => m.decimalComma),
        ),
      ),
      this.columns,
      this.problemElement,
      h(
        'div',
        { class: 'field' },
        label('data-paste', (m) => m.paste),
        this.pasteBox,
        this.text(h('small', { class: 'help', id: 'data-paste-help' }), (m) => m.pasteHelp),
        this.usePaste,
      ),
    );
    this.columns.append(
      this.text(h('p', { class: 'help' }), (m) => m.columnsHelp),
      h(
        'div',
        { class: 'field' },
        label('data-x', (m) => m.xColumn),
        this.xSelect,
      ),
      h(
        'div',
        { class: 'field' },
        label('data-y', (m) => m.yColumn),
        this.ySelect,
      ),
    );
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
    for (const setter of this.setters) setter(this.m);
    this.pasteBox.placeholder = this.m.pastePlaceholder;
    this.usePaste.textContent = this.m.usePaste;
    this.clearButton.textContent = this.m.clear;
    this.downloadButton.textContent = this.m.download;
    this.renderOptions();
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
    this.enabled = enabled;
    this.editor.setEnabled(enabled && !this.element.hidden);
    for (const part of [this.drawBar, this.element]) {
      for (const control of part.querySelectorAll<
        HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | HTMLButtonElement
      >('input, select, textarea, button')) {
        control.disabled = !enabled;
      }
    }
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
    this.renderLink();
  }

  // ---------------------------------------------------------------- reading

  private choices(keepColumns: boolean): ReadChoices {
    const separator = this.separatorSelect.value as Separator;
    const header = this.headerSelect.value as ReadChoices['header'];
    return {
      separator,
      header,
      decimalComma: this.decimalComma.checked,
      ...(keepColumns && this.xSelect.value !== '' ? { x: this.xSelect.value } : {}),
      ...(keepColumns && this.ySelect.value !== '' ? { y: this.ySelect.value } : {}),
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
    this.columns.hidden = columns.length <= 2;
    const offer = (select: HTMLSelectElement, chosen: string) => {
      select.replaceChildren(...columns.map((name) => h('option', { value: name }, name)));
      select.value = chosen;
    };
    offer(this.xSelect, x ?? columns[0] ?? '');
    offer(this.ySelect, y ?? columns.at(-1) ?? '');
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

  private text<T extends HTMLElement>(element: T, text: (m: DataMessages) => string): T {
    this.setters.push((m) => {
      element.textContent = text(m);
    });
    return element;
  }

  private renderOptions(): void {
    const m = this.m;
    const keep = (select: HTMLSelectElement, values: Record<string, string>, fallback: string) => {
      const chosen = select.value || fallback;
      select.replaceChildren(
        ...Object.entries(values).map(([value, text]) =>
          h('option', { value, selected: value === chosen }, text),
        ),
      );
    };
    keep(this.separatorSelect, m.separators, 'auto');
    keep(this.headerSelect, m.headers, 'auto');
  }

  private render(): void {
    const m = this.m;
    const { train, validation } = this.editor.current;
    const origin = (set: EditedSet) => {
      const from = this.origins[set];
      if (!from || this.editor.current[set].x.length === 0) return '';
      return from.kind === 'file'
        ? fill(m.origins.file, { name: from.name })
        : m.origins[from.kind];
    };
    this.status.textContent = fill(m.counts, {
      train: train.x.length,
      trainOrigin: origin('train'),
      validation: validation.x.length,
      validationOrigin: origin('validation'),
    });
    this.problemElement.textContent = this.problem
      ? m.problemIntro + this.problemText(this.problem)
      : '';
    this.renderLink();
  }

  private problemText(problem: PanelProblem): string {
    if (problem.kind === 'refused') return this.check(problem.points) ?? '';
    return tableProblemText(problem.problem, this.locale);
  }

  private renderLink(): void {
    const m = this.m;
    const texts: Record<LinkPoints, string> = {
      holds: m.linkHolds,
      leavesOut: m.linkLeavesOut,
      leftOut: m.linkLeftOut,
      none: m.linkNoPoints,
    };
    this.linkNote.textContent = texts[this.link];
  }
}
