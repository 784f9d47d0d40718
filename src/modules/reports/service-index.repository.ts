/**
 * SQL of the service index (docs/reports.md "Chỉ số phục vụ"): its versions, the counts of the
 * measures (from the per-day counts), and the dossiers behind a measure over the reports module's two
 * per-dossier read models (report_dossier_facts joined to report_index_facts), for the units of a
 * subtree and a period [start, end).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../platform/db/transaction.js';
import type { Measure } from './rules/service-index.js';
import { cellsOf, stocksAtSql, type Cell } from './counts.repository.js';

// ---- versions ------------------------------------------------------------------------------------

export type VersionRow = { id: number; effectiveFrom: string; definition: unknown; revision: number; updatedAt: Date; updatedByStaffId: number | null };

export async function versions(db: Db | Tx): Promise<VersionRow[]> {
  const rows = await db.selectFrom('report_index_versions').selectAll().orderBy('effective_from').execute();
  return rows.map((r) => ({ id: r.id, effectiveFrom: String(r.effective_from), definition: r.definition, revision: r.revision, updatedAt: r.updated_at, updatedByStaffId: r.updated_by_staff_id }));
}

// ---- the measures --------------------------------------------------------------------------------

/** The SQL pieces of one period: which rows a measure counts, and which of them are in its numerator. */
function parts(start: Date, end: Date) {
  const receivedIn = sql`(f.received_at >= ${start} and f.received_at < ${end})`;
  const inReport = sql`(f.received_at < ${end} and (f.completed_at is null or f.completed_at >= ${start}))`;
  const completedIn = sql`(f.completed_at >= ${start} and f.completed_at < ${end})`;
  const returnedIn = sql`(f.returned_at >= ${start} and f.returned_at < ${end})`;
  // As form II.06a counts them (reports.repository.ts ii06a; docs/reports.md): completed early or on
  // time (withdrawals included), or in progress at the end and not overdue.
  const good = sql`(case when f.completed_at is not null and f.completed_at < ${end}
      then coalesce(f.timeliness in ('early', 'on_time') or f.outcome = 'withdrawn', false)
      else not ${stocksAtSql(end).overdueAtEnd} end)`;
  const from = sql`report_dossier_facts f left join report_index_facts x on x.dossier_id = f.dossier_id`;
  const relevant = sql`(f.received_at < ${end} and (f.completed_at is null or f.completed_at >= ${start} or ${returnedIn}))`;
  return { receivedIn, inReport, completedIn, returnedIn, good, from, relevant };
}

type Part = ReturnType<typeof parts>;

/** Per dossier measure: the rows it counts (base) and those in its numerator. */
function measureSql(m: Measure, p: Part): { base: RawBuilder<unknown>; num: RawBuilder<unknown> } | undefined {
  switch (m) {
    case 'on_time_rate': return { base: p.inReport, num: p.good };
    case 'online_submission_rate': return { base: p.receivedIn, num: sql`f.channel = 'online'` };
    case 'fully_online_rate': return { base: p.returnedIn, num: sql`coalesce(x.fully_online, false)` };
    case 'paid_online_rate': return { base: sql`(${p.receivedIn} and coalesce(x.fee_charged, false))`, num: sql`coalesce(x.paid_online, false)` };
    case 'result_digitised_rate': return { base: sql`(${p.completedIn} and f.outcome = 'result')`, num: sql`coalesce(x.result_digitised, false)` };
    case 'digitised_rate': return { base: p.receivedIn, num: sql`coalesce(x.digitised, false)` };
    default: return undefined;
  }
}

export type DossierCounts = {
  figures: Map<Measure, { numerator: number; denominator: number }>;
  /** Procedures with a fee-charging dossier received in the period, and those with one paid online. */
  feeProcedures: string[]; paidProcedures: string[];
  /** Procedures with a dossier received online in the period. */
  onlineProcedures: string[];
};

/**
 * Every dossier measure of a subtree and period from the per-day counts (counts.repository.ts), per
 * procedure: the same rules as `measureSql`, which the list behind an indicator applies per dossier.
 */
export async function dossierCounts(db: Db, start: Date, end: Date, unitIds: number[]): Promise<DossierCounts> {
  const cells = [...(await cellsOf(db, start, end, unitIds, 'procedure')).values()];
  const sum = (f: (c: Cell) => number) => cells.reduce((a, c) => a + f(c), 0);
  const received = (c: Cell) => c.flows.recv_online + c.flows.recv_direct;
  const figures = new Map<Measure, { numerator: number; denominator: number }>([
    // As form II.06a counts them: completed early or on time (withdrawals included), or in progress at the end and not overdue.
    ['on_time_rate', { denominator: sum((c) => c.openAtStart + received(c)), numerator: sum((c) => c.flows.early + c.flows.on_time + c.flows.withdrawn + c.openAtEnd - c.overdueAtEnd) }],
    ['online_submission_rate', { denominator: sum(received), numerator: sum((c) => c.flows.recv_online) }],
    ['fully_online_rate', { denominator: sum((c) => c.flows.returned), numerator: sum((c) => c.flows.returned_fully_online) }],
    ['paid_online_rate', { denominator: sum((c) => c.flows.recv_fee), numerator: sum((c) => c.flows.recv_fee_paid) }],
    ['result_digitised_rate', { denominator: sum((c) => c.flows.result), numerator: sum((c) => c.flows.result_digitised) }],
    ['digitised_rate', { denominator: sum(received), numerator: sum((c) => c.flows.recv_digitised) }],
  ]);
  const procedures = (f: (c: Cell) => number) => cells.filter((c) => f(c) > 0).map((c) => c.key).sort();
  return {
    figures,
    feeProcedures: procedures((c) => c.flows.recv_fee), paidProcedures: procedures((c) => c.flows.recv_fee_paid), onlineProcedures: procedures((c) => c.flows.recv_online),
  };
}

export type Rating = { dossierCode: string; level: string };

const SATISFIED = sql`r.level in ('very_satisfied', 'satisfied')`;

/** Ratings given in the period of dossiers counted at the units, per row key of II.06a (or all: ''). */
export async function satisfactionBy(db: Db, ratings: Rating[], unitIds: number[], key: 'unit' | 'field' | 'procedure' | 'all'): Promise<Map<string, { satisfied: number; rated: number; name: string }>> {
  if (!ratings.length || !unitIds.length) return new Map();
  const k = key === 'unit' ? sql`f.unit_id::text` : key === 'field' ? sql`coalesce(f.field_code, '')` : key === 'procedure' ? sql`f.procedure_code` : sql`''`;
  const n = key === 'field' ? sql`max(coalesce(f.field_name, ''))` : key === 'procedure' ? sql`max(f.procedure_name)` : sql`''`;
  const rows = await sql<{ key: string; name: string; satisfied: string; rated: string }>`
    select ${k} as key, ${n} as name, count(*) filter (where ${SATISFIED}) as satisfied, count(*) as rated
    from report_dossier_facts f join unnest(${ratings.map((r) => r.dossierCode)}::text[], ${ratings.map((r) => r.level)}::text[]) as r(code, level) on r.code = f.code
    where f.unit_id = any(${unitIds}::int[])
    group by 1`.execute(db);
  return new Map(rows.rows.map((r) => [String(r.key), { satisfied: Number(r.satisfied), rated: Number(r.rated), name: String(r.name ?? '') }]));
}

export type BehindRow = {
  code: string; procedureCode: string; procedureName: string; unitId: number; channel: string;
  receivedAt: Date | null; dueAt: Date | null; completedAt: Date | null; outcome: string | null; timeliness: string | null; counted: boolean;
};

/** The dossiers behind a dossier measure, newest reception first, with whether each is in the numerator. */
export async function dossiersBehind(db: Db, m: Measure, start: Date, end: Date, unitIds: number[], ratings: Rating[], page: { limit: number; offset: number; counted?: boolean | undefined }): Promise<{ total: number; items: BehindRow[] }> {
  const p = parts(start, end);
  let from = p.from;
  let s = measureSql(m, p);
  let where = sql`${p.relevant}`;
  if (m === 'satisfaction_rate') {
    from = sql`${p.from} join unnest(${ratings.map((r) => r.dossierCode)}::text[], ${ratings.map((r) => r.level)}::text[]) as r(code, level) on r.code = f.code`;
    s = { base: sql`true`, num: SATISFIED };
    where = sql`true`;
  }
  if (!s) return { total: 0, items: [] };
  const filter = page.counted === undefined ? sql`true` : page.counted ? sql`(${s.num})` : sql`not coalesce(${s.num}, false)`;
  const cond = sql`f.unit_id = any(${unitIds}::int[]) and ${where} and ${s.base} and ${filter}`;
  const total = await sql<{ n: string }>`select count(*) as n from ${from} where ${cond}`.execute(db);
  const rows = await sql<{ code: string; procedure_code: string; procedure_name: string; unit_id: number; channel: string; received_at: Date | null; due_at: Date | null; completed_at: Date | null; outcome: string | null; timeliness: string | null; counted: boolean | null }>`
    select f.code, f.procedure_code, f.procedure_name, f.unit_id, f.channel, f.received_at, f.due_at, f.completed_at, f.outcome, f.timeliness, (${s.num}) as counted
    from ${from} where ${cond}
    order by f.received_at desc nulls last, f.code
    limit ${page.limit} offset ${page.offset}`.execute(db);
  return {
    total: Number(total.rows[0]?.n ?? 0),
    items: rows.rows.map((r) => ({
      code: r.code, procedureCode: r.procedure_code, procedureName: r.procedure_name, unitId: r.unit_id, channel: r.channel,
      receivedAt: r.received_at, dueAt: r.due_at, completedAt: r.completed_at, outcome: r.outcome, timeliness: r.timeliness, counted: !!r.counted,
    })),
  };
}
