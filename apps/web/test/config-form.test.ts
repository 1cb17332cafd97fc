// @vitest-environment happy-dom
import { FIT_EXPERIMENTS, lineExperiment, parseExperimentConfig } from '@epochlab/experiments';
import { beforeEach, describe, expect, it } from 'vitest';
import { LOCALES, MESSAGES } from '../src/i18n/messages.js';
import type { CheckedConfig } from '../src/state/field-validation.js';
import { ConfigForm } from '../src/ui/config-form.js';

let changes: CheckedConfig[];
let form: ConfigForm;

function input(key: string): HTMLInputElement {
  const element = form.element.querySelector<HTMLInputElement>(`#field-${key}`);
  if (!element) throw new Error(`no input for ${key}`);
  return element;
}

function type(key: string, text: string): void {
  const element = input(key);
  element.value = text;
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

beforeEach(() => {
  changes = [];
  form = new ConfigForm(MESSAGES.en, (checked) => changes.push(checked));
  document.body.replaceChildren(form.element);
  form.setConfig(parseExperimentConfig({ experiment: 'line' }));
});

describe('ConfigForm', () => {
  it('has one labelled control per field of the experiment, with help text', () => {
    const lineFields = lineExperiment.fields;
    for (const field of lineFields) {
      const control = input(field.key);
      const label = form.element.querySelector(`label[for="field-${field.key}"]`);
      expect(label?.textContent, field.key).toBeTruthy();
      const help = document.getElementById(`field-${field.key}-help`);
      expect(help?.textContent).toBeTruthy();
      expect(control.getAttribute('aria-describedby')).toContain(`field-${field.key}-error`);
    }
    expect(form.element.querySelector('#field-coefficients')).toBeNull();
    expect(input('epochs').value).toBe('20000');
    expect(input('hidden').value).toBe('12,12,16');
    expect(input('shuffle').checked).toBe(true);
  });

  it('shows the schema message next to a bad field, and clears it when fixed', () => {
    type('batchSize', '0');
    const error = document.getElementById('field-batchSize-error');
    expect(error?.textContent).toBe('Batch size must be a whole number from 1 to 1000000');
    expect(input('batchSize').getAttribute('aria-invalid')).toBe('true');
    expect(form.isValid).toBe(false);
    expect(changes.at(-1)?.problems.map((p) => p.key)).toEqual(['batchSize']);

    type('batchSize', '2');
    expect(error?.textContent).toBe('');
    expect(input('batchSize').hasAttribute('aria-invalid')).toBe(false);
    expect(form.isValid).toBe(true);
    expect(changes.at(-1)?.config.batchSize).toBe(2);
  });

  it('reads lists, booleans and choices as the CLI does', () => {
    type('hidden', '4, 8');
    const shuffle = input('shuffle');
    shuffle.checked = false;
    shuffle.dispatchEvent(new Event('change', { bubbles: true }));
    const activation = form.element.querySelector<HTMLSelectElement>('#field-activation');
    if (!activation) throw new Error('no activation select');
    activation.value = 'tanh';
    activation.dispatchEvent(new Event('change', { bubbles: true }));
    const { config, problems } = form.read();
    expect(problems).toEqual([]);
    expect(config).toMatchObject({ hidden: [4, 8], shuffle: false, activation: 'tanh' });
  });

  it('switching experiment shows its fields and keeps the shared ones typed so far', () => {
    type('n', '9');
    const experiment = form.element.querySelector<HTMLSelectElement>('#field-experiment');
    if (!experiment) throw new Error('no experiment select');
    experiment.value = 'polynomial';
    experiment.dispatchEvent(new Event('change', { bubbles: true }));
    expect(form.element.querySelector('#field-slope')).toBeNull();
    expect(input('coefficients').value).toBe('2,1,0');
    expect(input('n').value).toBe('9');
    expect(changes.at(-1)?.config).toMatchObject({ experiment: 'polynomial', n: 9 });
  });

  it('marks fields that came in bad (from the URL) and translates labels', () => {
    form.setConfig(parseExperimentConfig({ experiment: 'line' }), [
      { key: 'lr', text: 'abc', problem: { code: 'numberAboveAtMost', min: 0, max: 10 } },
    ]);
    expect(document.getElementById('field-lr-error')?.textContent).toBe(
      'Learning rate must be a number > 0 and <= 10',
    );
    form.setMessages(MESSAGES.es);
    expect(form.element.querySelector('label[for="field-lr"]')?.textContent).toBe(
      'Tasa de aprendizaje',
    );
  });

  it('reads a decimal comma in Spanish and shows the config back with one', () => {
    form.setMessages(MESSAGES.es);
    expect(input('lr').value).toBe('0,001');
    type('lr', '0,005');
    expect(document.getElementById('field-lr-error')?.textContent).toBe('');
    expect(form.read().config.lr).toBe(0.005);
    form.setMessages(MESSAGES.en);
    expect(input('lr').value).toBe('0.005');
  });

  it('shows a config set from outside over what was typed, and keeps its problems cleared', () => {
    type('n', 'abc');
    expect(input('n').getAttribute('aria-invalid')).toBe('true');
    form.setConfig(parseExperimentConfig({ experiment: 'line', n: 7 }));
    expect(input('n').value).toBe('7');
    expect(input('n').hasAttribute('aria-invalid')).toBe(false);
    expect(document.getElementById('field-n-error')?.textContent).toBe('');
  });

  it('disables every control while a run is going', () => {
    form.setDisabled(true);
    const controls = [...form.element.querySelectorAll('input, select')];
    expect(controls.length).toBeGreaterThan(10);
    expect(controls.every((c) => (c as HTMLInputElement).disabled)).toBe(true);
    form.setDisabled(false);
    expect(controls.some((c) => (c as HTMLInputElement).disabled)).toBe(false);
  });
});

describe.each(FIT_EXPERIMENTS)('ConfigForm with the $name experiment', (experiment) => {
  it.each(LOCALES)('offers it, and labels each of its fields in its group (%s)', (locale) => {
    form.setMessages(MESSAGES[locale]);
    const select = form.element.querySelector<HTMLSelectElement>('#field-experiment');
    if (!select) throw new Error('no experiment select');
    const option = [...select.options].find((o) => o.value === experiment.name);
    expect(option?.textContent).toBe(MESSAGES[locale].experiments[experiment.name]);
    select.value = experiment.name;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const legends = [...form.element.querySelectorAll('fieldset')].map((fieldset) => [
      fieldset.querySelector('legend')?.textContent,
      fieldset,
    ]);
    for (const field of experiment.fields) {
      const label = form.element.querySelector(`label[for="field-${field.key}"]`);
      expect(label?.textContent, field.key).toBe(MESSAGES[locale].fieldLabels[field.key]);
      const group = MESSAGES[locale].groups[field.group as 'data' | 'model' | 'training'];
      const fieldset = legends.find(([legend]) => legend === group);
      expect((fieldset?.[1] as Element | undefined)?.contains(input(field.key)), field.key).toBe(
        true,
      );
    }
    const { config, problems } = form.read();
    expect(problems).toEqual([]);
    expect(config).toEqual(experiment.defaults());
  });
});
