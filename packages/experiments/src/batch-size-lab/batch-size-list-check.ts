import type { z } from 'zod';
import { problemMessage } from '../config/config-problem.js';
import type { BatchSizeOption } from './batch-size-lab-fields.js';

/**
 * Adds an issue to `context` for each batch size of `batchSizes` larger than
 * `n` or equal to an earlier one once `'full'` is `n`: the one policy for
 * batch-size lists that do not fit the data (nothing is dropped to make a
 * config fit).
 */
export function checkBatchSizeList(
  batchSizes: readonly BatchSizeOption[],
  n: number,
  context: z.RefinementCtx,
): void {
  const seen = new Map<number, number>();
  batchSizes.forEach((option, index) => {
    if (option !== 'full' && option > n) {
      context.addIssue({
        code: 'custom',
        path: ['batchSizes', index],
        message: problemMessage({ code: 'batchSizeAboveN', n }),
        input: option,
      });
      return;
    }
    const size = option === 'full' ? n : option;
    const earlier = seen.get(size);
    if (earlier !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['batchSizes', index],
        message: problemMessage({
          code: 'repeatedBatchSize',
          other: `batchSizes[${earlier}]`,
          size,
          n,
        }),
        input: option,
      });
    }
    seen.set(size, index);
  });
}
