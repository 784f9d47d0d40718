import { formatDong, formatViDate, formatViDateTimeShort } from '../../../platform/documents/vi-format.js';
import { formatWorkingDuration } from '../../dossiers/rules/durations.js';
import type { DossierEvent, SupplementItem } from '../../dossiers/rules/events.js';
import { EVENT_LABELS } from '../../dossiers/rules/events.js';
import type { DossierState } from '../../dossiers/rules/reducer.js';
import { STATUS } from '../../dossiers/rules/statuses.js';

/**
 * What a citizen sees of their own dossier: the history in their words (what they must know — the
 * reasons, the documents asked for, the amounts, the new dates — not the office's internal notes on
 * hand-overs), the deadline and why it moved, and what is expected of them now. Pure.
 */
export type Bilingual = { vi: string; en: string };
export type TimelineEntry = { seq: number; at: string; atText: string; type: DossierEvent['type']; label: Bilingual; lines: Bilingual[] };
export type RequiredAction =
  | { kind: 'supplement'; stage: 'reception' | 'processing'; items: SupplementItem[]; note: string | null }
  | { kind: 'pay'; amount: number; amountText: string }
  | { kind: 'rate' };

const same = (s: string): Bilingual => ({ vi: s, en: s });
const itemLine = (i: SupplementItem): Bilingual => same(`${i.name}: ${i.reason}${i.legalBasis ? ` (${i.legalBasis})` : ''}`);

function lines(e: DossierEvent): Bilingual[] {
  switch (e.type) {
    case 'received':
      return [{ vi: `Hẹn trả kết quả: ${formatViDateTimeShort(e.dueAt)}`, en: `Result due: ${formatViDateTimeShort(e.dueAt)}` }];
    case 'refused':
      return e.reasons.map((r) => ({ vi: `Lý do: ${r}`, en: `Reason: ${r}` }));
    case 'reception_supplement_requested':
      return e.items.map(itemLine);
    case 'supplement_requested':
      return [...e.items.map(itemLine), ...(e.note ? [{ vi: `Ghi chú: ${e.note}`, en: `Note: ${e.note}` }] : [])];
    case 'reception_supplement_submitted':
      return [...e.documents.map((d) => same(d.name)), ...(e.note ? [{ vi: `Ghi chú: ${e.note}`, en: `Note: ${e.note}` }] : [])];
    case 'supplement_received':
      return [
        { vi: `Thời hạn tạm dừng: ${formatWorkingDuration(e.pausedWorkingHours, 'vi')}`, en: `Clock paused for ${formatWorkingDuration(e.pausedWorkingHours, 'en')}` },
        { vi: `Hạn mới: ${formatViDateTimeShort(e.newDueAt)}`, en: `New due date: ${formatViDateTimeShort(e.newDueAt)}` },
        ...(e.documents ?? []).map((d) => same(d.name)),
      ];
    case 'payment_requested':
      return [...e.items.map((i) => same(`${i.name}: ${formatDong(i.amount)} đồng`)), { vi: `Tổng cộng: ${formatDong(e.amount)} đồng`, en: `Total: ${formatDong(e.amount)} VND` }];
    case 'payment_confirmed':
      return [{ vi: `Đã nộp: ${formatDong(e.amount)} đồng`, en: `Paid: ${formatDong(e.amount)} VND` }];
    case 'extended':
      return [{ vi: `Hẹn mới: ${formatViDateTimeShort(e.newDueAt)}`, en: `New due date: ${formatViDateTimeShort(e.newDueAt)}` }, { vi: `Lý do: ${e.reason}`, en: `Reason: ${e.reason}` }];
    case 'stopped':
    case 'withdrawn':
      return [{ vi: `Lý do: ${e.reason}`, en: `Reason: ${e.reason}` }];
    case 'result_recorded':
      return [same(e.summary), ...(e.resultNumber ? [{ vi: `Số: ${e.resultNumber}`, en: `No. ${e.resultNumber}` }] : [])];
    case 'result_returned':
      return [{ vi: `Người nhận: ${e.receiverName}`, en: `Received by: ${e.receiverName}` }];
    default:
      return [];
  }
}

/** The office's internal movements are shown as one plain line ("being processed"), without notes or names. */
const INTERNAL = new Set<DossierEvent['type']>(['transferred', 'taken', 'assigned', 'returned_to_step']);

export function citizenTimeline(events: readonly DossierEvent[]): TimelineEntry[] {
  return events.map((e) => ({
    seq: e.seq, at: e.at, atText: formatViDateTimeShort(e.at), type: e.type,
    label: INTERNAL.has(e.type) ? { vi: 'Đang giải quyết', en: 'In progress' } : EVENT_LABELS[e.type],
    lines: INTERNAL.has(e.type) ? [] : lines(e),
  }));
}

export type Pause = { from: string; to: string | null; workingHours: number | null };

/**
 * The deadline and why it is what it is: counted from reception (never from the online submission),
 * stopped while the citizen supplemented, moved by an extension. Sentences in both languages.
 */
export function deadlineExplanation(events: readonly DossierEvent[], state: DossierState) {
  const pauses: Pause[] = [];
  const out: Bilingual[] = [];
  let open: string | null = null;
  for (const e of events) {
    if (e.type === 'submitted') out.push({ vi: `Nộp trực tuyến lúc ${formatViDateTimeShort(e.at)}; thời hạn giải quyết tính từ khi bộ phận một cửa tiếp nhận.`, en: `Submitted online at ${formatViDateTimeShort(e.at)}; the time limit counts from reception.` });
    if (e.type === 'received') out.push({ vi: `Tiếp nhận lúc ${formatViDateTimeShort(e.receivedAt)}; hẹn trả kết quả ${formatViDateTimeShort(e.dueAt)}.`, en: `Received at ${formatViDateTimeShort(e.receivedAt)}; result due ${formatViDateTimeShort(e.dueAt)}.` });
    if (e.type === 'supplement_requested') {
      open = e.at;
      out.push({ vi: `Tạm dừng tính thời hạn từ ${formatViDateTimeShort(e.at)} để chờ bổ sung hồ sơ.`, en: `Clock paused at ${formatViDateTimeShort(e.at)} awaiting a supplement.` });
    }
    if (e.type === 'supplement_received') {
      pauses.push({ from: open ?? e.at, to: e.at, workingHours: e.pausedWorkingHours });
      open = null;
      out.push(e.mode === 'restart'
        ? { vi: `Nhận bổ sung lúc ${formatViDateTimeShort(e.at)}; thời hạn tính lại từ đầu, hẹn mới ${formatViDateTimeShort(e.newDueAt)}.`, en: `Supplement received at ${formatViDateTimeShort(e.at)}; the time limit restarted, new due date ${formatViDateTimeShort(e.newDueAt)}.` }
        : { vi: `Nhận bổ sung lúc ${formatViDateTimeShort(e.at)}; tiếp tục tính thời hạn, lùi hẹn thêm ${formatWorkingDuration(e.pausedWorkingHours, 'vi')} (thời gian tạm dừng), hẹn mới ${formatViDateTimeShort(e.newDueAt)}.`, en: `Supplement received at ${formatViDateTimeShort(e.at)}; the clock resumed and the due date moved by the ${formatWorkingDuration(e.pausedWorkingHours, 'en')} paused, to ${formatViDateTimeShort(e.newDueAt)}.` });
    }
    if (e.type === 'extended') out.push({ vi: `Gia hạn đến ${formatViDateTimeShort(e.newDueAt)}: ${e.reason}`, en: `Extended to ${formatViDateTimeShort(e.newDueAt)}: ${e.reason}` });
  }
  if (open) pauses.push({ from: open, to: null, workingHours: null });
  return {
    receivedAt: state.receivedAt, originalDueAt: state.originalDueAt, dueAt: state.dueAt,
    receivedOn: state.receivedAt ? formatViDate(state.receivedAt) : null, dueOn: state.dueAt ? formatViDate(state.dueAt) : null,
    paused: !!state.pausedSince, pauses, lines: out,
  };
}

/** What the citizen must do now: supplement (with the items asked for), pay (the amount still due), rate the service. */
export function requiredActions(events: readonly DossierEvent[], state: DossierState, rated: boolean): RequiredAction[] {
  const out: RequiredAction[] = [];
  const last = [...events].reverse().find((e) => e.type === 'supplement_requested' || e.type === 'reception_supplement_requested');
  if (state.status === STATUS.SUPPLEMENT_REQUESTED && last?.type === 'supplement_requested') {
    out.push({ kind: 'supplement', stage: 'processing', items: last.items, note: last.note ?? null });
  }
  if (state.status === STATUS.SUBMITTED && state.receptionSupplementRequested && last?.type === 'reception_supplement_requested') {
    out.push({ kind: 'supplement', stage: 'reception', items: last.items, note: null });
  }
  const owed = state.paymentDue - state.paid;
  if (state.status === STATUS.AWAITING_PAYMENT && owed > 0) out.push({ kind: 'pay', amount: owed, amountText: `${formatDong(owed)} đồng` });
  if (canRate(state) && !rated) out.push({ kind: 'rate' });
  return out;
}

/** A rating comes after the result: ready to collect or returned. */
export const canRate = (s: Pick<DossierState, 'status'>): boolean => s.status === STATUS.RESULT_READY || s.status === STATUS.RETURNED;
