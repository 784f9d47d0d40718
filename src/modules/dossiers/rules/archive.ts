/**
 * The archive of closed dossiers (migration 0030, dossiers/archive/): which dossiers may leave the live
 * tables and when. Pure: no I/O.
 */

/** Closed statuses (DOMAIN §2.3): refused at reception, withdrawn, stopped, result returned. No event follows them. */
export const CLOSED_STATUSES = [3, 7, 8, 10] as const;

/** Bounds of `archive_after_years`, the administrator's setting (also a CHECK in migration 0030). */
export const ARCHIVE_YEARS_MIN = 1;
export const ARCHIVE_YEARS_MAX = 50;
export const ARCHIVE_YEARS_DEFAULT = 5;

const VN_OFFSET_MS = 7 * 3_600_000;

/** The calendar year of an instant in Vietnam (Asia/Ho_Chi_Minh, UTC+7, no daylight saving). */
export function vnYear(at: Date): number {
  return new Date(at.getTime() + VN_OFFSET_MS).getUTCFullYear();
}

/**
 * A dossier may move to the archive once it is closed and its last event — the one that closed it —
 * happened before this instant: the same day and hour `years` years before `now`, on the Vietnamese
 * calendar (29/2 falls on 1/3 in a year without it). With 5 years, a dossier returned on 10/3/2021
 * moves from 10/3/2026 onwards.
 */
export function archiveCutoff(now: Date, years: number): Date {
  const local = new Date(now.getTime() + VN_OFFSET_MS);
  local.setUTCFullYear(local.getUTCFullYear() - years);
  return new Date(local.getTime() - VN_OFFSET_MS);
}
