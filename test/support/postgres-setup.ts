import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { postgresTemplatePrefix, TEST_DATABASE_URL, TEST_DB } from './test-db-env.js';

/**
 * Global setup of the unit and API suites. On PostgreSQL it names this run, so test-db.ts can keep
 * the run's migrated and seeded template databases apart from other runs on the same server, and
 * drops them when the run ends (also when it failed). On PGlite it does nothing.
 */
export default function setup(project: TestProject): (() => Promise<void>) | undefined {
  if (TEST_DB !== 'postgresql') {
    project.provide('postgresRunId', '');
    return undefined;
  }
  const run = randomBytes(4).toString('hex');
  project.provide('postgresRunId', run);
  return async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1)', [postgresTemplatePrefix(run)]);
      for (const { datname } of rows) await client.query(`drop database if exists ${datname} with (force)`);
    } finally {
      await client.end();
    }
  };
}
