/**
 * Retention, handover to the agency archive and disposal of files (hồ sơ), pure over calendar days
 * 'YYYY-MM-DD' (Asia/Ho_Chi_Minh days, computed by the caller). Decree 30/2020 arts 29–31 and
 * Appendix VI; the Law on Archives 2024 (33/2024/QH15) for disposal. RULES-files.md explains each choice.
 */
export type IsoDay = string;
export type FileState = 'open' | 'closed' | 'handed_over' | 'disposed' | 'removed';

/** Art. 30.2.b: files other than construction files go to the agency archive within 01 year of the end of the work. */
export const HANDOVER_WITHIN_YEARS = 1;
/** Art. 31.3.d: a unit keeps a file due for handover at most 02 years after it fell due, with the head's written consent. */
export const MAX_KEEP_YEARS = 2;
/** Art. 31.3.c: units hand over the files whose retention is 05 years or more; shorter ones stay with the unit. */
export const HANDOVER_MIN_RETENTION_YEARS = 5;
/** Appendix VI Part I §III.5.b: the system tells of files due for handover 30 days ahead. */
export const HANDOVER_REMINDER_DAYS = 30;

const DAY_MS = 86_400_000;
const toUtc = (day: IsoDay) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const fromUtc = (ms: number): IsoDay => new Date(ms).toISOString().slice(0, 10);

/** The same day `n` years later; 29 February falls back to 28 February in a common year. */
export function addYears(day: IsoDay, n: number): IsoDay {
  const y = Number(day.slice(0, 4)) + n;
  const m = Number(day.slice(5, 7));
  let d = Number(day.slice(8, 10));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) d = last;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export const addDays = (day: IsoDay, n: number): IsoDay => fromUtc(toUtc(day) + n * DAY_MS);
/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: IsoDay, to: IsoDay): number => Math.round((toUtc(to) - toUtc(from)) / DAY_MS);

/** "Vĩnh viễn" or "10 năm": the retention as the file list prints it (Appendix V). */
export const retentionLabel = (years: number | null): string => (years === null ? 'Vĩnh viễn' : `${years} năm`);

/**
 * The last day a file must be kept: N years counted from the end of the year its work ended, so a file
 * closed on any day of 2026 with 10 years is kept through 31/12/2036. Null while the file is open, and
 * for a permanent file (never expires).
 */
export function retentionExpiresOn(retentionYears: number | null, endedOn: IsoDay | null): IsoDay | null {
  if (retentionYears === null || endedOn === null) return null;
  return `${Number(endedOn.slice(0, 4)) + retentionYears}-12-31`;
}

export function retentionExpired(retentionYears: number | null, endedOn: IsoDay | null, today: IsoDay): boolean {
  const last = retentionExpiresOn(retentionYears, endedOn);
  return last !== null && today > last;
}

/** Whether the file must go to the agency archive at all (art. 31.3.c: retention of 5 years or more, or permanent). */
export const handoverRequired = (retentionYears: number | null): boolean => retentionYears === null || retentionYears >= HANDOVER_MIN_RETENTION_YEARS;

/** Art. 30.2.b: one year from the day the work ended. */
export const handoverDueOn = (endedOn: IsoDay): IsoDay => addYears(endedOn, HANDOVER_WITHIN_YEARS);

/** Art. 31.3.d: the latest day a kept file may stay with the unit. */
export const keepLimit = (dueOn: IsoDay): IsoDay => addYears(dueOn, MAX_KEEP_YEARS);

export type HandoverFacts = { status: FileState; retentionYears: number | null; endedOn: IsoDay | null; keptUntil: IsoDay | null };

export type HandoverState = {
  required: boolean;
  /** The statutory day (end of work + 1 year); null while the file is open or when no handover is due. */
  dueOn: IsoDay | null;
  /** The day that counts: the kept-until day when the head let the unit keep the file, else `dueOn`. */
  deadline: IsoDay | null;
  /** Closed, still with the unit, and past the deadline. */
  overdue: boolean;
  /** Closed, still with the unit, and the deadline within the next 30 days (the Appendix VI reminder). */
  dueSoon: boolean;
  daysLeft: number | null;
};

/** Where a file stands towards the agency archive on `today`; overdue and due-soon are derived, never stored. */
export function handoverState(f: HandoverFacts, today: IsoDay): HandoverState {
  const required = handoverRequired(f.retentionYears);
  if (!required || f.endedOn === null || f.status === 'open' || f.status === 'removed') {
    return { required, dueOn: null, deadline: null, overdue: false, dueSoon: false, daysLeft: null };
  }
  const dueOn = handoverDueOn(f.endedOn);
  const deadline = f.keptUntil ?? dueOn;
  const pending = f.status === 'closed';
  const daysLeft = pending ? daysBetween(today, deadline) : null;
  return {
    required, dueOn, deadline,
    overdue: pending && today > deadline,
    dueSoon: pending && daysLeft !== null && daysLeft >= 0 && daysLeft <= HANDOVER_REMINDER_DAYS,
    daysLeft,
  };
}

export type Refusal = { code: string; vi: string; en: string };
export type FieldProblem = { path: string; vi: string; en: string };

/**
 * Whether the head may let the unit keep a closed file (art. 31.3.d), and until when: by default the
 * longest the article allows, 2 years after the file fell due; never later, never before it falls due.
 */
export function keepDecision(f: HandoverFacts, until: IsoDay | undefined): { refusal: Refusal } | { problem: FieldProblem } | { until: IsoDay } {
  if (f.status !== 'closed' || f.endedOn === null) {
    return { refusal: { code: 'FILE_NOT_CLOSED', vi: 'Chỉ giữ lại được hồ sơ đã kết thúc và chưa nộp lưu.', en: 'Only a closed file not yet handed over can be kept.' } };
  }
  if (!handoverRequired(f.retentionYears)) {
    return { refusal: { code: 'HANDOVER_NOT_REQUIRED', vi: 'Hồ sơ có thời hạn bảo quản dưới 05 năm không phải nộp lưu nên không cần xin giữ lại.', en: 'A file kept under 5 years is not handed over; there is nothing to keep.' } };
  }
  const dueOn = handoverDueOn(f.endedOn);
  const limit = keepLimit(dueOn);
  const chosen = until ?? limit;
  if (chosen > limit) return { problem: { path: 'until', vi: `Chỉ được giữ lại hồ sơ không quá 02 năm kể từ ngày đến hạn nộp lưu, tức đến hết ngày ${dmy(limit)}.`, en: `A file may be kept at most 2 years after it fell due (until ${limit}).` } };
  if (chosen <= dueOn) return { problem: { path: 'until', vi: `Ngày giữ lại phải sau hạn nộp lưu ${dmy(dueOn)}.`, en: `The keep-until day must be after the handover deadline ${dueOn}.` } };
  return { until: chosen };
}

export type DisposalFacts = { status: FileState; retentionYears: number | null; endedOn: IsoDay | null; disposalId: number | null };

/** Why a file cannot go on a disposal list on `today`, or null when it can. */
export function disposalRefusal(f: DisposalFacts, today: IsoDay, allowOnList: number | null = null): Refusal | null {
  if (f.status === 'disposed') return { code: 'FILE_DISPOSED', vi: 'Hồ sơ đã được hủy.', en: 'The file has been disposed of.' };
  if (f.status === 'open' || f.status === 'removed' || f.endedOn === null) return { code: 'FILE_NOT_CLOSED', vi: 'Hồ sơ chưa kết thúc.', en: 'The file is not closed.' };
  if (f.retentionYears === null) return { code: 'RETENTION_PERMANENT', vi: 'Hồ sơ bảo quản vĩnh viễn không bao giờ được hủy.', en: 'A permanent file is never disposed of.' };
  if (!retentionExpired(f.retentionYears, f.endedOn, today)) {
    return { code: 'RETENTION_NOT_EXPIRED', vi: `Hồ sơ còn trong thời hạn bảo quản (đến hết ngày ${dmy(retentionExpiresOn(f.retentionYears, f.endedOn)!)}).`, en: 'The file is still within its retention period.' };
  }
  if (f.disposalId !== null && f.disposalId !== allowOnList) return { code: 'FILE_ON_DISPOSAL_LIST', vi: 'Hồ sơ đã có trong một danh mục hủy khác.', en: 'The file is already on another disposal list.' };
  return null;
}

/** dd/mm/yyyy, the way a person reads a day. */
export const dmy = (day: IsoDay): string => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
