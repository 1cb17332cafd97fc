import type { Locale } from '../i18n/messages.js';

/** One step's words: a title, what it shows, and what to look for on the page. */
export interface LessonStepText {
  readonly title: string;
  readonly text: string;
  readonly lookFor: string;
}

/** The lesson panel's words in one language. */
export interface LessonMessages {
  readonly heading: string;
  /** `Step {step} of {steps}`. */
  readonly stepOf: string;
  readonly previous: string;
  readonly next: string;
  /** The button that sets up a step's run and trains it. */
  readonly run: string;
  /** The link of a step that leads to another page. */
  readonly open: string;
  readonly lookFor: string;
  readonly hide: string;
  readonly show: string;
  readonly steps: Readonly<Record<string, LessonStepText>>;
}

/**
 * The guided lesson in English and Spanish. The numbers are those of the
 * steps' configs on cpu (the CLI prints the same); a test checks each step
 * has its words in both languages.
 */
export const LESSON_MESSAGES: Readonly<Record<Locale, LessonMessages>> = {
  en: {
    heading: 'Lesson: what the notebook shows',
    stepOf: 'Step {step} of {steps}',
    previous: 'Previous',
    next: 'Next',
    run: 'Run this step',
    open: 'Open the batch-size lab',
    lookFor: 'What to look for',
    hide: 'Hide the lesson',
    show: 'Show the lesson',
    steps: {
      data: {
        title: 'The data',
        text: 'Five training points drawn from the line y = x, with noise (σ = 0.2) on x and on y. A network will learn a curve through them; it never sees the line itself.',
        lookFor: 'In "Data and model": the red points scatter around the dashed true line.',
      },
      model: {
        title: 'The model and its 405 parameters',
        text: 'A multilayer perceptron 1-12-12-16-1 with LeakyReLU after each hidden layer: 364 weights and 41 biases, 405 numbers that training adjusts, against 5 points.',
        lookFor: 'In "The network": one line per weight. In the summary: Parameters 405.',
      },
      training: {
        title: 'Training: the loss per epoch',
        text: 'Each epoch passes over the 5 points in shuffled mini-batches (a DataLoader with batch size 5) and takes one SGD step per batch. The loss (mean absolute error) is recorded every epoch.',
        lookFor:
          'In "Loss": the red training curve falls, to about 0.13 after 20,000 epochs; the model bends towards the red points.',
      },
      validation: {
        title: 'Validation: points the model never trains on',
        text: 'Five more points from the same line, kept apart, are checked every 10 epochs. They tell how the model does on data it has not seen.',
        lookFor:
          'In "Loss": the green validation curve stays far above the red one (about 0.5 against 0.13). That gap is the model learning these 5 points, not the line.',
      },
      'best-epoch': {
        title: 'Overfitting and the best epoch',
        text: 'The validation loss reaches its lowest value (0.4871 at epoch 14,580) and then rises while the training loss keeps falling: the model has started to fit the noise. The notebook: the interesting point is before overfitting starts.',
        lookFor:
          'The marker on the loss chart is the best validation epoch; the summary gives its epoch and loss.',
      },
      'more-data': {
        title: 'More data',
        text: 'With 50 training and 50 validation points (5,000 epochs) the same network cannot memorise them all, and what it learns holds on new points.',
        lookFor:
          'In "Loss": the two curves stay together (about 0.20 and 0.26), with no gap opening.',
      },
      'batch-size': {
        title: 'Batch size',
        text: 'With all 50 points in one batch, an epoch is one gradient step; with batches of 1 it is 50 smaller, noisier steps. Run it, then set Batch size to 1 and press Train.',
        lookFor:
          'In the summary after 200 epochs: validation loss about 0.56 with one batch of 50, about 0.26 with batches of 1.',
      },
      lab: {
        title: 'The batch-size lab',
        text: 'The lab trains batch sizes 1, 5, 25 and the full batch over 8 seeds at once and measures how noisy their gradients are: the trade-off the notebook ends on.',
        lookFor:
          'In the lab: loss against epochs and against gradient steps, and the descent paths on the loss surface.',
      },
    },
  },
  es: {
    heading: 'Lección: lo que muestra el cuaderno',
    stepOf: 'Paso {step} de {steps}',
    previous: 'Anterior',
    next: 'Siguiente',
    run: 'Ejecutar este paso',
    open: 'Abrir el laboratorio de tamaño de lote',
    lookFor: 'Qué mirar',
    hide: 'Ocultar la lección',
    show: 'Mostrar la lección',
    steps: {
      data: {
        title: 'Los datos',
        text: 'Cinco puntos de entrenamiento tomados de la recta y = x, con ruido (σ = 0,2) en x y en y. Una red aprenderá una curva que pase por ellos; nunca ve la recta.',
        lookFor:
          'En «Datos y modelo»: los puntos rojos se dispersan alrededor de la recta real discontinua.',
      },
      model: {
        title: 'El modelo y sus 405 parámetros',
        text: 'Un perceptrón multicapa 1-12-12-16-1 con LeakyReLU tras cada capa oculta: 364 pesos y 41 sesgos, 405 números que el entrenamiento ajusta, frente a 5 puntos.',
        lookFor: 'En «La red»: una línea por peso. En el resumen: Parámetros 405.',
      },
      training: {
        title: 'Entrenamiento: la pérdida por época',
        text: 'Cada época recorre los 5 puntos en mini-lotes barajados (un DataLoader con tamaño de lote 5) y da un paso de SGD por lote. La pérdida (error absoluto medio) se anota en cada época.',
        lookFor:
          'En «Pérdida»: la curva roja de entrenamiento baja, hasta unos 0,13 tras 20.000 épocas; el modelo se curva hacia los puntos rojos.',
      },
      validation: {
        title: 'Validación: puntos con los que el modelo no entrena',
        text: 'Otros cinco puntos de la misma recta, apartados, se evalúan cada 10 épocas. Dicen qué tal le va al modelo con datos que no ha visto.',
        lookFor:
          'En «Pérdida»: la curva verde de validación queda muy por encima de la roja (unos 0,5 frente a 0,13). Esa distancia es el modelo aprendiendo estos 5 puntos, no la recta.',
      },
      'best-epoch': {
        title: 'Sobreajuste y la mejor época',
        text: 'La pérdida de validación llega a su mínimo (0,4871 en la época 14.580) y luego sube mientras la de entrenamiento sigue bajando: el modelo ha empezado a ajustar el ruido. El cuaderno: el punto interesante está antes de que empiece el sobreajuste.',
        lookFor:
          'La marca del gráfico de pérdida es la mejor época de validación; el resumen da su época y su pérdida.',
      },
      'more-data': {
        title: 'Más datos',
        text: 'Con 50 puntos de entrenamiento y 50 de validación (5.000 épocas) la misma red no puede memorizarlos todos, y lo que aprende vale para puntos nuevos.',
        lookFor:
          'En «Pérdida»: las dos curvas van juntas (unos 0,20 y 0,26), sin que se abra una distancia.',
      },
      'batch-size': {
        title: 'Tamaño de lote',
        text: 'Con los 50 puntos en un solo lote, una época es un paso de gradiente; con lotes de 1 son 50 pasos más pequeños y ruidosos. Ejecútalo, luego pon Tamaño de lote a 1 y pulsa Entrenar.',
        lookFor:
          'En el resumen tras 200 épocas: pérdida de validación de unos 0,56 con un lote de 50, unos 0,26 con lotes de 1.',
      },
      lab: {
        title: 'El laboratorio de tamaño de lote',
        text: 'El laboratorio entrena los tamaños de lote 1, 5, 25 y el lote completo con 8 semillas a la vez y mide el ruido de sus gradientes: el compromiso con el que termina el cuaderno.',
        lookFor:
          'En el laboratorio: la pérdida por época y por paso de gradiente, y los caminos de descenso sobre la superficie de pérdida.',
      },
    },
  },
};
