import {
  defaultFitChartLabels,
  defaultLossChartLabels,
  type FitChartLabels,
  type LossChartLabels,
} from '@epochlab/plot';
import type { PluralText } from './plural-text.js';

/** Every text the page shows, per language. Spanish follows the notebook's vocabulary. */
export interface Messages {
  readonly locale: Locale;
  readonly title: string;
  readonly tagline: string;
  readonly language: string;
  readonly otherLanguage: string;
  readonly preset: string;
  /** By preset id: the notebook's scenes, then one per experiment (its name). */
  readonly presets: Readonly<Record<string, string>>;
  readonly presetHelp: string;
  readonly config: string;
  readonly experiment: string;
  /** Every experiment's name, by its name in the experiment list. */
  readonly experiments: Readonly<Record<string, string>>;
  /** Every field's label, by config key. */
  readonly fieldLabels: Readonly<Record<string, string>>;
  /** Every field's help line, by config key (English uses the field's own help). */
  readonly fieldHelp: Readonly<Record<string, string>>;
  readonly groups: Readonly<Record<'data' | 'model' | 'training', string>>;
  readonly backend: string;
  readonly backendHelp: string;
  readonly available: string;
  readonly unavailable: string;
  readonly active: string;
  readonly controls: string;
  readonly train: string;
  readonly pause: string;
  readonly resume: string;
  readonly step: string;
  readonly stop: string;
  readonly reset: string;
  readonly regenerate: string;
  readonly fitChart: string;
  readonly lossChart: string;
  readonly logScale: string;
  readonly progress: string;
  readonly idle: string;
  /** The progress line after a run failed (the alert below it says why). */
  readonly failedStatus: string;
  readonly starting: string;
  /** Read out by screen readers when a run starts. */
  readonly announceStarted: string;
  /** The loss numbers under the progress line, with and without a validation set. */
  readonly liveLosses: string;
  readonly liveTrainLoss: string;
  /** The speed control: its label, "as fast as possible", and a pace (`{rate}` epochs/s). */
  readonly speed: string;
  readonly fastest: string;
  readonly pace: string;
  /** The network diagram: its title, its text alternative, its key, and why lines are missing. */
  readonly network: string;
  readonly networkText: string;
  readonly networkKey: string;
  readonly networkTooLarge: string;
  readonly progressLine: string;
  readonly pausedAt: string;
  readonly left: string;
  /** The progress line after a run, by its status; plural by the epochs run (`{epochs}`). */
  readonly finished: Readonly<Record<string, PluralText>>;
  readonly summary: string;
  readonly summaryLabels: Readonly<Record<string, string>>;
  readonly share: string;
  readonly copyLink: string;
  readonly copyCli: string;
  readonly copied: string;
  readonly cliHelp: string;
  readonly downloads: string;
  readonly download: Readonly<Record<string, string>>;
  readonly invalidUrl: string;
  readonly invalidField: string;
  readonly fixForm: string;
  readonly runFailed: string;
  /** The page's background worker itself failed (not a run): a new attempt starts a fresh one. */
  readonly workerFailed: string;
  /** The pinned runs: earlier runs kept to compare the next ones with. */
  readonly pinned: {
    readonly title: string;
    readonly pin: string;
    /** Why Pin is disabled when `maxPinnedRuns` runs are pinned (`{max}`). */
    readonly full: string;
    readonly none: string;
    /** A pinned run's name (`{n}`: 1, 2, ...). */
    readonly run: string;
    /** The unpin button of one run (`{run}`). */
    readonly unpin: string;
    readonly field: string;
    /** The column of the form's config. */
    readonly current: string;
    readonly same: string;
    /** A field the run's experiment does not have. */
    readonly absent: string;
  };
  readonly chartLabels: {
    readonly fit: Readonly<FitChartLabels>;
    readonly loss: Readonly<LossChartLabels>;
    /** The best-epoch note on narrow charts. */
    readonly bestShort: string;
    /** The fit chart's name of the model at its best epoch (`{epoch}`). */
    readonly bestModel: string;
    /** The fit chart's name of the final model beside it (`{epochs}`: epochs run). */
    readonly finalModel: PluralText;
  };
}

const en: Messages = {
  locale: 'en',
  title: 'epochlab',
  tagline:
    'Train a small neural network on noisy points, live in your browser: the notebook’s experiments, the same numbers as the CLI.',
  language: 'Language',
  otherLanguage: 'Español',
  preset: 'Start from',
  presets: {
    scene1: 'Scene 1: fit a line through a DataLoader',
    scene2: 'Scene 2: add a validation set and watch overfitting',
    scene3: 'Scene 3: the same with more data',
    line: 'Line experiment (defaults)',
    polynomial: 'Polynomial experiment (defaults)',
    sine: 'Sine experiment (defaults)',
    data: 'Your own data: load, paste or draw points',
  },
  presetHelp: 'Fills in the form; change any field after.',
  config: 'Configuration',
  experiment: 'Experiment',
  experiments: { line: 'line', polynomial: 'polynomial', sine: 'sine', data: 'your own data' },
  fieldLabels: {
    slope: 'Slope m',
    intercept: 'Intercept b',
    coefficients: 'Coefficients',
    amplitude: 'Amplitude a',
    frequency: 'Frequency f',
    valFraction: 'Validation share',
    standardize: 'Standardise',
    n: 'Training points',
    valN: 'Validation points',
    sigma: 'Noise σ',
    range: 'x range',
    hidden: 'Hidden layers',
    activation: 'Activation',
    init: 'Initialisation',
    loss: 'Loss',
    optimizer: 'Optimizer',
    lr: 'Learning rate',
    momentum: 'Momentum',
    batchSize: 'Batch size',
    shuffle: 'Shuffle every epoch',
    epochs: 'Epochs',
    valEvery: 'Validate every',
    seed: 'Seed',
    trainingPath: 'Training path',
    earlyStopping: 'Early stopping',
    patience: 'Patience (epochs)',
    minDelta: 'Minimum improvement',
    restoreBest: 'Restore the best weights',
  },
  fieldHelp: {},
  groups: { data: 'Data', model: 'Model', training: 'Training' },
  backend: 'Backend',
  backendHelp: 'cpu gives the same numbers as the CLI, bit for bit.',
  available: 'available',
  unavailable: 'not available here',
  active: 'Active backend',
  controls: 'Training controls',
  train: 'Train',
  pause: 'Pause',
  resume: 'Resume',
  step: 'Step',
  stop: 'Stop',
  reset: 'Reset',
  regenerate: 'New data (new seed)',
  fitChart: 'Data and model',
  lossChart: 'Loss',
  logScale: 'Log scale',
  progress: 'Progress',
  idle: 'Ready. Press Train, or Step for one epoch at a time.',
  failedStatus: 'The last run failed (see below). Change what it says, then press Train.',
  starting: 'Starting the backend…',
  announceStarted: 'Training started on {backend}.',
  liveLosses: 'Train loss {train} · validation loss {val} · best epoch {best}',
  liveTrainLoss: 'Train loss {train}',
  speed: 'Speed',
  fastest: 'As fast as possible',
  pace: '{rate} epochs/s',
  network: 'The network',
  networkText:
    '{sizes} units, inputs first ({activation} after each hidden layer): {parameters} parameters, {weights} weights and {biases} biases.',
  networkKey: 'Each line is a weight: orange positive, blue negative, thicker the larger.',
  networkTooLarge: 'Too many weights to draw one line each.',
  progressLine: 'Epoch {epoch} / {epochs} · {rate} epochs/s · {left} left',
  pausedAt: 'Paused before epoch {epoch} / {epochs}',
  left: 'left',
  finished: {
    completed: {
      one: 'Done: {epochs} epoch in {seconds} s ({rate} epochs/s).',
      other: 'Done: {epochs} epochs in {seconds} s ({rate} epochs/s).',
    },
    'stopped-early': {
      one: 'Stopped early after {epochs} epoch.',
      other: 'Stopped early after {epochs} epochs.',
    },
    diverged: { other: 'Diverged: the loss became NaN or infinite at epoch {epoch}.' },
    aborted: { one: 'Stopped after {epochs} epoch.', other: 'Stopped after {epochs} epochs.' },
  },
  summary: 'Summary',
  summaryLabels: {
    parameters: 'Parameters',
    bestValEpoch: 'Best validation epoch',
    bestValLoss: 'Best validation loss',
    finalTrainLoss: 'Final train loss',
    finalValLoss: 'Final validation loss',
    backend: 'Backend',
    epochsPerSecond: 'Epochs per second',
  },
  share: 'Share and export',
  copyLink: 'Copy link',
  copyCli: 'Copy CLI command',
  copied: 'Copied.',
  cliHelp: 'The same run from a terminal:',
  downloads: 'Download the run',
  download: {
    config: 'Config (JSON)',
    historyJson: 'History (JSON)',
    historyCsv: 'History (CSV)',
    fitPng: 'Fit chart (PNG)',
    fitSvg: 'Fit chart (SVG)',
    lossPng: 'Loss chart (PNG)',
    lossSvg: 'Loss chart (SVG)',
    modelJson: 'Model (model.json)',
    modelWeights: 'Model weights (.bin)',
    bestModelJson: 'Model at the best epoch (model-best.json)',
    bestModelWeights: 'Its weights (.bin)',
  },
  invalidUrl: 'Some values in the link were not valid; those fields use their defaults:',
  invalidField: '{field} {problem}; got "{text}"',
  fixForm: 'Fix the highlighted fields to train.',
  runFailed: 'The run failed: {message}',
  workerFailed: "The run stopped: the page's background worker failed. You can start again.",
  pinned: {
    title: 'Pinned runs',
    pin: 'Pin this run',
    full: 'Up to {max} runs can be pinned: unpin one first.',
    none: 'Pin a finished run to see it, faded, under the next runs’ loss curves.',
    run: 'Run {n}',
    unpin: 'Unpin {run}',
    field: 'Field',
    current: 'Current config',
    same: 'The pinned runs have the same config as the form.',
    absent: '—',
  },
  chartLabels: {
    fit: defaultFitChartLabels,
    loss: defaultLossChartLabels,
    bestShort: 'Best: {epoch}',
    bestModel: 'Model at best epoch {epoch}',
    finalModel: {
      one: 'Final model, after {epochs} epoch',
      other: 'Final model, after {epochs} epochs',
    },
  },
};

const es: Messages = {
  locale: 'es',
  title: 'epochlab',
  tagline:
    'Entrena una pequeña red neuronal con puntos ruidosos, en directo en tu navegador: los experimentos del cuaderno, los mismos números que la CLI.',
  language: 'Idioma',
  otherLanguage: 'English',
  preset: 'Empezar desde',
  presets: {
    scene1: 'Escena 1: ajustar una recta con un DataLoader',
    scene2: 'Escena 2: añadir validación y ver el sobreajuste',
    scene3: 'Escena 3: lo mismo con más datos',
    line: 'Experimento recta (valores por defecto)',
    polynomial: 'Experimento polinomio (valores por defecto)',
    sine: 'Experimento seno (valores por defecto)',
    data: 'Tus propios datos: carga, pega o dibuja puntos',
  },
  presetHelp: 'Rellena el formulario; después puedes cambiar cualquier campo.',
  config: 'Configuración',
  experiment: 'Experimento',
  experiments: { line: 'recta', polynomial: 'polinomio', sine: 'seno', data: 'tus propios datos' },
  fieldLabels: {
    slope: 'Pendiente m',
    intercept: 'Ordenada b',
    coefficients: 'Coeficientes',
    amplitude: 'Amplitud a',
    frequency: 'Frecuencia f',
    valFraction: 'Parte para validar',
    standardize: 'Estandarizar',
    n: 'Puntos de entrenamiento',
    valN: 'Puntos de validación',
    sigma: 'Ruido σ',
    range: 'Rango de x',
    hidden: 'Capas ocultas',
    activation: 'Activación',
    init: 'Inicialización',
    loss: 'Pérdida',
    optimizer: 'Optimizador',
    lr: 'Tasa de aprendizaje',
    momentum: 'Momento',
    batchSize: 'Tamaño de lote',
    shuffle: 'Barajar en cada época',
    epochs: 'Épocas',
    valEvery: 'Validar cada',
    seed: 'Semilla',
    trainingPath: 'Ruta de entrenamiento',
    earlyStopping: 'Parada temprana',
    patience: 'Paciencia (épocas)',
    minDelta: 'Mejora mínima',
    restoreBest: 'Recuperar los mejores pesos',
  },
  fieldHelp: {
    slope: 'pendiente m de la recta y = m x + b',
    intercept: 'ordenada en el origen b',
    coefficients: 'coeficientes, del mayor grado al menor ("2,1,0" es 2x² + x)',
    amplitude: 'amplitud a del seno y = a sen(f x)',
    frequency: 'frecuencia f del seno, en radianes por unidad de x',
    valFraction:
      'parte de los puntos que se aparta para validar cuando no hay puntos de validación (0: ninguna)',
    standardize:
      'estandarizar entradas y objetivos (media 0, desviación 1, ajustadas solo con los puntos de entrenamiento)',
    n: 'número de puntos de entrenamiento',
    valN: 'número de puntos de validación (0: sin validación)',
    sigma: 'desviación típica del ruido añadido a x y a y',
    range: 'x se toma uniforme en [-rango, rango]',
    hidden: 'tamaños de las capas ocultas ("12,12,16")',
    activation: 'activación tras cada capa oculta',
    init: 'inicialización de los pesos',
    loss: 'función de pérdida',
    optimizer: 'optimizador',
    lr: 'tasa de aprendizaje',
    momentum: 'momento (solo sgd; 0: SGD simple)',
    batchSize: 'puntos por minilote',
    shuffle: 'barajar los datos de entrenamiento en cada época',
    epochs: 'pasadas por los datos de entrenamiento',
    valEvery: 'validar en las épocas 0, k, 2k, ...',
    seed: 'semilla de los datos, los pesos iniciales y el barajado',
    trainingPath:
      'cómo se calculan los pasos: auto elige el núcleo fusionado donde se puede (cpu, wasm)',
    earlyStopping:
      'parar cuando la pérdida de validación no mejora durante patience épocas (necesita val-n > 0)',
    patience: 'épocas sin una pérdida de validación mejor antes de que la parada temprana termine',
    minDelta: 'una pérdida de validación solo cuenta como mejor si baja del mejor valor menos esto',
    restoreBest:
      'cuando la parada temprana termina, el modelo final toma los pesos de la mejor época',
  },
  groups: { data: 'Datos', model: 'Modelo', training: 'Entrenamiento' },
  backend: 'Backend',
  backendHelp: 'cpu da los mismos números que la CLI, bit a bit.',
  available: 'disponible',
  unavailable: 'no disponible aquí',
  active: 'Backend activo',
  controls: 'Controles del entrenamiento',
  train: 'Entrenar',
  pause: 'Pausa',
  resume: 'Continuar',
  step: 'Paso',
  stop: 'Parar',
  reset: 'Reiniciar',
  regenerate: 'Datos nuevos (otra semilla)',
  fitChart: 'Datos y modelo',
  lossChart: 'Pérdida',
  logScale: 'Escala logarítmica',
  progress: 'Progreso',
  idle: 'Listo. Pulsa Entrenar, o Paso para avanzar época a época.',
  failedStatus: 'La última ejecución falló (ver abajo). Cambia lo que indica y pulsa Entrenar.',
  starting: 'Iniciando el backend…',
  announceStarted: 'Entrenamiento iniciado en {backend}.',
  liveLosses: 'Pérdida de entrenamiento {train} · de validación {val} · mejor época {best}',
  liveTrainLoss: 'Pérdida de entrenamiento {train}',
  speed: 'Velocidad',
  fastest: 'Lo más rápido posible',
  pace: '{rate} épocas/s',
  network: 'La red',
  networkText:
    '{sizes} unidades, la entrada primero ({activation} tras cada capa oculta): {parameters} parámetros, {weights} pesos y {biases} sesgos.',
  networkKey:
    'Cada línea es un peso: naranja si es positivo, azul si es negativo, más gruesa cuanto mayor.',
  networkTooLarge: 'Demasiados pesos para dibujar una línea por peso.',
  progressLine: 'Época {epoch} / {epochs} · {rate} épocas/s · quedan {left}',
  pausedAt: 'En pausa antes de la época {epoch} / {epochs}',
  left: 'quedan',
  finished: {
    completed: {
      one: 'Terminado: {epochs} época en {seconds} s ({rate} épocas/s).',
      other: 'Terminado: {epochs} épocas en {seconds} s ({rate} épocas/s).',
    },
    'stopped-early': {
      one: 'Parada temprana tras {epochs} época.',
      other: 'Parada temprana tras {epochs} épocas.',
    },
    diverged: { other: 'Divergió: la pérdida fue NaN o infinita en la época {epoch}.' },
    aborted: { one: 'Parado tras {epochs} época.', other: 'Parado tras {epochs} épocas.' },
  },
  summary: 'Resumen',
  summaryLabels: {
    parameters: 'Parámetros',
    bestValEpoch: 'Mejor época de validación',
    bestValLoss: 'Mejor pérdida de validación',
    finalTrainLoss: 'Pérdida final de entrenamiento',
    finalValLoss: 'Pérdida final de validación',
    backend: 'Backend',
    epochsPerSecond: 'Épocas por segundo',
  },
  share: 'Compartir y exportar',
  copyLink: 'Copiar enlace',
  copyCli: 'Copiar orden de la CLI',
  copied: 'Copiado.',
  cliHelp: 'La misma ejecución desde un terminal:',
  downloads: 'Descargar la ejecución',
  download: {
    config: 'Configuración (JSON)',
    historyJson: 'Historial (JSON)',
    historyCsv: 'Historial (CSV)',
    fitPng: 'Gráfica de ajuste (PNG)',
    fitSvg: 'Gráfica de ajuste (SVG)',
    lossPng: 'Gráfica de pérdida (PNG)',
    lossSvg: 'Gráfica de pérdida (SVG)',
    modelJson: 'Modelo (model.json)',
    modelWeights: 'Pesos del modelo (.bin)',
    bestModelJson: 'Modelo en la mejor época (model-best.json)',
    bestModelWeights: 'Sus pesos (.bin)',
  },
  invalidUrl: 'Algunos valores del enlace no eran válidos; esos campos usan su valor por defecto:',
  invalidField: '{field} {problem}; se recibió "{text}"',
  fixForm: 'Corrige los campos marcados para entrenar.',
  runFailed: 'La ejecución falló: {message}',
  workerFailed:
    'La ejecución se detuvo: falló el proceso en segundo plano de la página. Puedes empezar de nuevo.',
  pinned: {
    title: 'Ejecuciones fijadas',
    pin: 'Fijar esta ejecución',
    full: 'Se pueden fijar hasta {max} ejecuciones: quita una antes.',
    none: 'Fija una ejecución terminada para verla, atenuada, bajo las curvas de pérdida de las siguientes.',
    run: 'Ejecución {n}',
    unpin: 'Quitar {run}',
    field: 'Campo',
    current: 'Configuración actual',
    same: 'Las ejecuciones fijadas tienen la misma configuración que el formulario.',
    absent: '—',
  },
  chartLabels: {
    fit: {
      x: 'x',
      y: 'y',
      train: 'Entrenamiento',
      validation: 'Validación',
      model: 'Modelo',
      bestModel: 'Modelo en la mejor época',
      truth: 'Función real',
      sampled: 'Se muestran {shown} de {total} puntos (una muestra equiespaciada)',
    },
    loss: {
      x: 'Época',
      y: 'Pérdida',
      train: 'Entrenamiento',
      validation: 'Validación',
      bestValidation: 'Mejor validación: época {epoch}, pérdida {loss}',
    },
    bestShort: 'Mejor: {epoch}',
    bestModel: 'Modelo en la mejor época {epoch}',
    finalModel: {
      one: 'Modelo final, tras {epochs} época',
      other: 'Modelo final, tras {epochs} épocas',
    },
  },
};

/** UI languages. */
export const LOCALES = ['en', 'es'] as const;
/** A UI language. */
export type Locale = (typeof LOCALES)[number];

/** The texts of a language. */
export const MESSAGES: Readonly<Record<Locale, Messages>> = { en, es };

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

/**
 * The language to start in: `lang` from the URL if valid, else the first of
 * the browser's languages that is English or Spanish, else English.
 */
export function pickLocale(urlLang: string | null, browserLanguages: readonly string[]): Locale {
  if (urlLang === 'en' || urlLang === 'es') return urlLang;
  for (const language of browserLanguages) {
    const base = language.toLowerCase().split('-')[0];
    if (base === 'en' || base === 'es') return base;
  }
  return 'en';
}
