import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/transaction.js';
import { CLOSED_STATUSES } from '../rules/archive.js';

/**
 * SQL of the archive (migration 0030): closed dossiers move from `dossiers`, `dossier_events` and
 * `dossier_reminders` to their `*_archive` tables, unchanged (ids, hashes, signatures, anchors).
 */

/** Where a pass over the candidates has got to: keyset on (created_at, id), the order of dossiers_created_id_key. */
export type ArchiveCursor = { createdAt: Date; id: string };

/**
 * A dossier that may move: closed, its chain's head signed (a dossier written before migration 0011
 * is anchored first, `verify-audit --anchor`), and its last event — the one that closed it — before the
 * cutoff. Created before the cutoff too, which is implied and lets the (created_at, id) index bound the scan.
 */
function dueWhere(cutoff: Date) {
  return sql<boolean>`d.created_at < ${cutoff} and d.status in (${sql.join([...CLOSED_STATUSES])}) and d.chain_mac is not null
    and (select e.at from dossier_events e where e.dossier_id = d.id and e.dossier_created_at = d.created_at and e.seq = d.version) < ${cutoff}`;
}

export type MovedBatch = { dossiers: { id: string; code: string; createdAt: Date }[]; events: number; reminders: number; next: ArchiveCursor | null };

/**
 * Moves up to `limit` due dossiers after `after`, in the caller's transaction. Their rows are locked
 * with SKIP LOCKED, so a dossier someone is acting on right now is left for the next pass and the move
 * never waits for a request (nor a request for long on the move: one batch). Each table is copied, then
 * the live rows deleted; the trigger on dossier_events lets an event go only when its identical copy is
 * in the archive. The counts are checked against the dossiers' versions before anything is deleted:
 * a dossier whose events are not all where they should be stops the batch (nothing moves).
 */
export async function moveBatch(trx: Tx, cutoff: Date, after: ArchiveCursor | null, limit: number, archivedAt: Date): Promise<MovedBatch> {
  const picked = await sql<{ id: string; code: string; created_at: Date; version: number }>`
    select d.id, d.code, d.created_at, d.version from dossiers d
    where ${dueWhere(cutoff)} ${after ? sql`and (d.created_at, d.id) > (${after.createdAt}, ${after.id}::bigint)` : sql``}
    order by d.created_at, d.id
    limit ${limit}
    for update of d skip locked`.execute(trx);
  const rows = picked.rows;
  if (!rows.length) return { dossiers: [], events: 0, reminders: 0, next: null };
  const ids = sql`${rows.map((r) => r.id)}::bigint[]`;
  const created = sql`${rows.map((r) => r.created_at)}::timestamptz[]`;

  await sql`insert into dossiers_archive select d.*, ${archivedAt}::timestamptz from dossiers d where d.id = any(${ids})`.execute(trx);
  const events = Number((await sql`insert into dossier_events_archive
    select * from dossier_events where dossier_id = any(${ids}) and dossier_created_at = any(${created})`.execute(trx)).numAffectedRows ?? 0);
  const expected = rows.reduce((n, r) => n + r.version, 0);
  if (events !== expected) throw new Error(`archive: ${events} events found for ${rows.length} dossiers whose versions sum to ${expected}; nothing moved`);
  const reminders = Number((await sql`insert into dossier_reminders_archive
    select * from dossier_reminders where dossier_id = any(${ids})`.execute(trx)).numAffectedRows ?? 0);

  await sql`delete from dossier_reminders where dossier_id = any(${ids})`.execute(trx);
  const deleted = Number((await sql`delete from dossier_events where dossier_id = any(${ids}) and dossier_created_at = any(${created})`.execute(trx)).numAffectedRows ?? 0);
  if (deleted !== events) throw new Error(`archive: ${deleted} live events deleted, ${events} copied; nothing moved`);
  await sql`delete from dossiers where id = any(${ids})`.execute(trx);

  const last = rows[rows.length - 1]!;
  return {
    dossiers: rows.map((r) => ({ id: r.id, code: r.code, createdAt: r.created_at })),
    events, reminders, next: { createdAt: last.created_at, id: last.id },
  };
}

/** How many dossiers are due now, counted up to `cap` (the administrator's page; "cap+" beyond). */
export async function countDue(db: Db, cutoff: Date, cap: number): Promise<{ n: number; more: boolean }> {
  const r = await sql<{ n: string }>`select count(*) as n from (select 1 from dossiers d where ${dueWhere(cutoff)} limit ${cap + 1}) x`.execute(db);
  const n = Number(r.rows[0]!.n);
  return { n: Math.min(n, cap), more: n > cap };
}

export async function countArchived(db: Db): Promise<number> {
  const r = await sql<{ n: string }>`select count(*) as n from dossiers_archive`.execute(db);
  return Number(r.rows[0]!.n);
}

export type ArchiveSetting = { afterYears: number; version: number; updatedAt: Date; updatedBy: number | null };

export async function readSetting(db: Db): Promise<ArchiveSetting> {
  const row = await db.selectFrom('dossier_settings').selectAll().where('key', '=', 'archive_after_years').executeTakeFirstOrThrow();
  return { afterYears: Number(row.value), version: row.version, updatedAt: row.updated_at, updatedBy: row.updated_by };
}

/** Sets the period under the version guard; false when someone changed it since `version` was read. */
export async function writeSetting(trx: Tx, afterYears: number, version: number, staffId: number | null, at: Date): Promise<boolean> {
  const res = await trx.updateTable('dossier_settings')
    .set((eb) => ({ value: JSON.stringify(afterYears), version: eb('version', '+', 1), updated_at: at, updated_by: staffId }))
    .where('key', '=', 'archive_after_years').where('version', '=', version).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
