import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type FontMetrics, readFontMetrics } from './font-metrics.js';

/** Family name inside the font files; the spec's `chartFontFamily` lists it first. */
export const chartFontName = 'Inter';

/**
 * The font files PNG rendering uses: Inter (SIL Open Font License) regular and
 * bold, from `@expo-google-fonts/inter`, so text looks the same on every
 * machine, including one with no system fonts.
 */
export function chartFontFiles(): { regular: string; bold: string } {
  const require = createRequire(import.meta.url);
  return {
    regular: require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
    bold: require.resolve('@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'),
  };
}

let metrics: { regular: FontMetrics; bold: FontMetrics } | undefined;

/** Metrics of the chart fonts, read once. */
export function chartFontMetrics(): { regular: FontMetrics; bold: FontMetrics } {
  if (!metrics) {
    const files = chartFontFiles();
    metrics = {
      regular: readFontMetrics(readFileSync(files.regular)),
      bold: readFontMetrics(readFileSync(files.bold)),
    };
  }
  return metrics;
}
