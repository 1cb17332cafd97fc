import { pickLocale } from './i18n/messages.js';
import { App } from './ui/app.js';
import './styles.css';

const params = new URLSearchParams(window.location.search);
const app = new App(pickLocale(params.get('lang'), navigator.languages), window.location.search);
const container = document.getElementById('app');
if (container) void app.mount(container);
