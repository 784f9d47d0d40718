/**
 * The dashboards' monthly trend, from the reports module's per-day counts (counts.repository.ts):
 * calendar months are whole half months, so a month reads its two half-month rows per unit and
 * procedure, and a period's first and last months their days.
 */
import type { Db } from '../../platform/db/transaction.js';
import { monthlyFlows } from './counts.repository.js';
import type { TrendPoint } from './rules/dashboard.js';

/** Per calendar month of [start, end): dossiers received (and of them online), completed (and of them late). */
export async function monthlyTrend(db: Db, start: Date, end: Date, unitIds: number[]): Promise<TrendPoint[]> {
  const flows = await monthlyFlows(db, start, end, unitIds);
  return [...flows.entries()]
    .filter(([, c]) => c.recv_online + c.recv_direct + c.completed > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, c]) => ({ month, received: c.recv_online + c.recv_direct, online: c.recv_online, completed: c.completed, late: c.late }));
}
