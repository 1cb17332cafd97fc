import { html, nothing, render } from 'lit/html.js';
import type { Locale } from '../i18n/messages.js';
import { PAGES, type PageName, pageHref } from './page-links.js';
import { SHELL_MESSAGES } from './shell-messages.js';
import './shell.css';

/** One line of the "this link has bad values" alert: the URL parameter and what is wrong. */
export interface UrlProblemLine {
  readonly key: string;
  readonly text: string;
}

/** What the shell shows around a page's content. */
export interface ShellView {
  readonly locale: Locale;
  /** The page's heading; without one the brand ("epochlab") is the page's `h1`. */
  readonly title?: string;
  readonly tagline: string;
  /** The link's bad values under their heading; none hides the alert. */
  readonly urlProblems: { readonly heading: string; readonly lines: readonly UrlProblemLine[] };
  /** The page's own content (its `<main>` and what belongs to it). */
  readonly content: unknown;
}

/**
 * The frame every page shares: the header with the brand, the nav between
 * the pages (each link keeps the language), the language button, the page's
 * heading and tagline, and the alert listing a link's bad values; the page's
 * content goes below. Rendered with lit-html into the page's root element
 * (light DOM: the page's CSS, ids and accessible names apply as before).
 */
export class PageShell {
  /**
   * @param root The page's root element (`.app`): the shell renders into it.
   * @param page Which page this is: its nav link is marked current.
   * @param onLanguage The language button was pressed.
   */
  constructor(
    readonly root: HTMLElement,
    private readonly page: PageName,
    private readonly onLanguage: () => void,
  ) {}

  /** Draws the shell and the page's content in the view's language. */
  render(view: ShellView): void {
    const s = SHELL_MESSAGES[view.locale];
    const other: Locale = view.locale === 'en' ? 'es' : 'en';
    const brand = view.title ? html`<p class="brand">epochlab</p>` : html`<h1>epochlab</h1>`;
    const problems = view.urlProblems.lines;
    document.documentElement.lang = view.locale;
    render(
      html`
        <header class="top">
          <div>
            ${brand}
            <nav class="nav" aria-label=${s.nav}>
              ${PAGES.map(
                (page) => html`<a
                  id=${`nav-${page === 'notebook' ? 'experiments' : page}`}
                  href=${pageHref(page, view.locale)}
                  aria-current=${page === this.page ? 'page' : nothing}
                  >${s.pages[page]}</a
                >`,
              )}
            </nav>
            ${view.title ? nothing : html`<p class="tagline">${view.tagline}</p>`}
          </div>
          <button
            type="button"
            id="language"
            class="language"
            lang=${other}
            aria-label=${`${s.language}: ${s.otherLanguage}`}
            @click=${this.onLanguage}
          >${s.otherLanguage}</button>
        </header>
        ${
          view.title
            ? html`<div class="intro">
                <h1>${view.title}</h1>
                <p class="tagline">${view.tagline}</p>
              </div>`
            : nothing
        }
        <div id="url-problems" class="alert" role="alert" ?hidden=${problems.length === 0}>
          ${
            problems.length === 0
              ? nothing
              : html`<p>${view.urlProblems.heading}</p>
                  <ul>
                    ${problems.map((line) => html`<li data-field=${line.key}>${line.text}</li>`)}
                  </ul>`
          }
        </div>
        ${view.content}
      `,
      this.root,
    );
  }
}
