import type { Locale } from '../i18n/messages.js';
import { countText } from '../ui/format.js';

/** Every text of the local-minima page, in one language. */
export interface MinimaMessages {
  readonly title: string;
  readonly intro: string;
  readonly badLink: string;
  readonly run: string;
  readonly running: (done: number, total: number) => string;
  readonly done: (cells: number, seeds: number, seconds: string) => string;
  readonly failed: (message: string) => string;
  readonly stays: (steps: number, loss: string) => string;
  readonly escapes: (inGlobal: number, paths: number, batch: number, lr: number) => string;
  readonly surfaceTitle: string;
  readonly frequency: string;
  readonly amplitude: string;
  readonly loss: string;
  readonly start: string;
  readonly globalMinimum: string;
  readonly fullBatch: (n: number) => string;
  readonly sgdPath: (batch: number, seed: number) => string;
  readonly batch: (label: string) => string;
  readonly escapeByBatchTitle: string;
  readonly escapeByLrTitle: string;
  readonly unsettledTitle: string;
  readonly batchSizeAxis: (seeds: number) => string;
  readonly lrAxis: (seeds: number) => string;
  readonly lrAxisPlain: string;
  readonly shareAxis: string;
  readonly unsettledAxis: string;
  readonly learningRate: string;
  readonly table: {
    readonly lr: string;
    readonly batch: string;
    readonly global: string;
    readonly start: string;
    readonly other: string;
    readonly diverged: string;
    readonly unsettled: string;
    readonly steps: string;
  };
}

const en: MinimaMessages = {
  title: 'Local minima',
  intro:
    'y = a sin(w x) fitted to noisy points of sin(3x), from a start in a local valley. Full-batch gradient descent follows one path and stays; shuffled small batches get a different gradient every step and leave the valley in a share of runs.',
  badLink: 'This link has values that are not allowed; the page uses the defaults:',
  run: 'Run the study',
  running: (done, total) => `Running: ${done} of ${total} cells`,
  done: (cells, seeds, seconds) =>
    `Done: ${countText({ one: '{n} cell', other: '{n} cells' }, cells, 'en')} × ${countText({ one: '{n} run', other: '{n} runs' }, seeds, 'en')} in ${seconds} s`,
  failed: (message) => `The study failed: ${message}`,
  stays: (steps, loss) =>
    `Full batch: ${steps} steps, stays in the start's valley at loss ${loss}.`,
  escapes: (inGlobal, paths, batch, lr) =>
    `Batch ${batch} at lr ${lr}: ${inGlobal} of the ${paths} drawn paths end in the global valley.`,
  surfaceTitle: 'Loss surface over (w, a) with the descent paths',
  frequency: 'Frequency w',
  amplitude: 'Amplitude a',
  loss: 'Loss',
  start: 'Start',
  globalMinimum: 'Global minimum',
  fullBatch: (n) => `full batch (${n})`,
  sgdPath: (batch, seed) => `batch ${batch}, seed ${seed}`,
  batch: (label) =>
    label.startsWith('full') ? label.replace('full', 'full batch') : `batch ${label}`,
  escapeByBatchTitle: 'Share of runs that end in the global valley',
  escapeByLrTitle: 'Share in the global valley, by learning rate',
  unsettledTitle: 'Share of runs that diverge or never settle',
  batchSizeAxis: (seeds) => `Batch size (log scale; band: 95% interval over ${seeds} runs)`,
  lrAxis: (seeds) => `Learning rate (band: 95% interval over ${seeds} runs)`,
  lrAxisPlain: 'Learning rate',
  shareAxis: 'Share in the global valley',
  unsettledAxis: 'Diverged or unsettled',
  learningRate: 'Learning rate',
  table: {
    lr: 'lr',
    batch: 'Batch',
    global: 'Global valley',
    start: 'Start valley',
    other: 'Other',
    diverged: 'Diverged',
    unsettled: 'Unsettled',
    steps: 'Steps to global (median)',
  },
};

const es: MinimaMessages = {
  title: 'Mínimos locales',
  intro:
    'y = a sin(w x) ajustada a puntos con ruido de sin(3x), desde un inicio en un valle local. El descenso del gradiente con todos los datos sigue un único camino y se queda; los lotes pequeños barajados dan un gradiente distinto en cada paso y salen del valle en una parte de las ejecuciones.',
  badLink: 'Este enlace tiene valores no permitidos; la página usa los valores por defecto:',
  run: 'Ejecutar el estudio',
  running: (done, total) => `Ejecutando: ${done} de ${total} celdas`,
  done: (cells, seeds, seconds) =>
    `Hecho: ${countText({ one: '{n} celda', other: '{n} celdas' }, cells, 'es')} × ${countText({ one: '{n} ejecución', other: '{n} ejecuciones' }, seeds, 'es')} en ${seconds} s`,
  failed: (message) => `El estudio falló: ${message}`,
  stays: (steps, loss) =>
    `Lote completo: ${steps} pasos, se queda en el valle del inicio con pérdida ${loss}.`,
  escapes: (inGlobal, paths, batch, lr) =>
    `Lote ${batch} con lr ${lr}: ${inGlobal} de los ${paths} caminos dibujados terminan en el valle global.`,
  surfaceTitle: 'Superficie de pérdida sobre (w, a) con los caminos de descenso',
  frequency: 'Frecuencia w',
  amplitude: 'Amplitud a',
  loss: 'Pérdida',
  start: 'Inicio',
  globalMinimum: 'Mínimo global',
  fullBatch: (n) => `lote completo (${n})`,
  sgdPath: (batch, seed) => `lote ${batch}, semilla ${seed}`,
  batch: (label) =>
    label.startsWith('full') ? label.replace('full', 'lote completo') : `lote ${label}`,
  escapeByBatchTitle: 'Proporción de ejecuciones que terminan en el valle global',
  escapeByLrTitle: 'Proporción en el valle global, por ratio de aprendizaje',
  unsettledTitle: 'Proporción de ejecuciones que divergen o no se asientan',
  batchSizeAxis: (seeds) =>
    `Tamaño de lote (escala log.; banda: intervalo al 95% sobre ${seeds} ejecuciones)`,
  lrAxis: (seeds) => `Ratio de aprendizaje (banda: intervalo al 95% sobre ${seeds} ejecuciones)`,
  lrAxisPlain: 'Ratio de aprendizaje',
  shareAxis: 'Proporción en el valle global',
  unsettledAxis: 'Divergidas o sin asentarse',
  learningRate: 'Ratio de aprendizaje',
  table: {
    lr: 'lr',
    batch: 'Lote',
    global: 'Valle global',
    start: 'Valle del inicio',
    other: 'Otro',
    diverged: 'Divergidas',
    unsettled: 'Sin asentarse',
    steps: 'Pasos hasta el global (mediana)',
  },
};

/** The page's texts by language. */
export const MINIMA_MESSAGES: Readonly<Record<Locale, MinimaMessages>> = { en, es };
