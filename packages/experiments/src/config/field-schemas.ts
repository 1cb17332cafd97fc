import { z } from 'zod';
import { type ConfigProblem, type ConfigProblemOf, problemMessage } from './config-problem.js';

/** A whole number from `min` to `max`; every failure is `{ code: 'wholeNumber', min, max }`. */
export const wholeNumber = (min: number, max: number) => {
  const error = problemMessage({ code: 'wholeNumber', min, max });
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

/** The rules a number field can have, each a problem code with its bounds. */
export type NumberRule = ConfigProblemOf<
  'finiteNumber' | 'numberAtLeast' | 'numberAbove' | 'numberAboveAtMost' | 'numberFromBelow'
>;

/** Whether a finite `value` keeps `rule`. */
function keeps(rule: NumberRule, value: number): boolean {
  switch (rule.code) {
    case 'finiteNumber':
      return true;
    case 'numberAtLeast':
      return value >= rule.min;
    case 'numberAbove':
      return value > rule.min;
    case 'numberAboveAtMost':
      return value > rule.min && value <= rule.max;
    case 'numberFromBelow':
      return value >= rule.min && value < rule.max;
  }
}

/** A finite number; every failure (not a number, not finite, out of range) reports `problem`. */
export const finiteNumber = (problem: ConfigProblem = { code: 'finiteNumber' }) => {
  const error = problemMessage(problem);
  return z.number({ error }).refine(Number.isFinite, { error });
};

/** A finite number that keeps `rule`; every failure reports the rule. */
export const ruledNumber = (rule: NumberRule) =>
  finiteNumber(rule).refine((value) => keeps(rule, value), { error: problemMessage(rule) });

/** One of `choices`; any other value is `{ code: 'oneOf', choices }`. */
export const oneOf = <const Choices extends readonly [string, ...string[]]>(choices: Choices) =>
  z.enum(choices, { error: problemMessage({ code: 'oneOf', choices }) });
