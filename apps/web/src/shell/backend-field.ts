import { html, nothing, render } from 'lit/html.js';
import type { Messages } from '../i18n/messages.js';
import { WEB_BACKENDS, type WebBackend } from '../state/web-backend.js';
import type { BackendSupport } from '../ui/backend-support.js';

/** What the backend field shows. */
export interface BackendFieldView {
  readonly selected: WebBackend;
  /** Which backends this browser offers; the others are listed, disabled. */
  readonly support: BackendSupport;
  /** While a run goes the backend cannot change. */
  readonly disabled: boolean;
  /** The backend that started and why (`auto`'s reason, as a tooltip); none before a run. */
  readonly active: { readonly name: string; readonly reason: string } | undefined;
  /** The page's own help line under the menu. */
  readonly help: string;
  readonly m: Pick<Messages, 'backend' | 'active' | 'available' | 'unavailable'>;
}

/**
 * The backend menu every training page has (`#backend`: auto, webgpu, webgl,
 * wasm, cpu, each but `auto` marked available or unavailable here) and the
 * backend that actually started (`#active-backend`). Rendered with lit-html
 * into its own light-DOM field, from what the page last gave it.
 */
export class BackendField {
  readonly element = document.createElement('div');
  private view: Partial<BackendFieldView> = { active: undefined, disabled: false };

  /** @param onChange The user picked another backend. */
  constructor(private readonly onChange: (backend: WebBackend) => void) {
    this.element.className = 'field backend';
  }

  /**
   * Changes what the field shows (the rest stays) and redraws it, once the
   * page has given its language, help line, choice and what this browser offers.
   */
  update(changes: Partial<BackendFieldView>): void {
    this.view = { ...this.view, ...changes };
    const { selected, support, m, help } = this.view;
    if (selected === undefined || support === undefined || m === undefined || help === undefined) {
      return;
    }
    this.render({
      selected,
      support,
      m,
      help,
      disabled: this.view.disabled ?? false,
      active: this.view.active,
    });
  }

  private render(view: BackendFieldView): void {
    const { m, support } = view;
    render(
      html`<label for="backend">${m.backend}</label>
        <select
          id="backend"
          name="backend"
          ?disabled=${view.disabled}
          @change=${(event: Event) => {
            const backend = (event.target as HTMLSelectElement).value as WebBackend;
            this.view = { ...this.view, selected: backend };
            this.onChange(backend);
          }}
        >
          ${WEB_BACKENDS.map(
            (name) =>
              html`<option value=${name} ?disabled=${!support[name]}>${
                name === 'auto'
                  ? 'auto'
                  : `${name} (${support[name] ? m.available : m.unavailable})`
              }</option>`,
          )}
        </select>
        <small class="help">${view.help}</small>
        <p>
          <span>${m.active}: </span><output
            id="active-backend"
            for="backend"
            title=${view.active?.reason ?? nothing}
          >${view.active?.name ?? '—'}</output>
        </p>`,
      this.element,
    );
    // After the options exist (a property binding on the <select> would run before them).
    const select = this.element.querySelector('select');
    if (select) select.value = view.selected;
  }
}
