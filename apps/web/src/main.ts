import { isHardwareUrl } from './hardware/hardware-url.js';
import { pickLocale } from './i18n/messages.js';
import { isLabUrl } from './lab/lab-url-state.js';
import { isMinimaUrl } from './minima/minima-url.js';
import { App } from './ui/app.js';
import './styles.css';

const params = new URLSearchParams(window.location.search);
const locale = pickLocale(params.get('lang'), navigator.languages);
const container = document.getElementById('app');
if (container) {
  if (isLabUrl(window.location.search)) {
    // The lab page is its own chunk: the main page does not load it.
    void import('./lab/lab-page.js').then(({ LabPage }) =>
      new LabPage(locale, window.location.search).mount(container),
    );
  } else if (isMinimaUrl(window.location.search)) {
    void import('./minima/minima-page.js').then(({ MinimaPage }) =>
      new MinimaPage(locale, window.location.search).mount(container),
    );
  } else if (isHardwareUrl(window.location.search)) {
    void import('./hardware/hardware-page.js').then(({ HardwarePage }) =>
      new HardwarePage(locale, window.location.search).mount(container),
    );
  } else {
    void new App(locale, window.location.search).mount(container);
  }
}
