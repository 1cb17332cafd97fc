import type { EarlyStoppingConfig } from './common-fields.js';
import type { ConfigIssue } from './config-error.js';

/**
 * Early stopping watches the validation loss, so a config that asks for it
 * without validation points (`valN` 0, or for given data no validation file
 * and no held-out share: `validationFrom: 'givenData'`) is refused when it is read, naming
 * `earlyStopping`, rather than training on and never stopping.
 */
export function earlyStoppingIssue(
  config: Pick<EarlyStoppingConfig, 'earlyStopping'> & { readonly valN: number },
  validationFrom: 'valN' | 'givenData' = 'valN',
): ConfigIssue | undefined {
  if (!config.earlyStopping || config.valN > 0) return undefined;
  return {
    field: 'earlyStopping',
    problem: { code: 'needsValidation', from: validationFrom },
    value: true,
  };
}
