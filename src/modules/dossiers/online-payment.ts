import { inTransaction } from '../../platform/db/transaction.js';
import { systemContext, type RequestContext } from '../../platform/http/context.js';
import { canActOn, canRead } from './dossier-access.js';
import * as repo from './dossiers.repository.js';
import { appendEvents } from './event-writer.js';
import type { IntakeDeps } from './intake.js';
import type { DossierEvent } from './rules/events.js';
import { reduce } from './rules/reducer.js';
import { STATUS } from './rules/statuses.js';
import { refusal } from './rules/transitions.js';

/** What the payments module reads of a dossier to take its fee (modules/payments/ports.ts). */
export type DossierPaymentFacts = {
  code: string;
  status: number;
  channel: 'desk' | 'post' | 'online';
  receivingUnitId: number;
  procedureCode: string;
  procedureVersionId: number | null;
  caseCode: string | null;
  /** Requested and not yet paid, in đồng (status 6). */
  outstanding: number;
  paid: number;
  /** The items of the last payment request, when that request is what is outstanding. */
  requestedItems: { name: string; amount: number }[] | null;
  /** For the caller of a staff request: whether they may read it, and whether they move it on. */
  access: { read: boolean; actsOn: boolean };
};

export async function paymentFacts(deps: Pick<IntakeDeps, 'db'>, ctx: RequestContext | null, code: string): Promise<DossierPaymentFacts | undefined> {
  const row = await repo.findByCode(deps.db, code);
  if (!row) return undefined;
  const events = await repo.loadEvents(deps.db, row.id);
  const state = reduce(events);
  const outstanding = Math.max(0, state.paymentDue - state.paid);
  const lastRequest = [...events].reverse().find((e): e is repo.StoredEvent & Extract<DossierEvent, { type: 'payment_requested' }> => e.type === 'payment_requested');
  const actor = ctx?.actor ?? null;
  const read = canRead(actor, row);
  return {
    code: row.code, status: state.status, channel: row.channel as DossierPaymentFacts['channel'], receivingUnitId: row.receiving_unit_id,
    procedureCode: row.procedure_code, procedureVersionId: row.procedure_version_id, caseCode: row.case_code, outstanding, paid: state.paid,
    requestedItems: state.status === STATUS.AWAITING_PAYMENT && lastRequest && lastRequest.amount === outstanding ? lastRequest.items : null,
    access: { read, actsOn: read && !!actor && canActOn(actor, row, state) },
  };
}

export type OnlinePaymentRecord = { recorded: true } | { recorded: false; already: true } | { recorded: false; already: false; code: string; vi: string; en: string };

/**
 * Records a payment the gateway confirmed (its verified notification, or reconciliation with its
 * query API) as the dossier's `payment_confirmed` event, method "online", with the order reference.
 * Done by the system, not a person: no one's permission is involved, and the reference makes it
 * idempotent — a second call for the same order finds the event and writes nothing.
 */
export async function recordOnlinePayment(deps: IntakeDeps, code: string, payment: { amount: number; reference: string }): Promise<OnlinePaymentRecord> {
  const ctx = systemContext('payment-gateway');
  const now = deps.now();
  return inTransaction(deps.db, async (trx) => {
    const row = await repo.findByCode(trx, code, true);
    if (!row) return { recorded: false, already: false, code: 'DOSSIER_NOT_FOUND', vi: 'Không tìm thấy hồ sơ.', en: 'Dossier not found.' };
    const events = await repo.loadEvents(trx, row.id);
    if (events.some((e) => e.type === 'payment_confirmed' && e.reference === payment.reference)) return { recorded: false, already: true };
    const state = reduce(events);
    const refused = refusal(state, 'confirm_payment');
    if (refused) return { recorded: false, already: false, ...refused };
    const last = events[events.length - 1]?.hash ?? null;
    await appendEvents(trx, deps.chain, ctx, row, state, last, [{ type: 'payment_confirmed', amount: payment.amount, method: 'online', reference: payment.reference }], now, row.involved_unit_ids);
    return { recorded: true };
  });
}
