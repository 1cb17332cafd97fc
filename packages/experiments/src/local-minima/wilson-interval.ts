/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/**
 * The Wilson score interval (95%) of a share `successes / total`: where the
 * true share of a run lies, given this many runs. Unlike ± two standard
 * errors it stays within [0, 1] and is not empty at 0 or 1 of the runs.
 * Returns [0, 1] for no runs.
 */
export function wilsonInterval(successes: number, total: number): [number, number] {
  if (total <= 0) return [0, 1];
  const p = successes / total;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * total)) / (1 + z2 / total);
  const half =
    (Z95 / (1 + z2 / total)) * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
