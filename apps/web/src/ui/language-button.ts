import type { Locale, Messages } from '../i18n/messages.js';
import { h } from './dom.js';

/** The header button that switches between English and Spanish. */
export interface LanguageButton {
  readonly element: HTMLButtonElement;
  /** Labels the button with the other language, in the page's current `locale`. */
  update(m: Pick<Messages, 'language' | 'otherLanguage'>, locale: Locale): void;
}

/** The language switch (`#language`): shows the other language's name and calls `onSwitch` on a click. */
export function languageButton(onSwitch: () => void): LanguageButton {
  const element = h('button', { type: 'button', id: 'language', class: 'language' });
  element.addEventListener('click', onSwitch);
  return {
    element,
    update(m, locale) {
      element.textContent = m.otherLanguage;
      element.setAttribute('aria-label', `${m.language}: ${m.otherLanguage}`);
      element.setAttribute('lang', locale === 'en' ? 'es' : 'en');
    },
  };
}
