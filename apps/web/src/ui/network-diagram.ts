import { html, nothing, render, svg } from 'lit/html.js';
import type { Messages } from '../i18n/messages.js';
import { formatCount } from './format.js';
import {
  kernelValues,
  MAX_DRAWN_UNITS,
  type NetworkLayout,
  networkLayout,
  type WeightStyle,
  weightStyle,
} from './network-layout.js';
import { networkText } from './network-text.js';

/** How a weight's line looks before the run sends weights: thin, grey and faint. */
const UNTRAINED: WeightStyle = { color: '#999', width: 0.4, opacity: 0.3 };

/**
 * The MLP drawn as TensorFlow Playground draws it: a column of units per
 * layer and a line per weight, orange for positive and blue for negative,
 * thicker and darker the larger the weight, redrawn as the run trains. The
 * figure's caption names the layer sizes and parameter count in words (its
 * text alternative); the picture itself is decorative for screen readers.
 */
export class NetworkDiagram {
  readonly element = document.createElement('div');
  private widths: readonly number[] = [];
  private activation = '';
  private layout: NetworkLayout | undefined;
  /** Each line's look, in kernel order; empty until the run's weights arrive. */
  private styles: readonly WeightStyle[] = [];
  private messages: Messages;

  constructor(messages: Messages) {
    this.messages = messages;
    this.element.id = 'network';
    this.element.className = 'network';
  }

  /** Draws a network with these layer sizes (inputs first) and hidden activation, untrained. */
  setShape(widths: readonly number[], activation: string): void {
    if (sameWidths(widths, this.widths) && activation === this.activation) return;
    this.widths = [...widths];
    this.activation = activation;
    this.layout = networkLayout(widths);
    this.styles = [];
    this.render();
  }

  /** Redraws the weights (`Mlp.getWeights()`: kernel, bias, kernel, bias, ...). */
  setWeights(weights: readonly ArrayLike<number>[]): void {
    const lines = this.layout?.lines;
    if (!lines || lines.length === 0) return;
    const { values, largest } = kernelValues(weights);
    if (values.length !== lines.length) return;
    this.styles = values.map((w) => weightStyle(w, largest));
    this.render();
  }

  /** Rewrites the caption in the page's language. */
  setMessages(messages: Messages): void {
    this.messages = messages;
    this.render();
  }

  private render(): void {
    const layout = this.layout;
    if (!layout) return;
    const locale = this.messages.locale;
    const lines = (layout.lines ?? []).map((line, i) => {
      const style = this.styles[i] ?? UNTRAINED;
      return svg`<line x1=${line.x1} y1=${line.y1} x2=${line.x2} y2=${line.y2}
        stroke=${style.color} stroke-width=${style.width.toFixed(2)}
        stroke-opacity=${style.opacity.toFixed(2)}></line>`;
    });
    const units = layout.units.map(
      (unit) => svg`<circle cx=${unit.x} cy=${unit.y} r="4.5" class="unit"></circle>`,
    );
    // A layer too wide to draw unit by unit gets its size written under it.
    const counts = this.widths.map((width, layer) => {
      if (width <= MAX_DRAWN_UNITS) return nothing;
      const x = layout.units.find((unit) => unit.layer === layer)?.x ?? 0;
      return svg`<text x=${x} y=${layout.height - 1} text-anchor="middle" class="unit-count">${formatCount(width, locale)}</text>`;
    });
    render(
      html`<svg
          aria-hidden="true"
          focusable="false"
          viewBox=${`0 0 ${layout.width} ${layout.height}`}
        >${lines}${units}${counts}</svg><p id="network-text" class="help">${networkText(
          this.widths,
          this.activation,
          layout,
          this.messages,
        )}</p>`,
      this.element,
    );
  }
}

function sameWidths(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}
