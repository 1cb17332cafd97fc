import type { Messages } from '../i18n/messages.js';
import { copyText } from './copy-text.js';
import { h } from './dom.js';

/** The texts the share section shows. */
type ShareMessages = Pick<
  Messages,
  'share' | 'copyLink' | 'copyCli' | 'copied' | 'cliHelp' | 'downloads'
>;

/**
 * A page's "Share" section: Copy link and Copy CLI command buttons with their
 * status line, the equivalent `epochlab run` command, and the downloads list
 * (filled by the page). The page sets the command with `setCliCommand` and
 * the language with `setMessages`.
 */
export class ShareSection {
  /** The downloads list, for the page to fill. */
  readonly downloadList = h('div', { class: 'downloads', id: 'downloads' });
  readonly element: HTMLElement;
  private readonly cliOutput = h('code', { id: 'cli-command' });
  private readonly copyStatus = h('span', {
    class: 'copy-status',
    role: 'status',
    'aria-live': 'polite',
  });
  private readonly title = h('h2', { id: 'share-title' });
  private readonly copyLink = h('button', { type: 'button', id: 'copy-link' });
  private readonly copyCli = h('button', { type: 'button', id: 'copy-cli' });
  private readonly cliHelp = h('span', {});
  private readonly downloadsTitle = h('h3', {});
  private copied = '';

  constructor() {
    this.copyLink.addEventListener('click', () => void this.copy(window.location.href));
    this.copyCli.addEventListener('click', () => void this.copy(this.cliOutput.textContent ?? ''));
    this.element = h(
      'section',
      { 'aria-labelledby': 'share-title' },
      this.title,
      h('div', { class: 'share' }, this.copyLink, this.copyCli, this.copyStatus),
      h('p', { class: 'cli' }, this.cliHelp, ' ', this.cliOutput),
      this.downloadsTitle,
      this.downloadList,
    );
  }

  /** Shows the CLI command that reproduces the page's config. */
  setCliCommand(command: string): void {
    this.cliOutput.textContent = command;
  }

  /** Sets every text in the section's language. */
  setMessages(m: ShareMessages): void {
    this.title.textContent = m.share;
    this.copyLink.textContent = m.copyLink;
    this.copyCli.textContent = m.copyCli;
    this.cliHelp.textContent = m.cliHelp;
    this.downloadsTitle.textContent = m.downloads;
    this.copied = m.copied;
  }

  private async copy(text: string): Promise<void> {
    await copyText(text, this.copyStatus, this.copied, this.cliOutput);
  }
}
