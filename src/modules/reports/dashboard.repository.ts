/**
 * SQL of the dashboards' monthly trend, over the reports module's read model `report_dossier_facts`
 * (its own table). Each row falls in a month by a binary search over the months' first instants
 * (`width_bucket`), given by the caller in Vietnamese time: no time-zone conversion per row, which
 * was most of the query's cost at 100,000 dossiers (bench/README.md).
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/transaction.js';
import type { TrendPoint } from './rules/dashboard.js';

/** Per month of [start, end): dossiers received (and of them online), completed (and of them late). `months`: keys and first instants, in order. */
export async function monthlyTrend(db: Db, start: Date, end: Date, unitIds: number[], months: { key: string; start: Date }[]): Promise<TrendPoint[]> {
  if (!unitIds.length || !months.length) return [];
  // Bucket 0 is the first month; bucket i starts at the i-th month's first instant after it.
  const edges = months.slice(1).map((m) => m.start.toISOString());
  const bucket = (col: 'received_at' | 'completed_at') => (edges.length ? sql`width_bucket(${sql.ref(col)}, ${edges}::timestamptz[])` : sql`0`);
  const rows = await sql<{ kind: string; b: number; n: string; part: string }>`
    select 'r' as kind, ${bucket('received_at')} as b, count(*) as n, count(*) filter (where channel = 'online') as part
    from report_dossier_facts
    where unit_id = any(${unitIds}::int[]) and received_at >= ${start} and received_at < ${end}
    group by 2
    union all
    select 'c' as kind, ${bucket('completed_at')} as b, count(*) as n, count(*) filter (where timeliness = 'late') as part
    from report_dossier_facts
    where unit_id = any(${unitIds}::int[]) and completed_at >= ${start} and completed_at < ${end} and received_at is not null
    group by 2`.execute(db);
  const out = new Map<string, TrendPoint>();
  for (const r of rows.rows) {
    const month = months[Number(r.b)]?.key;
    if (!month) continue;
    const p = out.get(month) ?? { month, received: 0, online: 0, completed: 0, late: 0 };
    if (r.kind === 'r') { p.received += Number(r.n); p.online += Number(r.part); } else { p.completed += Number(r.n); p.late += Number(r.part); }
    out.set(month, p);
  }
  return [...out.values()];
}
