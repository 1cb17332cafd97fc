import { fill, type Messages } from '../i18n/messages.js';
import { h } from './dom.js';
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
  readonly element: HTMLElement;
  private readonly select = h('select', { id: 'speed', name: 'speed' });
  private readonly label = h('label', { for: 'speed' });

  constructor(onChange: (epochsPerSecond: number | undefined) => void) {
    this.element = h('div', { class: 'speed' }, this.label, this.select);
    this.select.addEventListener('change', () => onChange(this.pace));
  }

  /** The chosen pace: epochs per second, or `undefined` for as fast as possible. */
  get pace(): number | undefined {
    return this.select.value === '' ? undefined : Number(this.select.value);
  }

  /** Writes the label and options in the page's language, keeping the choice. */
  setMessages(m: Messages): void {
    const chosen = this.select.value;
    this.label.textContent = m.speed;
    this.select.replaceChildren(
      ...PACES.map((pace) =>
        h(
          'option',
          {
            value: pace === undefined ? '' : String(pace),
            selected: String(pace ?? '') === chosen,
          },
          pace === undefined ? m.fastest : fill(m.pace, { rate: formatCount(pace, m.locale) }),
        ),
      ),
    );
  }
}
