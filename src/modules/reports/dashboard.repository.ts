/**
 * SQL of the dashboards' monthly trend, over the reports module's read model `report_dossier_facts`
 * (its own table). One pass per measure over the rows of the period; months are Vietnamese calendar
 * months (UTC+7 all year, so the shift is a constant and needs no time-zone data in the database).
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/transaction.js';
import type { TrendPoint } from './rules/dashboard.js';

// date_trunc on a plain timestamp per row (cheap), formatted once per month after grouping.
const month = (col: 'received_at' | 'completed_at') => sql`date_trunc('month', (${sql.ref(col)} at time zone 'UTC') + interval '7 hours')`;

/** Per month of [start, end): dossiers received (and of them online), completed (and of them late). */
export async function monthlyTrend(db: Db, start: Date, end: Date, unitIds: number[]): Promise<TrendPoint[]> {
  if (!unitIds.length) return [];
  const rows = await sql<{ month: string; received: string; online: string; completed: string; late: string }>`
    with r as (
      select ${month('received_at')} as month, count(*) as received, count(*) filter (where channel = 'online') as online
      from report_dossier_facts
      where unit_id = any(${unitIds}::int[]) and received_at >= ${start} and received_at < ${end}
      group by 1
    ), c as (
      select ${month('completed_at')} as month, count(*) as completed, count(*) filter (where timeliness = 'late') as late
      from report_dossier_facts
      where unit_id = any(${unitIds}::int[]) and completed_at >= ${start} and completed_at < ${end} and received_at is not null
      group by 1
    )
    select to_char(coalesce(r.month, c.month), 'YYYY-MM') as month, coalesce(r.received, 0) as received, coalesce(r.online, 0) as online,
      coalesce(c.completed, 0) as completed, coalesce(c.late, 0) as late
    from r full join c on c.month = r.month
    order by 1`.execute(db);
  return rows.rows.map((r) => ({ month: r.month, received: Number(r.received), online: Number(r.online), completed: Number(r.completed), late: Number(r.late) }));
}
