import type { Locale } from '../i18n/messages.js';
import type { PageName } from './page-links.js';

/** The texts of the page shell: the nav's page names and the controls every page has. */
export interface ShellMessages {
  /** The nav's accessible name. */
  readonly nav: string;
  readonly pages: Readonly<Record<PageName, string>>;
  /** The language button's accessible name, before the other language's name. */
  readonly language: string;
  /** The other language's name, written in that language (the button's text). */
  readonly otherLanguage: string;
}

/** The shell's texts in English and Spanish. */
export const SHELL_MESSAGES: Readonly<Record<Locale, ShellMessages>> = {
  en: {
    nav: 'Pages',
    pages: {
      notebook: 'Experiments',
      lab: 'Batch-size lab',
      minima: 'Local minima',
      hardware: 'Your hardware',
    },
    language: 'Language',
    otherLanguage: 'Español',
  },
  es: {
    nav: 'Páginas',
    pages: {
      notebook: 'Experimentos',
      lab: 'Laboratorio de tamaño de lote',
      minima: 'Mínimos locales',
      hardware: 'Tu hardware',
    },
    language: 'Idioma',
    otherLanguage: 'English',
  },
};
