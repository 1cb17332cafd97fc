import type { Messages } from '../i18n/messages.js';
import { BEST_MODEL_WEIGHTS_FILE, type BestModelMessage } from '../worker/protocol.js';
import { downloadFile } from './downloads.js';

/** Makes one download button: its id, label and what a click saves. */
type DownloadItem = (id: string, label: string | undefined, save: () => void) => HTMLElement;

/**
 * The download buttons of the model at its best epoch (`model-best.json` and
 * its weights, the CLI's `model-best/`), or none when the run kept no best
 * model apart from the final one.
 */
export function bestModelDownloads(
  best: BestModelMessage | undefined,
  item: DownloadItem,
  labels: Messages['download'],
): HTMLElement[] {
  if (best === undefined) return [];
  return [
    item('model-best-json', labels.bestModelJson, () =>
      downloadFile('model-best.json', best.model.modelJson, 'application/json'),
    ),
    item('model-best-weights', labels.bestModelWeights, () =>
      downloadFile(BEST_MODEL_WEIGHTS_FILE, best.model.weights, 'application/octet-stream'),
    ),
  ];
}
