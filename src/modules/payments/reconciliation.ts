import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction, type Db } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { GatewayStatus, PaymentProvider } from './provider.js';
import * as repo from './payments.repository.js';
import type { PaymentStatus } from './payments.tables.js';

/**
 * What the day's comparison says of one order:
 *  - matched: both sides agree (paid and paid, failed and failed, pending and pending);
 *  - settled / would_settle: pending here, paid at the gateway with the same amount (a browser
 *    return without notification ends here);
 *  - failed / would_fail: pending here, failed at the gateway;
 *  - not_at_gateway: the applicant never reached the gateway (abandoned link);
 *  - mismatch: the two sides disagree in a way staff must look into (paid here and not there,
 *    another amount, paid there but failed or flagged here);
 *  - unreachable: the gateway could not be asked (the line is checked again next run).
 */
export type Verdict = 'matched' | 'settled' | 'would_settle' | 'failed' | 'would_fail' | 'not_at_gateway' | 'mismatch' | 'unreachable';

export type ReconciliationLine = {
  orderRef: string; dossierCode: string; amount: number; ours: PaymentStatus; gateway: 'paid' | 'pending' | 'failed' | 'not_found' | 'unknown';
  gatewayAmount: number | null; providerTxnNo: string | null; verdict: Verdict; note: string | null; dossierRecorded: boolean;
};

export type ReconciliationReport = {
  date: string; settled: boolean; provider: string; generatedAt: string;
  totals: { orders: number; paidHere: number; paidAtGateway: number; amountPaidHere: number; amountPaidAtGateway: number };
  counts: Record<Verdict, number>;
  lines: ReconciliationLine[];
};

type Deps = { db: Db; provider: PaymentProvider; now: () => Date; serverIp: string; recordOnDossier(p: repo.PaymentRow): Promise<void> };

const VERDICTS: Verdict[] = ['matched', 'settled', 'would_settle', 'failed', 'would_fail', 'not_at_gateway', 'mismatch', 'unreachable'];

export async function reconcileDay(deps: Deps, ctx: RequestContext, date: string, units: number[] | 'all', opts: { settle: boolean }): Promise<ReconciliationReport> {
  const from = new Date(`${date}T00:00:00+07:00`);
  const to = new Date(from.getTime() + 86_400_000);
  const now = deps.now();
  const rows: repo.PaymentRow[] = [];
  for (let after: string | undefined; ;) {
    const page = await repo.listPayments(deps.db, { units, from, to, ...(after ? { afterId: after } : {}), limit: 500 });
    rows.push(...page.filter((p) => p.provider === deps.provider.name));
    if (page.length < 500) break;
    after = page[page.length - 1]!.id;
  }
  const lines: ReconciliationLine[] = [];
  for (const p of rows.reverse()) {
    let gw: GatewayStatus | undefined;
    try {
      gw = await deps.provider.queryTransaction({ orderRef: p.orderRef, orderInfo: orderInfo(p), createdAt: p.createdAt, providerTxnNo: p.providerTxnNo, clientIp: deps.serverIp }, now);
    } catch (err) {
      lines.push(line(p, 'unknown', null, 'unreachable', err instanceof AppError ? err.messageVi : 'Không kết nối được cổng thanh toán.'));
      continue;
    }
    lines.push(await compare(deps, ctx, p, gw, opts.settle, now));
  }
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, lines.filter((l) => l.verdict === v).length])) as Record<Verdict, number>;
  const paidHere = lines.filter((l) => l.ours === 'paid' || l.verdict === 'settled');
  const paidThere = lines.filter((l) => l.gateway === 'paid');
  const report: ReconciliationReport = {
    date, settled: opts.settle, provider: deps.provider.name, generatedAt: now.toISOString(),
    totals: {
      orders: lines.length, paidHere: paidHere.length, paidAtGateway: paidThere.length,
      amountPaidHere: paidHere.reduce((s, l) => s + l.amount, 0), amountPaidAtGateway: paidThere.reduce((s, l) => s + (l.gatewayAmount ?? 0), 0),
    },
    counts, lines,
  };
  if (opts.settle) {
    await inTransaction(deps.db, (trx) => recordAudit(trx, ctx, {
      action: 'payment.reconciled', entity: 'payment', entityId: date, unitId: ctx.actor?.unitId ?? null,
      after: { date, counts, totals: report.totals, mismatches: lines.filter((l) => l.verdict === 'mismatch').map((l) => l.orderRef) },
    }));
  }
  return report;
}

/** The order text the gateway shows: unaccented, letters, digits and spaces only (see rules/vnpay-signing.ts). */
export const orderInfoOf = (dossierCode: string) => `Thanh toan phi le phi ho so ${dossierCode.replace(/[^A-Za-z0-9]/g, ' ')}`;

const orderInfo = (p: repo.PaymentRow) => orderInfoOf(p.dossierCode);

function line(p: repo.PaymentRow, gateway: ReconciliationLine['gateway'], gatewayAmount: number | null, verdict: Verdict, note: string | null, ours = p.status, recorded = !!p.dossierRecordedAt): ReconciliationLine {
  return { orderRef: p.orderRef, dossierCode: p.dossierCode, amount: p.amount, ours, gateway, gatewayAmount, providerTxnNo: p.providerTxnNo, verdict, note, dossierRecorded: recorded };
}

async function compare(deps: Deps, ctx: RequestContext, p: repo.PaymentRow, gw: GatewayStatus, settle: boolean, now: Date): Promise<ReconciliationLine> {
  if (!gw.found) {
    return p.status === 'paid'
      ? line(p, 'not_found', null, 'mismatch', 'Đã ghi nhận thanh toán nhưng cổng thanh toán không có giao dịch này.')
      : line(p, 'not_found', null, p.status === 'pending' ? 'not_at_gateway' : 'matched', null);
  }
  const amount = gw.amount ?? null;
  if (gw.status === 'paid' && amount !== p.amount) {
    return line(p, 'paid', amount, 'mismatch', `Số tiền tại cổng thanh toán (${amount ?? '?'} đồng) khác số tiền của lệnh (${p.amount} đồng).`);
  }
  if (p.status === 'pending' && gw.status !== 'pending') {
    const status = gw.status === 'paid' ? 'paid' : 'failed';
    if (!settle) return line(p, gw.status, amount, status === 'paid' ? 'would_settle' : 'would_fail', null);
    const done = await inTransaction(deps.db, async (trx) => {
      const fresh = await repo.findByOrderRef(trx, p.orderRef, true);
      // The notification may have settled it meanwhile: then there is nothing left to do here.
      if (!fresh || fresh.status !== 'pending') return undefined;
      await repo.settle(trx, fresh, { status, providerTxnNo: gw.providerTxnNo, bankCode: gw.bankCode, paidAt: status === 'paid' ? (gw.paidAt ?? now) : null, settledBy: 'reconciliation' }, now);
      await recordAudit(trx, ctx, { action: `payment.${status as 'paid' | 'failed'}`, entity: 'payment', entityId: p.orderRef, unitId: p.unitId, after: { dossier: p.dossierCode, amount: p.amount, by: 'reconciliation', transactionStatus: gw.transactionStatus } });
      return (await repo.findByOrderRef(trx, p.orderRef))!;
    });
    if (!done) return line(p, gw.status, amount, 'matched', 'Đã được ghi nhận bởi thông báo của cổng thanh toán trong lúc đối soát.');
    if (status === 'paid') await deps.recordOnDossier(done);
    const after = (await repo.findByOrderRef(deps.db, p.orderRef))!;
    return line(after, gw.status, amount, status === 'paid' ? 'settled' : 'failed', null, after.status, !!after.dossierRecordedAt);
  }
  if (p.status === 'paid' && gw.status === 'paid') {
    if (!p.dossierRecordedAt && settle) {
      await deps.recordOnDossier(p);
      const after = (await repo.findByOrderRef(deps.db, p.orderRef))!;
      return line(after, 'paid', amount, 'matched', after.dossierRecordError, after.status, !!after.dossierRecordedAt);
    }
    return line(p, 'paid', amount, 'matched', p.dossierRecordedAt ? null : p.dossierRecordError ?? 'Hồ sơ chưa ghi nhận khoản thanh toán.');
  }
  const agree = (p.status === 'pending' && gw.status === 'pending') || ((p.status === 'failed' || p.status === 'cancelled') && gw.status === 'failed');
  if (agree) return line(p, gw.status, amount, 'matched', null);
  return line(p, gw.status, amount, 'mismatch', `Trạng thái tại hệ thống (${p.status}) khác trạng thái tại cổng thanh toán (${gw.status}).`);
}
