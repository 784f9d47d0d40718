import type { RequestKind, RequestStatus } from '../schema.js';

/**
 * Data-subject requests (Personal Data Protection Law 2025 art. 4; Decree 356/2025): received at a
 * desk or by letter → acknowledged (within 2 working days) → done, or refused with the reason.
 * Pure rules, no I/O.
 */
export const KIND_LABELS: Record<RequestKind, { vi: string; en: string }> = {
  access: { vi: 'Xem, nhận bản sao dữ liệu', en: 'Access / download' },
  correction: { vi: 'Chỉnh sửa dữ liệu', en: 'Correction' },
  deletion: { vi: 'Xóa dữ liệu', en: 'Deletion' },
  restriction: { vi: 'Hạn chế xử lý', en: 'Restriction' },
  objection: { vi: 'Phản đối xử lý', en: 'Objection' },
};

export const STATUS_LABELS: Record<RequestStatus, { vi: string; en: string }> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  acknowledged: { vi: 'Đã xác nhận', en: 'Acknowledged' },
  done: { vi: 'Đã giải quyết', en: 'Done' },
  refused: { vi: 'Từ chối', en: 'Refused' },
};

export type RequestAction = 'acknowledge' | 'complete' | 'refuse';

/** Which status each action leads to from which: acknowledging first is what the law times. */
const NEXT: Record<RequestAction, Partial<Record<RequestStatus, RequestStatus>>> = {
  acknowledge: { received: 'acknowledged' },
  // Settling a request at once acknowledges it too (the answer is the acknowledgement).
  complete: { received: 'done', acknowledged: 'done' },
  refuse: { received: 'refused', acknowledged: 'refused' },
};

export function nextStatus(status: RequestStatus, action: RequestAction): RequestStatus | undefined {
  return NEXT[action][status];
}

export type RequestClock = { status: RequestStatus; acknowledgeDueAt: Date; resolveDueAt: Date; acknowledgedAt: Date | null; resolvedAt: Date | null };

/** Overdue: not acknowledged by its acknowledgement date, or not settled by its settlement date. */
export function overdue(r: RequestClock, now: Date): { acknowledge: boolean; resolve: boolean } {
  const open = r.status === 'received' || r.status === 'acknowledged';
  const acknowledgedAt = r.acknowledgedAt ?? (r.status === 'received' ? null : r.resolvedAt);
  return {
    acknowledge: acknowledgedAt ? acknowledgedAt > r.acknowledgeDueAt : now > r.acknowledgeDueAt,
    resolve: open ? now > r.resolveDueAt : !!r.resolvedAt && r.resolvedAt > r.resolveDueAt,
  };
}
