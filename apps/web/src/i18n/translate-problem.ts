import type { Locale } from './messages.js';

/**
 * Spanish for the schema's messages (`must be a whole number from 1 to 1000000`).
 * The schema speaks English, shared with the CLI; these patterns cover every
 * message it has. Anything unknown stays in English rather than being guessed.
 */
const SPANISH: readonly [RegExp, string][] = [
  [/^must be a whole number from (\S+) to (\S+)$/, 'debe ser un número entero de $1 a $2'],
  [/^must be a number >= 0$/, 'debe ser un número >= 0'],
  [/^must be a number > 0$/, 'debe ser un número > 0'],
  [/^must be a number > 0 and <= (\S+)$/, 'debe ser un número > 0 y <= $1'],
  [
    /^must be a number from 0 up to \(not including\) 1$/,
    'debe ser un número desde 0 hasta 1 (sin incluirlo)',
  ],
  [/^must be a finite number$/, 'debe ser un número finito'],
  [/^must be true or false$/, 'debe ser true o false'],
  [/^must be one of (.+)$/, 'debe ser uno de: $1'],
  [
    /^must be a list of layer sizes, such as (\S+)$/,
    'debe ser una lista de tamaños de capa, como $1',
  ],
  [/^must list at least one hidden layer size$/, 'debe tener al menos una capa oculta'],
  [/^must list at most (\d+) hidden layer sizes$/, 'debe tener como mucho $1 capas ocultas'],
  [
    /^must be a list of finite numbers, highest degree first, such as (\S+)$/,
    'debe ser una lista de números finitos, del mayor grado al menor, como $1',
  ],
  [
    /^must hold at least one coefficient, such as (\S+)$/,
    'debe tener al menos un coeficiente, como $1',
  ],
  [
    /^must hold at most (\d+) coefficients \(degree (\d+)\)$/,
    'debe tener como mucho $1 coeficientes (grado $2)',
  ],
];

/** A schema problem in the page's language. */
export function translateProblem(problem: string, locale: Locale): string {
  if (locale === 'en') return problem;
  for (const [pattern, replacement] of SPANISH) {
    if (pattern.test(problem)) return problem.replace(pattern, replacement);
  }
  return problem;
}
