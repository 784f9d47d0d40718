import type { Db } from '../../platform/db/transaction.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { historiesPage, type DossierEventSubscriber, type DossierEventsWritten, type DossierFacts } from '../dossiers/event-subscribers.js';
import { addCounts, clearCounts, countsEmpty } from './counts.repository.js';
import * as repo from './reports.repository.js';
import { contributions, CountsDelta } from './rules/counts.js';
import { foldReportFacts } from './rules/facts.js';
import { asksFee, clearIndexFacts, flagsOfRow, indexFactsOf, indexRowsFor, saveIndexFacts } from './service-index.read-model.js';

const dimsOf = (d: DossierFacts) => ({
  unitId: d.competentUnitId ?? d.receivingUnitId, procedureCode: d.procedureCode, procedureName: d.procedureName, fieldCode: d.fieldCode ?? '', fieldName: d.fieldName ?? '',
});

/**
 * Keeps the module's three read models current — report_dossier_facts, report_index_facts and the
 * per-day counts — called by the dossier module with the events it has just written, inside their
 * transaction. A known dossier's rows take the new events on top of what they hold; an unknown one (a
 * new dossier, or one written before these read models existed) is folded from its whole history —
 * the same fold the rebuild runs, so live and rebuilt rows are equal. The counts take back what the
 * dossier's old rows added and add what its new rows add (rules/counts.ts).
 */
export const updateReportReadModels: DossierEventSubscriber = async (trx, written, writes) => {
  const ids = written.filter((w) => !w.fromStart).map((w) => w.dossier.id);
  const [oldFacts, oldFlags] = await Promise.all([repo.factsRowsOf(trx, ids), indexFactsOf(trx, ids)]);
  const facts: Parameters<typeof repo.saveFacts>[1] = [];
  const fees: { id: string; feeCharged: boolean; version: number; flags: DossierEventsWritten['flags'] }[] = [];
  for (const w of written) {
    const id = w.dossier.id;
    const known = oldFacts.get(id);
    const flags = oldFlags.get(id);
    const history = w.fromStart ? w.events : known && flags ? null : await w.history();
    facts.push({ dossier: w.dossier, facts: known ? foldReportFacts(w.events, repo.factsOfRow(known)) : foldReportFacts(history!) });
    const version = w.events.at(-1)?.seq ?? 0;
    fees.push({ id, feeCharged: flags ? flags.fee_charged || asksFee(w.events) : asksFee(history!), version, flags: w.flags });
  }
  const index = await indexRowsFor(trx, fees);
  await repo.saveFacts(trx, facts, writes);
  await saveIndexFacts(trx, index, writes);
  const delta = new CountsDelta();
  facts.forEach(({ dossier, facts: f }, i) => {
    const old = oldFacts.get(dossier.id);
    if (old) delta.add(repo.dimsOfRow(old), contributions(repo.factsOfRow(old), old.channel, flagsOfRow(oldFlags.get(dossier.id))), -1);
    delta.add(dimsOf(dossier), contributions(f, dossier.channel, flagsOfRow(index[i])), 1);
  });
  // The per-day counts are rows every intake of a unit and procedure updates: written last.
  await addCounts(trx, delta, writes);
};

/** Counts held in memory before they are written: a rebuild's pages fall on the same days. */
const FLUSH_AT = 50_000;

/**
 * `npx motcua rebuild-read-models`: empties the read models and folds every dossier's history again,
 * in one transaction (reports keep answering from the old rows until it commits).
 */
export async function rebuildReportFacts(db: Db, onProgress?: (dossiers: number) => void): Promise<{ dossiers: number; ms: number }> {
  const started = performance.now();
  let count = 0;
  await inTransaction(db, async (trx) => {
    await repo.clearFacts(trx);
    await clearIndexFacts(trx);
    await clearCounts(trx);
    const delta = new CountsDelta();
    let after: string | null = null;
    for (;;) {
      const page = await historiesPage(trx, after, 1000);
      if (!page.length) break;
      const facts = page.map((w) => ({ dossier: w.dossier, facts: foldReportFacts(w.events) }));
      const index = await indexRowsFor(trx, page.map((w) => ({ id: w.dossier.id, feeCharged: asksFee(w.events), version: w.events.at(-1)?.seq ?? 0 })));
      await repo.saveFacts(trx, facts);
      await saveIndexFacts(trx, index);
      facts.forEach(({ dossier, facts: f }, i) => delta.add(dimsOf(dossier), contributions(f, dossier.channel, flagsOfRow(index[i])), 1));
      if (delta.size > FLUSH_AT) { await addCounts(trx, delta); delta.clear(); }
      count += page.length;
      after = page.at(-1)!.dossier.id;
      onProgress?.(count);
    }
    await addCounts(trx, delta);
  });
  return { dossiers: count, ms: Math.round(performance.now() - started) };
}

/**
 * The counts arrived after the facts (migration 0024): a database whose facts were written before
 * has empty counts. Filled once at start from the stored rows, with no need to read the events.
 */
export async function fillCountsIfEmpty(db: Db): Promise<number> {
  if (!(await countsEmpty(db))) return 0;
  let count = 0;
  await inTransaction(db, async (trx) => {
    const delta = new CountsDelta();
    let after: string | null = null;
    for (;;) {
      const page = await repo.factsPage(trx, after, 5000);
      if (!page.length) break;
      for (const r of page) {
        const flags = r.x_version === null ? undefined : { dossier_id: String(r.dossier_id), fee_charged: !!r.fee_charged, paid_online: !!r.paid_online, digitised: !!r.digitised, result_digitised: !!r.result_digitised, fully_online: !!r.fully_online, version: r.x_version };
        delta.add(repo.dimsOfRow(r), contributions(repo.factsOfRow(r), r.channel, flagsOfRow(flags)), 1);
      }
      if (delta.size > FLUSH_AT) { await addCounts(trx, delta); delta.clear(); }
      count += page.length;
      after = String(page.at(-1)!.dossier_id);
    }
    await addCounts(trx, delta);
  });
  return count;
}
