import type { Locale } from '../i18n/messages.js';
import { translateProblem } from '../i18n/translate-problem.js';

/**
 * Spanish for the lab schema's own messages (batch sizes, seeds, the path
 * fields); everything else goes through the shared `translateProblem`.
 * Anything unknown stays in English rather than being guessed.
 */
const SPANISH: readonly [RegExp, string][] = [
  [/^must be a whole number >= 1 or full$/, 'debe ser un número entero >= 1 o full'],
  [
    /^must be a list of batch sizes, such as (\S+)$/,
    'debe ser una lista de tamaños de lote, como $1',
  ],
  [
    /^must list at least one batch size, such as (\S+)$/,
    'debe tener al menos un tamaño de lote, como $1',
  ],
  [/^must list at most (\d+) batch sizes$/, 'debe tener como mucho $1 tamaños de lote'],
  [/^must be at most n \((\d+)\) or full$/, 'debe ser como mucho n ($1) o full'],
  [/^must be at most (\S+) or full$/, 'debe ser como mucho $1 o full'],
  [
    /^must not repeat a batch size: (\S+) is (\d+) too \(n is (\d+)\)$/,
    'debe ser distinto de los demás tamaños: $1 también es $2 (n es $3)',
  ],
  [/^must keep seed \+ seeds - 1 at most (\d+)$/, 'debe cumplir seed + seeds - 1 <= $1'],
  [/^must be two finite numbers m,b such as (\S+)$/, 'debe ser dos números finitos m,b, como $1'],
  [/^must be two finite numbers m,b$/, 'debe ser dos números finitos m,b'],
];

/** A lab schema problem in the page's language. */
export function translateLabProblem(problem: string, locale: Locale): string {
  if (locale === 'en') return problem;
  for (const [pattern, replacement] of SPANISH) {
    if (pattern.test(problem)) return problem.replace(pattern, replacement);
  }
  return translateProblem(problem, locale);
}
