import { defineConfig } from 'vitest/config';

// Unit and API suites. The same files run twice from scripts/test.mjs: once on the embedded
// PGlite and once on a real PostgreSQL server (TEST_DATABASE_URL), so neither back end drifts.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/api/**/*.test.ts', 'test/repo/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
