/**
 * SQL of the service index (docs/reports.md "Chỉ số phục vụ"): its versions, and the counts of the
 * measures over the reports module's two read models (report_dossier_facts joined to
 * report_index_facts), for the units of a subtree and a period [start, end).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../platform/db/transaction.js';
import type { Measure } from './rules/service-index.js';

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
  const pausedAtEnd = sql`(f.pause_started_at < ${end} and (f.pause_ended_at is null or f.pause_ended_at >= ${end}))`;
  const dueAtEnd = sql`(case
      when f.extended_at < ${end} and (f.pause_ended_at is null or f.pause_ended_at >= ${end} or f.extended_at >= f.pause_ended_at) then f.due_after_extension
      when f.pause_ended_at < ${end} then f.due_after_pause
      else f.original_due_at end)`;
  const good = sql`(case when f.completed_at is not null and f.completed_at < ${end}
      then coalesce(f.timeliness in ('early', 'on_time') or f.outcome = 'withdrawn', false)
      else not coalesce(case when ${pausedAtEnd} then f.paused_when_overdue else ${dueAtEnd} < ${end} end, false) end)`;
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

const COUNTED: Measure[] = ['on_time_rate', 'online_submission_rate', 'fully_online_rate', 'paid_online_rate', 'result_digitised_rate', 'digitised_rate'];

export type DossierCounts = {
  figures: Map<Measure, { numerator: number; denominator: number }>;
  /** Procedures with a fee-charging dossier received in the period, and those with one paid online. */
  feeProcedures: string[]; paidProcedures: string[];
  /** Procedures with a dossier received online in the period. */
  onlineProcedures: string[];
};

/** Every dossier measure of a subtree and period in one pass over the rows that can count. */
export async function dossierCounts(db: Db, start: Date, end: Date, unitIds: number[]): Promise<DossierCounts> {
  const p = parts(start, end);
  const cols = COUNTED.map((m, i) => {
    const s = measureSql(m, p)!;
    return sql`count(*) filter (where ${s.base}) as ${sql.raw(`d${i}`)}, count(*) filter (where ${s.base} and ${s.num}) as ${sql.raw(`n${i}`)}`;
  });
  const r = await sql<Record<string, string | number | string[] | null>>`
    select ${sql.join(cols)},
      array_agg(distinct f.procedure_code) filter (where ${p.receivedIn} and coalesce(x.fee_charged, false)) as fee_procs,
      array_agg(distinct f.procedure_code) filter (where ${p.receivedIn} and coalesce(x.fee_charged, false) and coalesce(x.paid_online, false)) as paid_procs,
      array_agg(distinct f.procedure_code) filter (where ${p.receivedIn} and f.channel = 'online') as online_procs
    from ${p.from}
    where f.unit_id = any(${unitIds}::int[]) and ${p.relevant}`.execute(db);
  const row = r.rows[0] ?? {};
  const figures = new Map(COUNTED.map((m, i) => [m, { numerator: Number(row[`n${i}`] ?? 0), denominator: Number(row[`d${i}`] ?? 0) }] as const));
  const arr = (k: string) => (Array.isArray(row[k]) ? (row[k] as string[]) : []);
  return { figures, feeProcedures: arr('fee_procs'), paidProcedures: arr('paid_procs'), onlineProcedures: arr('online_procs') };
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
