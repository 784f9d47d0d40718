/**
 * The figures of the dashboards (issue 13 item 4; docs/reports.md "Bảng điều hành"): rates as a share
 * with their numerator and denominator, the months a period touches, and the order of the ranking.
 * Every count comes from form II.06a or the service index, so a dashboard never disagrees with them.
 */
import type { Period } from './periods.js';

export type Rate = { numerator: number; denominator: number; /** percent, 2 decimals; null with nothing to count */ value: number | null };

export const rate = (numerator: number, denominator: number): Rate => ({
  numerator, denominator, value: denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 100 : null,
});

/** The II.06a counts a dashboard row needs. */
export type RowCounts = {
  received: { total: number; online: number; direct: number; carriedOver: number };
  completed: { total: number; early: number; onTime: number; late: number };
  inProgress: { total: number; withinDeadline: number; overdue: number };
};

/**
 * "Đúng hạn": of the dossiers in the report (carried over or received in the period), those completed
 * early or on time (withdrawals included) or still open within their date — the service index's
 * on-time measure, counted from the same rows (service-index.repository.ts `good`).
 */
export const onTimeRate = (c: RowCounts): Rate => rate(c.completed.early + c.completed.onTime + c.inProgress.withinDeadline, c.received.total);

/** Received online among those received in the period (the carried-over ones were counted before). */
export const onlineRate = (c: RowCounts): Rate => rate(c.received.online, c.received.online + c.received.direct);

/**
 * The ranking of units: the best on-time rate first; a unit with nothing to count goes last (it has no
 * rate, which is not a good one); ties by fewer overdue dossiers, then more handled, then by name.
 */
export function rankUnits<T extends { name: string; onTime: Rate; overdue: number; handled: number }>(rows: T[]): (T & { rank: number | null })[] {
  const sorted = [...rows].sort((a, b) => {
    const av = a.onTime.value, bv = b.onTime.value;
    if ((av === null) !== (bv === null)) return av === null ? 1 : -1;
    return (bv ?? 0) - (av ?? 0) || a.overdue - b.overdue || b.handled - a.handled || a.name.localeCompare(b.name, 'vi');
  });
  let rank = 0;
  return sorted.map((r, i) => {
    const prev = sorted[i - 1];
    // Equal rate and overdue count share a rank ("1, 1, 3"), as published rankings do.
    if (!prev || prev.onTime.value !== r.onTime.value || prev.overdue !== r.overdue) rank = i + 1;
    return { ...r, rank: r.onTime.value === null ? null : rank };
  });
}

/** The calendar months (YYYY-MM) a period's days touch, in order: the trend chart's axis. */
export function monthsOf(p: Pick<Period, 'from' | 'to'>): string[] {
  const out: string[] = [];
  let y = Number(p.from.slice(0, 4)), m = Number(p.from.slice(5, 7));
  const last = p.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= last) return out;
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
}

export type TrendPoint = { month: string; received: number; online: number; completed: number; late: number };

/** The trend over every month of the period, with zeros for a month without work (a gap is a fact too). */
export function fillTrend(months: string[], counted: TrendPoint[]): TrendPoint[] {
  const by = new Map(counted.map((c) => [c.month, c]));
  return months.map((month) => by.get(month) ?? { month, received: 0, online: 0, completed: 0, late: 0 });
}
