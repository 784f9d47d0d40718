/**
 * Reporting periods (DOMAIN §6.2). Decree 09/2019/NĐ-CP art. 12 cuts the data of a periodic report
 * before its end so it can be compiled in time: a month runs from the 15th of the previous month to the
 * 14th; a quarter from the 15th of the month before it to the 14th of its last month; six months from
 * 15/12 of the previous year to 14/6; a year from 15/12 of the previous year to 14/12. Nine months
 * (used by the provinces' dashboards) follows the same rule: 15/12 to 14/9. Days are Vietnamese
 * calendar days (Asia/Ho_Chi_Minh, UTC+7, no daylight saving): a period covers its first day from
 * 00:00 to its last day until 24:00.
 */
export type PeriodKind = 'month' | 'quarter' | 'half' | 'nine_months' | 'year' | 'custom';

export type Period = {
  kind: PeriodKind;
  /** e.g. 2026-M03, 2026-Q1, 2026-H1, 2026-9M, 2026-Y; `custom` for any other range. */
  code: string;
  label: { vi: string; en: string };
  /** First and last day, YYYY-MM-DD, both included. */
  from: string;
  to: string;
};

const pad = (n: number) => String(n).padStart(2, '0');
/** The day `YYYY-MM-DD` of year `y`, month `m` (1–12; 0 = December of the year before), day `d`. */
function day(y: number, m: number, d: number): string {
  const yy = m <= 0 ? y - 1 : y;
  const mm = m <= 0 ? m + 12 : m;
  return `${yy}-${pad(mm)}-${pad(d)}`;
}

/** From the 15th of the month before `firstMonth` to the 14th of `lastMonth` (the statutory cut-off). */
const cut = (year: number, firstMonth: number, lastMonth: number) => ({ from: day(year, firstMonth - 1, 15), to: day(year, lastMonth, 14) });

export function monthPeriod(year: number, month: number): Period {
  return { kind: 'month', code: `${year}-M${pad(month)}`, label: { vi: `Tháng ${month}/${year}`, en: `Month ${month}/${year}` }, ...cut(year, month, month) };
}

export function quarterPeriod(year: number, quarter: 1 | 2 | 3 | 4): Period {
  const last = quarter * 3;
  return { kind: 'quarter', code: `${year}-Q${quarter}`, label: { vi: `Quý ${['I', 'II', 'III', 'IV'][quarter - 1]} năm ${year}`, en: `Q${quarter} ${year}` }, ...cut(year, last - 2, last) };
}

export const halfYearPeriod = (year: number): Period => ({ kind: 'half', code: `${year}-H1`, label: { vi: `6 tháng đầu năm ${year}`, en: `First half of ${year}` }, ...cut(year, 1, 6) });
export const nineMonthsPeriod = (year: number): Period => ({ kind: 'nine_months', code: `${year}-9M`, label: { vi: `9 tháng năm ${year}`, en: `Nine months of ${year}` }, ...cut(year, 1, 9) });
export const yearPeriod = (year: number): Period => ({ kind: 'year', code: `${year}-Y`, label: { vi: `Năm ${year}`, en: `Year ${year}` }, ...cut(year, 1, 12) });

/** Every statutory period of a year, in the order a period picker shows them. */
export function periodsOf(year: number): Period[] {
  return [
    yearPeriod(year), nineMonthsPeriod(year), halfYearPeriod(year),
    ...([1, 2, 3, 4] as const).map((q) => quarterPeriod(year, q)),
    ...Array.from({ length: 12 }, (_v, i) => monthPeriod(year, i + 1)),
  ];
}

const fmt = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** The statutory period with exactly these days, else a custom one. */
export function periodFor(from: string, to: string): Period {
  const year = Number(to.slice(0, 4));
  const known = [...periodsOf(year), ...periodsOf(year + 1)].find((p) => p.from === from && p.to === to);
  return known ?? { kind: 'custom', code: 'custom', label: { vi: `Từ ${fmt(from)} đến ${fmt(to)}`, en: `${fmt(from)} to ${fmt(to)}` }, from, to };
}

/** The instants a period covers: [start, end), start at 00:00 of `from` and end at 24:00 of `to`, Vietnamese time. */
export function periodBounds(p: Pick<Period, 'from' | 'to'>): { start: Date; end: Date } {
  const start = new Date(`${p.from}T00:00:00+07:00`);
  const end = new Date(new Date(`${p.to}T00:00:00+07:00`).getTime() + 86_400_000);
  return { start, end };
}

/**
 * The bounds a report counts within, as of `now`: a period not yet over ends now, so a due date
 * still ahead is not "overdue at the end" and nothing yet to happen is counted (docs/reports.md).
 */
export function reportBounds(p: Pick<Period, 'from' | 'to'>, now: Date): { start: Date; end: Date } {
  const { start, end } = periodBounds(p);
  const at = Math.max(start.getTime(), Math.min(end.getTime(), now.getTime()));
  return { start, end: new Date(at) };
}

/** Days between two YYYY-MM-DD dates, both included. */
export const daysIn = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/**
 * The statutory year a day falls in: from 15/12 a day already belongs to the next year's report
 * (Decree 09/2019 art. 12), so a dashboard opened on 20/12/2026 shows year 2027.
 */
export function yearPeriodOf(now: Date): Period {
  const day = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const year = Number(day.slice(0, 4));
  return yearPeriod(day > `${year}-12-14` ? year + 1 : year);
}
