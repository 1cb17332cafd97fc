import {
  type ConfigProblem,
  problemText as englishProblemText,
  type ProblemWording,
  wordProblem,
} from '@epochlab/experiments';
import type { Locale } from './messages.js';

/**
 * Spanish for every config problem code. The table is typed by the codes, so a
 * new code does not compile until it has its Spanish text.
 */
const SPANISH: ProblemWording = {
  wholeNumber: ({ min, max }) => `debe ser un número entero de ${min} a ${max}`,
  finiteNumber: () => 'debe ser un número finito',
  numberAtLeast: ({ min }) => `debe ser un número >= ${min}`,
  numberAbove: ({ min }) => `debe ser un número > ${min}`,
  numberAboveAtMost: ({ min, max }) => `debe ser un número > ${min} y <= ${max}`,
  numberFromBelow: ({ min, max }) => `debe ser un número desde ${min} hasta ${max} (sin incluirlo)`,
  boolean: () => 'debe ser true o false',
  oneOf: ({ choices }) => `debe ser uno de: ${choices.join(', ')}`,
  layerSizeList: ({ example }) => `debe ser una lista de tamaños de capa, como ${example}`,
  tooFewLayers: () => 'debe tener al menos una capa oculta',
  tooManyLayers: ({ max }) => `debe tener como mucho ${max} capas ocultas`,
  coefficientList: ({ example }) =>
    `debe ser una lista de números finitos, del mayor grado al menor, como ${example}`,
  tooFewCoefficients: ({ example }) => `debe tener al menos un coeficiente, como ${example}`,
  tooManyCoefficients: ({ max }) => `debe tener como mucho ${max} coeficientes (grado ${max - 1})`,
  batchSize: () => 'debe ser un número entero >= 1 o full',
  batchSizeAtMost: ({ max }) => `debe ser como mucho ${max} o full`,
  batchSizeList: ({ example }) => `debe ser una lista de tamaños de lote, como ${example}`,
  tooFewBatchSizes: ({ example }) => `debe tener al menos un tamaño de lote, como ${example}`,
  tooManyBatchSizes: ({ max }) => `debe tener como mucho ${max} tamaños de lote`,
  batchSizeAboveN: ({ n }) => `debe ser como mucho n (${n}) o full`,
  repeatedBatchSize: ({ other, size, n }) =>
    `debe ser distinto de los demás tamaños: ${other} también es ${size} (n es ${n})`,
  seedsPastMaxSeed: ({ max }) => `debe cumplir seed + seeds - 1 <= ${max}`,
  pointPair: ({ example }) => `debe ser dos números finitos m,b, como ${example}`,
  pointPairItem: () => 'debe ser dos números finitos m,b',
  weightPair: ({ example }) => `debe ser dos números finitos w,a, como ${example}`,
  learningRateList: ({ example }) =>
    `debe ser una lista de tasas de aprendizaje, cada una > 0 y <= 10, como ${example}`,
  tooManyLearningRates: ({ max }) => `debe tener como mucho ${max} tasas de aprendizaje`,
  unknownField: ({ experiment }) => `no es un campo del experimento ${experiment}`,
  exactly: ({ value }) => `debe ser ${value}`,
  configObject: ({ example }) => `debe ser un objeto como ${example}`,
  dataTooLarge: ({ what }) =>
    `es demasiado grande: ${what === 'noise' ? 'el ruido' : `los valores de ${what}`} podrían superar el mayor float32 (unos 3,4e38) y el entrenamiento vería infinitos`,
  needsValidation: ({ from }) =>
    from === 'givenData'
      ? 'necesita puntos de validación: pon val-fraction por encima de 0 o da puntos de validación (--val-data), o desactiva la parada temprana'
      : 'necesita puntos de validación: pon val-n en 1 o más, o desactiva la parada temprana',
  pointLists: () => 'debe ser un objeto {"x": [...], "y": [...]} con listas de números',
  pointCounts: ({ x, y, inputs }) =>
    inputs === 1
      ? `debe tener tantos valores y como x (x: ${x}, y: ${y})`
      : `debe tener ${inputs} valores x (uno por columna de entrada, fila a fila) por cada valor y (x: ${x}, y: ${y})`,
  inputNames: () => 'debe ser una lista de nombres de columnas de entrada distintos y no vacíos',
  validationInputs: ({ inputs }) =>
    `debe tener las columnas de entrada de los puntos de entrenamiento (${inputs}, con los mismos nombres)`,
  tooFewPoints: ({ min }) => `debe tener al menos ${min} punto${min === 1 ? '' : 's'}`,
  tooManyPoints: ({ max }) => `debe tener como mucho ${max} puntos`,
  float32Number: () => 'debe ser un número finito con |valor| <= 3.4e38 (float32)',
  batchSizeAboveRows: ({ rows }) =>
    `debe ser como mucho el número de filas de entrenamiento (${rows}): un lote no puede tener más filas de las que hay`,
  invalid: () => 'no es válido',
};

/**
 * A config problem in the page's language, from its code: English is the
 * CLI's wording (`@epochlab/experiments`' `problemText`), word for word.
 */
export function problemText(problem: ConfigProblem, locale: Locale): string {
  return locale === 'en' ? englishProblemText(problem) : wordProblem(SPANISH, problem);
}
