/**
 * Rules of incoming documents (issue 19 scope 2, Decree 30/2020 arts 20–24), pure: which action fits
 * which status, what counts as the same document twice, the search key, how a handler is named and
 * how the tracking register words the progress. The service reads, checks with these, then writes.
 */
import type { DocumentStatus } from './registry.tables.js';
import { documentTypeName } from './rules/document-types.js';
import { daysLateAt, deadlineStatus, type IsoDay, type IsWorkingDay } from './rules/routing.js';
import { fold, searchKey } from './rules/search.js';

export const INCOMING_ACTIONS = ['register', 'route', 'report'] as const;
export type IncomingAction = (typeof INCOMING_ACTIONS)[number];

/**
 * In which statuses an action applies: the records office registers what arrived through the exchange
 * (art. 22); the leadership routes a registered document, or routes it again while it is being handled
 * (art. 24(1)); a handler reports while it is routed.
 */
const FROM: Record<IncomingAction, readonly DocumentStatus[]> = {
  register: ['arrived'],
  route: ['registered', 'routed'],
  report: ['routed'],
};

export type Refusal = { code: string; vi: string; en: string };

export function stateRefusal(action: IncomingAction, status: DocumentStatus): Refusal | null {
  if (FROM[action].includes(status)) return null;
  const words: Record<IncomingAction, [string, string]> = {
    register: ['Chỉ vào sổ được văn bản điện tử đang chờ vào sổ.', 'Only a document waiting for registration can be registered.'],
    route: ['Chỉ phân công xử lý được văn bản đã vào sổ hoặc đang giải quyết.', 'Only a registered document, or one being handled, can be routed.'],
    report: ['Văn bản không còn đang giải quyết: không báo cáo được nữa.', 'The document is not being handled: no report can be made.'],
  };
  const [vi, en] = words[action];
  return { code: 'INVALID_STATE', vi, en };
}

/** What the caller may do on an incoming document now (API.md `allowedActions`). */
export function incomingActions(facts: { status: DocumentStatus; mayRegister: boolean; maySign: boolean; handles: boolean }): IncomingAction[] {
  const out: IncomingAction[] = [];
  if (facts.mayRegister && !stateRefusal('register', facts.status)) out.push('register');
  if (facts.maySign && !stateRefusal('route', facts.status)) out.push('route');
  if (facts.handles && !stateRefusal('report', facts.status)) out.push('report');
  return out;
}

export type Identity = { symbol: string | null; issuerName: string | null; issuedOn: IsoDay | null };

/**
 * The same document received twice (Decree 30 Appendix VI, duplicate warning): the same number and
 * symbol of the same issuer on the same day. Compared without case, diacritics or spacing, since one
 * records office types "05/KH-UBND" and another "05/kh-ubnd ".
 */
export function sameDocument(a: Identity, b: Identity): boolean {
  if (!a.symbol || !b.symbol || !a.issuerName || !b.issuerName || !a.issuedOn) return false;
  return a.issuedOn === b.issuedOn && fold(a.symbol).replace(/ /g, '') === fold(b.symbol).replace(/ /g, '') && fold(a.issuerName) === fold(b.issuerName);
}

export function duplicateWarning(earlier: { arrivalNumber: number | null; arrivalOn: IsoDay | null }[]): Refusal {
  const list = earlier.map((e) => `số đến ${e.arrivalNumber ?? '?'}${e.arrivalOn ? ` ngày ${dmy(e.arrivalOn)}` : ''}`).join('; ');
  return {
    code: 'DUPLICATE_DOCUMENT',
    vi: `Văn bản này đã được vào sổ (${list}). Nếu đúng là một bản khác cần vào sổ, hãy xác nhận để tiếp tục.`,
    en: `This document was already registered (${earlier.map((e) => `arrival no. ${e.arrivalNumber ?? '?'}`).join('; ')}). Confirm to register it again.`,
  };
}

/** The number printed before the slash of a symbol ("05/KH-UBND" → 5), or null when there is none. */
export function numberOfSymbol(symbol: string): number | null {
  const m = /^\s*0*(\d{1,9})\s*\//.exec(symbol);
  return m && Number(m[1]) > 0 ? Number(m[1]) : null;
}

/** Every field the shared list's `q` searches for an incoming document (rules/search.ts). */
export function incomingSearchText(d: { symbol: string | null; subject: string; issuer_name: string | null; signer_name: string | null; arrival_number: number | null; doc_type: string; instructions: string | null }): string {
  return searchKey([d.symbol, d.subject, d.issuer_name, d.signer_name, d.arrival_number, documentTypeName(d.doc_type), d.instructions]);
}

export type HandlerRef = { staffId?: number | undefined; unitId?: number | undefined };
export const handlerKey = (h: HandlerRef): string => (h.staffId ? `staff:${h.staffId}` : `unit:${h.unitId}`);

/** A lead and co-ordinators naming the same person or unit twice is a slip of the hand: refused. */
export function repeatedHandler(lead: HandlerRef, coordinators: HandlerRef[]): number | null {
  const seen = new Set([handlerKey(lead)]);
  for (const [i, c] of coordinators.entries()) {
    if (seen.has(handlerKey(c))) return i;
    seen.add(handlerKey(c));
  }
  return null;
}

const dmy = (d: IsoDay): string => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** "Tiến độ giải quyết" of the tracking register (Appendix IV), on `today`. */
export function progressLabel(d: { status: DocumentStatus; dueOn: IsoDay | null; doneOn: IsoDay | null }, today: IsoDay, isWorking: IsWorkingDay): string {
  if (d.status === 'done' && d.doneOn) {
    const late = daysLateAt(d.dueOn, d.doneOn);
    return `Đã giải quyết ngày ${dmy(d.doneOn)}${late ? ` (chậm ${late} ngày)` : ''}`;
  }
  if (d.status === 'registered') return 'Chưa phân công';
  if (d.status !== 'routed') return '';
  const s = deadlineStatus({ open: true, dueOn: d.dueOn }, today, isWorking);
  if (s.state === 'overdue') return `Quá hạn ${s.daysLate} ngày`;
  if (s.state === 'due_soon') return s.workingDaysLeft === 0 ? 'Đang giải quyết, đến hạn hôm nay' : `Đang giải quyết, còn ${s.workingDaysLeft} ngày làm việc`;
  return 'Đang giải quyết';
}
