import { html, render } from 'lit/html.js';
import type { Messages } from '../i18n/messages.js';
import { copyText } from '../ui/copy-text.js';

/** The texts the share section shows. */
type ShareMessages = Pick<
  Messages,
  'share' | 'copyLink' | 'copyCli' | 'copied' | 'cliHelp' | 'downloads'
>;

/** One download button: its id (`download-<id>`), label and what a click saves. */
export interface DownloadButton {
  readonly id: string;
  readonly label: string;
  readonly save: () => void | Promise<void>;
}

/**
 * A page's "Share" section: Copy link and Copy CLI command buttons with their
 * status line, the equivalent `epochlab` command, and the page's downloads
 * (disabled until there is a run to save). Rendered with lit-html into its
 * own light-DOM `<section>`; the page sets the command, the downloads and the
 * language, and the section redraws what changed.
 */
export class ShareSection {
  readonly element = document.createElement('section');
  private messages: ShareMessages | undefined;
  private command = '';
  private downloads: readonly DownloadButton[] = [];
  private downloadsEnabled = false;
  private readonly copyStatus = document.createElement('span');
  private readonly cliOutput = document.createElement('code');

  constructor() {
    this.element.setAttribute('aria-labelledby', 'share-title');
    this.copyStatus.className = 'copy-status';
    this.copyStatus.setAttribute('role', 'status');
    this.copyStatus.setAttribute('aria-live', 'polite');
    this.cliOutput.id = 'cli-command';
  }

  /** Shows the CLI command that reproduces the page's config. */
  setCliCommand(command: string): void {
    this.command = command;
    this.render();
  }

  /** The page's downloads; `enabled` once a run has finished. */
  setDownloads(buttons: readonly DownloadButton[], enabled: boolean): void {
    this.downloads = buttons;
    this.downloadsEnabled = enabled;
    this.render();
  }

  /** Sets every text in the section's language. */
  setMessages(m: ShareMessages): void {
    this.messages = m;
    this.render();
  }

  private render(): void {
    const m = this.messages;
    if (!m) return;
    this.cliOutput.textContent = this.command;
    const copy = (text: () => string) => () =>
      void copyText(text(), this.copyStatus, m.copied, this.cliOutput);
    render(
      html`<h2 id="share-title">${m.share}</h2>
        <div class="share">
          <button type="button" id="copy-link" @click=${copy(() => window.location.href)}>${m.copyLink}</button>
          <button type="button" id="copy-cli" @click=${copy(() => this.command)}>${m.copyCli}</button>
          ${this.copyStatus}
        </div>
        <p class="cli"><span>${m.cliHelp}</span> ${this.cliOutput}</p>
        <h3>${m.downloads}</h3>
        <div class="downloads" id="downloads">
          ${this.downloads.map(
            (button) =>
              html`<button
                type="button"
                id=${`download-${button.id}`}
                ?disabled=${!this.downloadsEnabled}
                @click=${() => void button.save()}
              >${button.label}</button>`,
          )}
        </div>`,
      this.element,
    );
  }
}
