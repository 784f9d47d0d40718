import type { Db } from '../../platform/db/transaction.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { historiesPage, type DossierEventSubscriber } from '../dossiers/event-subscribers.js';
import * as repo from './reports.repository.js';
import { foldReportFacts } from './rules/facts.js';
import { clearIndexFacts, saveIndexFactsOf } from './service-index.read-model.js';

/**
 * Keeps `report_dossier_facts` current: called by the dossier module with the events it has just
 * written, inside their transaction. A known dossier's row takes the new events on top of what it
 * holds; an unknown one (a new dossier, or one written before this read model existed) is folded from
 * its whole history — the same fold the rebuild runs, so live and rebuilt rows are equal.
 */
export const updateReportFacts: DossierEventSubscriber = async (trx, written) => {
  const out: Parameters<typeof repo.saveFacts>[1] = [];
  for (const w of written) {
    if (w.fromStart) {
      out.push({ dossier: w.dossier, facts: foldReportFacts(w.events) });
      continue;
    }
    const known = await repo.findFacts(trx, w.dossier.id);
    out.push({ dossier: w.dossier, facts: known ? foldReportFacts(w.events, known) : foldReportFacts(await w.history()) });
  }
  await repo.saveFacts(trx, out);
};

/**
 * `npx motcua rebuild-read-models`: empties the read model and folds every dossier's history again, in
 * one transaction (reports keep answering from the old rows until it commits).
 */
export async function rebuildReportFacts(db: Db, onProgress?: (dossiers: number) => void): Promise<{ dossiers: number; ms: number }> {
  const started = performance.now();
  let count = 0;
  await inTransaction(db, async (trx) => {
    await repo.clearFacts(trx);
    await clearIndexFacts(trx);
    let after: string | null = null;
    for (;;) {
      const page = await historiesPage(trx, after, 1000);
      if (!page.length) break;
      await repo.saveFacts(trx, page.map((w) => ({ dossier: w.dossier, facts: foldReportFacts(w.events) })));
      await saveIndexFactsOf(trx, page);
      count += page.length;
      after = page.at(-1)!.dossier.id;
      onProgress?.(count);
    }
  });
  return { dossiers: count, ms: Math.round(performance.now() - started) };
}
