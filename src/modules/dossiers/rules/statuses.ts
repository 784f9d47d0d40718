/**
 * Dossier statuses with the national public-service portal's codes 1–10 (DOMAIN §2.3), so
 * synchronisation with Cổng DVCQG is a lookup, not a translation. Overdue is not a status: it is
 * derived from the due date (DOMAIN rule 2).
 */
export const STATUS = {
  SUBMITTED: 1,
  RECEIVED: 2,
  REFUSED: 3,
  PROCESSING: 4,
  SUPPLEMENT_REQUESTED: 5,
  AWAITING_PAYMENT: 6,
  WITHDRAWN: 7,
  STOPPED: 8,
  RESULT_READY: 9,
  RETURNED: 10,
} as const;
export type StatusCode = (typeof STATUS)[keyof typeof STATUS];

export const STATUS_INFO: Record<StatusCode, { key: string; vi: string; en: string; portal: string; terminal: boolean }> = {
  1: { key: 'submitted', vi: 'Mới đăng ký', en: 'Submitted, awaiting reception', portal: 'receiving', terminal: false },
  2: { key: 'received', vi: 'Được tiếp nhận', en: 'Received', portal: 'new', terminal: false },
  3: { key: 'refused', vi: 'Không được tiếp nhận', en: 'Refused at reception', portal: 'denied', terminal: true },
  4: { key: 'processing', vi: 'Đang xử lý', en: 'In progress', portal: 'processing', terminal: false },
  5: { key: 'supplement_requested', vi: 'Yêu cầu bổ sung giấy tờ', en: 'Supplement requested', portal: 'waiting', terminal: false },
  6: { key: 'awaiting_payment', vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Awaiting payment', portal: 'paying', terminal: false },
  7: { key: 'withdrawn', vi: 'Công dân yêu cầu rút hồ sơ', en: 'Withdrawn at the applicant’s request', portal: 'cancelled', terminal: true },
  8: { key: 'stopped', vi: 'Dừng xử lý', en: 'Processing stopped', portal: 'unresolved', terminal: true },
  9: { key: 'result_ready', vi: 'Đã xử lý xong', en: 'Result ready, awaiting return', portal: 'releasing', terminal: false },
  10: { key: 'returned', vi: 'Đã trả kết quả', en: 'Result returned', portal: 'done', terminal: true },
};

export type Timeliness = 'early' | 'on_time' | 'late';
/**
 * Open work: within or past its deadline, or paused — the clock stops while the applicant
 * supplements the dossier (DOMAIN §2.3, status 5), unless the deadline had already passed.
 */
export type OpenTimeliness = 'within' | 'overdue' | 'paused';

/**
 * The words of the statutory forms and reports: completed work is "trước hạn / đúng hạn / quá
 * hạn", open work "trong hạn / quá hạn" (form 06's column, form 07's notes, DOMAIN §2.3).
 */
export const TIMELINESS_LABELS: Record<Timeliness | OpenTimeliness, { vi: string; en: string }> = {
  early: { vi: 'Trước hạn', en: 'Early' },
  on_time: { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Quá hạn', en: 'Late' },
  within: { vi: 'Trong hạn', en: 'Within deadline' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  paused: { vi: 'Tạm dừng', en: 'Paused' },
};

/**
 * The labels on screen, where finished and open work sit side by side: work finished after its
 * deadline reads differently from work still open past it, so nobody chases a dossier already done.
 */
export const TIMELINESS_TAGS: Record<Timeliness | OpenTimeliness, { vi: string; en: string }> = {
  early: { vi: 'Trước hạn', en: 'Early' },
  on_time: { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Hoàn thành quá hạn', en: 'Finished late' },
  within: { vi: 'Trong hạn', en: 'Within deadline' },
  overdue: { vi: 'Đang quá hạn', en: 'Overdue' },
  paused: { vi: 'Tạm dừng, chờ bổ sung', en: 'Paused for a supplement' },
};

/** The Vietnamese calendar day of an instant (UTC+7, no daylight saving). */
export function vnDay(d: Date): string {
  return new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Completed work against its deadline: finished on an earlier day than the due day is early
 * ("trước hạn"), by the due instant on time, after it late. Used per dossier and per step (form 06).
 */
export function timeliness(completedAt: Date, dueAt: Date): Timeliness {
  if (completedAt.getTime() > dueAt.getTime()) return 'late';
  return vnDay(completedAt) < vnDay(dueAt) ? 'early' : 'on_time';
}

/**
 * Open work against its deadline. While paused for a supplement the clock stands still: the
 * dossier is as late as it was when the pause began, so a pause before the deadline is no delay.
 */
export function openTimeliness(now: Date, dueAt: Date, pausedSince?: Date | null): OpenTimeliness {
  if (pausedSince) return pausedSince.getTime() > dueAt.getTime() ? 'overdue' : 'paused';
  return now.getTime() > dueAt.getTime() ? 'overdue' : 'within';
}

export type TimelinessFacts = { status: number; dueAt: Date | null; completedAt: Date | null; pausedAt: Date | null };

/**
 * A dossier's timeliness, derived and never stored (DOMAIN rule 2): decided work against its due
 * date; open work within, past or paused; nothing for a dossier without a deadline, refused or
 * withdrawn (no decision on the merits), or stopped without a completion time.
 */
export function dossierTimeliness(d: TimelinessFacts, now: Date): Timeliness | OpenTimeliness | null {
  if (!d.dueAt) return null;
  if (d.completedAt) return d.status === STATUS.REFUSED || d.status === STATUS.WITHDRAWN ? null : timeliness(d.completedAt, d.dueAt);
  const info = STATUS_INFO[d.status as StatusCode];
  if (!info || info.terminal) return null;
  return openTimeliness(now, d.dueAt, d.status === STATUS.SUPPLEMENT_REQUESTED ? d.pausedAt : null);
}
