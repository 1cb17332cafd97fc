import type { Messages } from '../i18n/messages.js';
import { WEB_BACKENDS, type WebBackend } from '../state/web-backend.js';
import type { BackendSupport } from './backend-support.js';
import { h } from './dom.js';

/**
 * The `<option>`s of a backend `<select>`: every web backend, `selected` on
 * the chosen one, each but `auto` labelled available or unavailable here and
 * disabled when unavailable.
 */
export function backendOptions(
  selected: WebBackend,
  support: BackendSupport,
  m: Pick<Messages, 'available' | 'unavailable'>,
): HTMLOptionElement[] {
  return WEB_BACKENDS.map((name) =>
    h(
      'option',
      { value: name, selected: name === selected, disabled: !support[name] },
      name === 'auto' ? 'auto' : `${name} (${support[name] ? m.available : m.unavailable})`,
    ),
  );
}
