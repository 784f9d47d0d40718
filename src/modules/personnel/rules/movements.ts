/**
 * Movements of a civil servant (pure): the one-stop desk secondment rule of Decree 118 Art. 11
 * (DOMAIN §2.1: a term of at least 12 and at most 36 months; at least 2 years in the field) and the
 * date arithmetic that placements need. Days are 'YYYY-MM-DD'; a term's `until` is its last day.
 */

const parse = (d: string) => new Date(`${d}T00:00:00Z`);
const fmt = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
  const d = parse(day);
  d.setUTCDate(d.getUTCDate() + n);
  return fmt(d);
}

/** The same day `n` months later; a day the month lacks falls to its last day (31/01 + 1 month = 28 or 29/02). */
export function addMonths(day: string, n: number): string {
  const d = parse(day);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return fmt(target);
}

/** Whole months a term from `on` to `until` (both included) covers: 01/01–31/12 is 12. */
export function termMonths(on: string, until: string): number {
  const end = addDays(until, 1);
  let n = 0;
  while (addMonths(on, n + 1) <= end) n++;
  return n;
}

export type DeskSecondment = { on: string; until: string; recruitedOn: string };

/** What is wrong with a secondment to a one-stop desk, in Vietnamese; empty when it follows the rule. */
export function deskSecondmentProblems(s: DeskSecondment): string[] {
  const problems: string[] = [];
  const months = termMonths(s.on, s.until);
  if (months < 12) problems.push(`Thời hạn biệt phái đến Bộ phận Một cửa tối thiểu 12 tháng (đang là ${months} tháng).`);
  if (addMonths(s.on, 36) < addDays(s.until, 1)) problems.push('Thời hạn biệt phái đến Bộ phận Một cửa tối đa 36 tháng mỗi lần.');
  if (addMonths(s.recruitedOn, 24) > s.on) problems.push('Công chức làm việc tại Bộ phận Một cửa phải có ít nhất 2 năm công tác trong ngành, lĩnh vực.');
  return problems;
}
