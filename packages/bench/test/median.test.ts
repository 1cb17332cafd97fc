import { describe, expect, it } from 'vitest';
import { median } from '../src/median.js';

describe('median', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([1.93, 1.56, 1.74])).toBe(1.74);
  });

  it('takes the mean of the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('is NaN for no values', () => {
    expect(median([])).toBeNaN();
  });
});
