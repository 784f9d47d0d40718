import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../../database.js';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { preparesMarkedStatements } from './prepared.js';
import { openReplicas, type ReplicaSet } from './replicas.js';

export type DatabaseKind = 'pglite' | 'postgresql';

export type DatabaseHandle = {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /**
   * Reads that may come from a read replica (replicas.ts): given only to the public lookup, the
   * dashboards and the reports. Absent (PGlite, no DATABASE_REPLICA_URL): they read `db`.
   */
  readDb?: Kysely<Database>;
  /** The replicas behind `readDb`, for the per-request routing (read-routing.plugin.ts). */
  replicas?: ReplicaSet;
  close(): Promise<void>;
  /** The embedded instance, when there is one (tests snapshot it to start fast). */
  pglite?: PGlite;
};

export type OpenOptions =
  | { kind: 'postgresql'; url: string; poolSize?: number; connectTimeoutMs?: number; replicas?: { urls: string[]; maxLagMs: number } }
  /**
   * dataDir: a directory, or undefined for an in-memory database (tests). lockHeld: the caller already
   * holds the directory's lock and releases it (restore holds it across the whole operation).
   */
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob; lockHeld?: boolean };

/**
 * The one place that knows which PostgreSQL is underneath. Both back ends go through `pg.Pool`
 * so query results have the same types (bigint and count as strings, timestamptz as Date).
 */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  // `date` columns stay 'YYYY-MM-DD' text: a JS Date at local midnight shifts days across time zones.
  pg.types.setTypeParser(1082, (v: string) => v);
  if (options.kind === 'postgresql') {
    // A server that does not answer must not hold requests for minutes: connecting gives up after a
    // few seconds and the request answers 503 DATABASE_UNAVAILABLE (see db-errors.ts).
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, connectionTimeoutMillis: options.connectTimeoutMs ?? 5000 });
    // An idle connection closed by the server (restart, failover) must not crash the process;
    // the pool drops it and the next query opens a new one.
    pool.on('error', (err) => console.error('PostgreSQL connection lost (it will be replaced):', err.message));
    // pg-pool listens for errors only on idle connections: one lost while checked out (inside a
    // transaction, between two statements) would be an uncaught exception and stop the process.
    // The statement in flight still fails (503), and the pool discards the connection on release.
    pool.on('connect', (client) => {
      client.on('error', () => undefined);
      // The hot reads marked with `prepared(…)` are parsed and planned once per connection (prepared.ts).
      preparesMarkedStatements(client);
    });
    // Fail at start-up, with the server's own message, rather than at the first request.
    const client = await pool.connect();
    client.release();
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    if (!options.replicas?.urls.length) return { db, kind: 'postgresql', close: () => db.destroy() };
    const replicas = await openReplicas(pool, options.replicas.urls, { maxLagMs: options.replicas.maxLagMs, poolSize: options.poolSize });
    return {
      db, kind: 'postgresql', readDb: replicas.db, replicas,
      async close() {
        await replicas.close();
        await db.destroy();
      },
    };
  }

  let lock: DataDirLock | undefined;
  if (options.dataDir && !options.lockHeld) lock = lockDataDir(options.dataDir);
  try {
    // Extensions must be passed on every open, not only when first created (DESIGN.md).
    const lite = await PGlite.create({
      dataDir: options.dataDir ? join(options.dataDir, 'pglite') : undefined,
      loadDataDir: options.loadDataDir,
      extensions: { unaccent, pg_trgm, citext, btree_gin },
    });
    const pool = new pg.Pool(createPgConfig(lite) as unknown as pg.PoolConfig);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'pglite',
      pglite: lite,
      async close() {
        await db.destroy();
        await lite.close();
        lock?.release();
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}
