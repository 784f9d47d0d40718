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
export type OpenTimeliness = 'within' | 'overdue';

export const TIMELINESS_LABELS: Record<Timeliness | OpenTimeliness, { vi: string; en: string }> = {
  early: { vi: 'Trước hạn', en: 'Early' },
  on_time: { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Quá hạn', en: 'Late' },
  within: { vi: 'Trong hạn', en: 'Within deadline' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
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

export function openTimeliness(now: Date, dueAt: Date): OpenTimeliness {
  return now.getTime() > dueAt.getTime() ? 'overdue' : 'within';
}
