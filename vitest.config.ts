import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

// Unit and API suites. The same files run twice from scripts/test.mjs: once on the embedded
// PGlite and once on a real PostgreSQL server (TEST_DATABASE_URL), so neither back end drifts.
// Files that open the embedded database whatever TEST_DB says (the data directory, the production
// entry point on an empty data directory) would only repeat themselves in the PostgreSQL half.
const EMBEDDED_ONLY = ['src/platform/db/embedded.test.ts', 'src/platform/auth/production-guard.test.ts'];
// Cutting a real server's connection has no counterpart on the embedded database.
// Several server processes share a port only on PostgreSQL (PGlite is one process: cluster-settings.test.ts).
// Read replicas are PostgreSQL's (streaming replication); the embedded database has none.
const SERVER_ONLY = ['src/platform/db/outage.api.test.ts', 'src/platform/cluster.api.test.ts', 'src/platform/db/replicas.api.test.ts'];

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/api/**/*.test.ts', 'test/repo/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(process.env.TEST_DB === 'postgresql' ? EMBEDDED_ONLY : SERVER_ONLY)],
    globalSetup: ['test/support/postgres-setup.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default (cores - 1) runs one file at a time on a 2-core machine and leaves a core idle;
    // every file has its own database, so two at a time is safe and nearly halves the run there.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
