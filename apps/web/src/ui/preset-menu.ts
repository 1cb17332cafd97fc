import type { RunConfig } from '@epochlab/experiments';
import { html, render } from 'lit/html.js';
import type { Messages } from '../i18n/messages.js';
import { matchesPreset, PRESETS, type Preset } from '../state/presets.js';

/**
 * The preset menu: the notebook's scenes and one entry per experiment, each
 * filling the whole form. It names a preset only while the form still holds
 * it (`follow`), so a changed field never leaves "Scene 3" on show.
 */
export class PresetMenu {
  readonly element = document.createElement('div');
  /** The preset shown (`''`: none). */
  private chosen = '';

  /** @param onPick Fills the form with the picked preset. */
  constructor(private readonly onPick: (preset: Preset) => void) {
    this.element.className = 'field';
  }

  /** Shows no preset unless the form's config still is the one chosen. */
  follow(config: RunConfig): void {
    if (!matchesPreset(this.chosen, config)) this.chosen = '';
  }

  /** Draws the label, the menu (disabled while a run goes) and its help in the page's language. */
  render(m: Messages, disabled: boolean): void {
    const picked = (event: Event) => {
      this.chosen = (event.target as HTMLSelectElement).value;
      const preset = PRESETS.find((p) => p.id === this.chosen);
      if (preset) this.onPick(preset);
    };
    render(
      html`<label for="preset">${m.preset}</label><select
          id="preset"
          ?disabled=${disabled}
          @change=${picked}
        ><option value="" .selected=${this.chosen === ''}>—</option>${PRESETS.map(
          (preset) =>
            html`<option value=${preset.id} .selected=${preset.id === this.chosen}>${
              m.presets[preset.id] ?? preset.id
            }</option>`,
        )}</select><small class="help">${m.presetHelp}</small>`,
      this.element,
    );
  }
}
