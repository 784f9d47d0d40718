import { defineConfig } from 'vitest/config';

// The resilience suite (`npm run test:resilience`): the real server as a child process on a fresh
// PostgreSQL database, under load, while it is killed, its database cut or its file store broken.
// Not part of `npm test` (the default config includes src/ and test/api|repo only). One file at a
// time: each measures the machine, and two at once would measure each other.
export default defineConfig({
  test: {
    include: ['test/resilience/**/*.resilience.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
