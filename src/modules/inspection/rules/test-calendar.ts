/**
 * The working-day calendar the rule tests run on: weekends off, plus the explicit days below — and
 * nothing else, so tests keep away from other holidays (30/4–1/5, 2/9, Hùng Kings' day).
 *
 * Tết Đinh Mùi 2027: Lunar New Year's Day (mùng 1) is Saturday 6/2/2027. Labour Code 2019 art. 112
 * gives 5 days of Tết; we assume one day before and four after (Fri 5/2 to Tue 9/2), and that the two
 * that fall on the weekend (Sat 6/2, Sun 7/2) are made up on Wed 10/2 and Thu 11/2 (art. 111(3)) —
 * the default the calendar module computes for 2027. No Prime Minister's notice for 2027 was known
 * when this was written; the real days off may differ, which changes nothing in what the tests prove.
 * So: off from Friday 5/2 to Thursday 11/2/2027, back to work on Friday 12/2/2027.
 */
import type { IsoDay, IsWorkingDay } from './calendar.js';

export const TET_2027_DAYS_OFF: readonly IsoDay[] = [
  '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11',
];
export const NEW_YEAR_2027: IsoDay = '2027-01-01';

export function fixtureCalendar(daysOff: readonly IsoDay[] = [...TET_2027_DAYS_OFF, NEW_YEAR_2027]): IsWorkingDay {
  const off = new Set(daysOff);
  return (day) => {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !off.has(day);
  };
}

export const isWorking = fixtureCalendar();
