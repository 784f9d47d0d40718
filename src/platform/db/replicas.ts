import { AsyncLocalStorage } from 'node:async_hooks';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import type { Database } from '../../database.js';
import { isDatabaseUnavailable } from './db-errors.js';
import { preparesMarkedStatements } from './prepared.js';
import { chooseReadTarget, formatLsn, lagMs, parseLsn, type Lsn, type PositionSample, type ReplicaView } from './read-routing.js';

/**
 * Read replicas (issue 14 item 4, `DATABASE_REPLICA_URL`). `db` is a Kysely whose connections come
 * from a replica or from the primary, decided per request:
 * - outside a request (start-up, jobs, the CLI) and in a write request (POST, PUT, PATCH, DELETE):
 *   the primary, always — so code given this Db may still write;
 * - in a read request: a replica that answers, lags at most `maxLagMs` and has replayed the client's
 *   own last write (`atLeast`, from the cookie set by read-routing.plugin.ts); else the primary.
 * One request reads from one server (the first choice is kept), so two queries of one answer never
 * mix two replicas' moments. A replica that fails to connect, or loses its connection outside a
 * transaction, is set aside until the probe sees it answer again, and the query runs on the primary:
 * a replica that is down never turns into an error.
 * Only the services built with this Db use it (the public lookup, dashboards and reports: src/app.ts).
 */
export type ReplicaSet = {
  db: Kysely<Database>;
  /** Runs `work` (a request) with its routing: `readOnly` false sends everything to the primary. */
  within<T>(request: { readOnly: boolean; atLeast: Lsn | null }, work: () => T): T;
  /** The primary's WAL position now: a read that must see the writes done so far needs at least this. */
  primaryPosition(): Promise<string>;
  close(): Promise<void>;
};

export type ReplicaOptions = { maxLagMs: number; poolSize?: number; probeMs?: number; connectTimeoutMs?: number };

type RequestRouting = { readOnly: boolean; atLeast: Lsn | null; target?: number | 'primary' };

type Replica = ReplicaView & { name: string; pool: pg.Pool; why?: string };

const routing = new AsyncLocalStorage<RequestRouting>();

export async function openReplicas(primary: pg.Pool, urls: string[], options: ReplicaOptions): Promise<ReplicaSet> {
  const probeMs = options.probeMs ?? 1000;
  const replicas: Replica[] = urls.map((url, i) => {
    // A replica that does not answer must cost a request little before it reads from the primary.
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, connectionTimeoutMillis: options.connectTimeoutMs ?? 2000, application_name: 'motcua-read' });
    pool.on('error', () => undefined);
    pool.on('connect', (client) => {
      client.on('error', () => undefined);
      preparesMarkedStatements(client);
    });
    return { name: `replica ${i + 1} (${hostOf(url)})`, pool, usable: false, replayed: null, lagMs: Number.POSITIVE_INFINITY };
  });
  const samples: PositionSample[] = [];
  let turn = 0;

  function setAside(r: Replica, why: string): void {
    if (r.usable || r.why !== why) console.warn(`${r.name}: ${why}; reads go to the primary until it answers`);
    r.usable = false;
    r.why = why;
  }

  // The primary's position, then each replica's replay position: from the two, each replica's lag.
  async function probe(): Promise<void> {
    const at = Date.now();
    try {
      const lsn = parseLsn((await primary.query<{ lsn: string }>('select pg_current_wal_insert_lsn()::text as lsn')).rows[0]?.lsn);
      if (lsn !== null) samples.push({ at, lsn });
    } catch {
      // The primary is away: no new sample, so the replicas' lag grows until they are set aside.
    }
    while (samples.length > 1 && samples[0]!.at < at - options.maxLagMs - 2 * probeMs) samples.shift();
    await Promise.all(replicas.map(async (r) => {
      try {
        const replayed = parseLsn((await r.pool.query<{ lsn: string | null }>('select pg_last_wal_replay_lsn()::text as lsn')).rows[0]?.lsn);
        // Not in recovery (a primary, or a promoted replica): nothing tells how its data relates to ours.
        if (replayed === null) return setAside(r, 'not a standby (pg_last_wal_replay_lsn() is null)');
        if (!r.usable) console.log(`${r.name}: answering; reads may go to it`);
        Object.assign(r, { usable: true, why: undefined, replayed, lagMs: lagMs(samples, replayed, Date.now()) });
      } catch (err) {
        setAside(r, `not answering (${(err as Error).message})`);
      }
    }));
  }

  await probe();
  // A probe waiting on a replica that does not answer (up to the connect timeout) is not doubled.
  let probing = false;
  const timer = setInterval(() => {
    if (probing) return;
    probing = true;
    void probe().finally(() => { probing = false; });
  }, probeMs);
  timer.unref();

  /** A replica's connection that finishes a query on the primary if the replica goes away mid-request. */
  function fallingBack(client: pg.PoolClient, r: Replica, request: RequestRouting): PostgresPoolClient {
    let inTransaction = false;
    let lost = false;
    let replacement: pg.PoolClient | undefined;
    async function run(text: string, parameters: readonly unknown[]) {
      if (replacement) return replacement.query(text, [...parameters]);
      try {
        const result = await client.query(text, [...parameters]);
        if (/^(begin|start transaction)/i.test(text)) inTransaction = true;
        else if (/^(commit|rollback)$/i.test(text)) inTransaction = false;
        return result;
      } catch (err) {
        // Inside a transaction the statements before this one are gone with the connection: not retried.
        if (inTransaction || !(isDatabaseUnavailable(err) || isRecoveryConflict(err))) throw err;
        if (isDatabaseUnavailable(err)) {
          lost = true;
          setAside(r, `connection lost (${(err as Error).message})`);
        }
        request.target = 'primary';
        replacement = await primary.connect();
        return replacement.query(text, [...parameters]);
      }
    }
    return {
      query: ((textOrCursor: string | object, parameters?: readonly unknown[]) => typeof textOrCursor === 'string'
        ? run(textOrCursor, parameters ?? [])
        : (replacement ?? client).query(textOrCursor as never)) as unknown as PostgresPoolClient['query'],
      release(destroy?: boolean) {
        client.release(lost || destroy);
        replacement?.release(destroy);
      },
    };
  }

  const routedPool: PostgresPool = {
    async connect() {
      const request = routing.getStore();
      if (!request?.readOnly) return primary.connect();
      request.target ??= chooseReadTarget(replicas, { maxLagMs: options.maxLagMs, atLeast: request.atLeast }, turn++);
      if (request.target === 'primary') return primary.connect();
      const r = replicas[request.target]!;
      try {
        return fallingBack(await r.pool.connect(), r, request);
      } catch (err) {
        setAside(r, `not answering (${(err as Error).message})`);
        request.target = 'primary';
        return primary.connect();
      }
    },
    async end() {
      clearInterval(timer);
      await Promise.all(replicas.map((r) => r.pool.end().catch(() => undefined)));
    },
  };
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: routedPool }) });
  let closed: Promise<void> | undefined;

  return {
    db,
    within: (request, work) => routing.run({ ...request }, work),
    // The insert position, not the write position: with synchronous_commit off a committed record may
    // still be in WAL buffers, behind the write position but never behind the insert position.
    async primaryPosition() {
      const lsn = parseLsn((await primary.query<{ lsn: string }>('select pg_current_wal_insert_lsn()::text as lsn')).rows[0]?.lsn);
      if (lsn === null) throw new Error('the primary did not report its WAL position');
      return formatLsn(lsn);
    },
    close: () => (closed ??= db.destroy()),
  };
}

/**
 * A standby cancels a query whose rows replay is about to remove (SQLSTATE 40001, "conflict with
 * recovery"); on the primary the same read simply answers.
 */
function isRecoveryConflict(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '40001' && /conflict with recovery/i.test(e.message ?? '');
}

/** Host and port only: a URL may carry a password, and these names reach the log. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'unparsable URL';
  }
}
