/**
 * The reporting period a day falls in, as the statutory cut-offs run (DOMAIN §6.2): from 15/12 to
 * 14/6 the 6-month report of the year being reported, from 15/6 to 14/12 the year's report (the
 * first half is then closed). 15–31/12 already belong to the next year. Pure; the web app and the
 * demo use it to offer the period an official is collecting figures for.
 */
export function currentReportingPeriod(day: string): { kind: 'half' | 'year'; year: number } {
  const year = Number(day.slice(0, 4));
  const md = day.slice(5, 10);
  if (md >= '12-15') return { kind: 'half', year: year + 1 };
  return md <= '06-14' ? { kind: 'half', year } : { kind: 'year', year };
}
