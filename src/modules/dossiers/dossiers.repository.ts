import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/transaction.js';
import type { DossierEvent, EventPayload } from './rules/events.js';
import { eventHash, GENESIS, type ChainedEvent } from './rules/hash-chain.js';
import type { DossierState } from './rules/reducer.js';
import type { DossiersTable } from './dossiers.tables.js';
import type { Selectable } from 'kysely';

export type DossierRow = Selectable<DossiersTable>;

export async function findByCode(db: Db, code: string, forUpdate = false): Promise<DossierRow | undefined> {
  let q = db.selectFrom('dossiers').selectAll().where('code', '=', code);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findByIdempotencyKey(db: Db, key: string): Promise<DossierRow | undefined> {
  return db.selectFrom('dossiers').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
}

/** Next number of the day for an agency: an upsert on one counter row, never a table lock. */
export async function nextDailySequence(trx: Tx, agencyCode: string, day: string): Promise<number> {
  const row = await sql<{ last_value: number }>`
    insert into dossier_daily_counters (agency_code, day, last_value) values (${agencyCode}, ${day}, 1)
    on conflict (agency_code, day) do update set last_value = dossier_daily_counters.last_value + 1
    returning last_value`.execute(trx);
  return row.rows[0]!.last_value;
}

export type StoredEvent = DossierEvent & { prevHash: string; hash: string };

export async function loadEvents(db: Db, dossierId: string): Promise<StoredEvent[]> {
  const rows = await db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', dossierId).orderBy('seq').execute();
  return rows.map((r) => ({
    ...(r.payload as unknown as EventPayload),
    type: r.type as EventPayload['type'],
    seq: r.seq, at: r.at.toISOString(), actor: { staffId: r.actor_staff_id, name: r.actor_name }, unitId: r.unit_id,
    prevHash: r.prev_hash, hash: r.hash,
  })) as StoredEvent[];
}

export function toChained(e: StoredEvent): ChainedEvent {
  const { seq, type, at, actor, unitId, prevHash, hash, ...rest } = e;
  return { seq, type, at, actorStaffId: actor.staffId, unitId, payload: stripType(rest), prevHash, hash };
}

function stripType(p: Record<string, unknown>): Record<string, unknown> {
  const { type: _t, ...rest } = p;
  return rest;
}

/** Appends one event, chained to the previous one. */
export async function insertEvent(trx: Tx, dossierId: string, dossierCode: string, e: DossierEvent, prevHash: string | null, requestId: string | null): Promise<StoredEvent> {
  const { seq, type, at, actor, unitId, ...payloadWithType } = e;
  const payload = stripType(payloadWithType as Record<string, unknown>);
  const base = { seq, type, at, actorStaffId: actor.staffId, unitId, payload, prevHash: prevHash ?? GENESIS };
  const hash = eventHash(dossierCode, base);
  await trx.insertInto('dossier_events').values({
    dossier_id: dossierId, seq, type, at: new Date(at), actor_staff_id: actor.staffId, actor_name: actor.name, unit_id: unitId,
    payload: JSON.stringify(payload), request_id: requestId, prev_hash: base.prevHash, hash,
  }).execute();
  return { ...e, prevHash: base.prevHash, hash };
}

/** Keeps the query columns equal to the reducer's state; the version guard detects concurrent edits. */
export async function saveProjection(trx: Tx, dossierId: string, expectedVersion: number, s: DossierState, involved: number[]): Promise<boolean> {
  const res = await trx.updateTable('dossiers').set({
    status: s.status,
    received_at: s.receivedAt ? new Date(s.receivedAt) : null,
    due_at: s.dueAt ? new Date(s.dueAt) : null,
    completed_at: s.completedAt ? new Date(s.completedAt) : null,
    returned_at: s.returnedAt ? new Date(s.returnedAt) : null,
    current_step: s.step || null,
    current_unit_id: s.currentUnitId,
    current_staff_id: s.assignee?.staffId ?? null,
    step_due_at: s.stepDueAt ? new Date(s.stepDueAt) : null,
    paused_at: s.pausedSince ? new Date(s.pausedSince) : null,
    involved_unit_ids: involved,
    extended: s.extended,
    version: s.version,
    updated_at: new Date(),
  }).where('id', '=', dossierId).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
