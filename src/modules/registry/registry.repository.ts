import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/transaction.js';
import type { Actor } from '../../platform/access/policy.js';
import type { DocumentParties, DocumentRow } from './registry.context.js';

/** SQL shared by the parts of the registry service (outgoing, incoming, exchange, files). */

export async function findDocument(db: Db | Tx, id: number): Promise<DocumentRow | undefined> {
  return db.selectFrom('reg_documents').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The handlers of a document (reg_assignments), who may read it whatever their grants. */
export async function partiesOf(db: Db | Tx, documentId: number): Promise<DocumentParties> {
  const rows = await db.selectFrom('reg_assignments').select(['staff_id', 'unit_id']).where('document_id', '=', documentId).where('status', '<>', 'cancelled').execute();
  return {
    staffIds: new Set(rows.flatMap((r) => (r.staff_id === null ? [] : [r.staff_id]))),
    unitIds: new Set(rows.flatMap((r) => (r.unit_id === null ? [] : [r.unit_id]))),
  };
}

/** The units with records-office settings: the agencies that keep registers. */
export async function agencyIds(db: Db | Tx): Promise<Set<number>> {
  return new Set((await db.selectFrom('reg_settings').select('unit_id').execute()).map((r) => r.unit_id));
}

export async function settingsOf(db: Db | Tx, unitId: number) {
  return db.selectFrom('reg_settings').selectAll().where('unit_id', '=', unitId).executeTakeFirst();
}

/**
 * The next number of a series, taken inside the caller's transaction: the counter row stays locked
 * until COMMIT, so concurrent releases of one series queue here, and a rollback gives the number back
 * (unique and gap-free per agency, year and series — Decree 30 art. 15).
 */
export async function nextNumber(trx: Tx, unitId: number, year: number, series: string): Promise<number> {
  const row = await trx.insertInto('reg_counters').values({ unit_id: unitId, year, series, last_number: 1 })
    .onConflict((oc) => oc.columns(['unit_id', 'year', 'series']).doUpdateSet({ last_number: sql`reg_counters.last_number + 1` }))
    .returning('last_number').executeTakeFirstOrThrow();
  return row.last_number;
}

/** One line of a document's history (append-only; views included). */
export async function insertEvent(trx: Tx | Db, documentId: number, actor: Pick<Actor, 'staffId' | 'fullName'> | null, action: string, at: Date, note?: string | null, details: Record<string, unknown> = {}) {
  await trx.insertInto('reg_events').values({
    document_id: documentId, at, action, actor_staff_id: actor?.staffId ?? null, actor_name: actor?.fullName ?? 'Hệ thống', note: note ?? null, details: JSON.stringify(details),
  }).execute();
}

export async function eventsOf(db: Db, documentId: number) {
  return db.selectFrom('reg_events').selectAll().where('document_id', '=', documentId).orderBy('id').execute();
}
