/** The optimizers epochlab knows by name. */
export const OPTIMIZER_NAMES = ['sgd', 'adam', 'rmsprop'] as const;

/** `sgd` (with optional momentum), `adam` or `rmsprop`. */
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

/** Stochastic gradient descent, as `torch.optim.SGD` (no dampening, no weight decay). */
export interface SgdConfig {
  readonly name: 'sgd';
  /** Step size; default 1e-3 (PyTorch's). */
  readonly learningRate?: number;
  /** Momentum factor in [0, 1); default 0 (plain SGD). */
  readonly momentum?: number;
  /** Nesterov momentum; needs `momentum > 0`. Default false. */
  readonly nesterov?: boolean;
}

/** Adam, as `torch.optim.Adam` (no weight decay, no AMSGrad). */
export interface AdamConfig {
  readonly name: 'adam';
  /** Step size; default 1e-3. */
  readonly learningRate?: number;
  /** Decay of the first moment, in [0, 1); default 0.9. */
  readonly beta1?: number;
  /** Decay of the second moment, in [0, 1); default 0.999. */
  readonly beta2?: number;
  /** Added to the denominator; default 1e-8 (PyTorch's; tfjs's own default is 1e-7). */
  readonly epsilon?: number;
}

/** RMSprop, as `torch.optim.RMSprop` (no weight decay). */
export interface RmspropConfig {
  readonly name: 'rmsprop';
  /** Step size; default 1e-2 (PyTorch's). */
  readonly learningRate?: number;
  /** Decay of the mean square, in [0, 1); default 0.99 (PyTorch's `alpha`). */
  readonly alpha?: number;
  /** Added to the denominator, outside the square root; default 1e-8. */
  readonly epsilon?: number;
  /** Momentum factor in [0, 1); default 0. */
  readonly momentum?: number;
  /** Divide by the centred (variance) estimate instead; default false. */
  readonly centered?: boolean;
}

/** An optimizer by name with its options; omitted options take PyTorch's defaults. */
export type OptimizerConfig = SgdConfig | AdamConfig | RmspropConfig;

/** PyTorch's defaults, which epochlab uses for every option left out. */
export const OPTIMIZER_DEFAULTS = {
  sgd: { name: 'sgd', learningRate: 1e-3, momentum: 0, nesterov: false },
  adam: { name: 'adam', learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  rmsprop: {
    name: 'rmsprop',
    learningRate: 1e-2,
    alpha: 0.99,
    epsilon: 1e-8,
    momentum: 0,
    centered: false,
  },
} as const satisfies {
  [Name in OptimizerName]: Required<Extract<OptimizerConfig, { name: Name }>>;
};
