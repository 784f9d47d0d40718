/**
 * The periods the report page offers: the statutory quarter, six months, nine months and year of a chosen
 * year (Decree 09/2019 cut-offs, the reports module's own pure rules), or any range. A statutory period is
 * kept in the address as its code ("2026-Q1"), a range as its two days.
 */
import {
  type Period, halfYearPeriod, nineMonthsPeriod, periodFor, quarterPeriod, yearPeriod,
} from '../../../../../src/modules/reports/rules/periods';

export type { Period };
export const PERIOD_PARTS = ['Q1', 'Q2', 'Q3', 'Q4', 'H1', '9M', 'Y'] as const;
export type PeriodPart = (typeof PERIOD_PARTS)[number];

export function statutoryPeriod(year: number, part: PeriodPart): Period {
  switch (part) {
    case 'H1': return halfYearPeriod(year);
    case '9M': return nineMonthsPeriod(year);
    case 'Y': return yearPeriod(year);
    default: return quarterPeriod(year, Number(part.slice(1)) as 1 | 2 | 3 | 4);
  }
}

/** "2026-Q1" → its period; anything else → null. */
export function periodOfCode(code: string | null | undefined): { year: number; part: PeriodPart; period: Period } | null {
  const m = /^(\d{4})-(Q[1-4]|H1|9M|Y)$/.exec(code ?? '');
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  const part = m[2] as PeriodPart;
  return { year, part, period: statutoryPeriod(year, part) };
}

/** The statutory quarter `today` falls in (Q1 of a year starts on 15/12 of the year before). */
export function quarterOf(today: string): { year: number; part: PeriodPart } {
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1]) {
    for (const part of ['Q1', 'Q2', 'Q3', 'Q4'] as const) {
      const p = statutoryPeriod(y, part);
      if (p.from <= today && today <= p.to) return { year: y, part };
    }
  }
  return { year, part: 'Q1' };
}

/** The label of any range in the chosen language: a statutory period by its name, else its two days. */
export const periodLabel = (from: string, to: string, locale: 'vi' | 'en'): string => periodFor(from, to).label[locale];

export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
