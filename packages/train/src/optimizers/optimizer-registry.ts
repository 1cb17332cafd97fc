import { type ConfigOf, namesOf } from '../registry/registry.js';
import { adam } from './adam.js';
import { rmsprop } from './rmsprop.js';
import { sgd } from './sgd.js';

/**
 * Every optimizer epochlab knows by name, in the order error messages list
 * them. Adding one: a file like `rmsprop.ts` (config, defaults, checks, tfjs
 * optimizer, fused rule), and its entry here.
 */
export const OPTIMIZERS = [sgd, adam, rmsprop] as const;

type Entry = (typeof OPTIMIZERS)[number];

/** An optimizer by name with its options; omitted options take PyTorch's defaults. */
export type OptimizerConfig = ConfigOf<Entry>;

/** The name of one of {@link OPTIMIZERS}: `sgd` (with optional momentum), `adam` or `rmsprop`. */
export type OptimizerName = Entry['name'];

/** An optimizer config with every option filled in. */
export type ResolvedOptimizerConfig = Required<OptimizerConfig>;

/** The names of {@link OPTIMIZERS}, in order. */
export const OPTIMIZER_NAMES = namesOf(OPTIMIZERS);

/** PyTorch's defaults, by optimizer name, which epochlab uses for every option left out. */
export const OPTIMIZER_DEFAULTS = Object.fromEntries(
  OPTIMIZERS.map((definition) => [definition.name, definition.defaults]),
) as { readonly [Definition in Entry as Definition['name']]: Definition['defaults'] };
