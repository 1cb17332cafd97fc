// @vitest-environment happy-dom
import { BATCH_SIZE_LAB_FIELDS, defaultBatchSizeLabConfig } from '@epochlab/experiments';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CheckedLabConfig } from '../src/lab/lab-fields.js';
import { LabForm } from '../src/lab/lab-form.js';
import { LAB_MESSAGES } from '../src/lab/lab-messages.js';

let changes: CheckedLabConfig[];
let form: LabForm;

function control(key: string): HTMLInputElement {
  const element = form.element.querySelector<HTMLInputElement>(`#lab-field-${key}`);
  if (!element) throw new Error(`no control for ${key}`);
  return element;
}

function type(key: string, text: string): void {
  const element = control(key);
  element.value = text;
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

function choose(key: string, value: string): void {
  const element = control(key);
  element.value = value;
  element.dispatchEvent(new Event('change', { bubbles: true }));
}

const errorOf = (key: string) => document.getElementById(`lab-field-${key}-error`)?.textContent;
const rowOf = (key: string) =>
  form.element.querySelector<HTMLElement>(`[data-field="${key}"]`) ?? undefined;

beforeEach(() => {
  changes = [];
  form = new LabForm(LAB_MESSAGES.en, 'en', (checked) => changes.push(checked));
  document.body.replaceChildren(form.element);
  form.setConfig(defaultBatchSizeLabConfig());
});

describe('LabForm', () => {
  it('has one labelled control per lab field, with help and the defaults as text', () => {
    for (const field of BATCH_SIZE_LAB_FIELDS) {
      const label = form.element.querySelector(`label[for="lab-field-${field.key}"]`);
      expect(label?.textContent, field.key).toBeTruthy();
      expect(document.getElementById(`lab-field-${field.key}-help`)?.textContent).toBeTruthy();
      expect(control(field.key).getAttribute('aria-describedby')).toContain(
        `lab-field-${field.key}-error`,
      );
    }
    expect(control('batchSizes').value).toBe('1,5,25,full');
    expect(control('pathStart').value).toBe('-1,-1.5');
    expect(control('shuffle').checked).toBe(true);
    expect(form.element.querySelectorAll('fieldset legend')[0]?.textContent).toBe(
      'Batch sizes and seeds',
    );
  });

  it('shows the line or the polynomial fields for the chosen dataset', () => {
    expect(rowOf('slope')?.hidden).toBe(false);
    expect(rowOf('coefficients')?.hidden).toBe(true);
    choose('dataset', 'polynomial');
    expect(rowOf('slope')?.hidden).toBe(true);
    expect(rowOf('coefficients')?.hidden).toBe(false);
    expect(changes.at(-1)?.config.dataset).toBe('polynomial');
  });

  it('checks fields together: a batch size above n is reported on batch sizes, and cleared', () => {
    type('n', '10');
    expect(errorOf('batchSizes')).toBe('Batch sizes must be at most n (10) or full');
    expect(control('batchSizes').getAttribute('aria-invalid')).toBe('true');
    expect(errorOf('n')).toBe('');
    expect(form.isValid).toBe(false);
    expect(changes.at(-1)?.problems.map((p) => p.key)).toEqual(['batchSizes']);

    type('batchSizes', '1, 5, FULL');
    expect(errorOf('batchSizes')).toBe('');
    expect(control('batchSizes').hasAttribute('aria-invalid')).toBe(false);
    expect(form.isValid).toBe(true);
    expect(changes.at(-1)?.config).toMatchObject({ n: 10, batchSizes: [1, 5, 'full'] });
  });

  it('gives each bad field its schema message, in Spanish too', () => {
    type('seeds', '0');
    type('pathStart', '1');
    expect(errorOf('seeds')).toBe('Seeds per batch size must be a whole number from 1 to 64');
    expect(errorOf('pathStart')).toMatch(/^Path start \(m, b\) must be /);
    form.setMessages(LAB_MESSAGES.es, 'es');
    expect(errorOf('seeds')).toBe(
      'Semillas por tamaño de lote debe ser un número entero de 1 a 64',
    );
    expect(form.element.querySelector('label[for="lab-field-batchSizes"]')?.textContent).toBe(
      'Tamaños de lote',
    );
    expect(control('seeds').value).toBe('0'); // what was typed is kept
  });

  it('marks fields that came in bad from the URL, showing their defaults', () => {
    form.setConfig(defaultBatchSizeLabConfig(), [
      { key: 'seeds', text: '99', problem: { code: 'wholeNumber', min: 1, max: 64 } },
    ]);
    expect(control('seeds').value).toBe('8');
    expect(errorOf('seeds')).toBe('Seeds per batch size must be a whole number from 1 to 64');
    expect(form.isValid).toBe(true);
  });

  it('takes a picked start point as if typed, and disables every control during a run', () => {
    form.setFieldText('pathStart', '0.5,-0.25');
    expect(control('pathStart').value).toBe('0.5,-0.25');
    expect(changes.at(-1)?.config.pathStart).toEqual([0.5, -0.25]);
    form.setDisabled(true);
    const controls = [...form.element.querySelectorAll('input, select')];
    expect(controls.length).toBe(BATCH_SIZE_LAB_FIELDS.length);
    expect(controls.every((c) => (c as HTMLInputElement).disabled)).toBe(true);
  });
});

describe('lab messages', () => {
  it('English and Spanish have the same keys, and every lab field a label (and Spanish help)', () => {
    const keys = (value: unknown, prefix = ''): string[] =>
      typeof value === 'object' && value !== null
        ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
        : [prefix];
    const notHelp = (key: string) => !key.startsWith('fieldHelp.');
    expect(keys(LAB_MESSAGES.es).filter(notHelp).sort()).toEqual(
      keys(LAB_MESSAGES.en).filter(notHelp).sort(),
    );
    for (const field of BATCH_SIZE_LAB_FIELDS) {
      expect(LAB_MESSAGES.en.fieldLabels[field.key], field.key).toBeTruthy();
      expect(LAB_MESSAGES.es.fieldLabels[field.key], field.key).toBeTruthy();
      expect(LAB_MESSAGES.es.fieldHelp[field.key], field.key).toBeTruthy();
    }
  });

  it('takes a decimal comma in Spanish and shows the config back with one', () => {
    form.setMessages(LAB_MESSAGES.es, 'es');
    expect(control('lr').value).toBe('0,02');
    type('lr', '0,05');
    expect(errorOf('lr')).toBe('');
    expect(changes.at(-1)?.config.lr).toBe(0.05);
    form.setMessages(LAB_MESSAGES.en, 'en');
    expect(control('lr').value).toBe('0.05');
    expect(form.read().config.lr).toBe(0.05);
  });
});
