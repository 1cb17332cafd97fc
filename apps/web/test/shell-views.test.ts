// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../src/i18n/messages.js';
import { BackendField } from '../src/shell/backend-field.js';
import { pageHref } from '../src/shell/page-links.js';
import { PageShell } from '../src/shell/page-shell.js';
import { controlStates } from '../src/ui/run-controls.js';
import { RunToolbar } from '../src/ui/run-toolbar.js';

describe('PageShell', () => {
  it('names the four pages in the nav, marks the current one, and keeps the language in each link', () => {
    const root = document.createElement('div');
    const content = document.createElement('main');
    new PageShell(root, 'lab', () => {}).render({
      locale: 'es',
      title: 'Laboratorio de tamaño de lote',
      tagline: 'x',
      urlProblems: { heading: 'Enlace', lines: [{ key: 'seeds', text: 'Semillas ...' }] },
      content,
    });
    const links = [...root.querySelectorAll('nav a')].map((a) => [
      a.textContent,
      a.getAttribute('href'),
      a.getAttribute('aria-current'),
    ]);
    expect(links).toEqual([
      ['Experimentos', '?lang=es', null],
      ['Laboratorio de tamaño de lote', '?experiment=batch-size&lang=es', 'page'],
      ['Mínimos locales', '?experiment=local-minima&lang=es', null],
      ['Tu hardware', '?experiment=batch-size-hardware&lang=es', null],
    ]);
    expect(root.querySelector('h1')?.textContent).toBe('Laboratorio de tamaño de lote');
    expect(root.querySelector('#url-problems li[data-field="seeds"]')?.textContent).toBe(
      'Semillas ...',
    );
    expect(root.querySelector('#language')?.getAttribute('aria-label')).toBe('Idioma: English');
    expect(root.lastElementChild).toBe(content);
    expect(pageHref('notebook', 'en')).toBe('?lang=en');
  });

  it('hides the problems alert when the link has none', () => {
    const root = document.createElement('div');
    new PageShell(root, 'notebook', () => {}).render({
      locale: 'en',
      tagline: 't',
      urlProblems: { heading: 'h', lines: [] },
      content: '',
    });
    expect((root.querySelector('#url-problems') as HTMLElement).hidden).toBe(true);
    expect(root.querySelector('h1')?.textContent).toBe('epochlab');
  });
});

describe('RunToolbar', () => {
  it('enables the buttons the run state allows and says Resume while paused', () => {
    const pressed: string[] = [];
    const press = (name: string) => () => pressed.push(name);
    const toolbar = new RunToolbar({
      train: press('train'),
      pause: press('pause'),
      step: press('step'),
      stop: press('stop'),
      reset: press('reset'),
      regenerate: press('regenerate'),
    });
    const m = MESSAGES.en;
    const button = (id: string) => toolbar.element.querySelector(`#${id}`) as HTMLButtonElement;
    toolbar.render('running', controlStates('running', true), m);
    expect([...toolbar.element.querySelectorAll('button')].map((b) => b.id)).toEqual([
      'train',
      'pause',
      'step',
      'stop',
      'reset',
      'regenerate',
    ]);
    expect(button('train').disabled).toBe(true);
    expect(button('pause').textContent).toBe(m.pause);
    expect(button('pause').getAttribute('aria-pressed')).toBe('false');
    toolbar.render('paused', controlStates('paused', true), m);
    expect(button('pause').textContent).toBe(m.resume);
    expect(button('pause').getAttribute('aria-pressed')).toBe('true');
    expect(button('step').disabled).toBe(false);
    button('step').click();
    button('stop').click();
    expect(pressed).toEqual(['step', 'stop']);
    toolbar.render('idle', controlStates('idle', false), m);
    expect(button('train').disabled).toBe(true); // an invalid form cannot start a run
    expect(button('train').classList.contains('primary')).toBe(true);
  });
});

describe('BackendField', () => {
  it('lists every backend, disables the ones this browser lacks, and names the one that started', () => {
    const picked: string[] = [];
    const field = new BackendField((backend) => picked.push(backend));
    const m = MESSAGES.en;
    field.update({
      selected: 'cpu',
      support: { auto: true, webgpu: false, webgl: true, wasm: true, cpu: true },
      disabled: false,
      active: { name: 'cpu', reason: 'the fused path' },
      help: 'help',
      m,
    });
    const select = field.element.querySelector('#backend') as HTMLSelectElement;
    const options = [...select.options].map((o) => [o.value, o.textContent, o.disabled]);
    expect(options).toEqual([
      ['auto', 'auto', false],
      ['webgpu', `webgpu (${m.unavailable})`, true],
      ['webgl', `webgl (${m.available})`, false],
      ['wasm', `wasm (${m.available})`, false],
      ['cpu', `cpu (${m.available})`, false],
    ]);
    expect(select.value).toBe('cpu');
    const active = field.element.querySelector('#active-backend') as HTMLElement;
    expect(active.textContent).toBe('cpu');
    expect(active.title).toBe('the fused path');
    select.value = 'wasm';
    select.dispatchEvent(new Event('change'));
    expect(picked).toEqual(['wasm']);
    // A later change (a run starts) keeps the user's choice and forgets nothing else.
    field.update({ disabled: true, active: undefined });
    expect(select.value).toBe('wasm');
    expect(select.disabled).toBe(true);
    expect(active.textContent).toBe('—');
    expect(select.options[1]?.disabled).toBe(true);
  });
});
