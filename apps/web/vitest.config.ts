import { defineProject } from 'vitest/config';

/**
 * Unit tests run in Node; `test/e2e` drives the built app in Debian's
 * chromium (the global setup finds or installs it and serves `dist/`).
 */
export default defineProject({
  test: {
    name: 'web',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
