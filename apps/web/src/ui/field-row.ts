import type { ConfigField } from '@epochlab/experiments';
import { h } from './dom.js';

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
 * keyboard for numbers), the help line and an empty live error line.
 */
export function fieldRow(options: FieldRowOptions): HTMLElement {
  const { field, id, text } = options;
  const describedBy = `${id}-help ${id}-error`;
  let control: HTMLInputElement | HTMLSelectElement;
  if (field.kind === 'choice') {
    control = h(
      'select',
      { id, name: field.flag, 'aria-describedby': describedBy },
      ...(field.choices ?? []).map((choice) =>
        h(
          'option',
          { value: choice, selected: choice === text },
          options.choiceLabel ? options.choiceLabel(choice) : choice,
        ),
      ),
    );
  } else if (field.kind === 'boolean') {
    control = h('input', {
      id,
      name: field.flag,
      type: 'checkbox',
      checked: text === 'true',
      'aria-describedby': describedBy,
    });
  } else {
    const numeric = field.kind === 'integer' || field.kind === 'number';
    control = h('input', {
      id,
      name: field.flag,
      type: 'text',
      inputmode: numeric ? (field.kind === 'integer' ? 'numeric' : 'decimal') : 'text',
      autocomplete: 'off',
      spellcheck: 'false',
      value: text,
      'aria-describedby': describedBy,
    });
  }
  control.addEventListener(
    field.kind === 'choice' || field.kind === 'boolean' ? 'change' : 'input',
    () => {
      options.onEdit(
        control instanceof HTMLInputElement && control.type === 'checkbox'
          ? String(control.checked)
          : control.value,
      );
    },
  );
  const label = h('label', { for: id }, options.label);
  const row =
    field.kind === 'boolean'
      ? h('div', { class: 'field field-checkbox', 'data-field': options.dataField }, control, label)
      : h('div', { class: 'field', 'data-field': options.dataField }, label, control);
  row.append(
    h('small', { id: `${id}-help`, class: 'help' }, options.help),
    h('p', { id: `${id}-error`, class: 'error', 'aria-live': 'polite' }),
  );
  return row;
}
