import { html, type TemplateResult } from 'lit/html.js';
import type { Messages } from '../i18n/messages.js';

/**
 * The main page's setup column: its heading, the preset menu, the config
 * form and the backend field (each a view of its own, drawn into these
 * elements).
 */
export function setupSection(
  parts: {
    readonly presets: HTMLElement;
    readonly form: HTMLElement;
    readonly backend: HTMLElement;
  },
  m: Messages,
): TemplateResult {
  return html`<section class="setup" aria-labelledby="setup-title">
    <h2 id="setup-title">${m.config}</h2>
    ${parts.presets}${parts.form}${parts.backend}
  </section>`;
}
