import Fastify, { type FastifyInstance } from 'fastify';
import { randomInt } from 'node:crypto';
import { QUERY_REQUEST_FIELDS, QUERY_RESPONSE_FIELDS } from '../vnpay.provider.js';
import { fromGatewayAmount, gatewayDate, parseGatewayDate, pipeSignature, sameHash, signedQuery, toGatewayAmount, verifyParams, type Params } from '../rules/vnpay-signing.js';
import { errorPage, paymentPage } from './page.js';

/**
 * A local payment gateway speaking the same protocol as the provider (VNPAY-style 2.1.0): the signed
 * payment URL opens a Vietnamese payment page; "Thanh toán" or "Hủy giao dịch" sends the signed
 * result server-to-server to the merchant's notification URL (IPN, GET) and the browser back to the
 * return URL; the query API (querydr) answers from its own record. It runs as its own HTTP server
 * for the demo (`npm start` without production settings) and for the tests, which steer it with the
 * controls below. Production never starts it (src/main.ts).
 */
export type NotificationMode =
  /** Sent and answered before the browser is redirected (the usual order). */
  | 'before_return'
  /** Sent `delayMs` after the browser is redirected. */
  | 'after_return'
  | 'never'
  | 'twice';

export type GatewayControls = { notification: NotificationMode; delayMs: number; tamperAmount: boolean };

export type Transaction = {
  txnRef: string; amount: number; orderInfo: string; returnUrl: string; createDate: string; expiresAt: Date;
  status: 'pending' | 'paid' | 'failed'; transactionNo: string | null; bankCode: string | null; payDate: string | null;
};

export type Delivery = { txnRef: string; status: number; body: string };

export type LocalGateway = {
  app: FastifyInstance;
  listen(port: number, host?: string): Promise<string>;
  url(): string;
  setNotifyUrl(url: string): void;
  controls: GatewayControls;
  transactions: Map<string, Transaction>;
  deliveries: Delivery[];
  /** Resolves when every notification sent so far (including delayed ones) has been answered. */
  idle(): Promise<void>;
  close(): Promise<void>;
};

export const DEFAULT_CONTROLS: GatewayControls = { notification: 'before_return', delayMs: 300, tamperAmount: false };

export function createLocalGateway(opts: { merchantCode: string; secret: string; notifyUrl?: string; now?: () => Date; log?: boolean }): LocalGateway {
  const now = opts.now ?? (() => new Date());
  const app = Fastify({ logger: opts.log ?? false });
  const transactions = new Map<string, Transaction>();
  const deliveries: Delivery[] = [];
  const inFlight = new Set<Promise<void>>();
  let notifyUrl = opts.notifyUrl ?? '';
  let baseUrl = '';
  const gw: LocalGateway = {
    app, transactions, deliveries, controls: { ...DEFAULT_CONTROLS },
    async listen(port, host = '127.0.0.1') {
      await app.listen({ port, host });
      const address = app.server.address();
      baseUrl = `http://${host}:${typeof address === 'object' && address ? address.port : port}`;
      return baseUrl;
    },
    url: () => baseUrl,
    setNotifyUrl(url) { notifyUrl = url; },
    async idle() { while (inFlight.size) await Promise.allSettled([...inFlight]); },
    async close() { await gw.idle(); await app.close(); },
  };

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))));
  app.addHook('onSend', async (_req, reply) => {
    reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; frame-ancestors 'none'");
    reply.header('x-content-type-options', 'nosniff');
  });
  const html = (reply: { type(t: string): { code(n: number): { send(b: string): unknown } } }, status: number, body: string) => reply.type('text/html; charset=utf-8').code(status).send(body);

  // The payment URL the merchant built: checked like the real gateway checks it.
  app.get('/paymentv2/vpcpay.html', async (req, reply) => {
    const q = req.query as Params;
    if (!verifyParams(q, opts.secret)) return html(reply, 400, errorPage('70', 'Sai chữ ký / invalid signature'));
    if (q.vnp_TmnCode !== opts.merchantCode) return html(reply, 400, errorPage('02', 'Mã đơn vị không đúng / unknown merchant'));
    const amount = fromGatewayAmount(q.vnp_Amount);
    const expiresAt = parseGatewayDate(q.vnp_ExpireDate);
    if (!amount || !q.vnp_TxnRef || !q.vnp_ReturnUrl || !parseGatewayDate(q.vnp_CreateDate)) return html(reply, 400, errorPage('03', 'Dữ liệu gửi sang không đúng định dạng / malformed request'));
    if (expiresAt && expiresAt.getTime() < now().getTime()) return html(reply, 400, errorPage('11', 'Đã hết hạn chờ thanh toán / the order expired'));
    const known = transactions.get(q.vnp_TxnRef);
    if (known && known.status !== 'pending') return html(reply, 400, errorPage('94', 'Giao dịch đã được xử lý / order already processed'));
    transactions.set(q.vnp_TxnRef, {
      txnRef: q.vnp_TxnRef, amount, orderInfo: q.vnp_OrderInfo ?? '', returnUrl: q.vnp_ReturnUrl, createDate: q.vnp_CreateDate!, expiresAt: expiresAt ?? new Date(now().getTime() + 15 * 60_000),
      status: 'pending', transactionNo: null, bankCode: null, payDate: null,
    });
    const expires = expiresAt ? new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }).format(expiresAt) : '';
    return html(reply, 200, paymentPage({ txnRef: q.vnp_TxnRef, orderInfo: q.vnp_OrderInfo ?? '', amount, merchantCode: opts.merchantCode, expiresAt: expires }));
  });

  // The payer's choice on the page.
  app.post('/paymentv2/pay', async (req, reply) => {
    const form = (req.body ?? {}) as Record<string, string>;
    const t = transactions.get(form.txnRef ?? '');
    if (!t || t.status !== 'pending') return html(reply, 400, errorPage('94', 'Giao dịch không tồn tại hoặc đã được xử lý / unknown or processed order'));
    const paid = form.action === 'pay';
    t.status = paid ? 'paid' : 'failed';
    t.transactionNo = String(randomInt(10_000_000, 99_999_999));
    t.bankCode = form.bankCode && /^[A-Z]{2,20}$/.test(form.bankCode) ? form.bankCode : 'NCB';
    t.payDate = gatewayDate(now());
    const result: Params = {
      vnp_TmnCode: opts.merchantCode, vnp_Amount: toGatewayAmount(t.amount), vnp_BankCode: t.bankCode, vnp_BankTranNo: paid ? `VNP${t.transactionNo}` : '',
      vnp_CardType: 'ATM', vnp_OrderInfo: t.orderInfo, vnp_PayDate: t.payDate, vnp_ResponseCode: paid ? '00' : '24',
      vnp_TransactionNo: t.transactionNo, vnp_TransactionStatus: paid ? '00' : '02', vnp_TxnRef: t.txnRef,
    };
    const c = gw.controls;
    const notice = c.tamperAmount ? { ...result, vnp_Amount: toGatewayAmount(t.amount + 1_000) } : result;
    const send = () => track(deliver(t.txnRef, signedQuery(notice, opts.secret)));
    if (c.notification === 'before_return') await send();
    if (c.notification === 'twice') { await send(); await send(); }
    if (c.notification === 'after_return') {
      track(new Promise<void>((resolve) => { setTimeout(() => { void send().finally(resolve); }, c.delayMs); }));
    }
    return reply.redirect(`${t.returnUrl}${t.returnUrl.includes('?') ? '&' : '?'}${signedQuery(result, opts.secret)}`, 302);
  });

  // The query API (querydr), signed both ways with the "|"-joined fields.
  app.post('/merchant_webapi/api/transaction', async (req) => {
    const r = Object.fromEntries(Object.entries((req.body ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v ?? '')]));
    const answer = (fields: Record<string, string>) => {
      const out: Record<string, string> = { vnp_ResponseId: `${Date.now()}${randomInt(1000, 9999)}`, vnp_Command: 'querydr', vnp_TmnCode: opts.merchantCode, ...fields };
      out.vnp_SecureHash = pipeSignature(QUERY_RESPONSE_FIELDS.map((f) => out[f]), opts.secret);
      return out;
    };
    if (!sameHash(pipeSignature(QUERY_REQUEST_FIELDS.map((f) => r[f]), opts.secret), r.vnp_SecureHash) || r.vnp_TmnCode !== opts.merchantCode) {
      return answer({ vnp_ResponseCode: '97', vnp_Message: 'Invalid Checksum', vnp_TxnRef: r.vnp_TxnRef ?? '' });
    }
    const t = transactions.get(r.vnp_TxnRef ?? '');
    if (!t) return answer({ vnp_ResponseCode: '91', vnp_Message: 'Not found transaction', vnp_TxnRef: r.vnp_TxnRef ?? '' });
    return answer({
      vnp_ResponseCode: '00', vnp_Message: 'QueryDR Success', vnp_TxnRef: t.txnRef, vnp_Amount: toGatewayAmount(t.amount), vnp_BankCode: t.bankCode ?? '',
      vnp_PayDate: t.payDate ?? '', vnp_TransactionNo: t.transactionNo ?? '', vnp_TransactionType: '01',
      vnp_TransactionStatus: t.status === 'paid' ? '00' : t.status === 'pending' ? '01' : '02', vnp_OrderInfo: t.orderInfo, vnp_PromotionCode: '', vnp_PromotionAmount: '',
    });
  });

  // Test controls: how the next payments' notifications behave.
  app.post('/_test/controls', async (req) => {
    const b = (req.body ?? {}) as Partial<GatewayControls>;
    if (b.notification && ['before_return', 'after_return', 'never', 'twice'].includes(b.notification)) gw.controls.notification = b.notification;
    if (typeof b.delayMs === 'number' && b.delayMs >= 0 && b.delayMs <= 60_000) gw.controls.delayMs = b.delayMs;
    if (typeof b.tamperAmount === 'boolean') gw.controls.tamperAmount = b.tamperAmount;
    return gw.controls;
  });

  function track(p: Promise<void>): Promise<void> {
    inFlight.add(p);
    return p.finally(() => inFlight.delete(p));
  }

  async function deliver(txnRef: string, query: string): Promise<void> {
    if (!notifyUrl) return;
    try {
      const res = await fetch(`${notifyUrl}?${query}`, { signal: AbortSignal.timeout(10_000) });
      deliveries.push({ txnRef, status: res.status, body: await res.text() });
    } catch (err) {
      deliveries.push({ txnRef, status: 0, body: (err as Error).message });
    }
  }

  return gw;
}
