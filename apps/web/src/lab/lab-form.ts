import {
  BATCH_SIZE_LAB_FIELDS,
  type BatchSizeLabConfig,
  type ConfigField,
} from '@epochlab/experiments';
import { html, render } from 'lit/html.js';
import { MESSAGES } from '../i18n/messages.js';
import { problemText } from '../i18n/problem-text.js';
import type { FieldProblem } from '../state/field-validation.js';
import { schemaText, shownText } from '../state/localized-number-text.js';
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
  /** Each field's text as shown (a decimal comma in Spanish). */
  private texts = new Map<string, string>();
  /** Each bad field's problem, shown next to it. */
  private problems: readonly FieldProblem[] = [];
  private disabled = false;
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
    this.element = document.createElement('form');
    this.element.id = 'lab-form';
    this.element.noValidate = true;
    this.element.addEventListener('submit', (event) => event.preventDefault());
  }

  /** Shows this config; `problems` marks fields that were given bad text (from the URL). */
  setConfig(config: BatchSizeLabConfig, problems: readonly FieldProblem[] = []): void {
    this.texts = this.shown(labTexts(config));
    // The fields show their defaults; the message says what the link gave.
    this.problems = problems;
    this.render();
  }

  /** Sets one field's text as if typed (a click on the loss surface sets `pathStart`). */
  setFieldText(key: string, text: string): void {
    this.edit(key, text);
  }

  /** Re-renders in another language, keeping what was typed (decimals rewritten: `0.5` as `0,5`). */
  setMessages(messages: LabMessages, locale: 'en' | 'es'): void {
    const schemaTexts = this.schemaTexts();
    this.messages = messages;
    this.locale = locale;
    this.texts = this.shown(schemaTexts);
    this.problems = this.read().problems;
    this.render();
  }

  /** The config from the current text: bad fields are reported and take their defaults. */
  read(): CheckedLabConfig {
    return labConfigFromTexts(this.schemaTexts());
  }

  /** Every field's text as the schema reads it (a decimal comma typed in Spanish made a point). */
  private schemaTexts(): Map<string, string> {
    return this.mapNumbers(this.texts, schemaText);
  }

  /** Schema texts as the form shows them in its language (`0,02` in Spanish). */
  private shown(texts: ReadonlyMap<string, string>): Map<string, string> {
    return this.mapNumbers(texts, shownText);
  }

  private mapNumbers(
    texts: ReadonlyMap<string, string>,
    rewrite: typeof schemaText,
  ): Map<string, string> {
    const rewritten = new Map(texts);
    for (const field of BATCH_SIZE_LAB_FIELDS) {
      const text = texts.get(field.key);
      if (text !== undefined) rewritten.set(field.key, rewrite(field, text, this.locale));
    }
    return rewritten;
  }

  /** Whether every field holds a valid value. */
  get isValid(): boolean {
    return this.read().problems.length === 0;
  }

  /** Enables or disables every input (disabled while the lab runs). */
  setDisabled(disabled: boolean): void {
    if (disabled === this.disabled) return;
    this.disabled = disabled;
    this.render();
  }

  private render(): void {
    const dataset = this.texts.get('dataset') ?? 'line';
    const byKey = new Map(this.problems.map((problem) => [problem.key, problem.problem]));
    const m = this.messages;
    const row = (field: ConfigField) => {
      const problem = byKey.get(field.key);
      const label = m.fieldLabels[field.key] ?? field.key;
      return fieldRow({
        field,
        id: `lab-field-${field.key}`,
        text: this.texts.get(field.key) ?? '',
        label,
        help: m.fieldHelp[field.key] ?? field.help,
        error: problem && `${label} ${problemText(problem, this.locale)}`,
        disabled: this.disabled,
        hidden: !labFieldApplies(field, dataset),
        choiceLabel: field.key === 'dataset' ? (choice) => m.datasets[choice] ?? choice : undefined,
        dataField: field.key,
        onEdit: (text) => this.edit(field.key, text),
      });
    };
    const groups = GROUP_ORDER.map((group) => ({
      group,
      fields: BATCH_SIZE_LAB_FIELDS.filter((field) => field.group === group),
    })).filter(({ fields }) => fields.length > 0);
    render(
      html`${groups.map(
        ({ group, fields }) =>
          html`<fieldset><legend>${m.groups[group]}</legend>${fields.map(row)}</fieldset>`,
      )}`,
      this.element,
    );
  }

  /** A field's new text: the whole config checked again, each message next to its field. */
  private edit(key: string, text: string): void {
    this.texts.set(key, text);
    const checked = this.read();
    this.problems = checked.problems;
    this.render();
    this.onChange(checked);
  }
}

/** Field labels in a language, for messages outside the form (the URL problems list). */
export function labFieldLabel(messages: LabMessages, key: string): string {
  return messages.fieldLabels[key] ?? MESSAGES.en.fieldLabels[key] ?? key;
}
