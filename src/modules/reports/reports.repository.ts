/**
 * SQL of the reports module. Its read model `report_dossier_facts` is its own table; the dossier
 * module's record reaches it only through the event-subscribers port (written events, whole histories).
 */
import { sql, type Selectable } from 'kysely';
import type { Db, Tx } from '../../platform/db/transaction.js';
import type { DossierFacts } from '../dossiers/event-subscribers.js';
import type { ReportFacts, Outcome } from './rules/facts.js';
import type { Timeliness } from '../dossiers/rules/statuses.js';
import type { ReportDossierFactsTable } from './reports.tables.js';

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

export async function findFacts(trx: Tx, dossierId: string): Promise<ReportFacts | undefined> {
  const row = await trx.selectFrom('report_dossier_facts').selectAll().where('dossier_id', '=', dossierId).executeTakeFirst();
  return row ? factsOfRow(row) : undefined;
}

/** Writes (inserts or replaces) the rows of some dossiers; 500 per statement. */
export async function saveFacts(trx: Tx | Db, items: { dossier: DossierFacts; facts: ReportFacts }[]): Promise<void> {
  for (let i = 0; i < items.length; i += 500) {
    const values = items.slice(i, i + 500).map(({ dossier: d, facts: f }) => ({
      dossier_id: d.id, code: d.code, unit_id: d.competentUnitId ?? d.receivingUnitId, receiving_unit_id: d.receivingUnitId, competent_unit_id: d.competentUnitId,
      procedure_code: d.procedureCode, procedure_name: d.procedureName, field_code: d.fieldCode, field_name: d.fieldName, channel: d.channel,
      received_at: at(f.receivedAt), original_due_at: at(f.originalDueAt), pause_started_at: at(f.pauseStartedAt), pause_ended_at: at(f.pauseEndedAt),
      due_after_pause: at(f.dueAfterPause), paused_when_overdue: f.pausedWhenOverdue, extended_at: at(f.extendedAt), due_after_extension: at(f.dueAfterExtension),
      due_at: at(f.dueAt), completed_at: at(f.completedAt), outcome: f.outcome, timeliness: f.timeliness, returned_at: at(f.returnedAt),
      inter_agency: f.interAgency, version: f.version,
    }));
    await trx.insertInto('report_dossier_facts').values(values).onConflict((oc) => oc.column('dossier_id').doUpdateSet((eb) => ({
      code: eb.ref('excluded.code'), unit_id: eb.ref('excluded.unit_id'), receiving_unit_id: eb.ref('excluded.receiving_unit_id'),
      competent_unit_id: eb.ref('excluded.competent_unit_id'), procedure_code: eb.ref('excluded.procedure_code'), procedure_name: eb.ref('excluded.procedure_name'),
      field_code: eb.ref('excluded.field_code'), field_name: eb.ref('excluded.field_name'), channel: eb.ref('excluded.channel'),
      received_at: eb.ref('excluded.received_at'), original_due_at: eb.ref('excluded.original_due_at'), pause_started_at: eb.ref('excluded.pause_started_at'),
      pause_ended_at: eb.ref('excluded.pause_ended_at'), due_after_pause: eb.ref('excluded.due_after_pause'), paused_when_overdue: eb.ref('excluded.paused_when_overdue'),
      extended_at: eb.ref('excluded.extended_at'), due_after_extension: eb.ref('excluded.due_after_extension'), due_at: eb.ref('excluded.due_at'),
      completed_at: eb.ref('excluded.completed_at'), outcome: eb.ref('excluded.outcome'), timeliness: eb.ref('excluded.timeliness'),
      returned_at: eb.ref('excluded.returned_at'), inter_agency: eb.ref('excluded.inter_agency'), version: eb.ref('excluded.version'), updated_at: sql<Date>`now()`,
    }))).execute();
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

const KEY: Record<GroupBy, { key: ReturnType<typeof sql>; name: ReturnType<typeof sql> }> = {
  unit: { key: sql`unit_id::text`, name: sql`''` },
  field: { key: sql`coalesce(field_code, '')`, name: sql`coalesce(field_name, '')` },
  procedure: { key: sql`procedure_code`, name: sql`procedure_name` },
};

import type { Ii06aColumn } from './rules/ii06a-columns.js';

/**
 * The rows that matter are those received before the period's end and not finished before its start
 * (both columns indexed per unit). The due date "at the end of the period" is the last of the
 * original date, the date after the supplement pause and the extended date that took effect before the end.
 */
function factsAtEnd(start: Date, end: Date, unitIds: number[], groupBy: GroupBy) {
  const g = KEY[groupBy];
  return sql`
    select ${g.key} as key, ${g.name} as name, code, procedure_name, unit_id, channel, received_at, completed_at, outcome, timeliness, paused_when_overdue,
      (completed_at is null or completed_at >= ${end}) as open_at_end,
      (pause_started_at < ${end} and (pause_ended_at is null or pause_ended_at >= ${end})) as paused_at_end,
      case
        when extended_at < ${end} and (pause_ended_at is null or pause_ended_at >= ${end} or extended_at >= pause_ended_at) then due_after_extension
        when pause_ended_at < ${end} then due_after_pause
        else original_due_at
      end as due_at_end
    from report_dossier_facts
    where unit_id = any(${unitIds}::int[]) and received_at < ${end} and (completed_at is null or completed_at >= ${start})`;
}

/**
 * Each column's rule over one row of `factsAtEnd`, written once: the form counts with it and the list
 * of dossiers behind a figure filters with it, so a list always has as many rows as its figure.
 */
function columnRule(column: Ii06aColumn, start: Date, end: Date) {
  const overdue = sql`(case when paused_at_end then paused_when_overdue else due_at_end < ${end} end)`;
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
    case 'inProgress.withinDeadline': return sql`open_at_end and not ${overdue}`;
    case 'inProgress.overdue': return sql`open_at_end and ${overdue}`;
    case 'awaitingSupplement': return sql`open_at_end and paused_at_end`;
    case 'withdrawn': return sql`not open_at_end and outcome = 'withdrawn'`;
  }
}

/** Form II.06a as one GROUP BY (docs/reports.md defines every column). */
export async function ii06a(db: Db, start: Date, end: Date, unitIds: number[], groupBy: GroupBy): Promise<Ii06aCounts[]> {
  if (!unitIds.length) return [];
  const c = (column: Ii06aColumn) => sql`count(*) filter (where ${columnRule(column, start, end)})`;
  const rows = await sql<Record<string, string | number>>`
    with f as (${factsAtEnd(start, end, unitIds, groupBy)})
    select key, max(name) as name,
      ${c('received.carriedOver')} as carried_over, ${c('received.online')} as online, ${c('received.direct')} as direct,
      ${c('completed.total')} as completed, ${c('completed.early')} as early, ${c('completed.onTime')} as on_time, ${c('completed.late')} as late,
      ${c('withdrawn')} as withdrawn, ${c('inProgress.total')} as in_progress, ${c('inProgress.overdue')} as overdue, ${c('awaitingSupplement')} as awaiting_supplement
    from f group by key order by key`.execute(db);
  return rows.rows.map((r) => {
    const n = (k: string) => Number(r[k] ?? 0);
    return {
      key: String(r.key), name: String(r.name ?? ''), carriedOver: n('carried_over'), online: n('online'), direct: n('direct'),
      completed: n('completed'), early: n('early'), onTime: n('on_time'), late: n('late'), withdrawn: n('withdrawn'),
      inProgress: n('in_progress'), overdue: n('overdue'), withinDeadline: n('in_progress') - n('overdue'), awaitingSupplement: n('awaiting_supplement'),
    };
  });
}

export type BehindFigure = {
  code: string; procedureName: string; unitId: number; channel: string; receivedAt: Date | null; dueAtEnd: Date | null;
  completedAt: Date | null; outcome: string | null; timeliness: string | null;
};

/** The dossiers behind one figure of II.06a: its column's rule, in one row (`key`) or all rows (null). */
export async function ii06aDossiers(db: Db, start: Date, end: Date, unitIds: number[], groupBy: GroupBy, key: string | null, column: Ii06aColumn, page: { limit: number; offset: number }): Promise<{ total: number; items: BehindFigure[] }> {
  if (!unitIds.length) return { total: 0, items: [] };
  const where = sql`${columnRule(column, start, end)} and ${key === null ? sql`true` : sql`key = ${key}`}`;
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
