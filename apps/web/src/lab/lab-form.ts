import {
  BATCH_SIZE_LAB_FIELDS,
  type BatchSizeLabConfig,
  type ConfigField,
} from '@epochlab/experiments';
import { MESSAGES } from '../i18n/messages.js';
import { problemText } from '../i18n/problem-text.js';
import type { FieldProblem } from '../state/field-validation.js';
import { h, setControlsDisabled } from '../ui/dom.js';
import { fieldRow } from '../ui/field-row.js';
import {
  type CheckedLabConfig,
  labConfigFromTexts,
  labFieldApplies,
  labTexts,
} from './lab-fields.js';
import type { LabMessages } from './lab-messages.js';

type FieldGroup = keyof LabMessages['groups'];

const GROUP_ORDER: readonly FieldGroup[] = ['lab', 'data', 'model', 'training', 'path'];

/**
 * The lab's config form: one labelled input per field of
 * `BATCH_SIZE_LAB_FIELDS`, checked together by the lab's schema as they
 * change, with each message next to its field (`aria-describedby`,
 * `aria-invalid`). The line or polynomial fields show for the chosen dataset.
 */
export class LabForm {
  readonly element: HTMLFormElement;
  private texts = new Map<string, string>();
  private messages: LabMessages;
  private locale: 'en' | 'es';
  private readonly onChange: (checked: CheckedLabConfig) => void;

  constructor(
    messages: LabMessages,
    locale: 'en' | 'es',
    onChange: (checked: CheckedLabConfig) => void,
  ) {
    this.messages = messages;
    this.locale = locale;
    this.onChange = onChange;
    this.element = h('form', { id: 'lab-form', novalidate: true });
    this.element.addEventListener('submit', (event) => event.preventDefault());
  }

  /** Shows this config; `problems` marks fields that were given bad text (from the URL). */
  setConfig(config: BatchSizeLabConfig, problems: readonly FieldProblem[] = []): void {
    this.texts = labTexts(config);
    this.render();
    // The fields show their defaults; the message says what the link gave.
    this.showProblems(problems);
  }

  /** Sets one field's text as if typed (a click on the loss surface sets `pathStart`). */
  setFieldText(key: string, text: string): void {
    this.texts.set(key, text);
    const control = this.element.querySelector<HTMLInputElement>(`#lab-field-${key}`);
    if (control) control.value = text;
    const checked = this.read();
    this.showProblems(checked.problems);
    this.onChange(checked);
  }

  /** Re-renders in another language, keeping what was typed. */
  setMessages(messages: LabMessages, locale: 'en' | 'es'): void {
    this.messages = messages;
    this.locale = locale;
    this.render();
    this.showProblems(this.read().problems);
  }

  /** The config from the current text: bad fields are reported and take their defaults. */
  read(): CheckedLabConfig {
    return labConfigFromTexts(this.texts);
  }

  /** Whether every field holds a valid value. */
  get isValid(): boolean {
    return this.read().problems.length === 0;
  }

  /** Enables or disables every input (disabled while the lab runs). */
  setDisabled(disabled: boolean): void {
    setControlsDisabled(this.element, disabled);
  }

  private render(): void {
    const groups = new Map<FieldGroup, HTMLElement[]>(GROUP_ORDER.map((g) => [g, []]));
    for (const field of BATCH_SIZE_LAB_FIELDS) {
      groups.get(field.group)?.push(this.fieldRow(field));
    }
    this.element.replaceChildren(
      ...GROUP_ORDER.filter((group) => (groups.get(group)?.length ?? 0) > 0).map((group) =>
        h(
          'fieldset',
          {},
          h('legend', {}, this.messages.groups[group]),
          ...(groups.get(group) ?? []),
        ),
      ),
    );
    this.showDatasetFields();
  }

  private showDatasetFields(): void {
    const dataset = this.texts.get('dataset') ?? 'line';
    for (const field of BATCH_SIZE_LAB_FIELDS) {
      const row = this.element.querySelector<HTMLElement>(`[data-field="${field.key}"]`);
      if (row) row.hidden = !labFieldApplies(field, dataset);
    }
  }

  private fieldRow(field: ConfigField): HTMLElement {
    const m = this.messages;
    return fieldRow({
      field,
      id: `lab-field-${field.key}`,
      text: this.texts.get(field.key) ?? '',
      label: m.fieldLabels[field.key] ?? field.key,
      help: m.fieldHelp[field.key] ?? field.help,
      choiceLabel: field.key === 'dataset' ? (choice) => m.datasets[choice] ?? choice : undefined,
      dataField: field.key,
      onEdit: (text) => {
        this.texts.set(field.key, text);
        if (field.key === 'dataset') this.showDatasetFields();
        const checked = this.read();
        this.showProblems(checked.problems);
        this.onChange(checked);
      },
    });
  }

  /** Shows each field's problem next to it and clears the others. */
  private showProblems(problems: readonly FieldProblem[]): void {
    const byKey = new Map(problems.map((problem) => [problem.key, problem.problem]));
    for (const field of BATCH_SIZE_LAB_FIELDS) {
      const control = this.element.querySelector<HTMLElement>(`#lab-field-${field.key}`);
      const error = this.element.querySelector<HTMLElement>(`#lab-field-${field.key}-error`);
      if (!control || !error) continue;
      const problem = byKey.get(field.key);
      const label = this.messages.fieldLabels[field.key] ?? field.key;
      const text = problem === undefined ? '' : `${label} ${problemText(problem, this.locale)}`;
      if (error.textContent !== text) error.textContent = text;
      if (problem === undefined) control.removeAttribute('aria-invalid');
      else control.setAttribute('aria-invalid', 'true');
    }
  }
}

/** Field labels in a language, for messages outside the form (the URL problems list). */
export function labFieldLabel(messages: LabMessages, key: string): string {
  return messages.fieldLabels[key] ?? MESSAGES.en.fieldLabels[key] ?? key;
}
