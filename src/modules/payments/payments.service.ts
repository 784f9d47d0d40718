import { randomBytes } from 'node:crypto';
import { hasAnywhere, reachable } from '../../platform/access/policy.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction, type Db } from '../../platform/db/transaction.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { ChannelKind } from '../catalog/schema.js';
import type { DossierPaymentsPort, FeeCatalogPort } from './ports.js';
import type { NotificationAnswer, Params, PaymentProvider } from './provider.js';
import * as repo from './payments.repository.js';
import { orderInfoOf, reconcileDay, type ReconciliationReport } from './reconciliation.js';
import { computeFees, type FeeComputation } from './rules/fees.js';
import type { ListQuery } from './schema.js';

export type PaymentServiceDeps = {
  db: Db;
  dossiers: DossierPaymentsPort;
  catalog: FeeCatalogPort;
  /** Null when online payment is off (production without a gateway). */
  provider: PaymentProvider | null;
  now: () => Date;
  /** How long a payment link stays valid at the gateway (vnp_ExpireDate). */
  orderMinutes?: number;
  /** Our address as the gateway's query API expects it (vnp_IpAddr of a query). */
  serverIp?: string;
};

export type PaymentService = ReturnType<typeof createPaymentService>;

const STATUS_SUBMITTED = 1;
const STATUS_AWAITING_PAYMENT = 6;


const notFound = () => errors.notFound('giao dịch thanh toán', 'Payment', 'PAYMENT_NOT_FOUND');
const dossierNotFound = () => errors.notFound('hồ sơ', 'Dossier', 'DOSSIER_NOT_FOUND');
const paymentsOff = () => new AppError('PAYMENTS_DISABLED', 409, 'Thanh toán trực tuyến chưa được cấu hình trên hệ thống này.', 'Online payment is not configured on this system.');

/** 12 characters from an alphabet without look-alikes: unique (a constraint says so), not guessable. */
function newOrderRef(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return `HS${[...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

export function view(p: repo.PaymentRow) {
  return {
    id: p.id, dossierCode: p.dossierCode, provider: p.provider, orderRef: p.orderRef, amount: p.amount, items: p.items, status: p.status,
    providerTxnNo: p.providerTxnNo, bankCode: p.bankCode, paidAt: p.paidAt?.toISOString() ?? null, settledBy: p.settledBy,
    dossierRecordedAt: p.dossierRecordedAt?.toISOString() ?? null, dossierRecordError: p.dossierRecordError,
    createdAt: p.createdAt.toISOString(), version: p.version,
  };
}
export type PaymentView = ReturnType<typeof view>;

export function createPaymentService(deps: PaymentServiceDeps) {
  const orderMinutes = deps.orderMinutes ?? 15;

  function providerNamed(name: string): PaymentProvider {
    if (!deps.provider) throw paymentsOff();
    if (deps.provider.name !== name) throw errors.notFound('cổng thanh toán', 'Payment provider', 'PAYMENT_PROVIDER_NOT_FOUND');
    return deps.provider;
  }

  /** The fee of a dossier paid with its submission: the catalogue's fee table for its case and channel. */
  async function feesOf(facts: { procedureCode: string; procedureVersionId: number | null; caseCode: string | null; channel: ChannelKind }): Promise<FeeComputation> {
    const version = (facts.procedureVersionId && deps.catalog.findVersion ? await deps.catalog.findVersion(facts.procedureVersionId) : undefined)
      ?? await deps.catalog.findInForce(facts.procedureCode, deps.now());
    if (!version) throw errors.notFound('thủ tục', 'Procedure', 'PROCEDURE_NOT_FOUND');
    return computeFees(version.content, facts.caseCode, facts.channel);
  }

  /** Credits the dossier for a paid order, outside any transaction of ours; a failure is kept for the retry. */
  async function recordOnDossier(p: repo.PaymentRow): Promise<void> {
    try {
      const r = await deps.dossiers.recordOnlinePayment(p.dossierCode, { amount: p.amount, reference: p.orderRef });
      await repo.markDossierRecord(deps.db, p.id, r.recorded || r.already ? { at: deps.now() } : { error: `${r.code}: ${r.vi}` });
    } catch (err) {
      const e = err as AppError;
      await repo.markDossierRecord(deps.db, p.id, { error: `${e.code ?? 'ERROR'}: ${e.messageVi ?? e.message}` });
    }
  }

  const service = {
    /**
     * Creates a pending order for what a dossier owes now and returns the gateway URL to send the
     * applicant's browser to. The caller has decided that the caller may pay for this dossier (the
     * staff route below checks the desk's reach; the citizen route checks the dossier is theirs).
     * What is owed: the outstanding payment request of a dossier awaiting payment (status 6); for an
     * online dossier not yet received (status 1), the fixed fees of its fee table — a fee given only
     * as a formula must be requested by staff first.
     */
    async start(code: string, opts: { clientIp: string | null; createdBy?: number | null; ctx?: RequestContext }) {
      const provider = deps.provider;
      if (!provider) throw paymentsOff();
      const facts = await deps.dossiers.facts(null, code);
      if (!facts) throw dossierNotFound();
      let items: { name: string; amount: number }[];
      if (facts.status === STATUS_AWAITING_PAYMENT && facts.outstanding > 0) {
        items = facts.requestedItems ?? [{ name: 'Phí, lệ phí còn phải nộp', amount: facts.outstanding }];
      } else if (facts.status === STATUS_SUBMITTED && facts.paid === 0) {
        const fees = await feesOf(facts);
        if (!fees.ok) throw new AppError(fees.code, 422, fees.vi, fees.en);
        if (fees.needsStaff.length) {
          throw new AppError('FEE_NEEDS_STAFF', 409, `Phí, lệ phí "${fees.needsStaff.map((f) => f.name).join('", "')}" được tính theo từng trường hợp; cán bộ sẽ tính và thông báo số tiền phải nộp.`,
            'A fee depends on the case; staff will compute it and request the payment.', undefined, { needsStaff: fees.needsStaff });
        }
        if (fees.total === 0) throw new AppError('NOTHING_TO_PAY', 409, 'Hồ sơ không phải nộp phí, lệ phí.', 'The dossier has no fee to pay.');
        items = fees.items.map((i) => ({ name: i.name, amount: i.amount }));
      } else {
        throw new AppError('PAYMENT_NOT_EXPECTED', 409, 'Hồ sơ hiện không có khoản phí, lệ phí nào chờ nộp.', 'The dossier has no fee awaiting payment.', undefined, { status: facts.status });
      }
      const amount = items.reduce((s, i) => s + i.amount, 0);
      const now = deps.now();
      const existing = await repo.paymentsOfDossier(deps.db, code);
      // A paid order the dossier has not recorded yet is money already taken: never ask for it twice.
      if (existing.some((p) => p.status === 'paid' && !p.dossierRecordedAt)) {
        throw new AppError('PAYMENT_BEING_RECORDED', 409, 'Hồ sơ đã được thanh toán trực tuyến và đang chờ ghi nhận; không cần thanh toán lại.', 'The dossier has been paid online and the payment is being recorded.');
      }
      const payment = await inTransaction(deps.db, async (trx) => {
        const p = await repo.insertPayment(trx, { dossierCode: code, unitId: facts.receivingUnitId, provider: provider.name, orderRef: newOrderRef(), amount, items, createdBy: opts.createdBy ?? null, at: now });
        await recordAudit(trx, opts.ctx ?? { requestId: 'payment', ip: opts.clientIp, actor: null, locale: 'vi' }, {
          action: 'payment.started', entity: 'payment', entityId: p.orderRef, unitId: facts.receivingUnitId, after: { dossier: code, amount, provider: provider.name },
        });
        return p;
      });
      const payUrl = provider.createPaymentUrl({
        orderRef: payment.orderRef, amount, orderInfo: orderInfoOf(code), createdAt: now,
        expiresAt: new Date(now.getTime() + orderMinutes * 60_000), clientIp: opts.clientIp ?? '127.0.0.1',
      });
      return { payment: view(payment), payUrl };
    },

    /** The desk starts a payment link for a dossier (e.g. shown as a QR code): who moves the dossier on may. */
    async startAtDesk(ctx: RequestContext, code: string) {
      if (!ctx.actor) throw errors.unauthenticated();
      const facts = await deps.dossiers.facts(ctx, code);
      if (!facts || !facts.access.read) throw dossierNotFound();
      if (!facts.access.actsOn) throw errors.forbidden();
      return service.start(code, { clientIp: ctx.ip, createdBy: ctx.actor.staffId, ctx });
    },

    /** The fees a dossier's fee table gives for its case and channel (what `start` charges at submission). */
    async feesForDossier(ctx: RequestContext, code: string) {
      if (!ctx.actor) throw errors.unauthenticated();
      const facts = await deps.dossiers.facts(ctx, code);
      if (!facts || !facts.access.read) throw dossierNotFound();
      const fees = await feesOf(facts);
      if (!fees.ok) throw new AppError(fees.code, 422, fees.vi, fees.en);
      const payments = await repo.paymentsOfDossier(deps.db, code);
      return { ...fees, outstanding: facts.outstanding, paid: facts.paid, payments: payments.map(view) };
    },

    /**
     * The gateway's server-to-server notification (IPN). In the protocol's order: signature, order,
     * amount, then whether it is still pending. Only a verified notification for a pending order of
     * the same amount changes anything; every notification is kept with our answer.
     */
    async notify(providerName: string, params: Params, remoteIp: string | null): Promise<Record<string, string>> {
      const provider = providerNamed(providerName);
      const now = deps.now();
      const answer = (a: NotificationAnswer) => provider.notificationAnswer(a);
      const verified = provider.verifyNotification(params);
      if (!verified.valid) {
        const a = answer('invalid_signature');
        await repo.insertNotification(deps.db, { provider: provider.name, orderRef: verified.orderRef, params, signatureValid: false, responseCode: a.code, verdict: 'invalid_signature', remoteIp, at: now });
        return a.body;
      }
      const r = verified.result;
      let credited: repo.PaymentRow | undefined;
      let given: NotificationAnswer = 'unknown_error';
      let verdict = 'error';
      try {
        await inTransaction(deps.db, async (trx) => {
          const p = await repo.findByOrderRef(trx, r.orderRef, true);
          const ctx = { requestId: `ipn:${r.orderRef}`, ip: remoteIp, actor: null, locale: 'vi' as const, system: true };
          if (!p) { given = 'order_not_found'; verdict = 'order_not_found'; }
          else if (r.amount !== p.amount) {
            given = 'invalid_amount'; verdict = 'amount_mismatch';
            // Flagged for staff, once: a paid order stays paid, whatever a later notification says.
            if (p.status === 'pending' && await repo.settle(trx, p, { status: 'amount_mismatch', providerTxnNo: r.providerTxnNo, bankCode: r.bankCode, settledBy: 'notification' }, now)) {
              await recordAudit(trx, ctx, { action: 'payment.amount_mismatch', entity: 'payment', entityId: p.orderRef, unitId: p.unitId, after: { expected: p.amount, reported: r.amount ?? null, dossier: p.dossierCode } });
            }
          } else if (p.status !== 'pending') { given = 'already_confirmed'; verdict = 'duplicate'; }
          else {
            const status = r.outcome;
            if (!(await repo.settle(trx, p, { status, providerTxnNo: r.providerTxnNo, bankCode: r.bankCode, paidAt: status === 'paid' ? (r.paidAt ?? now) : null, settledBy: 'notification' }, now))) throw errors.stale();
            await recordAudit(trx, ctx, { action: `payment.${status as 'paid' | 'failed' | 'cancelled'}`, entity: 'payment', entityId: p.orderRef, unitId: p.unitId, after: { dossier: p.dossierCode, amount: p.amount, responseCode: r.responseCode, providerTxnNo: r.providerTxnNo ?? null } });
            // The gateway's result is recorded, whatever it is: "00" tells it so.
            given = 'confirmed'; verdict = status;
            if (status === 'paid') credited = (await repo.findByOrderRef(trx, r.orderRef))!;
          }
          await repo.insertNotification(trx, { provider: provider.name, orderRef: r.orderRef, params, signatureValid: true, responseCode: answer(given).code, verdict, remoteIp, at: now });
        });
      } catch {
        given = 'unknown_error';
        credited = undefined;
        await repo.insertNotification(deps.db, { provider: provider.name, orderRef: r.orderRef, params, signatureValid: true, responseCode: answer(given).code, verdict: 'error', remoteIp, at: now }).catch(() => undefined);
      }
      if (credited) await recordOnDossier(credited);
      return answer(given).body;
    },

    /**
     * The browser's return: the signature is checked and the order's state shown. Nothing is credited
     * here — a return can be replayed or arrive before the notification; credit comes only from the
     * verified notification or from reconciliation.
     */
    async browserReturn(providerName: string, params: Params) {
      const provider = providerNamed(providerName);
      const verified = provider.verifyReturn(params);
      if (!verified.valid) {
        throw new AppError('PAYMENT_SIGNATURE_INVALID', 400, 'Kết quả thanh toán không có chữ ký hợp lệ của cổng thanh toán.', 'The payment result does not carry a valid gateway signature.');
      }
      const p = await repo.findByOrderRef(deps.db, verified.result.orderRef);
      if (!p) throw notFound();
      return {
        orderRef: p.orderRef, dossierCode: p.dossierCode, amount: p.amount, items: p.items,
        /** What the gateway told the browser. */
        gateway: { outcome: verified.result.outcome, responseCode: verified.result.responseCode },
        /** What we hold: `pending` until the gateway's notification (or reconciliation) confirms it. */
        status: p.status, paidAt: p.paidAt?.toISOString() ?? null,
      };
    },

    /** Payments of the dossiers the caller may read (their receiving unit), newest first. */
    async list(ctx: RequestContext, q: ListQuery) {
      if (!ctx.actor) throw errors.unauthenticated();
      if (!hasAnywhere(ctx.actor, 'dossier.read')) throw errors.forbidden();
      const from = q.date ? new Date(`${q.date}T00:00:00+07:00`) : undefined;
      const rows = await repo.listPayments(deps.db, {
        units: reachable(ctx.actor, 'dossier.read'), ...(from ? { from, to: new Date(from.getTime() + 86_400_000) } : {}),
        ...(q.status ? { status: q.status } : {}), ...(q.dossierCode ? { dossierCode: q.dossierCode } : {}), ...(q.cursor ? { afterId: q.cursor } : {}), limit: q.limit + 1,
      });
      const items = rows.slice(0, q.limit).map(view);
      return { items, nextCursor: rows.length > q.limit ? items[items.length - 1]!.id : null };
    },

    /**
     * Compares the day's orders (Vietnamese calendar day) with the gateway's query API. With
     * `settle`, pending orders the gateway says are paid become paid (and the dossier records them),
     * those it says failed become failed, and paid orders the dossier has not recorded are recorded.
     */
    async reconcile(ctx: RequestContext, date: string, opts: { settle: boolean }): Promise<ReconciliationReport> {
      if (!deps.provider) throw paymentsOff();
      if (!ctx.system && !ctx.actor) throw errors.unauthenticated();
      // Reading the comparison is a reader's; settling changes payments and dossiers: the desk's.
      if (!ctx.system && !hasAnywhere(ctx.actor, opts.settle ? 'dossier.receive' : 'dossier.read')) throw errors.forbidden();
      const units = ctx.system ? 'all' : reachable(ctx.actor, 'dossier.read');
      return reconcileDay({ db: deps.db, provider: deps.provider, now: deps.now, serverIp: deps.serverIp ?? '127.0.0.1', recordOnDossier }, ctx, date, units, opts);
    },

    /** Paid orders the dossier has not recorded yet (an interruption between the two): recorded now. */
    async recordPending(limit = 100): Promise<number> {
      const rows = await repo.unrecordedPaid(deps.db, limit);
      for (const p of rows) await recordOnDossier(p);
      return rows.length;
    },
  };
  return service;
}
