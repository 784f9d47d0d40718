/**
 * SQL of the per-day counts (migration 0024, rules/counts.ts), the reports module's own tables: writing
 * a batch of changes, and reading the counts of a period [start, end) per row of a report.
 *
 * A period starts at a Vietnamese midnight. Its flows are the sums over its days — whole half months
 * from report_counts_half, the days around them from report_counts_day — and a stock at its start is
 * the sum of the deltas before it. When the period ends at a midnight (it is over), the stocks at its
 * end are the stocks at its start plus its deltas. When it ends now, the last day is read per dossier
 * from report_dossier_facts: today's flows by their instants (indexed), and the stocks from the
 * dossiers open now — a set as small as the work in progress, whatever the history's size.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../platform/db/transaction.js';
import { write, type Writes } from '../dossiers/write-batch.js';
import { COUNTERS, FLOWS, dayStart, isMidnight, spanOf, vnDay, zeroCounters, type Counter, type Counters, type CountsDelta } from './rules/counts.js';

type Table = 'report_counts_day' | 'report_counts_half';

/** Adds a batch of changes to the rows (new rows start at zero); rows are written in key order. */
export async function addCounts(trx: Tx | Db, delta: CountsDelta, writes?: Writes): Promise<void> {
  const rows = delta.changed();
  for (const grain of ['day', 'half'] as const) {
    const table: Table = grain === 'day' ? 'report_counts_day' : 'report_counts_half';
    const mine = rows.filter((r) => r.grain === grain);
    for (let i = 0; i < mine.length; i += 500) {
      const values = mine.slice(i, i + 500).map((r) => ({
        unit_id: r.dims.unitId, procedure_code: r.dims.procedureCode, field_code: r.dims.fieldCode, bucket: r.bucket,
        procedure_name: r.dims.procedureName, field_name: r.dims.fieldName, ...r.counts,
      }));
      await write(writes, trx.insertInto(table).values(values).onConflict((oc) => oc.columns(['unit_id', 'bucket', 'procedure_code', 'field_code']).doUpdateSet(() => ({
        procedure_name: sql`excluded.procedure_name`, field_name: sql`excluded.field_name`,
        ...Object.fromEntries(COUNTERS.map((c) => [c, sql`${sql.ref(`${table}.${c}`)} + ${sql.ref(`excluded.${c}`)}`])),
      }))));
    }
  }
}

export async function clearCounts(trx: Tx | Db): Promise<void> {
  await trx.deleteFrom('report_counts_day').execute();
  await trx.deleteFrom('report_counts_half').execute();
}

export async function countsEmpty(db: Db): Promise<boolean> {
  return !(await db.selectFrom('report_counts_half').select('unit_id').limit(1).executeTakeFirst());
}

export type CountsGroup = 'unit' | 'field' | 'procedure';

const GROUP: Record<CountsGroup, { key: RawBuilder<unknown>; name: RawBuilder<unknown> }> = {
  unit: { key: sql`unit_id::text`, name: sql`''` },
  field: { key: sql`field_code`, name: sql`field_name` },
  procedure: { key: sql`procedure_code`, name: sql`procedure_name` },
};
/** The same keys over report_dossier_facts `f` (a field may be null there); the lists behind a figure use them too. */
export const FACTS_GROUP: Record<CountsGroup, { key: RawBuilder<unknown>; name: RawBuilder<unknown> }> = {
  unit: { key: sql`f.unit_id::text`, name: sql`''` },
  field: { key: sql`coalesce(f.field_code, '')`, name: sql`coalesce(f.field_name, '')` },
  procedure: { key: sql`f.procedure_code`, name: sql`f.procedure_name` },
};

/** The rows of days [from, to) of some units: whole half months and the days around them, tagged `label`. */
function rowsOfDays(label: string, from: string, to: string, unitIds: number[], g: CountsGroup, extra: RawBuilder<unknown> = sql`''`): RawBuilder<unknown>[] {
  const span = spanOf(from, to);
  const cols = sql.join(COUNTERS.map((c) => sql.ref(c)));
  const select = (table: Table, a: string, b: string) => sql`
    select ${label} as label, ${GROUP[g].key} as key, ${GROUP[g].name} as name, ${extra} as month, ${cols}
    from ${sql.table(table)} where unit_id = any(${unitIds}::int[]) and bucket >= ${a}::date and bucket < ${b}::date`;
  return [
    ...(span.halves ? [select('report_counts_half', span.halves[0], span.halves[1])] : []),
    ...span.days.map(([a, b]) => select('report_counts_day', a, b)),
  ];
}

const EPOCH = '1900-01-01';

/** Counts of one report row: the period's flows and stock deltas, and the stocks at its start and end. */
export type Cell = { key: string; name: string; flows: Counters; openAtStart: number; openAtEnd: number; overdueAtEnd: number; awaitingAtEnd: number };

type SumRow = Record<string, string | number | null>;
const sums = sql.join(COUNTERS.map((c) => sql`sum(${sql.ref(c)}) as ${sql.ref(c)}`));
const countersOf = (r: SumRow): Counters => Object.fromEntries(COUNTERS.map((c) => [c, Number(r[c] ?? 0)])) as Counters;

/**
 * The counts of [start, end) per row of a report. `start` must be a Vietnamese midnight; `end` is one
 * too, or the instant "now" of a period not yet over.
 */
export async function cellsOf(db: Db, start: Date, end: Date, unitIds: number[], g: CountsGroup): Promise<Map<string, Cell>> {
  const out = new Map<string, Cell>();
  if (!unitIds.length || end <= start) return out;
  if (!isMidnight(start.getTime())) throw new Error('a report period starts at a Vietnamese midnight');
  const from = vnDay(start.getTime());
  const over = isMidnight(end.getTime());
  const lastDay = vnDay(end.getTime()); // the period's days before this one are read from the counts
  const parts = [...rowsOfDays('p', from, lastDay, unitIds, g), ...rowsOfDays('s', EPOCH, from, unitIds, g)];
  const cell = (key: string, name: string) => {
    const c = out.get(key) ?? { key, name, flows: zeroCounters(), openAtStart: 0, openAtEnd: 0, overdueAtEnd: 0, awaitingAtEnd: 0 };
    if (name > c.name) c.name = name;
    out.set(key, c);
    return c;
  };
  const stocksAtStart = new Map<string, Counters>();
  if (parts.length) {
    const rows = await sql<SumRow & { label: string; key: string; name: string }>`
      select label, key, max(name) as name, ${sums} from (${sql.join(parts, sql` union all `)}) r group by label, key`.execute(db);
    for (const r of rows.rows) {
      const c = cell(String(r.key), String(r.name ?? ''));
      const n = countersOf(r);
      if (r.label === 's') stocksAtStart.set(c.key, n);
      else c.flows = n;
    }
  }
  for (const c of out.values()) {
    const s = stocksAtStart.get(c.key);
    c.openAtStart = s?.d_open ?? 0;
    c.openAtEnd = c.openAtStart + c.flows.d_open;
    c.overdueAtEnd = (s?.d_overdue ?? 0) + c.flows.d_overdue;
    c.awaitingAtEnd = (s?.d_awaiting ?? 0) + c.flows.d_awaiting;
  }
  if (!over) await addToday(db, new Date(dayStart(lastDay)), end, unitIds, g, cell, out);
  return out;
}

/**
 * The instant-level SQL of the stocks at `end` over report_dossier_facts f (the rules of rules/counts.ts
 * stateAt) — the one copy the per-dossier reads use: today's part of a period, the lists behind a figure
 * or an indicator, the index's "on time".
 */
export function stocksAtSql(end: Date) {
  const openAtEnd = sql`(f.completed_at is null or f.completed_at >= ${end})`;
  const pausedAtEnd = sql`(f.pause_started_at < ${end} and (f.pause_ended_at is null or f.pause_ended_at >= ${end}))`;
  const dueAtEnd = sql`(case
      when f.extended_at < ${end} and (f.pause_ended_at is null or f.pause_ended_at >= ${end} or f.extended_at >= f.pause_ended_at) then f.due_after_extension
      when f.pause_ended_at < ${end} then f.due_after_pause
      else f.original_due_at end)`;
  const overdueAtEnd = sql`coalesce(case when ${pausedAtEnd} then f.paused_when_overdue else ${dueAtEnd} < ${end} end, false)`;
  return { openAtEnd, pausedAtEnd, dueAtEnd, overdueAtEnd };
}

/** The flows of one dossier at their instants, as rules/counts.ts contributions counts them. */
function flowSql(c: (typeof FLOWS)[number], inDay: (col: string) => RawBuilder<unknown>): RawBuilder<unknown> {
  switch (c) {
    case 'recv_online': return sql`${inDay('received_at')} and f.channel = 'online'`;
    case 'recv_direct': return sql`${inDay('received_at')} and f.channel <> 'online'`;
    case 'recv_digitised': return sql`${inDay('received_at')} and coalesce(x.digitised, false)`;
    case 'recv_fee': return sql`${inDay('received_at')} and coalesce(x.fee_charged, false)`;
    case 'recv_fee_paid': return sql`${inDay('received_at')} and coalesce(x.fee_charged and x.paid_online, false)`;
    case 'completed': return inDay('completed_at');
    case 'early': return sql`${inDay('completed_at')} and f.timeliness = 'early'`;
    case 'on_time': return sql`${inDay('completed_at')} and f.timeliness = 'on_time'`;
    case 'late': return sql`${inDay('completed_at')} and f.timeliness = 'late'`;
    case 'withdrawn': return sql`${inDay('completed_at')} and f.outcome = 'withdrawn'`;
    case 'result': return sql`${inDay('completed_at')} and f.outcome = 'result'`;
    case 'result_digitised': return sql`${inDay('completed_at')} and f.outcome = 'result' and coalesce(x.result_digitised, false)`;
    case 'returned': return inDay('returned_at');
    case 'returned_fully_online': return sql`${inDay('returned_at')} and coalesce(x.fully_online, false)`;
  }
}

/** A period ending now: today's flows until now, and the stocks now, per dossier. */
async function addToday(db: Db, today: Date, end: Date, unitIds: number[], g: CountsGroup, cell: (key: string, name: string) => Cell, out: Map<string, Cell>): Promise<void> {
  const inDay = (col: string) => sql`(${sql.ref(`f.${col}`)} >= ${today} and ${sql.ref(`f.${col}`)} < ${end})`;
  const s = stocksAtSql(end);
  const rows = await sql<SumRow & { key: string; name: string; open: string; overdue: string; awaiting: string }>`
    select ${FACTS_GROUP[g].key} as key, max(${FACTS_GROUP[g].name}) as name,
      ${sql.join(FLOWS.map((c) => sql`count(*) filter (where ${flowSql(c, inDay)}) as ${sql.ref(c)}`))},
      count(*) filter (where ${s.openAtEnd}) as open,
      count(*) filter (where ${s.openAtEnd} and ${s.overdueAtEnd}) as overdue,
      count(*) filter (where ${s.openAtEnd} and ${s.pausedAtEnd}) as awaiting
    from report_dossier_facts f left join report_index_facts x on x.dossier_id = f.dossier_id
    where f.unit_id = any(${unitIds}::int[]) and f.received_at < ${end}
      and (f.completed_at is null or f.completed_at >= ${today} or f.received_at >= ${today} or f.returned_at >= ${today})
    group by 1`.execute(db);
  // The stocks now replace those summed to today's midnight; units with nothing open now hold none.
  for (const c of out.values()) { c.openAtEnd = 0; c.overdueAtEnd = 0; c.awaitingAtEnd = 0; }
  for (const r of rows.rows) {
    const c = cell(String(r.key), String(r.name ?? ''));
    for (const f of FLOWS) c.flows[f] += Number(r[f] ?? 0);
    c.openAtEnd = Number(r.open);
    c.overdueAtEnd = Number(r.overdue);
    c.awaitingAtEnd = Number(r.awaiting);
  }
}

/** Flows per calendar month of [start, end) (`months`: YYYY-MM), for the dashboards' trend. */
export async function monthlyFlows(db: Db, start: Date, end: Date, unitIds: number[]): Promise<Map<string, Counters>> {
  const out = new Map<string, Counters>();
  if (!unitIds.length || end <= start) return out;
  const from = vnDay(start.getTime());
  const lastDay = vnDay(end.getTime());
  const parts = rowsOfDays('p', from, lastDay, unitIds, 'unit', sql`to_char(bucket, 'YYYY-MM')`);
  const add = (month: string, n: Partial<Record<Counter, number>>) => {
    const m = out.get(month) ?? zeroCounters();
    for (const [k, v] of Object.entries(n) as [Counter, number][]) m[k] += v;
    out.set(month, m);
  };
  if (parts.length) {
    const rows = await sql<SumRow & { month: string }>`select month, ${sums} from (${sql.join(parts, sql` union all `)}) r group by month`.execute(db);
    for (const r of rows.rows) add(String(r.month), countersOf(r));
  }
  if (!isMidnight(end.getTime())) {
    const today = new Date(dayStart(lastDay));
    const inDay = (col: string) => sql`(${sql.ref(`f.${col}`)} >= ${today} and ${sql.ref(`f.${col}`)} < ${end})`;
    const rows = await sql<SumRow>`
      select ${sql.join(FLOWS.map((c) => sql`count(*) filter (where ${flowSql(c, inDay)}) as ${sql.ref(c)}`))}
      from report_dossier_facts f left join report_index_facts x on x.dossier_id = f.dossier_id
      where f.unit_id = any(${unitIds}::int[]) and f.received_at < ${end} and (f.completed_at >= ${today} or f.received_at >= ${today} or f.returned_at >= ${today})`.execute(db);
    add(lastDay.slice(0, 7), Object.fromEntries(FLOWS.map((c) => [c, Number(rows.rows[0]?.[c] ?? 0)])));
  }
  return out;
}
