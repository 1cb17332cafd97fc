import {
  type ConfigField,
  type ConfigProblem,
  formatFieldValue,
  RUNNABLE_EXPERIMENTS,
  type RunConfig,
} from '@epochlab/experiments';
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
import { h, setControlsDisabled } from './dom.js';
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
  private messages: Messages;
  private readonly onChange: (checked: CheckedConfig) => void;

  constructor(messages: Messages, onChange: (checked: CheckedConfig) => void) {
    this.messages = messages;
    this.onChange = onChange;
    this.element = h('form', { id: 'config-form', novalidate: true });
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
    this.render();
    for (const problem of problems) this.showProblem(problem.key, problem.problem);
  }

  /** Re-renders in another language, keeping what was typed (decimals rewritten: `0.5` as `0,5`). */
  setMessages(messages: Messages): void {
    const schemaTexts = this.schemaTexts();
    this.messages = messages;
    for (const field of fieldsOf(this.experiment)) {
      const text = schemaTexts.get(field.key);
      if (text !== undefined) this.texts.set(field.key, this.shown(field, text));
    }
    this.render();
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
    setControlsDisabled(this.element, disabled);
  }

  private render(): void {
    const m = this.messages;
    const experimentSelect = h(
      'select',
      { id: 'field-experiment', name: 'experiment' },
      ...RUNNABLE_EXPERIMENTS.map(({ name }) =>
        h(
          'option',
          { value: name, selected: name === this.experiment },
          m.experiments[name] ?? name,
        ),
      ),
    );
    experimentSelect.addEventListener('change', () => {
      const name = experimentSelect.value;
      if (!isExperimentName(name)) return;
      // Keep the shared fields the user typed; take the new experiment's defaults for the rest.
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
      this.render();
      this.validateAll();
      this.onChange(this.read());
    });

    const groups = new Map<string, HTMLElement[]>(GROUPS.map((group) => [group, []]));
    for (const field of fieldsOf(this.experiment)) {
      (groups.get(field.group) ?? groups.get('training'))?.push(this.fieldRow(field));
    }
    this.element.replaceChildren(
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'field-experiment' }, m.experiment),
        experimentSelect,
      ),
      ...GROUPS.map((group) =>
        h('fieldset', {}, h('legend', {}, m.groups[group]), ...(groups.get(group) ?? [])),
      ),
    );
  }

  private fieldRow(field: ConfigField): HTMLElement {
    const m = this.messages;
    return fieldRow({
      field,
      id: `field-${field.key}`,
      text: this.texts.get(field.key) ?? '',
      label: m.fieldLabels[field.key] ?? field.key,
      help: m.fieldHelp[field.key] ?? field.help,
      onEdit: (text) => {
        this.texts.set(field.key, text);
        this.validateField(field);
        this.onChange(this.read());
      },
    });
  }

  private validateAll(): void {
    for (const field of fieldsOf(this.experiment)) this.validateField(field);
  }

  private validateField(field: ConfigField): void {
    const problem = checkField(
      this.experiment,
      field,
      schemaText(field, this.texts.get(field.key) ?? '', this.messages.locale),
    );
    this.showProblem(field.key, problem);
  }

  private showProblem(key: string, problem: ConfigProblem | undefined): void {
    const control = this.element.querySelector<HTMLElement>(`#field-${key}`);
    const error = this.element.querySelector<HTMLElement>(`#field-${key}-error`);
    if (!control || !error) return;
    const label = this.messages.fieldLabels[key] ?? key;
    error.textContent =
      problem === undefined ? '' : `${label} ${problemText(problem, this.messages.locale)}`;
    if (problem === undefined) control.removeAttribute('aria-invalid');
    else control.setAttribute('aria-invalid', 'true');
  }
}
