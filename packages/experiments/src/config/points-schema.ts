import { z } from 'zod';
import { type ConfigProblem, problemMessage } from './config-problem.js';
import { FLOAT32_MAX } from './finite-data-check.js';

/** At most this many points inline in a config (a bigger file streams from disk in the CLI). */
export const MAX_INLINE_POINTS = 1_000_000;

/** Points of one input and one target, inline in a config: `{ x: [...], y: [...] }`. */
export interface PointLists {
  readonly x: number[];
  readonly y: number[];
}

const float32 = () => {
  const error = problemMessage({ code: 'float32Number' });
  return z
    .number({ error })
    .refine((value) => Number.isFinite(value) && Math.abs(value) <= FLOAT32_MAX, { error });
};

const pointList = () =>
  z.array(float32(), { error: problemMessage({ code: 'pointLists' }) }).max(MAX_INLINE_POINTS, {
    error: problemMessage({ code: 'tooManyPoints', max: MAX_INLINE_POINTS }),
  });

/**
 * The schema of inline points: `x` and `y` lists of finite float32 numbers,
 * as many of each, at least `min` points. Each failure carries a problem
 * code (`points.y[3] must be a finite number...`, `points must have as many
 * y values as x values`).
 */
export function pointsSchema(min: number) {
  const few: ConfigProblem = { code: 'tooFewPoints', min };
  return z
    .strictObject(
      { x: pointList().min(min, { error: problemMessage(few) }), y: pointList() },
      { error: problemMessage({ code: 'pointLists' }) },
    )
    .superRefine(({ x, y }, context) => {
      if (x.length !== y.length) {
        context.addIssue({
          code: 'custom',
          message: problemMessage({ code: 'pointCounts', x: x.length, y: y.length }),
        });
      }
    });
}
