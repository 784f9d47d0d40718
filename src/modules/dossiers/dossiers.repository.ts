import { sql } from 'kysely';
import { prepared } from '../../platform/db/prepared.js';
import type { Db, Tx } from '../../platform/db/transaction.js';
import type { DossierEvent, EventPayload } from './rules/events.js';
import { eventHash, GENESIS, HASH_VERSION, type ChainedEvent, type ChainSigner } from './rules/hash-chain.js';
import type { ListedDocument } from './rules/digital.js';
import { projectionOf } from './rules/projection.js';
import type { DossierState } from './rules/reducer.js';
import type { DossiersTable, DossierTables } from './dossiers.tables.js';
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

/**
 * Next number of the day for an agency: an upsert on one counter row, never a table lock. The row stays
 * locked until the caller's transaction ends (that is what keeps numbers gap-free: a rolled-back intake
 * gives its number back), so every other intake at the desk waits that long: call it last (intake.ts).
 */
export async function nextDailySequence(trx: Tx, agencyCode: string, day: string): Promise<number> {
  const row = await sql<{ last_value: number }>`
    insert into dossier_daily_counters (agency_code, day, last_value) values (${agencyCode}, ${day}, 1)
    on conflict (agency_code, day) do update set last_value = dossier_daily_counters.last_value + 1
    returning last_value`.execute(trx);
  return row.rows[0]!.last_value;
}

export type StoredEvent = DossierEvent & { prevHash: string; hash: string };

type EventRow = Selectable<DossierTables['dossier_events']>;

function eventRows(db: Db, dossierId: string): Promise<EventRow[]> {
  return db.selectFrom('dossier_history').selectAll().where('dossier_id', '=', dossierId).orderBy('seq').execute();
}

function toStored(r: EventRow): StoredEvent {
  return {
    ...(r.payload as unknown as EventPayload),
    type: r.type as EventPayload['type'],
    seq: r.seq, at: r.at.toISOString(), actor: { staffId: r.actor_staff_id, name: r.actor_name }, unitId: r.unit_id,
    prevHash: r.prev_hash, hash: r.hash,
  } as StoredEvent;
}

function toChained(r: EventRow): ChainedEvent {
  return {
    seq: r.seq, type: r.type, at: r.at.toISOString(), actorStaffId: r.actor_staff_id, actorName: r.actor_name, unitId: r.unit_id,
    payload: r.payload, requestId: r.request_id, hashVersion: r.hash_version, prevHash: r.prev_hash, hash: r.hash, mac: r.mac,
  };
}

export async function loadEvents(db: Db, dossierId: string): Promise<StoredEvent[]> {
  return (await eventRows(db, dossierId)).map(toStored);
}

/** An event as `findWithEvents` reads it: the columns `toStored` needs, the instant in epoch milliseconds. */
type EventJson = {
  seq: number; type: string; at: number; actor_staff_id: number | null; actor_name: string; unit_id: number | null;
  payload: Record<string, unknown>; prev_hash: string; hash: string;
};

/**
 * A dossier with its whole history in ONE statement (one round trip instead of two): the staff's
 * dossier page and the public lookup, the hottest reads. The events come as one JSON array built by
 * the database, in `seq` order; each is turned into exactly what `loadEvents` gives (tested). The
 * instant travels as epoch milliseconds, truncated as the driver truncates a timestamp's microseconds.
 */
export async function findWithEvents(db: Db, code: string): Promise<{ row: DossierRow; events: StoredEvent[] } | undefined> {
  // Prepared on PostgreSQL: planning the view over every year's partition cost far more than running it.
  const found = (await db.executeQuery(prepared('dossier_with_history', db.selectFrom('dossiers as d').selectAll('d')
    .select(sql<EventJson[]>`coalesce((select json_agg(json_build_object(
      'seq', h.seq, 'type', h.type, 'at', floor(extract(epoch from h.at) * 1000)::int8, 'actor_staff_id', h.actor_staff_id,
      'actor_name', h.actor_name, 'unit_id', h.unit_id, 'payload', h.payload, 'prev_hash', h.prev_hash, 'hash', h.hash) order by h.seq)
      from dossier_history h where h.dossier_id = d.id), '[]'::json)`.as('history'))
    .where('d.code', '=', code)))).rows[0];
  if (!found) return undefined;
  const { history, ...row } = found;
  return { row, events: history.map(fromJson) };
}

function fromJson(r: EventJson): StoredEvent {
  return {
    ...(r.payload as unknown as EventPayload),
    type: r.type as EventPayload['type'],
    seq: r.seq, at: new Date(r.at).toISOString(), actor: { staffId: r.actor_staff_id, name: r.actor_name }, unitId: r.unit_id,
    prevHash: r.prev_hash, hash: r.hash,
  } as StoredEvent;
}

/** The events of several dossiers in one query (read models rebuilt from the record). */
export async function loadEventsOf(db: Db, dossierIds: string[]): Promise<Map<string, StoredEvent[]>> {
  const out = new Map<string, StoredEvent[]>(dossierIds.map((id) => [id, []]));
  if (!dossierIds.length) return out;
  const rows = await db.selectFrom('dossier_history').selectAll().where('dossier_id', 'in', dossierIds).orderBy('dossier_id').orderBy('seq').execute();
  for (const r of rows) out.get(String(r.dossier_id))!.push(toStored(r));
  return out;
}

/** The events as the reducer reads them and as the hash chain recorded them, from one query. */
export async function loadEventsWithChain(db: Db, dossierId: string): Promise<{ events: StoredEvent[]; chain: ChainedEvent[] }> {
  const rows = await eventRows(db, dossierId);
  return { events: rows.map(toStored), chain: rows.map(toChained) };
}

/** The same for a page of dossiers in one query (verifying every chain: one round trip per page, not per dossier). */
export async function loadEventsWithChainOf(db: Db, dossierIds: string[]): Promise<Map<string, { events: StoredEvent[]; chain: ChainedEvent[] }>> {
  const out = new Map(dossierIds.map((id) => [id, { events: [] as StoredEvent[], chain: [] as ChainedEvent[] }]));
  if (!dossierIds.length) return out;
  const rows = await db.selectFrom('dossier_history').selectAll().where('dossier_id', 'in', dossierIds).orderBy('dossier_id').orderBy('seq').execute();
  for (const r of rows) {
    const found = out.get(r.dossier_id)!;
    found.events.push(toStored(r));
    found.chain.push(toChained(r));
  }
  return out;
}

function stripType(p: Record<string, unknown>): Record<string, unknown> {
  const { type: _t, ...rest } = p;
  return rest;
}

/** What an event row needs of its dossier: the id, the code its hashes cover, and the instant its partition is chosen by. */
export type EventOwner = Pick<DossierRow, 'id' | 'code' | 'created_at'>;

/**
 * One event as it is stored: chained to the previous one under the dossier's code, and signed with the
 * chain key. It carries the dossier's `created_at`, the partition key (migration 0030).
 */
export function chainedEventRow(signer: ChainSigner, dossier: EventOwner, e: DossierEvent, prevHash: string | null, requestId: string | null) {
  const { seq, type, at, actor, unitId, ...payloadWithType } = e;
  const payload = stripType(payloadWithType as Record<string, unknown>);
  const base = { seq, type, at, actorStaffId: actor.staffId, actorName: actor.name, unitId, payload, requestId, hashVersion: HASH_VERSION, prevHash: prevHash ?? GENESIS };
  const hash = eventHash(dossier.code, base);
  const values = {
    dossier_id: dossier.id, seq, type, at: new Date(at), actor_staff_id: actor.staffId, actor_name: actor.name, unit_id: unitId,
    payload: JSON.stringify(payload), request_id: requestId, prev_hash: base.prevHash, hash, hash_version: HASH_VERSION, mac: signer.eventMac(hash),
    dossier_created_at: dossier.created_at,
  };
  return { values, stored: { ...e, prevHash: base.prevHash, hash } as StoredEvent };
}

/** Appends one event, chained to the previous one and signed with the chain key. */
export async function insertEvent(trx: Tx, signer: ChainSigner, dossier: EventOwner, e: DossierEvent, prevHash: string | null, requestId: string | null): Promise<StoredEvent> {
  const { values, stored } = chainedEventRow(signer, dossier, e, prevHash, requestId);
  await trx.insertInto('dossier_events').values(values).execute();
  return stored;
}

/**
 * Keeps the query columns equal to the reducer's state, and the anchor equal to the chain's head;
 * the version guard detects concurrent edits.
 */
export async function saveProjection(trx: Tx, row: Pick<DossierRow, 'id' | 'documents'>, expectedVersion: number, s: DossierState, involved: number[], chainMac: string): Promise<boolean> {
  const dossierId = row.id;
  const res = await trx.updateTable('dossiers').set({
    ...projectionOf(s, row.documents as ListedDocument[]),
    involved_unit_ids: involved,
    chain_mac: chainMac,
    updated_at: new Date(),
  }).where('id', '=', dossierId).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Anchors a dossier that has no anchor yet (written before migration 0011); false if someone else did. */
export async function anchorChain(trx: Tx, dossierId: string, version: number, chainMac: string): Promise<boolean> {
  const res = await trx.updateTable('dossiers').set({ chain_mac: chainMac })
    .where('id', '=', dossierId).where('version', '=', version).where('chain_mac', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** A dossier moved to the archive (migration 0030): the row as it left `dossiers`, and when. */
export type ArchivedDossier = { row: DossierRow; archivedAt: Date };

export async function findArchivedByCode(db: Db, code: string): Promise<ArchivedDossier | undefined> {
  const found = await db.selectFrom('dossiers_archive').selectAll().where('code', '=', code).executeTakeFirst();
  if (!found) return undefined;
  const { archived_at: archivedAt, ...row } = found;
  return { row, archivedAt };
}

/** An archived dossier with its history, by code (two index probes: its row, then its year's archived events). */
export async function findArchivedWithEvents(db: Db, code: string): Promise<(ArchivedDossier & { events: StoredEvent[] }) | undefined> {
  const found = await findArchivedByCode(db, code);
  if (!found) return undefined;
  const rows = await db.selectFrom('dossier_events_archive').selectAll()
    .where('dossier_id', '=', found.row.id).where('dossier_created_at', '=', found.row.created_at).orderBy('seq').execute();
  return { ...found, events: rows.map(toStored) };
}

/** Live or archived, by code: what verifying one chain reads. */
export async function findRecordByCode(db: Db, code: string): Promise<(DossierRow & { archived_at: Date | null }) | undefined> {
  return db.selectFrom('dossier_records').selectAll().where('code', '=', code).executeTakeFirst();
}
