import { sql } from 'kysely';
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

/** Next number of the day for an agency: an upsert on one counter row, never a table lock. */
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
  return db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', dossierId).orderBy('seq').execute();
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

/** The events of several dossiers in one query (read models rebuilt from the record). */
export async function loadEventsOf(db: Db, dossierIds: string[]): Promise<Map<string, StoredEvent[]>> {
  const out = new Map<string, StoredEvent[]>(dossierIds.map((id) => [id, []]));
  if (!dossierIds.length) return out;
  const rows = await db.selectFrom('dossier_events').selectAll().where('dossier_id', 'in', dossierIds).orderBy('dossier_id').orderBy('seq').execute();
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
  const rows = await db.selectFrom('dossier_events').selectAll().where('dossier_id', 'in', dossierIds).orderBy('dossier_id').orderBy('seq').execute();
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

/** Appends one event, chained to the previous one and signed with the chain key. */
export async function insertEvent(trx: Tx, signer: ChainSigner, dossierId: string, dossierCode: string, e: DossierEvent, prevHash: string | null, requestId: string | null): Promise<StoredEvent> {
  const { seq, type, at, actor, unitId, ...payloadWithType } = e;
  const payload = stripType(payloadWithType as Record<string, unknown>);
  const base = { seq, type, at, actorStaffId: actor.staffId, actorName: actor.name, unitId, payload, requestId, hashVersion: HASH_VERSION, prevHash: prevHash ?? GENESIS };
  const hash = eventHash(dossierCode, base);
  await trx.insertInto('dossier_events').values({
    dossier_id: dossierId, seq, type, at: new Date(at), actor_staff_id: actor.staffId, actor_name: actor.name, unit_id: unitId,
    payload: JSON.stringify(payload), request_id: requestId, prev_hash: base.prevHash, hash, hash_version: HASH_VERSION, mac: signer.eventMac(hash),
  }).execute();
  return { ...e, prevHash: base.prevHash, hash };
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
