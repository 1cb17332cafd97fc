// Writes the example data of "Train on your own data" (docs/your-own-data.md):
// points.csv, 60 noisy points of y = 0.5 x^2 - x + 1 for x in [-3, 3], and
// puntos.csv, the same points as a Spanish spreadsheet exports them (semicolons,
// decimal commas). Synthetic and reproducible: run `node examples/data/generate-points.mjs`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** mulberry32: a tiny seeded generator of numbers in [0, 1), enough for example data. */
function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The example points as [x, y] pairs, rounded to 3 decimals. */
export function examplePoints(count = 60, seed = 2026) {
  const random = mulberry32(seed);
  const points = [];
  for (let i = 0; i < count; i++) {
    const x = -3 + (6 * i) / (count - 1);
    // Noise of std 0.3 from two uniforms (Box-Muller).
    const noise = 0.3 * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const y = 0.5 * x * x - x + 1 + noise;
    points.push([Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000]);
  }
  return points;
}

/** points.csv's text: a header, then x,y rows. */
export function pointsCsv() {
  return `x,y\n${examplePoints()
    .map(([x, y]) => `${x},${y}`)
    .join('\n')}\n`;
}

/** puntos.csv's text: the same points with semicolons and decimal commas. */
export function puntosCsv() {
  const comma = (value) => String(value).replace('.', ',');
  return `x;y\n${examplePoints()
    .map(([x, y]) => `${comma(x)};${comma(y)}`)
    .join('\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('points.csv', import.meta.url), pointsCsv());
  writeFileSync(new URL('puntos.csv', import.meta.url), puntosCsv());
}
