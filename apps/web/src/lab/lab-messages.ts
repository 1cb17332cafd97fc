import { type Locale, MESSAGES } from '../i18n/messages.js';
import type { PluralText } from '../i18n/plural-text.js';

/** Every text of the batch-size lab page, per language (the shared ones come from `MESSAGES`). */
export interface LabMessages {
  readonly title: string;
  readonly tagline: string;
  readonly experimentsNav: string;
  readonly fieldLabels: Readonly<Record<string, string>>;
  readonly fieldHelp: Readonly<Record<string, string>>;
  readonly groups: Readonly<Record<'data' | 'model' | 'training' | 'lab' | 'path', string>>;
  readonly datasets: Readonly<Record<string, string>>;
  readonly run: string;
  readonly stop: string;
  /** Before a run: `{seeds}` is {@link seedCount} filled. */
  readonly idle: string;
  /** `{n}` seeds and `{n}` batch sizes, in the language's plural forms (the `{groups}` of `finished`). */
  readonly seedCount: PluralText;
  readonly batchSizeCount: PluralText;
  readonly starting: string;
  readonly progressLine: string;
  readonly finished: Readonly<Record<'completed' | 'aborted' | 'diverged', string>>;
  readonly lossChart: string;
  readonly against: string;
  readonly epochs: string;
  readonly steps: string;
  readonly lossExplain: string;
  /** What the run's bands show: `{narrowest}` and `{widest}` are batch-size names. */
  readonly bandWidths: string;
  /** The table's full-batch row: `{n}` is the number of training points. */
  readonly tableFullBatch: string;
  readonly valChart: string;
  readonly valExplain: string;
  readonly noValidation: string;
  readonly cosineChart: string;
  readonly cosineExplain: string;
  readonly varianceChart: string;
  readonly varianceExplain: string;
  readonly tableTitle: string;
  readonly tableExplain: string;
  readonly tableColumns: Readonly<
    Record<
      'batchSize' | 'stepsPerEpoch' | 'finalVal' | 'finalTrain' | 'bestVal' | 'seconds' | 'cosine',
      string
    >
  >;
  readonly tableEmpty: string;
  readonly lineChart: string;
  readonly lineExplain: string;
  readonly lineWaiting: string;
  readonly lineStatus: string;
  readonly lineDiverged: string;
  readonly lineKeys: string;
  readonly replay: string;
  readonly pickHint: string;
  readonly chartLabels: {
    readonly epoch: string;
    readonly step: string;
    readonly cosine: string;
    readonly variance: string;
    readonly fullBatch: string;
    readonly batch: string;
    readonly start: string;
    readonly minimum: string;
    readonly loss: string;
    readonly slope: string;
    readonly intercept: string;
  };
  readonly download: Readonly<Record<'config' | 'results' | 'summary' | 'lineView', string>>;
  readonly backendHelp: string;
}

const en: LabMessages = {
  title: 'Batch-size lab',
  tagline:
    'One dataset, one model, several batch sizes and several seeds each: see why the notebook says batch size is a trade-off.',
  experimentsNav: 'Experiments',
  fieldLabels: {
    ...MESSAGES.en.fieldLabels,
    dataset: 'Dataset',
    batchSizes: 'Batch sizes',
    seeds: 'Seeds per batch size',
    noiseEvery: 'Measure gradient noise every',
    pathStart: 'Path start (m, b)',
    pathLr: 'Path learning rate',
    pathSteps: 'Path steps',
  },
  fieldHelp: {},
  groups: {
    data: 'Data',
    model: 'Model',
    training: 'Training',
    lab: 'Batch sizes and seeds',
    path: 'Line view',
  },
  datasets: { line: 'line', polynomial: 'polynomial' },
  run: 'Run the lab',
  stop: 'Stop',
  idle: 'Ready. Run the lab to train every batch size with {seeds} each.',
  seedCount: { one: '{n} seed', other: '{n} seeds' },
  batchSizeCount: { one: '{n} batch size', other: '{n} batch sizes' },
  starting: 'Starting the backend…',
  progressLine:
    'Batch size {label} ({group} of {groups}) · epoch {epoch} / {epochs} · {elapsed} so far',
  finished: {
    completed: 'Done: {groups} × {seeds} in {seconds} s.',
    aborted: 'Stopped: {done} of {groups} finished.',
    diverged: 'Done, but some runs diverged (loss NaN or infinite): their curves stop there.',
  },
  lossChart: 'Training loss',
  against: 'Against',
  epochs: 'epochs',
  steps: 'gradient steps',
  lossExplain:
    'Each line is the mean over the seeds and the band spans one standard deviation either side. Against epochs, small batches win: they take many steps per pass over the data. Against gradient steps, the full batch wins: each of its steps uses every point.',
  bandWidths:
    'In this run, {narrowest} has the narrowest band (its seeds agree most) and {widest} the widest.',
  valChart: 'Validation loss',
  valExplain:
    'The same models on points they never trained on. Compare where each batch size ends and how much its seeds disagree (the band’s width): the noise of small batches can help or hurt generalisation.',
  noValidation: 'No validation points (validation points = 0).',
  cosineChart: 'Gradient direction: cosine to the full-batch gradient',
  cosineExplain:
    'How well a mini-batch’s gradient points where the whole dataset’s gradient points (1: the same direction, 0: at right angles). The full batch is always 1. The smaller the batch, the more its steps point elsewhere: that noise is what lets SGD wander out of a poor minimum, and what makes its path zig-zag.',
  varianceChart: 'Gradient noise: variance across batches',
  varianceExplain:
    'The mean squared distance between the mini-batch gradients and the full-batch gradient. It shrinks roughly like 1 / batch size and is zero for the full batch. A smaller learning rate keeps the noisy steps small.',
  tableTitle: 'Per batch size',
  tableExplain:
    'Mean ± standard deviation over the seeds. Smaller batches take more steps per epoch, so an epoch costs more time; the validation losses show which trade-off paid off on this data.',
  tableColumns: {
    batchSize: 'Batch size',
    stepsPerEpoch: 'Steps per epoch',
    finalVal: 'Final validation loss',
    finalTrain: 'Final training loss',
    bestVal: 'Best validation loss',
    seconds: 'Seconds per run',
    cosine: 'Final cosine',
  },
  tableEmpty: 'Rows appear as each batch size finishes.',
  tableFullBatch: 'full ({n})',
  lineChart: 'The path to the minimum, for a line y = m x + b',
  lineExplain:
    'The loss of a straight line y = m x + b on the same training points, over every (m, b): the contour lines crowd towards the minimum (the gold diamond), and lighter is lower. From the same start (the black dot), full-batch gradient descent walks smoothly downhill; mini-batch SGD zig-zags around it, more the smaller the batch, with the same learning rate and number of steps. Click the surface to start from another point (or type it in the path start field).',
  lineWaiting: 'The surface appears as soon as the lab has drawn its data.',
  lineStatus: 'Start (m, b) = ({m}, {b}) · step {step} / {steps}',
  lineDiverged:
    'Some paths left the finite numbers and stop early: try a smaller path learning rate.',
  lineKeys:
    'Loss surface with the descent paths. Arrow keys move the start point, Enter replays the paths.',
  replay: 'Replay the paths',
  pickHint: 'Click the surface to pick a new start point.',
  chartLabels: {
    epoch: 'Epoch',
    step: 'Gradient step',
    cosine: 'Cosine',
    variance: 'Variance',
    fullBatch: 'full batch',
    batch: 'batch {label}',
    start: 'Start',
    minimum: 'Minimum',
    loss: 'Loss',
    slope: 'Slope m',
    intercept: 'Intercept b',
  },
  download: {
    config: 'Config (JSON)',
    results: 'Results (JSON)',
    summary: 'Summary (JSON)',
    lineView: 'Line view (JSON)',
  },
  backendHelp:
    'cpu, the default here, is the fastest for these tiny models and gives the CLI’s numbers bit for bit.',
};

const es: LabMessages = {
  title: 'Laboratorio de tamaño de lote',
  tagline:
    'Un conjunto de datos, un modelo, varios tamaños de lote y varias semillas en cada uno: mira por qué el cuaderno dice que el tamaño de lote es un compromiso.',
  experimentsNav: 'Experimentos',
  fieldLabels: {
    ...MESSAGES.es.fieldLabels,
    dataset: 'Conjunto de datos',
    batchSizes: 'Tamaños de lote',
    seeds: 'Semillas por tamaño de lote',
    noiseEvery: 'Medir el ruido del gradiente cada',
    pathStart: 'Inicio del camino (m, b)',
    pathLr: 'Tasa de aprendizaje del camino',
    pathSteps: 'Pasos del camino',
  },
  fieldHelp: {
    ...MESSAGES.es.fieldHelp,
    dataset: 'de dónde salen los puntos: una recta o un polinomio con ruido',
    batchSizes: 'tamaños de lote a comparar ("1,5,25,full"; full: todos los puntos)',
    seeds: 'ejecuciones por tamaño de lote, con semillas seed, seed+1, ...',
    noiseEvery: 'medir el ruido del gradiente en las épocas 0, k, 2k, ... y la última',
    pathStart: 'punto de partida (m, b) de los caminos sobre la superficie',
    pathLr: 'tasa de aprendizaje de los caminos de la recta',
    pathSteps: 'número de pasos de cada camino',
    seed: 'semilla de los datos; la ejecución k usa seed+k para los pesos y el barajado',
  },
  groups: {
    data: 'Datos',
    model: 'Modelo',
    training: 'Entrenamiento',
    lab: 'Tamaños de lote y semillas',
    path: 'Vista de la recta',
  },
  datasets: { line: 'recta', polynomial: 'polinomio' },
  run: 'Ejecutar el laboratorio',
  stop: 'Parar',
  idle: 'Listo. Ejecuta el laboratorio para entrenar cada tamaño de lote con {seeds}.',
  seedCount: { one: '{n} semilla', other: '{n} semillas' },
  batchSizeCount: { one: '{n} tamaño de lote', other: '{n} tamaños de lote' },
  starting: 'Iniciando el backend…',
  progressLine:
    'Tamaño de lote {label} ({group} de {groups}) · época {epoch} / {epochs} · {elapsed} hasta ahora',
  finished: {
    completed: 'Terminado: {groups} × {seeds} en {seconds} s.',
    aborted: 'Parado: {done} de {groups} terminados.',
    diverged:
      'Terminado, pero algunas ejecuciones divergieron (pérdida NaN o infinita): sus curvas se cortan ahí.',
  },
  lossChart: 'Pérdida de entrenamiento',
  against: 'Frente a',
  epochs: 'épocas',
  steps: 'pasos de gradiente',
  lossExplain:
    'Cada línea es la media sobre las semillas y la banda abarca una desviación típica a cada lado. Frente a las épocas ganan los lotes pequeños: dan muchos pasos en cada pasada por los datos. Frente a los pasos de gradiente gana el lote completo: cada paso usa todos los puntos.',
  bandWidths:
    'En esta ejecución, {narrowest} tiene la banda más estrecha (sus semillas coinciden más) y {widest} la más ancha.',
  valChart: 'Pérdida de validación',
  valExplain:
    'Los mismos modelos sobre puntos con los que nunca entrenaron. Compara dónde acaba cada tamaño de lote y cuánto discrepan sus semillas (el ancho de la banda): el ruido de los lotes pequeños puede ayudar o perjudicar a la generalización.',
  noValidation: 'Sin puntos de validación (puntos de validación = 0).',
  cosineChart: 'Dirección del gradiente: coseno con el gradiente del lote completo',
  cosineExplain:
    'Cuánto apunta el gradiente de un minilote hacia donde apunta el de todo el conjunto (1: la misma dirección, 0: en ángulo recto). El lote completo siempre da 1. Cuanto más pequeño el lote, más apuntan sus pasos a otro sitio: ese ruido es lo que deja a SGD salir de un mínimo pobre, y lo que hace zigzaguear su camino.',
  varianceChart: 'Ruido del gradiente: varianza entre lotes',
  varianceExplain:
    'La distancia cuadrática media entre los gradientes de los minilotes y el del lote completo. Se reduce más o menos como 1 / tamaño de lote y es cero con el lote completo. Una tasa de aprendizaje pequeña mantiene pequeños los pasos ruidosos.',
  tableTitle: 'Por tamaño de lote',
  tableExplain:
    'Media ± desviación típica sobre las semillas. Los lotes pequeños dan más pasos por época, así que cada época cuesta más tiempo; las pérdidas de validación muestran qué compromiso salió mejor con estos datos.',
  tableColumns: {
    batchSize: 'Tamaño de lote',
    stepsPerEpoch: 'Pasos por época',
    finalVal: 'Pérdida final de validación',
    finalTrain: 'Pérdida final de entrenamiento',
    bestVal: 'Mejor pérdida de validación',
    seconds: 'Segundos por ejecución',
    cosine: 'Coseno final',
  },
  tableEmpty: 'Las filas aparecen al terminar cada tamaño de lote.',
  tableFullBatch: 'completo ({n})',
  lineChart: 'El camino hacia el mínimo, para una recta y = m x + b',
  lineExplain:
    'La pérdida de una recta y = m x + b sobre los mismos puntos de entrenamiento, para cada (m, b): las curvas de nivel se aprietan hacia el mínimo (el rombo dorado), y más claro es más bajo. Desde el mismo inicio (el punto negro), el descenso de gradiente con el lote completo baja suavemente; SGD con minilotes zigzaguea a su alrededor, más cuanto más pequeño el lote, con la misma tasa de aprendizaje y el mismo número de pasos. Haz clic en la superficie para empezar desde otro punto (o escríbelo en el campo de inicio del camino).',
  lineWaiting: 'La superficie aparece en cuanto el laboratorio genera sus datos.',
  lineStatus: 'Inicio (m, b) = ({m}, {b}) · paso {step} / {steps}',
  lineDiverged:
    'Algunos caminos salen de los números finitos y se cortan: prueba una tasa de aprendizaje del camino más pequeña.',
  lineKeys:
    'Superficie de pérdida con los caminos de descenso. Las flechas mueven el punto de partida; Intro repite los caminos.',
  replay: 'Repetir los caminos',
  pickHint: 'Haz clic en la superficie para elegir otro punto de partida.',
  chartLabels: {
    epoch: 'Época',
    step: 'Paso de gradiente',
    cosine: 'Coseno',
    variance: 'Varianza',
    fullBatch: 'lote completo',
    batch: 'lote {label}',
    start: 'Inicio',
    minimum: 'Mínimo',
    loss: 'Pérdida',
    slope: 'Pendiente m',
    intercept: 'Ordenada b',
  },
  download: {
    config: 'Configuración (JSON)',
    results: 'Resultados (JSON)',
    summary: 'Resumen (JSON)',
    lineView: 'Vista de la recta (JSON)',
  },
  backendHelp:
    'cpu, el de por defecto aquí, es el más rápido para estos modelos pequeños y da los mismos números que la CLI, bit a bit.',
};

/** The lab's texts of each language. */
export const LAB_MESSAGES: Readonly<Record<Locale, LabMessages>> = { en, es };
