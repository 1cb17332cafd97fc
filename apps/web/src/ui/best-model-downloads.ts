import type { Messages } from '../i18n/messages.js';
import type { DownloadButton } from '../shell/share-section.js';
import { BEST_MODEL_WEIGHTS_FILE, type BestModelMessage } from '../worker/protocol.js';
import { downloadFile } from './downloads.js';

/**
 * The download buttons of the model at its best epoch (`model-best.json` and
 * its weights, the CLI's `model-best/`), or none when the run kept no best
 * model apart from the final one.
 */
export function bestModelDownloads(
  best: BestModelMessage | undefined,
  labels: Messages['download'],
): DownloadButton[] {
  if (best === undefined) return [];
  return [
    {
      id: 'model-best-json',
      label: labels.bestModelJson ?? 'model-best.json',
      save: () => downloadFile('model-best.json', best.model.modelJson, 'application/json'),
    },
    {
      id: 'model-best-weights',
      label: labels.bestModelWeights ?? BEST_MODEL_WEIGHTS_FILE,
      save: () =>
        downloadFile(BEST_MODEL_WEIGHTS_FILE, best.model.weights, 'application/octet-stream'),
    },
  ];
}
