import type { Locale } from '../i18n/messages.js';

/** The app's pages, in the order the header's nav lists them. */
export const PAGES = ['notebook', 'lab', 'minima', 'hardware'] as const;

/** One of the app's pages. */
export type PageName = (typeof PAGES)[number];

/** The query that opens each page (the notebook page is the app without one). */
const PAGE_QUERIES: Readonly<Record<PageName, string>> = {
  notebook: '',
  lab: 'experiment=batch-size',
  minima: 'experiment=local-minima',
  hardware: 'experiment=batch-size-hardware',
};

/**
 * The link to a page in `locale`: the page's own query plus `lang`, so the
 * next page speaks the language the reader chose (`?experiment=batch-size&lang=es`).
 */
export function pageHref(page: PageName, locale: Locale): string {
  const query = PAGE_QUERIES[page];
  return `?${query ? `${query}&` : ''}lang=${locale}`;
}

/**
 * Opens the current page again in `locale`, its query kept: for pages whose
 * results are not kept across a change of language (they reload, their form
 * and link values included).
 */
export function reopenInLanguage(locale: Locale): void {
  const query = new URLSearchParams(window.location.search);
  query.set('lang', locale);
  window.location.search = `?${query.toString()}`;
}
