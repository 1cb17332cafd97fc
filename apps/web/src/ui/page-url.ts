import type { Locale } from '../i18n/messages.js';

/**
 * Puts a page's state in the address bar without a new history entry: the
 * `query` (`?experiment=...&backend=cpu`) plus `lang`, so a copied link
 * opens the same config in the same language.
 */
export function replacePageUrl(query: string, locale: Locale): void {
  const params = new URLSearchParams(query);
  params.set('lang', locale);
  window.history.replaceState(null, '', `?${params.toString()}`);
}
