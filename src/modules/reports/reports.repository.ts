/**
 * SQL of the reports module. Its read model `report_dossier_facts` is its own table; the dossier
 * module's record reaches it only through the event-subscribers port (written events, whole histories).
 */
import { sql, type Selectable } from 'kysely';
import type { Db, Tx } from '../../platform/db/transaction.js';
import type { DossierFacts } from '../dossiers/event-subscribers.js';
import { write, type Writes } from '../dossiers/write-batch.js';
import type { ReportFacts, Outcome } from './rules/facts.js';
import type { Timeliness } from '../dossiers/rules/statuses.js';
import type { ReportDossierFactsTable } from './reports.tables.js';
import { cellsOf, FACTS_GROUP, stocksAtSql } from './counts.repository.js';

type FactsRow = Selectable<ReportDossierFactsTable>;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const at = (v: string | null) => (v ? new Date(v) : null);

export function factsOfRow(r: FactsRow): ReportFacts {
  return {
    receivedAt: iso(r.received_at), originalDueAt: iso(r.original_due_at), pauseStartedAt: iso(r.pause_started_at), pauseEndedAt: iso(r.pause_ended_at),
    dueAfterPause: iso(r.due_after_pause), pausedWhenOverdue: r.paused_when_overdue, extendedAt: iso(r.extended_at), dueAfterExtension: iso(r.due_after_extension),
    dueAt: iso(r.due_at), completedAt: iso(r.completed_at), outcome: r.outcome as Outcome | null, timeliness: r.timeliness as Timeliness | null,
    returnedAt: iso(r.returned_at), interAgency: r.inter_agency, version: r.version,
  };
}

/** The stored rows of some dossiers. */
export async function factsRowsOf(trx: Tx, ids: string[]): Promise<Map<string, FactsRow>> {
  if (!ids.length) return new Map();
  const rows = await trx.selectFrom('report_dossier_facts').selectAll().where('dossier_id', 'in', ids).execute();
  return new Map(rows.map((r) => [String(r.dossier_id), r]));
}

/** A page of stored rows with their index flags, in dossier order (to fill the counts from them). */
export async function factsPage(db: Db | Tx, after: string | null, limit: number) {
  let q = db.selectFrom('report_dossier_facts as f').leftJoin('report_index_facts as x', 'x.dossier_id', 'f.dossier_id')
    .selectAll('f').select(['x.fee_charged', 'x.paid_online', 'x.digitised', 'x.result_digitised', 'x.fully_online', 'x.version as x_version'])
    .orderBy('f.dossier_id').limit(limit);
  if (after !== null) q = q.where('f.dossier_id', '>', after);
  return q.execute();
}

/** The identity of a stored row in the per-day counts. */
export const dimsOfRow = (r: Pick<FactsRow, 'unit_id' | 'procedure_code' | 'procedure_name' | 'field_code' | 'field_name'>) => ({
  unitId: r.unit_id, procedureCode: r.procedure_code, procedureName: r.procedure_name, fieldCode: r.field_code ?? '', fieldName: r.field_name ?? '',
});

/** Writes (inserts or replaces) the rows of some dossiers; 500 per statement. */
export async function saveFacts(trx: Tx | Db, items: { dossier: DossierFacts; facts: ReportFacts }[], writes?: Writes): Promise<void> {
  for (let i = 0; i < items.length; i += 500) {
    const values = items.slice(i, i + 500).map(({ dossier: d, facts: f }) => ({
      dossier_id: d.id, code: d.code, unit_id: d.competentUnitId ?? d.receivingUnitId, receiving_unit_id: d.receivingUnitId, competent_unit_id: d.competentUnitId,
      procedure_code: d.procedureCode, procedure_name: d.procedureName, field_code: d.fieldCode, field_name: d.fieldName, channel: d.channel,
      received_at: at(f.receivedAt), original_due_at: at(f.originalDueAt), pause_started_at: at(f.pauseStartedAt), pause_ended_at: at(f.pauseEndedAt),
      due_after_pause: at(f.dueAfterPause), paused_when_overdue: f.pausedWhenOverdue, extended_at: at(f.extendedAt), due_after_extension: at(f.dueAfterExtension),
      due_at: at(f.dueAt), completed_at: at(f.completedAt), outcome: f.outcome, timeliness: f.timeliness, returned_at: at(f.returnedAt),
      inter_agency: f.interAgency, version: f.version,
    }));
    await write(writes, trx.insertInto('report_dossier_facts').values(values).onConflict((oc) => oc.column('dossier_id').doUpdateSet((eb) => ({
      code: eb.ref('excluded.code'), unit_id: eb.ref('excluded.unit_id'), receiving_unit_id: eb.ref('excluded.receiving_unit_id'),
      competent_unit_id: eb.ref('excluded.competent_unit_id'), procedure_code: eb.ref('excluded.procedure_code'), procedure_name: eb.ref('excluded.procedure_name'),
      field_code: eb.ref('excluded.field_code'), field_name: eb.ref('excluded.field_name'), channel: eb.ref('excluded.channel'),
      received_at: eb.ref('excluded.received_at'), original_due_at: eb.ref('excluded.original_due_at'), pause_started_at: eb.ref('excluded.pause_started_at'),
      pause_ended_at: eb.ref('excluded.pause_ended_at'), due_after_pause: eb.ref('excluded.due_after_pause'), paused_when_overdue: eb.ref('excluded.paused_when_overdue'),
      extended_at: eb.ref('excluded.extended_at'), due_after_extension: eb.ref('excluded.due_after_extension'), due_at: eb.ref('excluded.due_at'),
      completed_at: eb.ref('excluded.completed_at'), outcome: eb.ref('excluded.outcome'), timeliness: eb.ref('excluded.timeliness'),
      returned_at: eb.ref('excluded.returned_at'), inter_agency: eb.ref('excluded.inter_agency'), version: eb.ref('excluded.version'), updated_at: sql<Date>`now()`,
    }))));
  }
}

export async function clearFacts(trx: Tx): Promise<void> {
  await trx.deleteFrom('report_dossier_facts').execute();
}

export type GroupBy = 'unit' | 'field' | 'procedure';

export type Ii06aCounts = {
  key: string; name: string;
  carriedOver: number; online: number; direct: number;
  completed: number; early: number; onTime: number; late: number; withdrawn: number;
  inProgress: number; withinDeadline: number; overdue: number; awaitingSupplement: number;
};

import type { Ii06aColumn } from './rules/ii06a-columns.js';

/**
 * The rows that matter are those received before the period's end and not finished before its start
 * (both columns indexed per unit). The due date "at the end of the period" is the last of the
 * original date, the date after the supplement pause and the extended date that took effect before the end.
 */
function factsAtEnd(start: Date, end: Date, unitIds: number[], groupBy: GroupBy) {
  const g = FACTS_GROUP[groupBy];
  const s = stocksAtSql(end);
  return sql`
    select ${g.key} as key, ${g.name} as name, f.code, f.procedure_name, f.unit_id, f.channel, f.received_at, f.completed_at, f.outcome, f.timeliness,
      ${s.openAtEnd} as open_at_end, ${s.pausedAtEnd} as paused_at_end, ${s.dueAtEnd} as due_at_end, ${s.overdueAtEnd} as overdue_at_end
    from report_dossier_facts f
    where f.unit_id = any(${unitIds}::int[]) and f.received_at < ${end} and (f.completed_at is null or f.completed_at >= ${start})`;
}

/**
 * Each column's rule over one row of `factsAtEnd`: the list of dossiers behind a figure filters with it.
 * The form itself sums the per-day counts, which follow the same rules (rules/counts.ts); a test checks
 * that every list has as many rows as its figure.
 */
function columnRule(column: Ii06aColumn, start: Date) {
  switch (column) {
    case 'received.total': return sql`true`;
    case 'received.carriedOver': return sql`received_at < ${start}`;
    case 'received.online': return sql`received_at >= ${start} and channel = 'online'`;
    case 'received.direct': return sql`received_at >= ${start} and channel <> 'online'`;
    case 'completed.total': return sql`not open_at_end`;
    case 'completed.early': return sql`not open_at_end and timeliness = 'early'`;
    case 'completed.onTime': return sql`not open_at_end and (timeliness = 'on_time' or outcome = 'withdrawn')`;
    case 'completed.late': return sql`not open_at_end and timeliness = 'late'`;
    case 'inProgress.total': return sql`open_at_end`;
    case 'inProgress.withinDeadline': return sql`open_at_end and not overdue_at_end`;
    case 'inProgress.overdue': return sql`open_at_end and overdue_at_end`;
    case 'awaitingSupplement': return sql`open_at_end and paused_at_end`;
    case 'withdrawn': return sql`not open_at_end and outcome = 'withdrawn'`;
  }
}

/**
 * Form II.06a from the per-day counts (counts.repository.ts; docs/reports.md defines every column):
 * the same rules as `columnRule`, which the list behind a figure applies per dossier.
 */
export async function ii06a(db: Db, start: Date, end: Date, unitIds: number[], groupBy: GroupBy): Promise<Ii06aCounts[]> {
  const cells = await cellsOf(db, start, end, unitIds, groupBy);
  return [...cells.values()]
    .map((c) => ({
      key: c.key, name: c.name, carriedOver: c.openAtStart, online: c.flows.recv_online, direct: c.flows.recv_direct,
      completed: c.flows.completed, early: c.flows.early, onTime: c.flows.on_time + c.flows.withdrawn, late: c.flows.late, withdrawn: c.flows.withdrawn,
      inProgress: c.openAtEnd, overdue: c.overdueAtEnd, withinDeadline: c.openAtEnd - c.overdueAtEnd, awaitingSupplement: c.awaitingAtEnd,
    }))
    .filter((r) => r.carriedOver + r.online + r.direct > 0)
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

export type BehindFigure = {
  code: string; procedureName: string; unitId: number; channel: string; receivedAt: Date | null; dueAtEnd: Date | null;
  completedAt: Date | null; outcome: string | null; timeliness: string | null;
};

/** The dossiers behind one figure of II.06a: its column's rule, in one row (`key`) or all rows (null). */
export async function ii06aDossiers(db: Db, start: Date, end: Date, unitIds: number[], groupBy: GroupBy, key: string | null, column: Ii06aColumn, page: { limit: number; offset: number }): Promise<{ total: number; items: BehindFigure[] }> {
  if (!unitIds.length) return { total: 0, items: [] };
  const where = sql`${columnRule(column, start)} and ${key === null ? sql`true` : sql`key = ${key}`}`;
  const total = await sql<{ n: string }>`with f as (${factsAtEnd(start, end, unitIds, groupBy)}) select count(*) as n from f where ${where}`.execute(db);
  const rows = await sql<{ code: string; procedure_name: string; unit_id: number; channel: string; received_at: Date | null; due_at_end: Date | null; completed_at: Date | null; outcome: string | null; timeliness: string | null }>`
    with f as (${factsAtEnd(start, end, unitIds, groupBy)})
    select code, procedure_name, unit_id, channel, received_at, due_at_end, completed_at, outcome, timeliness from f where ${where}
    order by received_at desc nulls last, code limit ${page.limit} offset ${page.offset}`.execute(db);
  return {
    total: Number(total.rows[0]?.n ?? 0),
    items: rows.rows.map((r) => ({
      code: r.code, procedureName: r.procedure_name, unitId: r.unit_id, channel: r.channel, receivedAt: r.received_at, dueAtEnd: r.due_at_end,
      completedAt: r.completed_at, outcome: r.outcome, timeliness: r.timeliness,
    })),
  };
}
