import { z } from 'zod';

/** Largest seed: seeds are whole numbers from 0 to 2^32 - 1. */
export const MAX_SEED = 0xffffffff;

/** A whole number from `min` to `max`; every failure reads "must be a whole number from min to max". */
export const wholeNumber = (min: number, max: number) => {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

/** A finite number; failures read "must be <allowed>" (refine further for ranges). */
export const finiteNumber = (allowed: string) =>
  z
    .number({ error: `must be ${allowed}` })
    .refine(Number.isFinite, { error: `must be ${allowed}` });
