import { configDifferences, type RunConfig } from '@epochlab/experiments';
import { maxPinnedRuns } from '@epochlab/plot';
import { html, nothing, render, type TemplateResult } from 'lit/html.js';
import { fill, type Messages } from '../i18n/messages.js';
import type { DoneMessage, EpochLoss } from '../worker/protocol.js';

/** A finished run kept to compare the next runs with. */
export interface PinnedRun {
  /** Its number, for its name (`Run 1`): kept when earlier pins are removed. */
  readonly number: number;
  readonly runId: number;
  readonly config: RunConfig;
  readonly history: { readonly train: readonly EpochLoss[]; readonly val: readonly EpochLoss[] };
}

/**
 * The "Pinned runs" section: a Pin button for the finished run, the pinned
 * runs (up to `maxPinnedRuns`) each with an Unpin button, and a table of the
 * config fields in which they differ from the form. The loss chart draws
 * them faded (`onChange` hands the list over); nothing here trains.
 */
export class PinnedRuns {
  readonly element = document.createElement('section');
  private runs: PinnedRun[] = [];
  private nextNumber = 1;
  private finished: DoneMessage | undefined;
  private config: RunConfig | undefined;
  private changeable = true;

  constructor(
    private messages: Messages,
    private readonly onChange: (runs: readonly PinnedRun[]) => void,
  ) {
    this.element.id = 'pinned-runs';
    this.element.setAttribute('aria-labelledby', 'pinned-title');
    this.render();
  }

  /** The pinned runs, oldest first. */
  get pinned(): readonly PinnedRun[] {
    return this.runs;
  }

  /** The name of a pinned run in the page's language: `Run 2`. */
  label(run: PinnedRun): string {
    return fill(this.messages.pinned.run, { n: run.number });
  }

  /**
   * What the section shows against: the form's config, the finished run that
   * Pin would keep (none while a run goes on) and whether pins may change now.
   */
  update(config: RunConfig, finished: DoneMessage | undefined, changeable: boolean): void {
    this.config = config;
    this.finished = finished;
    this.changeable = changeable;
    this.render();
  }

  /** Rewords the section, and has the chart rename the pinned runs in the new language. */
  setMessages(messages: Messages): void {
    this.messages = messages;
    this.render();
    if (this.runs.length > 0) this.onChange(this.runs);
  }

  private pin(): void {
    const run = this.finished;
    if (!run || !this.canPin(run)) return;
    this.runs = [
      ...this.runs,
      { number: this.nextNumber++, runId: run.runId, config: run.config, history: run.history },
    ];
    this.render();
    this.onChange(this.runs);
  }

  private unpin(run: PinnedRun): void {
    this.runs = this.runs.filter((pinned) => pinned !== run);
    this.render();
    this.onChange(this.runs);
  }

  private canPin(run: DoneMessage): boolean {
    return (
      this.changeable &&
      this.runs.length < maxPinnedRuns &&
      !this.runs.some((pinned) => pinned.runId === run.runId)
    );
  }

  private render(): void {
    const m = this.messages.pinned;
    const note =
      this.runs.length >= maxPinnedRuns
        ? fill(m.full, { max: maxPinnedRuns })
        : this.runs.length === 0
          ? m.none
          : '';
    render(
      html`<h2 id="pinned-title">${m.title}</h2><button
          type="button"
          id="pin-run"
          ?disabled=${this.finished === undefined || !this.canPin(this.finished)}
          @click=${() => this.pin()}
        >${m.pin}</button><p id="pinned-note" class="hint">${note}</p><ul
          id="pinned-list"
          class="pinned-list"
        >${this.runs.map((run) => {
          const label = this.label(run);
          return html`<li data-run=${run.number}><span>${label}</span><button
              type="button"
              class="unpin"
              aria-label=${fill(m.unpin, { run: label })}
              ?disabled=${!this.changeable}
              @click=${() => this.unpin(run)}
            >×</button></li>`;
        })}</ul>${this.differencesTable()}`,
      this.element,
    );
  }

  /** The fields that differ between the form's config and each pinned run's. */
  private differencesTable(): TemplateResult | typeof nothing {
    const m = this.messages.pinned;
    const config = this.config;
    if (config === undefined || this.runs.length === 0) return nothing;
    const differences = configDifferences([config, ...this.runs.map((run) => run.config)]);
    const rows =
      differences.length === 0
        ? html`<tr><td colspan=${this.runs.length + 2}>${m.same}</td></tr>`
        : differences.map(
            (difference) =>
              html`<tr data-field=${difference.field}><th scope="row">${
                this.messages.fieldLabels[difference.field] ?? difference.field
              }</th>${difference.values.map((value) => html`<td>${value ?? m.absent}</td>`)}</tr>`,
          );
    return html`<table id="pinned-differences"><thead><tr><th scope="col">${m.field}</th><th
            scope="col"
          >${m.current}</th>${this.runs.map(
            (run) => html`<th scope="col">${this.label(run)}</th>`,
          )}</tr></thead><tbody>${rows}</tbody></table>`;
  }
}
