import { defineConfig } from 'vitest/config';

/**
 * One vitest run over every package and app (each has its own
 * vitest.config.ts), so `pnpm test` ends with a single summary.
 */
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'tools/doc-tests'],
    reporters: ['default', './tools/summary-reporter.ts'],
  },
});
