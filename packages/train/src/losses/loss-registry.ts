import type { ConfigOf, EntriesNamed } from '../registry/registry.js';
import { huber } from './huber.js';
import { l1 } from './l1.js';
import type { LOSS_NAMES } from './loss-names.js';
import { mse } from './mse.js';

/**
 * Every loss epochlab knows by name, in the order error messages list them.
 * Adding one: a file like `huber.ts` (config, defaults, checks, tfjs function,
 * fused form), its entry here and its name in `loss-names.ts` (the compiler
 * refuses a registry and a name list that differ). Every loss averages over
 * all elements.
 */
export const LOSSES = [l1, mse, huber] as const satisfies EntriesNamed<typeof LOSS_NAMES>;

type Entry = (typeof LOSSES)[number];

/** A loss chosen by name, with its options. */
export type LossConfig = ConfigOf<Entry>;

/** The name of one of {@link LOSSES}: `l1` (mean absolute error), `mse` or `huber`. */
export type LossName = Entry['name'];

/** A loss config with every option filled in. */
export type ResolvedLossConfig = Required<LossConfig>;
