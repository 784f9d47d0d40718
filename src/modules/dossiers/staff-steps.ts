import type { Db } from '../../platform/db/transaction.js';
import * as repo from './dossiers.repository.js';
import { reduce } from './rules/reducer.js';

/**
 * The steps one officer handled over a period and how many were handed on by their step's due time:
 * the figure the annual evaluation shows beside the self-assessment (personnel, issue 17 item 5). A step
 * is the officer's when a hand-over reached them (the control slip's row) and it counts in the period in
 * which they handed it on; on time when that was not after the step's due instant.
 */
export async function staffStepsOnTime(db: Db, staffId: number, from: Date, to: Date): Promise<{ total: number; onTime: number }> {
  const touched = await db.selectFrom('dossier_events').select('dossier_id').distinct()
    .where('actor_staff_id', '=', staffId).where('at', '>=', from).where('at', '<', to).limit(5_000).execute();
  let total = 0;
  let onTime = 0;
  const ids = touched.map((r) => r.dossier_id);
  for (let i = 0; i < ids.length; i += 200) {
    const events = await repo.loadEventsOf(db, ids.slice(i, i + 200));
    for (const list of events.values()) {
      for (const h of reduce(list).handovers) {
        if (h.to?.staffId !== staffId || !h.completedAt) continue;
        const done = new Date(h.completedAt);
        if (done < from || done >= to) continue;
        total++;
        if (!h.stepDueAt || done <= new Date(h.stepDueAt)) onTime++;
      }
    }
  }
  return { total, onTime };
}

/**
 * Apology-and-extension letters (form 04) issued in [from, to) by the given units: the `extended` events
 * recorded there. The inspection checklist's "apology letters" figure (issue 18).
 */
export async function apologiesIssued(db: Db, unitIds: number[], from: Date, to: Date): Promise<number> {
  if (unitIds.length === 0) return 0;
  const r = await db.selectFrom('dossier_events').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('type', '=', 'extended').where('unit_id', 'in', unitIds).where('at', '>=', from).where('at', '<', to).executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Per procedure, the dossiers whose events of the given types were recorded in [from, to) by the given
 * units: how many events, and the dossier codes (no personal data). The quality module's signals (issue
 * 20): apology letters (`extended`) and supplement requests at reception or in processing.
 */
export async function eventsByProcedure(db: Db, types: readonly ('extended' | 'supplement_requested' | 'reception_supplement_requested')[], unitIds: number[], from: Date, to: Date): Promise<{ procedureCode: string; events: number; codes: string[] }[]> {
  if (unitIds.length === 0 || types.length === 0) return [];
  const rows = await db.selectFrom('dossier_events as e').innerJoin('dossiers as d', 'd.id', 'e.dossier_id')
    .select(['d.procedure_code', 'd.code']).select((eb) => eb.fn.countAll<string>().as('n'))
    .where('e.type', 'in', [...types]).where('e.unit_id', 'in', unitIds).where('e.at', '>=', from).where('e.at', '<', to)
    .groupBy(['d.procedure_code', 'd.code']).orderBy('d.code').execute();
  const out = new Map<string, { procedureCode: string; events: number; codes: string[] }>();
  for (const r of rows) {
    const p = out.get(r.procedure_code) ?? { procedureCode: r.procedure_code, events: 0, codes: [] };
    p.events += Number(r.n);
    p.codes.push(r.code);
    out.set(r.procedure_code, p);
  }
  return [...out.values()];
}
