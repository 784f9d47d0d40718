import type { Db, Tx } from '../../platform/db/transaction.js';
import { loadEventsOf } from './dossiers.repository.js';
import type { DossierEvent } from './rules/events.js';
import type { DigitalFlags } from './rules/digital.js';
import { immediateWrites, type Writes } from './write-batch.js';

/**
 * A port for read models kept by other modules (reports): whoever writes dossier events — live
 * actions (`event-writer.ts`) and the historical import (`import/batch-writer.ts`) — hands the new
 * events to every subscriber INSIDE the same transaction, so a read model commits with the events or
 * not at all and never lags. The dossier module knows nothing of the subscribers' tables.
 */
export type DossierFacts = {
  id: string;
  code: string;
  procedureCode: string;
  procedureName: string;
  fieldCode: string | null;
  fieldName: string | null;
  channel: string;
  receivingUnitId: number;
  competentUnitId: number | null;
};

/**
 * The events just appended to one dossier; `fromStart`: they are its whole history (a new dossier).
 * `history()` reads the whole history (new events included) for a subscriber that has no state yet.
 * `flags`, when the writer gives them, are the projection's digital flags after the events (what
 * `digitalFlagsOf` would read), so a subscriber need not read them back.
 */
export type DossierEventsWritten = { dossier: DossierFacts; events: DossierEvent[]; fromStart: boolean; history: () => Promise<DossierEvent[]>; flags?: DigitalFlags };

/**
 * A subscriber reads through `trx` and sends its INSERTs and UPDATEs through `writes`: the intake
 * collects them into the one statement it runs after taking the desk's counter (write-batch.ts), so a
 * write there must not need its result, and must not touch a row another write of the batch touches.
 */
export type DossierEventSubscriber = (trx: Tx, written: DossierEventsWritten[], writes: Writes) => Promise<void>;

const subscribers = new Map<string, DossierEventSubscriber>();

/** Registers (or replaces, by name: wiring twice is harmless) a subscriber. */
export function subscribeToDossierEvents(name: string, subscriber: DossierEventSubscriber): void {
  subscribers.set(name, subscriber);
}

export async function publishDossierEvents(trx: Tx, written: DossierEventsWritten[], writes: Writes = immediateWrites(trx)): Promise<void> {
  if (!written.length) return;
  for (const s of subscribers.values()) await s(trx, written, writes);
}

export function dossierFacts(row: {
  id: string; code: string; procedure_code: string; procedure_name: string; field_code: string | null; field_name: string | null;
  channel: string; receiving_unit_id: number; competent_unit_id: number | null;
}): DossierFacts {
  return {
    id: String(row.id), code: row.code, procedureCode: row.procedure_code, procedureName: row.procedure_name, fieldCode: row.field_code,
    fieldName: row.field_name, channel: row.channel, receivingUnitId: row.receiving_unit_id, competentUnitId: row.competent_unit_id,
  };
}

/**
 * A page of whole histories in id order, for rebuilding a read model from the record (the events):
 * `afterId` is the last id of the previous page. Archived dossiers included (migration 0030): the
 * reports count them as they did before they moved.
 */
export async function historiesPage(db: Db, afterId: string | null, limit: number): Promise<DossierEventsWritten[]> {
  let q = db.selectFrom('dossier_records')
    .select(['id', 'code', 'procedure_code', 'procedure_name', 'field_code', 'field_name', 'channel', 'receiving_unit_id', 'competent_unit_id'])
    .orderBy('id').limit(limit);
  if (afterId) q = q.where('id', '>', afterId);
  const rows = await q.execute();
  const events = await loadEventsOf(db, rows.map((r) => String(r.id)));
  return rows.map((r) => {
    const own = events.get(String(r.id)) ?? [];
    return { dossier: dossierFacts(r), events: own, fromStart: true, history: async () => own };
  });
}

/**
 * The digital flags of some dossiers as the projection holds them (dossiers/rules/digital.ts; migration
 * 0017), for a read model that counts them. Both event writers save the projection before they hand the
 * events on, so inside their transaction this is the state after the new events.
 */
export async function digitalFlagsOf(db: Db | Tx, ids: string[]): Promise<Map<string, DigitalFlags>> {
  if (!ids.length) return new Map();
  // Live or archived: a rebuild of the read models reads the archived dossiers' flags too (migration 0030).
  const rows = await db.selectFrom('dossier_records').select(['id', 'digitised', 'result_digitised', 'paid_online', 'fully_online']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [String(r.id), { digitised: r.digitised, resultDigitised: r.result_digitised, paidOnline: r.paid_online, fullyOnline: r.fully_online }]));
}
