import type { ChartSpec } from '../chart-types.js';

/**
 * How a chart writes numbers: a d3-format locale definition, as Vega takes it
 * (`{ decimal: ',', thousands: '.', grouping: [3], currency: ['', ' €'] }` for Spanish).
 */
export interface NumberLocale {
  readonly decimal: string;
  readonly thousands: string;
  readonly grouping: readonly number[];
  readonly currency: readonly [string, string];
}

/**
 * The chart with its axis labels and tooltips written in `locale` (Vega's
 * `config.locale`): the spec still renders anywhere, in Node and in browsers.
 *
 * @example
 * withNumberLocale(lossChart({ history }), { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' €'] });
 * // axis labels 0,5 and 10.000
 */
export function withNumberLocale(spec: ChartSpec, locale: NumberLocale): ChartSpec {
  const config = (spec.config ?? {}) as Record<string, unknown>;
  const number = {
    decimal: locale.decimal,
    thousands: locale.thousands,
    grouping: [...locale.grouping],
    currency: [...locale.currency],
  };
  return { ...spec, config: { ...config, locale: { number } } } as ChartSpec;
}
