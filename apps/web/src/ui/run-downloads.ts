import type { Messages } from '../i18n/messages.js';
import type { DownloadButton } from '../shell/share-section.js';
import { type DoneMessage, MODEL_WEIGHTS_FILE } from '../worker/protocol.js';
import { bestModelDownloads } from './best-model-downloads.js';
import { downloadFile, downloadUrl, historyToCsv } from './downloads.js';

/** A chart as an image: a PNG data URL or SVG text, or undefined before it is drawn. */
export type ChartImage = (
  which: 'fit' | 'loss',
  format: 'png' | 'svg',
) => Promise<string | undefined>;

/**
 * The main page's downloads of a finished run, named like the CLI's run
 * folder: config, history (JSON exactly as the CLI writes it, and CSV), both
 * charts (PNG, SVG), the trained model and, when kept, the model at its best
 * epoch. Before a run the same buttons are listed (the page disables them).
 */
export function runDownloads(
  run: DoneMessage | undefined,
  labels: Messages['download'],
  chartImage: ChartImage,
): DownloadButton[] {
  const name = run ? `${run.config.experiment}-seed${run.config.seed}` : '';
  const item = (id: string, save: (run: DoneMessage) => void | Promise<void>): DownloadButton => ({
    id,
    label: labels[camelCase(id)] ?? id,
    save: () => (run ? save(run) : undefined),
  });
  const image = (which: 'fit' | 'loss', format: 'png' | 'svg') =>
    item(`${which}-${format}`, async () => {
      const content = await chartImage(which, format);
      if (content === undefined) return;
      if (format === 'png') downloadUrl(`${name}-${which}.png`, content);
      else downloadFile(`${name}-${which}.svg`, content, 'image/svg+xml');
    });
  return [
    item('config', (r) =>
      downloadFile(
        `${name}-config.json`,
        `${JSON.stringify(r.config, null, 2)}\n`,
        'application/json',
      ),
    ),
    item('history-json', (r) =>
      downloadFile(`${name}-history.json`, `${JSON.stringify(r.history)}\n`, 'application/json'),
    ),
    item('history-csv', (r) =>
      downloadFile(`${name}-history.csv`, historyToCsv(r.history), 'text/csv'),
    ),
    image('fit', 'png'),
    image('fit', 'svg'),
    image('loss', 'png'),
    image('loss', 'svg'),
    item('model-json', (r) => downloadFile('model.json', r.model.modelJson, 'application/json')),
    item('model-weights', (r) =>
      downloadFile(MODEL_WEIGHTS_FILE, r.model.weights, 'application/octet-stream'),
    ),
    ...bestModelDownloads(run?.best, labels),
  ];
}

/** `history-json` -> `historyJson`: a button id as its label's key in the messages. */
function camelCase(id: string): string {
  return id.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
}
