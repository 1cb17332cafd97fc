import {
  defaultLocalMinimaConfig,
  LOCAL_MINIMA,
  LOCAL_MINIMA_TITLE,
  type LocalMinimaConfig,
  parseLocalMinimaConfig,
} from '../local-minima/local-minima-config.js';
import { LOCAL_MINIMA_FIELDS } from '../local-minima/local-minima-fields.js';
import type { LabDefinition } from './experiment-definition.js';

/**
 * The local-minima study as an entry of the experiment list, of kind `lab`:
 * its own runner (`runLocalMinima`) and result, the list's config machinery.
 */
export const localMinimaExperiment: LabDefinition<typeof LOCAL_MINIMA, LocalMinimaConfig> = {
  kind: 'lab',
  name: LOCAL_MINIMA,
  title: LOCAL_MINIMA_TITLE,
  description:
    'y = a sin(w x) from a start in a local valley: full-batch descent stays, small shuffled batches escape (share per batch size and learning rate)',
  fields: LOCAL_MINIMA_FIELDS,
  parse: parseLocalMinimaConfig,
  defaults: defaultLocalMinimaConfig,
};
