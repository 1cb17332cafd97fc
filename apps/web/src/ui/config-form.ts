import {
  type ConfigField,
  type ConfigProblem,
  formatFieldValue,
  RUNNABLE_EXPERIMENTS,
  type RunConfig,
} from '@epochlab/experiments';
import { html, render } from 'lit/html.js';
import type { Messages } from '../i18n/messages.js';
import { problemText } from '../i18n/problem-text.js';
import {
  type CheckedConfig,
  checkField,
  configFromTexts,
  FIRST_EXPERIMENT,
  type FormExperimentName,
  fieldsOf,
  formConfig,
  isExperimentName,
} from '../state/field-validation.js';
import { schemaText, shownText } from '../state/localized-number-text.js';
import { fieldRow } from './field-row.js';

/** The fieldsets of the form, in order; each field says which one it goes in. */
const GROUPS = ['data', 'model', 'training'] as const;

/**
 * The config form: a menu of the experiment list's experiments and one
 * labelled input per field of the chosen one, in its group's fieldset, each checked by the shared schema as it
 * changes, with the message next to the field (`aria-describedby`,
 * `aria-invalid`).
 */
export class ConfigForm {
  readonly element: HTMLFormElement;
  private experiment: FormExperimentName = FIRST_EXPERIMENT;
  private texts = new Map<string, string>();
  /** Each bad field's problem, shown next to it. */
  private problems = new Map<string, ConfigProblem>();
  private disabled = false;
  private messages: Messages;
  private readonly onChange: (checked: CheckedConfig) => void;

  constructor(messages: Messages, onChange: (checked: CheckedConfig) => void) {
    this.messages = messages;
    this.onChange = onChange;
    this.element = document.createElement('form');
    this.element.id = 'config-form';
    this.element.noValidate = true;
    this.element.addEventListener('submit', (event) => event.preventDefault());
  }

  /** Shows this config (every field's text from it); `problems` marks fields that were given bad text. */
  setConfig(config: RunConfig, problems: CheckedConfig['problems'] = []): void {
    this.experiment = config.experiment;
    this.texts = new Map();
    const values = config as unknown as Record<string, unknown>;
    for (const field of fieldsOf(config.experiment)) {
      this.texts.set(field.key, this.shown(field, formatFieldValue(values[field.key])));
    }
    this.problems = new Map(problems.map((problem) => [problem.key, problem.problem]));
    this.render();
  }

  /** Re-renders in another language, keeping what was typed (decimals rewritten: `0.5` as `0,5`). */
  setMessages(messages: Messages): void {
    const schemaTexts = this.schemaTexts();
    this.messages = messages;
    for (const field of fieldsOf(this.experiment)) {
      const text = schemaTexts.get(field.key);
      if (text !== undefined) this.texts.set(field.key, this.shown(field, text));
    }
    this.validateAll();
  }

  /** The config from the current text: bad fields are reported and take their defaults. */
  read(): CheckedConfig {
    return configFromTexts(this.experiment, this.schemaTexts());
  }

  /** Every field's text as the schema reads it (a decimal comma typed in Spanish made a point). */
  private schemaTexts(): Map<string, string> {
    const texts = new Map<string, string>();
    for (const field of fieldsOf(this.experiment)) {
      const text = this.texts.get(field.key);
      if (text !== undefined) texts.set(field.key, schemaText(field, text, this.messages.locale));
    }
    return texts;
  }

  private shown(field: ConfigField, text: string): string {
    return shownText(field, text, this.messages.locale);
  }

  /** Whether every field holds a valid value. */
  get isValid(): boolean {
    return this.read().problems.length === 0;
  }

  /** Enables or disables every input (disabled while a run is going). */
  setDisabled(disabled: boolean): void {
    if (disabled === this.disabled) return;
    this.disabled = disabled;
    this.render();
  }

  private render(): void {
    const m = this.messages;
    const fields = fieldsOf(this.experiment);
    render(
      html`<div class="field">
          <label for="field-experiment">${m.experiment}</label>
          <select
            id="field-experiment"
            name="experiment"
            ?disabled=${this.disabled}
            @change=${(event: Event) =>
              this.switchExperiment((event.target as HTMLSelectElement).value)}
          >${RUNNABLE_EXPERIMENTS.map(
            ({ name }) =>
              html`<option value=${name} .selected=${name === this.experiment}>${
                m.experiments[name] ?? name
              }</option>`,
          )}</select>
        </div>
        ${GROUPS.map(
          (group) =>
            html`<fieldset><legend>${m.groups[group]}</legend>${fields
              .filter((field) => formGroup(field) === group)
              .map((field) => this.fieldRow(field))}</fieldset>`,
        )}`,
      this.element,
    );
  }

  /** Another experiment: keep the shared fields the user typed; take its defaults for the rest. */
  private switchExperiment(name: string): void {
    if (!isExperimentName(name)) return;
    const defaults = formConfig(name) as unknown as Record<string, unknown>;
    const kept = new Map<string, string>();
    for (const field of fieldsOf(name)) {
      kept.set(
        field.key,
        this.texts.get(field.key) ?? this.shown(field, formatFieldValue(defaults[field.key])),
      );
    }
    this.experiment = name;
    this.texts = kept;
    this.validateAll();
    this.onChange(this.read());
  }

  private fieldRow(field: ConfigField) {
    const m = this.messages;
    const problem = this.problems.get(field.key);
    const label = m.fieldLabels[field.key] ?? field.key;
    return fieldRow({
      field,
      id: `field-${field.key}`,
      text: this.texts.get(field.key) ?? '',
      label,
      help: m.fieldHelp[field.key] ?? field.help,
      error: problem && `${label} ${problemText(problem, m.locale)}`,
      disabled: this.disabled,
      onEdit: (text) => {
        this.texts.set(field.key, text);
        this.validateField(field);
        this.render();
        this.onChange(this.read());
      },
    });
  }

  /** Checks every field and redraws the form with their messages. */
  private validateAll(): void {
    for (const field of fieldsOf(this.experiment)) this.validateField(field);
    this.render();
  }

  private validateField(field: ConfigField): void {
    const problem = checkField(
      this.experiment,
      field,
      schemaText(field, this.texts.get(field.key) ?? '', this.messages.locale),
    );
    if (problem === undefined) this.problems.delete(field.key);
    else this.problems.set(field.key, problem);
  }
}

/** The fieldset of the form a field goes in (`training` for the lab's own groups). */
function formGroup(field: ConfigField): (typeof GROUPS)[number] {
  return field.group === 'data' || field.group === 'model' ? field.group : 'training';
}
