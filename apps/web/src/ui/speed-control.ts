import { html, render } from 'lit/html.js';
import { fill, type Messages } from '../i18n/messages.js';
import { formatCount } from './format.js';

/**
 * The paces offered, in epochs per second: `undefined` is as fast as
 * possible (the default); the others slow a run down enough to watch the
 * model bend, down to a few epochs a second. The numbers are the same at
 * any pace.
 */
export const PACES: readonly (number | undefined)[] = [undefined, 2000, 500, 100, 20, 5];

/** A labelled select of {@link PACES}, reporting the chosen pace on change. */
export class SpeedControl {
  readonly element = document.createElement('div');
  private chosen: number | undefined = undefined;

  constructor(private readonly onChange: (epochsPerSecond: number | undefined) => void) {
    this.element.className = 'speed';
  }

  /** The chosen pace: epochs per second, or `undefined` for as fast as possible. */
  get pace(): number | undefined {
    return this.chosen;
  }

  /** Draws the label and options in the page's language, keeping the choice. */
  render(m: Messages): void {
    const changed = (event: Event) => {
      const value = (event.target as HTMLSelectElement).value;
      this.chosen = value === '' ? undefined : Number(value);
      this.onChange(this.chosen);
    };
    render(
      html`<label for="speed">${m.speed}</label><select id="speed" name="speed" @change=${changed}>${PACES.map(
        (pace) =>
          html`<option value=${pace === undefined ? '' : String(pace)} .selected=${pace === this.chosen}>${
            pace === undefined ? m.fastest : fill(m.pace, { rate: formatCount(pace, m.locale) })
          }</option>`,
      )}</select>`,
      this.element,
    );
  }
}
