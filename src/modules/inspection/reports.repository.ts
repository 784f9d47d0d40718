import { sql } from 'kysely';
import type { Db } from '../../platform/db/transaction.js';
import { addDays } from '../directives/rules/deadlines.js';
import type { CaseRow, PartyRow } from './cases.repository.js';
import type { DisciplineRow } from './discipline-rules.js';
import { vnDay } from './inspection.context.js';
import type { IsoDay } from './rules/calendar.js';
import type { CaseRecord, DisciplineRecord } from './reports-rules.js';

/**
 * What the inspection report reads (issue 18 scope 4): the cases of the handling units `unitIds` (null:
 * every unit) that may count in a period, with the days their rows do not hold. Never the petitioner's
 * identity, except `partiesOf`, which only the public summary calls, to remove names from what it publishes.
 */
type Scope = { unitIds: number[] | null; from: IsoDay; asOf: IsoDay };

/** Cases received by `asOf` and not closed before `from`, or published in the period. */
export async function casesForPeriod(db: Db, s: Scope): Promise<CaseRecord[]> {
  if (s.unitIds && s.unitIds.length === 0) return [];
  let q = db.selectFrom('insp_cases').selectAll()
    .where((eb) => eb.or([
      eb.and([
        eb('received_on', '<=', s.asOf),
        eb.or([eb('concluded_on', 'is', null), eb('concluded_on', '>=', s.from)]),
        eb.or([eb('refused_on', 'is', null), eb('refused_on', '>=', s.from)]),
      ]),
      eb.and([eb('published_on', '>=', s.from), eb('published_on', '<=', s.asOf)]),
    ]));
  if (s.unitIds) q = q.where('handling_unit_id', 'in', s.unitIds);
  const rows: CaseRow[] = await q.orderBy('id').execute();
  if (rows.length === 0) return [];
  const events = await db.selectFrom('insp_case_events').select(['case_id', 'action', 'at', 'details'])
    .where('case_id', 'in', rows.map((r) => r.id)).where('action', 'in', ['extend', 'start_verification']).orderBy('id').execute();
  return rows.map((row) => {
    const own = events.filter((e) => e.case_id === row.id);
    // The extension's decision day is the one the head gave; the start of verification is the day it was recorded.
    const extensionsDecidedOn = own.filter((e) => e.action === 'extend').map((e) => (typeof e.details.decidedOn === 'string' ? e.details.decidedOn : vnDay(e.at)));
    const verifying = own.find((e) => e.action === 'start_verification');
    return { row, extensionsDecidedOn, verifyingFrom: verifying ? vnDay(verifying.at) : null };
  });
}

/**
 * Discipline cases of the units discovered by `asOf` and not finished before `from`, and the decisions that
 * may still be in force on `asOf` (12 months of validity, moved at most a few days off a weekend: 400 days back is enough).
 */
export async function disciplineForPeriod(db: Db, s: Scope): Promise<{ records: DisciplineRecord[]; decidedBySubject: Map<number, DisciplineRow[]> }> {
  const empty = { records: [], decidedBySubject: new Map<number, DisciplineRow[]>() };
  if (s.unitIds && s.unitIds.length === 0) return empty;
  let q = db.selectFrom('insp_discipline_cases').selectAll()
    .where((eb) => eb.or([
      eb.and([
        eb('discovered_on', '<=', s.asOf),
        eb.or([eb('decision_date', 'is', null), eb('decision_date', '>=', s.from)]),
        eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', s.from)]),
      ]),
      eb.and([eb('status', '=', 'decided'), eb('decision_date', '<=', s.asOf), eb('effective_on', '>=', addDays(s.asOf, -400))]),
    ]));
  if (s.unitIds) q = q.where('unit_id', 'in', s.unitIds);
  const rows: DisciplineRow[] = await q.orderBy('id').execute();
  if (rows.length === 0) return empty;
  const deferrals = await db.selectFrom('insp_discipline_deferrals').select(['case_id', 'from_date', 'to_date'])
    .where('case_id', 'in', rows.map((r) => r.id)).orderBy('from_date').orderBy('id').execute();
  const subjects = [...new Set(rows.map((r) => r.subject_staff_id))];
  // A later decision about the same person ends an earlier one, whichever unit took it (art. 2(9)).
  const decided = await db.selectFrom('insp_discipline_cases').selectAll().where('subject_staff_id', 'in', subjects).where('status', '=', 'decided')
    .where('decision_date', '<=', s.asOf).orderBy('effective_on').orderBy('id').execute();
  const decidedBySubject = new Map<number, DisciplineRow[]>();
  for (const d of decided) decidedBySubject.set(d.subject_staff_id, [...(decidedBySubject.get(d.subject_staff_id) ?? []), d]);
  return {
    records: rows.map((row) => ({ row, deferrals: deferrals.filter((d) => d.case_id === row.id).map((d) => ({ from: d.from_date, to: d.to_date })) })),
    decidedBySubject,
  };
}

/** Results published in [from, to], newest first: what the public summary lists. */
export async function publishedBetween(db: Db, from: IsoDay, to: IsoDay): Promise<CaseRow[]> {
  return db.selectFrom('insp_cases').selectAll().where('published', '=', true).where('published_on', '>=', from).where('published_on', '<=', to)
    .orderBy('published_on', 'desc').orderBy('id', 'desc').execute();
}

/** The petitioners of the published cases, read only to remove them from the published text. */
export async function partiesOf(db: Db, caseIds: number[]): Promise<PartyRow[]> {
  if (caseIds.length === 0) return [];
  return db.selectFrom('insp_case_parties').selectAll().where('case_id', 'in', caseIds).execute();
}

/** The statutory years in which some result was published (for the public page's year picker). */
export async function publishedYears(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('insp_cases').select(sql<string>`to_char(published_on, 'YYYY-MM-DD')`.as('day'))
    .where('published', '=', true).where('published_on', 'is not', null).groupBy('published_on').execute();
  return rows.map((r) => r.day);
}
