// @vitest-environment happy-dom
import { type DataExperimentConfig, problemText } from '@epochlab/experiments';
import type { LiveChart } from '@epochlab/plot/browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { formConfig } from '../src/state/field-validation.js';
import { ownPointsIssue } from '../src/state/own-points.js';
import type { PointSets } from '../src/state/points-in-url.js';
import { DataPanel } from '../src/ui/data-panel.js';

type View = LiveChart['view'];

/**
 * A stand-in for the fit chart's Vega view: a 200 x 100 plot at (50, 20) in
 * its drawing, x from -1 to 1 and y from 0 to 10 (y grows upwards).
 */
function fakeView(): View {
  const linear = (d0: number, d1: number, r0: number, r1: number) => {
    const scale = (value: number) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
    scale.invert = (pixel: number) => d0 + ((pixel - r0) / (r1 - r0)) * (d1 - d0);
    scale.domain = () => [d0, d1];
    return scale;
  };
  const scales = { x: linear(-1, 1, 0, 200), y: linear(0, 10, 100, 0) };
  return {
    origin: () => [50, 20],
    width: () => 200,
    height: () => 100,
    scale: (name: 'x' | 'y') => scales[name],
  } as unknown as View;
}

let chart: HTMLElement;
let panel: DataPanel;
let changes: PointSets[];
let batchSize: number;

/** A pointer event at the pixel of data point (x, y) in the fake view (drawing at the page's origin). */
function pointer(type: string, x: number, y: number, init: PointerEventInit = {}): void {
  const clientX = 50 + ((x + 1) / 2) * 200;
  const clientY = 20 + (1 - y / 10) * 100;
  chart.dispatchEvent(
    new PointerEvent(type, { bubbles: true, clientX, clientY, button: 0, pointerId: 1, ...init }),
  );
}

const click = (x: number, y: number, init: PointerEventInit = {}) => {
  pointer('pointerdown', x, y, init);
  pointer('pointerup', x, y, init);
};

function paste(text: string): void {
  const box = document.querySelector<HTMLTextAreaElement>('#data-paste');
  if (!box) throw new Error('no paste box');
  box.value = text;
  document.querySelector<HTMLButtonElement>('#data-use-paste')?.click();
}

const status = () => document.querySelector('#data-status')?.textContent ?? '';
const problem = () => document.querySelector('#data-problem')?.textContent ?? '';

beforeEach(() => {
  chart = document.createElement('div');
  chart.append(document.createElement('canvas'));
  changes = [];
  batchSize = 2;
  // The page's check: the data experiment's own schema, with the form's batch size.
  const check = (points: PointSets) => {
    const config = formConfig('data', { batchSize }) as DataExperimentConfig;
    const issue = ownPointsIssue(config, points);
    return issue && `${issue.field} ${problemText(issue.problem)}`;
  };
  panel = new DataPanel(
    chart,
    () => fakeView(),
    (points) => changes.push(points),
    check,
  );
  document.body.replaceChildren(chart, panel.drawBar, panel.element);
  panel.setLocale('en');
  panel.setVisible(true);
});

describe('DataPanel', () => {
  it('labels every control', () => {
    const controls = document.querySelectorAll(
      '#data-bar input, #data-panel input, #data-panel select, #data-panel textarea',
    );
    expect(controls.length).toBe(9);
    for (const control of controls) {
      const label = document.querySelector(`label[for="${control.id}"]`);
      expect(label?.textContent, control.id).toBeTruthy();
    }
  });

  it('uses pasted values for the edited set and says where they came from', () => {
    paste('x,y\n1,2\n3,4\n');
    expect(changes.at(-1)).toEqual({ train: { x: [1, 3], y: [2, 4] } });
    expect(status()).toBe('Training points: 2 (pasted). Validation points: 0.');
    document.querySelector<HTMLInputElement>('#data-set-validation')?.click();
    paste('5,6');
    expect(changes.at(-1)).toEqual({
      train: { x: [1, 3], y: [2, 4] },
      validation: { x: [5], y: [6] },
    });
  });

  it('shows a bad paste as one message and changes nothing', () => {
    paste('x,y\n1,2\n3,4\n');
    const before = changes.length;
    paste('x,y\n1,2\n3,abc\n');
    expect(problem()).toBe(
      'Nothing was loaded: row 3, column 2 (y): "abc" is not a number; allowed: a number such as 0.5 or -1.2e3',
    );
    expect(changes.length).toBe(before);
    expect(panel.points).toEqual({ train: { x: [1, 3], y: [2, 4] } });
    panel.setLocale('es');
    expect(problem()).toBe(
      'No se ha cargado nada: fila 3, columna 2 (y): "abc" no es un número; se admite un número como 0.5 o -1.2e3',
    );
  });

  it('refuses points the experiment would refuse (fewer training rows than the batch size), with its reason', () => {
    batchSize = 5;
    // 6 rows, of which floor(6 x 0.2) = 1 is held out for validation: 5 train, a batch of 5 fits.
    paste('1,2\n3,4\n5,6\n7,8\n9,10\n11,12\n');
    expect(problem()).toBe('');
    paste('1,2\n3,4\n');
    expect(problem()).toBe(
      'Nothing was loaded: batchSize must be at most the number of training rows (2): a batch cannot hold more rows than there are',
    );
    expect(changes).toHaveLength(1);
    expect(panel.points.train.x).toHaveLength(6);
    panel.element.ownerDocument.querySelector<HTMLButtonElement>('#data-clear')?.click();
    expect(panel.blockingProblem()).toBe(
      'No training points: load a file, paste values or draw on the chart.',
    );
  });

  it('offers a column choice for more than two columns and rereads with it', () => {
    paste('name,x,y\nana,1,2\nluis,3,4\n');
    const columns = document.querySelector<HTMLElement>('#data-columns');
    expect(columns?.hidden).toBe(false);
    expect(problem()).toContain('column 1 (name)');
    const xSelect = document.querySelector<HTMLSelectElement>('#data-x');
    if (!xSelect) throw new Error('no x select');
    xSelect.value = 'x';
    xSelect.dispatchEvent(new Event('change'));
    expect(problem()).toBe('');
    expect(changes.at(-1)).toEqual({ train: { x: [1, 3], y: [2, 4] } });
  });

  it('adds a point where the chart is clicked, drags it, and deletes it with shift-click', () => {
    click(0.5, 5);
    expect(changes.at(-1)).toEqual({ train: { x: [0.5], y: [5] } });
    pointer('pointerdown', 0.5, 5);
    pointer('pointermove', -0.25, 7.5);
    pointer('pointerup', -0.25, 7.5);
    expect(changes.at(-1)).toEqual({ train: { x: [-0.25], y: [7.5] } });
    click(-0.25, 7.5, { shiftKey: true });
    expect(changes.at(-1)).toEqual({ train: { x: [], y: [] } });
    expect(status()).toBe('Training points: 0. Validation points: 0.');
  });

  it('draws into the validation set, and Delete removes the point last touched', () => {
    click(-1, 0);
    document.querySelector<HTMLInputElement>('#data-set-validation')?.click();
    click(1, 10);
    click(0, 2);
    expect(changes.at(-1)).toEqual({
      train: { x: [-1], y: [0] },
      validation: { x: [1, 0], y: [10, 2] },
    });
    chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true }));
    expect(changes.at(-1)).toEqual({
      train: { x: [-1], y: [0] },
      validation: { x: [1], y: [10] },
    });
  });

  it('ignores clicks outside the plot area and while disabled', () => {
    chart.dispatchEvent(
      new PointerEvent('pointerdown', { bubbles: true, clientX: 10, clientY: 10, button: 0 }),
    );
    panel.setEnabled(false);
    click(0, 5);
    expect(changes).toEqual([]);
  });

  it('clears the edited set only', () => {
    paste('1,2\n3,4\n');
    document.querySelector<HTMLInputElement>('#data-set-validation')?.click();
    paste('5,6');
    document.querySelector<HTMLButtonElement>('#data-clear')?.click();
    expect(changes.at(-1)).toEqual({ train: { x: [1, 3], y: [2, 4] } });
  });
});
