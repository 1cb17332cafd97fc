import type { ConfigOf, EntriesNamed } from '../registry/registry.js';
import { adam } from './adam.js';
import type { OPTIMIZER_NAMES } from './optimizer-names.js';
import { rmsprop } from './rmsprop.js';
import { sgd } from './sgd.js';

/**
 * Every optimizer epochlab knows by name, in the order error messages list
 * them. Adding one: a file like `rmsprop.ts` (config, defaults, checks, tfjs
 * optimizer, fused rule), its entry here and its name in `optimizer-names.ts`
 * (the compiler refuses a registry and a name list that differ).
 */
export const OPTIMIZERS = [sgd, adam, rmsprop] as const satisfies EntriesNamed<
  typeof OPTIMIZER_NAMES
>;

type Entry = (typeof OPTIMIZERS)[number];

/** An optimizer by name with its options; omitted options take PyTorch's defaults. */
export type OptimizerConfig = ConfigOf<Entry>;

/** The name of one of {@link OPTIMIZERS}: `sgd` (with optional momentum), `adam` or `rmsprop`. */
export type OptimizerName = Entry['name'];

/** An optimizer config with every option filled in. */
export type ResolvedOptimizerConfig = Required<OptimizerConfig>;

/** PyTorch's defaults, by optimizer name, which epochlab uses for every option left out. */
export const OPTIMIZER_DEFAULTS = Object.fromEntries(
  OPTIMIZERS.map((definition) => [definition.name, definition.defaults]),
) as { readonly [Definition in Entry as Definition['name']]: Definition['defaults'] };
