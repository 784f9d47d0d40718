/**
 * Working time written for people: "1 giờ 5 phút làm việc", not "1.0833333 giờ làm việc".
 * The rules count working time in hours with fractions (a pause that starts at 09:00 and ends at
 * 09:27 is 0.45 h); a person reads days, hours and minutes. One working day is 8 working hours
 * (DOMAIN §3.1), so 8 h or more is shown with days, as the procedure deadlines are.
 */
export const HOURS_PER_WORKING_DAY = 8;

export type DurationLocale = 'vi' | 'en';

export function formatWorkingDuration(hours: number, locale: DurationLocale = 'vi'): string {
  const vi = locale === 'vi';
  const suffix = vi ? ' làm việc' : ' of working time';
  if (!Number.isFinite(hours) || hours <= 0) return vi ? '0 phút' : '0 minutes';
  const totalMinutes = Math.round(hours * 60);
  if (totalMinutes === 0) return vi ? `dưới 1 phút${suffix}` : `less than a minute${suffix}`;
  const minutesPerDay = HOURS_PER_WORKING_DAY * 60;
  const days = Math.floor(totalMinutes / minutesPerDay);
  const h = Math.floor((totalMinutes % minutesPerDay) / 60);
  const m = totalMinutes % 60;
  const en = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const parts = [
    days ? (vi ? `${days} ngày` : en(days, 'day', 'days')) : '',
    h ? (vi ? `${h} giờ` : en(h, 'hour', 'hours')) : '',
    m ? (vi ? `${m} phút` : en(m, 'minute', 'minutes')) : '',
  ].filter(Boolean);
  return `${parts.join(' ')}${suffix}`;
}
