import { type ConfigOf, namesOf } from '../registry/registry.js';
import { huber } from './huber.js';
import { l1 } from './l1.js';
import { mse } from './mse.js';

/**
 * Every loss epochlab knows by name, in the order error messages list them.
 * Adding one: a file like `huber.ts` (config, defaults, checks, tfjs function,
 * fused form), and its entry here. Every loss averages over all elements.
 */
export const LOSSES = [l1, mse, huber] as const;

type Entry = (typeof LOSSES)[number];

/** A loss chosen by name, with its options. */
export type LossConfig = ConfigOf<Entry>;

/** The name of one of {@link LOSSES}: `l1` (mean absolute error), `mse` or `huber`. */
export type LossName = Entry['name'];

/** A loss config with every option filled in. */
export type ResolvedLossConfig = Required<LossConfig>;

/** The names of {@link LOSSES}, in order. */
export const LOSS_NAMES = namesOf(LOSSES);
