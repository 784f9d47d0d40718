import type { Db, Tx } from '../../platform/db/transaction.js';
import { digitalFlagsOf, type DossierEventSubscriber } from '../dossiers/event-subscribers.js';
import type { DossierEvent } from '../dossiers/rules/events.js';

/**
 * The service index's own read model, `report_index_facts` (migration 0022): per dossier, whether a
 * fee was asked (from its events) and the four digital flags of the dossier module's projection
 * (dossiers/rules/digital.ts), read through the dossier module's port inside the events' transaction.
 * Written by the same subscriber mechanism as report_dossier_facts, so it commits with the events.
 */
const asksFee = (events: readonly DossierEvent[]) => events.some((e) => e.type === 'payment_requested');

type Row = { dossier_id: string; fee_charged: boolean; paid_online: boolean; digitised: boolean; result_digitised: boolean; fully_online: boolean; version: number };

async function save(trx: Tx | Db, rows: Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await trx.insertInto('report_index_facts').values(rows.slice(i, i + 1000)).onConflict((oc) => oc.column('dossier_id').doUpdateSet((eb) => ({
      fee_charged: eb.ref('excluded.fee_charged'), paid_online: eb.ref('excluded.paid_online'), digitised: eb.ref('excluded.digitised'),
      result_digitised: eb.ref('excluded.result_digitised'), fully_online: eb.ref('excluded.fully_online'), version: eb.ref('excluded.version'),
    }))).execute();
  }
}

async function rowsFor(trx: Tx | Db, items: { id: string; feeCharged: boolean; version: number }[]): Promise<Row[]> {
  const flags = await digitalFlagsOf(trx, items.map((i) => i.id));
  return items.map((i) => {
    const f = flags.get(i.id);
    return {
      dossier_id: i.id, fee_charged: i.feeCharged, paid_online: f?.paidOnline ?? false, digitised: f?.digitised ?? false,
      result_digitised: f?.resultDigitised ?? false, fully_online: f?.fullyOnline ?? false, version: i.version,
    };
  });
}

export const updateIndexFacts: DossierEventSubscriber = async (trx, written) => {
  const items: { id: string; feeCharged: boolean; version: number }[] = [];
  const unknown = written.filter((w) => !w.fromStart).map((w) => w.dossier.id);
  const known = unknown.length
    ? new Map((await trx.selectFrom('report_index_facts').select(['dossier_id', 'fee_charged']).where('dossier_id', 'in', unknown).execute()).map((r) => [String(r.dossier_id), r.fee_charged]))
    : new Map<string, boolean>();
  for (const w of written) {
    const version = w.events.at(-1)?.seq ?? 0;
    if (w.fromStart) items.push({ id: w.dossier.id, feeCharged: asksFee(w.events), version });
    else if (known.has(w.dossier.id)) items.push({ id: w.dossier.id, feeCharged: known.get(w.dossier.id)! || asksFee(w.events), version });
    else items.push({ id: w.dossier.id, feeCharged: asksFee(await w.history()), version });
  }
  await save(trx, await rowsFor(trx, items));
};

/** Rebuild: one page of whole histories (the caller pages and holds the transaction). */
export async function saveIndexFactsOf(trx: Tx, page: { dossier: { id: string }; events: DossierEvent[] }[]): Promise<void> {
  await save(trx, await rowsFor(trx, page.map((w) => ({ id: w.dossier.id, feeCharged: asksFee(w.events), version: w.events.at(-1)?.seq ?? 0 }))));
}

export async function clearIndexFacts(trx: Tx): Promise<void> {
  await trx.deleteFrom('report_index_facts').execute();
}
