import type { PositionFieldDef } from 'vega-lite/types_unstable/channeldef.js';

/** Decades a log axis offers ticks in: 1e-8 to 9e8, far beyond any loss worth drawing. */
const LOWEST_DECADE = -8;
const HIGHEST_DECADE = 8;

/** The ticks d3 puts in every decade of a log scale: 1, 2, ..., 9 times a power of ten. */
function decadeTicks(): number[] {
  const ticks: number[] = [];
  for (let decade = LOWEST_DECADE; decade <= HIGHEST_DECADE; decade++) {
    for (let mantissa = 1; mantissa <= 9; mantissa++) {
      ticks.push(Number(`${mantissa}e${decade}`));
    }
  }
  return ticks;
}

/**
 * A Vega expression for the smallest `field` value over `datasets` (undefined
 * while they are empty), read from the view's data so live updates follow.
 */
function lowestValueExpression(datasets: readonly string[], field: string): string {
  const lowest = datasets.map(
    (name) => `extent(pluck(data(${JSON.stringify(name)}), ${JSON.stringify(field)}))[0]`,
  );
  return `extent([${lowest.join(', ')}])[0]`;
}

/**
 * The position channel's scale and axis for a log axis that keeps the data's
 * own extent and labels its lowest value.
 *
 * Rounding the domain out to whole decades can leave most of the plot empty,
 * so the domain is the data's; but then the decade ticks may all miss the
 * bottom of the data (a loss reaching 0.13 on an axis whose lowest label is
 * 0.2). The axis therefore also ticks the smallest value of `datasets`,
 * rounded to two significant digits, next to d3's 1-9 ticks per decade.
 */
export function logAxisLabellingLowest(
  datasets: readonly string[],
  field: string,
): Pick<PositionFieldDef<string>, 'scale' | 'axis'> {
  const lowest = lowestValueExpression(datasets, field);
  const step = `pow(10, floor(log(${lowest}) / LN10) - 1)`;
  const lowestTick = `round(${lowest} / ${step}) * ${step}`;
  return {
    scale: { type: 'log', nice: false, padding: 8 },
    axis: {
      values: { expr: `[${lowestTick}, ${decadeTicks().join(', ')}]` },
      // Shortest form: 0.13, 0.2, 1, 20 (the ticks are at most two significant digits).
      format: '~g',
    },
  };
}
