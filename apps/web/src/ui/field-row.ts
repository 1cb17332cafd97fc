import type { ConfigField } from '@epochlab/experiments';
import { live } from 'lit/directives/live.js';
import { html, nothing, type TemplateResult } from 'lit/html.js';

/** What a form row for one config field shows and reports. */
export interface FieldRowOptions {
  /** The field (its kind picks the control: select, checkbox or text input). */
  readonly field: ConfigField;
  /** The control's id; the help and error get `${id}-help` and `${id}-error`. */
  readonly id: string;
  /** The field's current text (`true`/`false` for a checkbox). */
  readonly text: string;
  readonly label: string;
  readonly help: string;
  /** The message under the control when the text is bad (the control is then `aria-invalid`). */
  readonly error?: string | undefined;
  /** Whether the control is disabled (while a run goes). */
  readonly disabled?: boolean;
  /** Whether the row is hidden (a field that does not apply to the other fields' choice). */
  readonly hidden?: boolean;
  /** The text of a choice's `<option>` (the choice itself when omitted). */
  readonly choiceLabel?: (choice: string) => string;
  /** A `data-field` attribute for the row, when the form looks rows up by key. */
  readonly dataField?: string;
  /** Called with the new text on every edit (`input`, or `change` for selects and checkboxes). */
  readonly onEdit: (text: string) => void;
}

/**
 * A form row for one config field: its label, the control for its kind
 * (a `<select>` of choices, a checkbox, or a text input with a numeric
 * keyboard for numbers), the help line and a live error line. The control
 * shows `text` (`live`, so a config set from outside replaces what was typed).
 */
export function fieldRow(options: FieldRowOptions): TemplateResult {
  const { field, id, text } = options;
  const describedBy = `${id}-help ${id}-error`;
  const invalid = options.error ? 'true' : nothing;
  const disabled = options.disabled ?? false;
  const edited = (event: Event) => {
    const control = event.target as HTMLInputElement | HTMLSelectElement;
    options.onEdit(
      control instanceof HTMLInputElement && control.type === 'checkbox'
        ? String(control.checked)
        : control.value,
    );
  };
  const label = html`<label for=${id}>${options.label}</label>`;
  let control: TemplateResult;
  if (field.kind === 'choice') {
    control = html`<select
      id=${id}
      name=${field.flag}
      aria-describedby=${describedBy}
      aria-invalid=${invalid}
      ?disabled=${disabled}
      @change=${edited}
    >${(field.choices ?? []).map(
      (choice) =>
        html`<option value=${choice} .selected=${choice === text}>${
          options.choiceLabel ? options.choiceLabel(choice) : choice
        }</option>`,
    )}</select>`;
  } else if (field.kind === 'boolean') {
    control = html`<input
      id=${id}
      name=${field.flag}
      type="checkbox"
      .checked=${live(text === 'true')}
      aria-describedby=${describedBy}
      aria-invalid=${invalid}
      ?disabled=${disabled}
      @change=${edited}
    />`;
  } else {
    const numeric = field.kind === 'integer' || field.kind === 'number';
    control = html`<input
      id=${id}
      name=${field.flag}
      type="text"
      inputmode=${numeric ? (field.kind === 'integer' ? 'numeric' : 'decimal') : 'text'}
      autocomplete="off"
      spellcheck="false"
      .value=${live(text)}
      aria-describedby=${describedBy}
      aria-invalid=${invalid}
      ?disabled=${disabled}
      @input=${edited}
    />`;
  }
  const checkbox = field.kind === 'boolean';
  return html`<div
    class=${checkbox ? 'field field-checkbox' : 'field'}
    data-field=${options.dataField ?? nothing}
    ?hidden=${options.hidden ?? false}
  >${checkbox ? html`${control}${label}` : html`${label}${control}`}<small
      id=${`${id}-help`}
      class="help"
    >${options.help}</small><p id=${`${id}-error`} class="error" aria-live="polite">${
      options.error ?? ''
    }</p></div>`;
}
