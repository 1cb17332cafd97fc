import { z } from 'zod';
import { type ConfigProblem, problemMessage } from './config-problem.js';
import { FLOAT32_MAX } from './finite-data-check.js';

/** At most this many values per list inline in a config (a bigger file streams from disk in the CLI). */
export const MAX_INLINE_POINTS = 1_000_000;

/**
 * Points inline in a config: `{ x: [...], y: [...] }` for one input, or, for
 * several input columns, `x` row-major (the inputs of row 0, then of row 1...)
 * with the columns' names in `inputNames`, as `@epochlab/data`'s `PointTable`
 * holds them. One target.
 */
export interface PointLists {
  readonly x: number[];
  readonly y: number[];
  /** The input columns' names, one per input (absent: one input). */
  readonly inputNames?: string[] | undefined;
}

/** How many inputs each point has: `inputNames`' length, or 1. */
export function inputCount(points: Pick<PointLists, 'inputNames'>): number {
  return points.inputNames?.length ?? 1;
}

/** How many points (rows) there are: one per target value. */
export function pointCount(points: Pick<PointLists, 'y'>): number {
  return points.y.length;
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
  const names = z
    .array(z.string().min(1), { error: problemMessage({ code: 'inputNames' }) })
    .min(1, { error: problemMessage({ code: 'inputNames' }) })
    .refine((list) => new Set(list).size === list.length, {
      error: problemMessage({ code: 'inputNames' }),
    });
  return z
    .strictObject(
      {
        x: pointList().min(min, { error: problemMessage(few) }),
        y: pointList(),
        inputNames: names.optional(),
      },
      { error: problemMessage({ code: 'pointLists' }) },
    )
    .superRefine(({ x, y, inputNames }, context) => {
      const inputs = inputNames?.length ?? 1;
      if (x.length !== y.length * inputs) {
        context.addIssue({
          code: 'custom',
          message: problemMessage({ code: 'pointCounts', x: x.length, y: y.length, inputs }),
        });
      }
    });
}
