import { can, type Actor } from '../../platform/access/policy.js';
import type { DocumentRow } from './registry.context.js';
import { STATUS_LABELS } from './registry-labels.js';
import type { DocumentStatus } from './registry.tables.js';

/**
 * Who may do what to an outgoing document, and in which status (API.md "Outgoing"; Decree 30 art. 14:
 * the drafter prepares it, the competent person signs, the records office numbers and releases it).
 * Pure: the service asks these before its transaction.
 */
export const OUTGOING_ACTIONS = ['edit', 'submit', 'return', 'approve', 'release', 'cancel'] as const;
export type OutgoingAction = (typeof OUTGOING_ACTIONS)[number];

/** The history's word for each action (reg_events.action), in the past as the other parts write them. */
export const OUTGOING_EVENTS = {
  edit: 'edited', submit: 'submitted', return: 'returned', approve: 'approved', release: 'released', cancel: 'cancelled',
} as const satisfies Record<OutgoingAction, string>;

const FROM: Record<OutgoingAction, readonly DocumentStatus[]> = {
  edit: ['draft'], submit: ['draft'], return: ['submitted'], approve: ['submitted'], release: ['approved'],
  // Once released a document is recalled through the exchange, never cancelled (Appendix VI: frozen on recall).
  cancel: ['draft', 'submitted', 'approved'],
};

export const OUTGOING_TARGET: Record<OutgoingAction, DocumentStatus> = {
  edit: 'draft', submit: 'submitted', return: 'draft', approve: 'approved', release: 'released', cancel: 'cancelled',
};

type Doc = Pick<DocumentRow, 'direction' | 'status' | 'unit_id' | 'drafted_by_staff_id' | 'approver_staff_id'>;

/**
 * Whether the caller is one who may take the action at all, whatever the status: the drafter edits and
 * submits; the chosen approver or the agency's leadership (`document.sign`) returns and signs; the
 * records office (`document.register` at the agency) releases; the drafter or the leadership cancels.
 */
export function mayTake(actor: Actor, doc: Doc, action: OutgoingAction): boolean {
  const drafter = doc.drafted_by_staff_id === actor.staffId;
  const signer = doc.approver_staff_id === actor.staffId || can(actor, 'document.sign', doc.unit_id);
  switch (action) {
    case 'edit': case 'submit': return drafter;
    case 'return': case 'approve': return signer;
    case 'release': return can(actor, 'document.register', doc.unit_id);
    case 'cancel': return drafter || can(actor, 'document.sign', doc.unit_id);
  }
}

export const statusAllows = (status: DocumentStatus, action: OutgoingAction): boolean => FROM[action].includes(status);

/** The 409 an action in the wrong status answers, in both languages. */
export function statusRefusal(status: DocumentStatus, action: OutgoingAction): { code: string; vi: string; en: string } | null {
  if (statusAllows(status, action)) return null;
  const verbs: Record<OutgoingAction, string> = { edit: 'sửa', submit: 'trình ký', return: 'trả lại', approve: 'ký duyệt', release: 'phát hành', cancel: 'hủy' };
  return {
    code: 'DOCUMENT_WRONG_STATUS',
    vi: `Văn bản đang ở trạng thái «${STATUS_LABELS[status]}» nên không thể ${verbs[action]}.`,
    en: `The document is ${status}: it cannot be given "${action}".`,
  };
}

/** The outgoing actions the caller may take now (the detail's `allowedActions`). */
export function allowedOutgoingActions(actor: Actor, doc: Doc): OutgoingAction[] {
  if (doc.direction !== 'out') return [];
  return OUTGOING_ACTIONS.filter((a) => statusAllows(doc.status, a) && mayTake(actor, doc, a));
}
