/**
 * Retention: a record is past its period when the case it belongs to closed more than `months`
 * months ago. Months are calendar months in Vietnam's time (UTC+7, no daylight saving); the 31st
 * of a month that has no 31st falls back to its last day. Pure, no I/O.
 */
const VN_OFFSET_MS = 7 * 3_600_000;

export function retentionCutoff(now: Date, months: number): Date {
  const local = new Date(now.getTime() + VN_OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const cutoff = Date.UTC(y, m, Math.min(local.getUTCDate(), lastDay), local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds(), local.getUTCMilliseconds());
  return new Date(cutoff - VN_OFFSET_MS);
}

/** Whether a document's name marks it as an identity document, by the administrator's pattern. */
export function isIdentityDocument(name: string, pattern: string | null): boolean {
  if (!pattern) return false;
  try {
    return new RegExp(pattern, 'iu').test(name);
  } catch {
    return false;
  }
}
