import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    // CLI tests spawn the built bin; corpus tests read ~13 MB of real cassettes.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
