import { sql } from 'kysely';
import type { Db } from '../../../platform/db/transaction.js';
import { vnYear } from '../rules/archive.js';

/** PostgreSQL's "lock not available" (NOWAIT): someone is using the table; try again in a moment. */
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * Runs `work` (which takes its locks with NOWAIT) until the locks were free, up to ~10 s: a partition
 * change never waits for a lock while holding another, so it never deadlocks a request (an intake
 * writes a dossier then its events, an action reads the events then updates the dossier).
 */
export async function withoutWaiting<T>(work: () => Promise<T>, tries = 50): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (err) {
      if ((err as { code?: string }).code !== LOCK_NOT_AVAILABLE || i >= tries) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}

export type YearPartition = 'created' | 'exists' | 'in_default';

/**
 * The partitions of dossier_events and dossier_events_archive for dossiers created in `year`
 * (migration 0030 `dossier_events_ensure_year`): made if missing, idempotent, safe from several
 * processes at once (an advisory lock in the function).
 */
export async function ensureYear(db: Db, year: number): Promise<YearPartition> {
  return withoutWaiting(async () => (await sql<{ r: YearPartition }>`select dossier_events_ensure_year(${year}::int) as r`.execute(db)).rows[0]!.r);
}

/** This year's and next year's partitions (Vietnamese calendar), so no intake ever waits for one. */
export async function ensureComingYears(db: Db, now: Date): Promise<Record<number, YearPartition>> {
  const out: Record<number, YearPartition> = {};
  for (const y of [vnYear(now), vnYear(now) + 1]) out[y] = await ensureYear(db, y);
  return out;
}

export type PartitionSize = { table: 'dossier_events' | 'dossier_events_archive'; partition: string; year: number | null; events: number; bytes: number };

/**
 * Every partition of the history with its size (rows as the statistics estimate them, bytes with
 * indexes): what the CLI and the administrator's page show, without counting millions of rows.
 */
export async function partitionSizes(db: Db): Promise<PartitionSize[]> {
  const rows = await sql<{ parent: string; part: string; est: string; bytes: string }>`
    select p.relname as parent, c.relname as part, greatest(c.reltuples, 0)::bigint as est, pg_total_relation_size(c.oid) as bytes
    from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
    where p.relname in ('dossier_events', 'dossier_events_archive') and p.relnamespace = c.relnamespace
    order by p.relname, c.relname`.execute(db);
  return rows.rows.map((r) => {
    const year = /_y(\d{4})$/.exec(r.part)?.[1];
    return { table: r.parent as PartitionSize['table'], partition: r.part, year: year ? Number(year) : null, events: Number(r.est), bytes: Number(r.bytes) };
  });
}
