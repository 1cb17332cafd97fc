import { fill, type Messages } from '../i18n/messages.js';
import { h } from './dom.js';
import { formatCount } from './format.js';
import {
  kernelValues,
  MAX_DRAWN_UNITS,
  type NetworkLayout,
  networkLayout,
  weightStyle,
} from './network-layout.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

/**
 * The MLP drawn as TensorFlow Playground draws it: a column of units per
 * layer and a line per weight, orange for positive and blue for negative,
 * thicker and darker the larger the weight, redrawn as the run trains. The
 * figure's caption names the layer sizes and parameter count in words (its
 * text alternative); the picture itself is decorative for screen readers.
 */
export class NetworkDiagram {
  readonly element: HTMLElement;
  private readonly picture = svg('svg', { 'aria-hidden': 'true', focusable: 'false' });
  private readonly caption = h('p', { id: 'network-text', class: 'help' });
  private widths: readonly number[] = [];
  private activation = '';
  private layout: NetworkLayout | undefined;
  private lines: SVGLineElement[] = [];
  private messages: Messages;

  constructor(messages: Messages) {
    this.messages = messages;
    this.element = h('div', { id: 'network', class: 'network' });
    this.element.append(this.picture as unknown as Node, this.caption);
  }

  /** Draws a network with these layer sizes (inputs first) and hidden activation, untrained. */
  setShape(widths: readonly number[], activation: string): void {
    if (sameWidths(widths, this.widths) && activation === this.activation) return;
    this.widths = [...widths];
    this.activation = activation;
    const layout = networkLayout(widths);
    this.layout = layout;
    this.picture.setAttribute('viewBox', `0 0 ${layout.width} ${layout.height}`);
    this.lines = (layout.lines ?? []).map((line) =>
      svg('line', {
        x1: line.x1,
        y1: line.y1,
        x2: line.x2,
        y2: line.y2,
        stroke: '#999',
        'stroke-width': 0.4,
        'stroke-opacity': 0.3,
      }),
    );
    const units = layout.units.map((unit) =>
      svg('circle', { cx: unit.x, cy: unit.y, r: 4.5, class: 'unit' }),
    );
    // A layer too wide to draw unit by unit gets its size written under it.
    const counts: SVGTextElement[] = [];
    this.widths.forEach((width, layer) => {
      if (width <= MAX_DRAWN_UNITS) return;
      const x = layout.units.find((unit) => unit.layer === layer)?.x ?? 0;
      const text = svg('text', {
        x,
        y: layout.height - 1,
        'text-anchor': 'middle',
        class: 'unit-count',
      });
      text.textContent = formatCount(width, this.messages.locale);
      counts.push(text);
    });
    this.picture.replaceChildren(...this.lines, ...units, ...counts);
    this.writeCaption();
  }

  /** Redraws the weights (`Mlp.getWeights()`: kernel, bias, kernel, bias, ...). */
  setWeights(weights: readonly ArrayLike<number>[]): void {
    if (this.lines.length === 0) return;
    const { values, largest } = kernelValues(weights);
    if (values.length !== this.lines.length) return;
    values.forEach((w, i) => {
      const style = weightStyle(w, largest);
      const line = this.lines[i];
      if (!line) return;
      line.setAttribute('stroke', style.color);
      line.setAttribute('stroke-width', style.width.toFixed(2));
      line.setAttribute('stroke-opacity', style.opacity.toFixed(2));
    });
  }

  /** Rewrites the caption in the page's language. */
  setMessages(messages: Messages): void {
    this.messages = messages;
    this.writeCaption();
  }

  private writeCaption(): void {
    const layout = this.layout;
    if (!layout) return;
    const m = this.messages;
    const l = m.locale;
    const sizes = this.widths.map((w) => formatCount(w, l)).join(' → ');
    const text = fill(m.networkText, {
      sizes,
      activation: this.activation,
      parameters: formatCount(layout.weightCount + layout.biasCount, l),
      weights: formatCount(layout.weightCount, l),
      biases: formatCount(layout.biasCount, l),
    });
    this.caption.textContent =
      layout.lines === undefined ? `${text} ${m.networkTooLarge}` : `${text} ${m.networkKey}`;
  }
}

function sameWidths(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}
