import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'doc-tests',
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
