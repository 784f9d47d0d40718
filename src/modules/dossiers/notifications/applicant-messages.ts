import type { MessageTemplate } from '../../../platform/notify/templates.js';
import type { DossierEvent, SupplementItem } from '../rules/events.js';
import type { DossierState } from '../rules/reducer.js';
import { lookupUrl } from '../slips/slip-context.js';
import { APPLICANT_TEMPLATES as T, RESULT_DELIVERY_TEXT, RETURN_METHOD_TEXT } from './applicant-templates.js';

/** What the message needs to know about the dossier, beyond the event itself. */
export type DossierFacts = {
  code: string;
  lookupSecret: string;
  procedureName: string;
  applicantName: string;
  resultDelivery: string;
  /** The due date before this change (for the apology: "your appointment was …"). */
  dueAtBefore: Date | null;
};

const list = (lines: string[]) => lines.map((l) => `- ${l}`).join('\n');
const itemLines = (items: SupplementItem[]) => list(items.map((i) => `${i.name}: ${i.reason}${i.legalBasis ? ` (căn cứ: ${i.legalBasis})` : ''}`));

/**
 * Which events concern the applicant, and with which template — the status changes of issue 6 §2
 * (received, supplement requested, payment requested, extended with apology, result ready,
 * returned, refused, stopped) plus the two that also produce a slip for them (supplement at
 * reception, form 02; withdrawal, form 05). Hand-overs between officers do not concern them.
 */
export function applicantMessageFor(e: DossierEvent, f: DossierFacts, state: DossierState, publicUrl: string): { template: MessageTemplate; vars: Record<string, unknown> } | null {
  const common = {
    applicantName: f.applicantName, code: f.code, procedureName: f.procedureName,
    unitName: state.handovers[0]?.toUnitName || 'Bộ phận tiếp nhận và trả kết quả',
    lookupUrl: lookupUrl(publicUrl, f.code, f.lookupSecret),
    at: e.at,
  };
  const m = (template: MessageTemplate, vars: Record<string, unknown> = {}) => ({ template, vars: { ...common, ...vars } });
  switch (e.type) {
    case 'received': return m(T.received, { receivedAt: e.receivedAt, dueAt: e.dueAt });
    case 'reception_supplement_requested': return m(T.receptionSupplement, { items: itemLines(e.items) });
    case 'supplement_requested': return m(T.supplementRequested, { items: itemLines(e.items), note: e.note });
    case 'payment_requested': return m(T.paymentRequested, { items: list(e.items.map((i) => `${i.name}: ${i.amount.toLocaleString('vi-VN')} đồng`)), amount: e.amount });
    case 'extended': return m(T.extended, { previousDueAt: f.dueAtBefore, newDueAt: e.newDueAt, reason: e.reason, signer: e.signer });
    case 'result_recorded': return m(T.resultReady, { deliveryText: RESULT_DELIVERY_TEXT[f.resultDelivery] ?? '' });
    case 'result_returned': return m(T.returned, { receiverName: e.receiverName, methodText: RETURN_METHOD_TEXT[e.method] ?? e.method });
    case 'refused': return m(T.refused, { reasons: list(e.reasons) });
    case 'stopped': return m(T.stopped, { reason: e.reason });
    case 'withdrawn': return m(T.withdrawn, { reason: e.reason, requestedAt: e.requestedAt });
    default: return null;
  }
}
