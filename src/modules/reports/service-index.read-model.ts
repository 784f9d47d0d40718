import type { Db, Tx } from '../../platform/db/transaction.js';
import { digitalFlagsOf } from '../dossiers/event-subscribers.js';
import { write, type Writes } from '../dossiers/write-batch.js';
import type { DigitalFlags } from '../dossiers/rules/digital.js';
import type { DossierEvent } from '../dossiers/rules/events.js';
import { noFlags, type CountFlags } from './rules/counts.js';

/**
 * The service index's own read model, `report_index_facts` (migration 0022): per dossier, whether a
 * fee was asked (from its events) and the four digital flags of the dossier module's projection
 * (dossiers/rules/digital.ts), read through the dossier module's port inside the events' transaction.
 * Written by the reports module's subscriber (read-model.ts) with report_dossier_facts, so it commits with the events.
 */
export const asksFee = (events: readonly DossierEvent[]) => events.some((e) => e.type === 'payment_requested');

export type IndexRow = { dossier_id: string; fee_charged: boolean; paid_online: boolean; digitised: boolean; result_digitised: boolean; fully_online: boolean; version: number };

export const flagsOfRow = (r: IndexRow | undefined): CountFlags => (r
  ? { feeCharged: r.fee_charged, paidOnline: r.paid_online, digitised: r.digitised, resultDigitised: r.result_digitised, fullyOnline: r.fully_online }
  : noFlags);

export async function saveIndexFacts(trx: Tx | Db, rows: IndexRow[], writes?: Writes): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await write(writes, trx.insertInto('report_index_facts').values(rows.slice(i, i + 1000)).onConflict((oc) => oc.column('dossier_id').doUpdateSet((eb) => ({
      fee_charged: eb.ref('excluded.fee_charged'), paid_online: eb.ref('excluded.paid_online'), digitised: eb.ref('excluded.digitised'),
      result_digitised: eb.ref('excluded.result_digitised'), fully_online: eb.ref('excluded.fully_online'), version: eb.ref('excluded.version'),
    }))));
  }
}

/** The stored rows of some dossiers. */
export async function indexFactsOf(trx: Tx | Db, ids: string[]): Promise<Map<string, IndexRow>> {
  if (!ids.length) return new Map();
  const rows = await trx.selectFrom('report_index_facts').selectAll().where('dossier_id', 'in', ids).execute();
  return new Map(rows.map((r) => [String(r.dossier_id), { ...r, dossier_id: String(r.dossier_id) }]));
}

/**
 * The rows of some dossiers now: whether a fee was asked (given) and the dossier module's digital flags
 * — given by the writer of the events when it knows them, else read from the projection.
 */
export async function indexRowsFor(trx: Tx | Db, items: { id: string; feeCharged: boolean; version: number; flags?: DigitalFlags | undefined }[]): Promise<IndexRow[]> {
  const flags = await digitalFlagsOf(trx, items.filter((i) => !i.flags).map((i) => i.id));
  return items.map((i) => {
    const f = i.flags ?? flags.get(i.id);
    return {
      dossier_id: i.id, fee_charged: i.feeCharged, paid_online: f?.paidOnline ?? false, digitised: f?.digitised ?? false,
      result_digitised: f?.resultDigitised ?? false, fully_online: f?.fullyOnline ?? false, version: i.version,
    };
  });
}

export async function clearIndexFacts(trx: Tx): Promise<void> {
  await trx.deleteFrom('report_index_facts').execute();
}
