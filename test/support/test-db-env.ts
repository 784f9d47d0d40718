/**
 * Which database the unit and API suites run on, without importing the app (the global setup reads
 * these in vitest's main process): TEST_DB=pglite (the default) or TEST_DB=postgresql.
 */
export const TEST_DB = (process.env.TEST_DB ?? 'pglite') as 'pglite' | 'postgresql';
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** This run's PostgreSQL template databases are named `motcua_tpl_<run>_<kind>_<hash>`. */
export function postgresTemplatePrefix(run: string): string {
  return `motcua_tpl_${run}_`;
}
