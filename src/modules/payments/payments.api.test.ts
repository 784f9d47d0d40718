import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { TEST_NOW } from '../../../test/support/test-db.js';
import { createLocalGateway, DEFAULT_CONTROLS, type LocalGateway } from './local-gateway/server.js';
import { signedQuery } from './rules/vnpay-signing.js';

/**
 * Online payment end to end: the real app, listening on a port, and the local gateway on its own
 * port speaking the protocol — payment page, form post, signed IPN sent over HTTP to the app,
 * signed browser return, query API. The services' clock and the gateway's are pinned together.
 */
const SECRET = 'test-payment-secret-2026-laichau';
const MERCHANT = 'MOTCUA01';
let gateway: LocalGateway;
let gatewayUrl: string;
let t: TestApp;
let desk: Session;
let counter = 0;

beforeAll(async () => {
  gateway = createLocalGateway({ merchantCode: MERCHANT, secret: SECRET, now: () => TEST_NOW });
  gatewayUrl = await gateway.listen(0);
  t = await createTestApp({ env: {
    MOTCUA_PAYMENT_URL: `${gatewayUrl}/paymentv2/vpcpay.html`, MOTCUA_PAYMENT_QUERY_URL: `${gatewayUrl}/merchant_webapi/api/transaction`,
    MOTCUA_PAYMENT_MERCHANT_CODE: MERCHANT, MOTCUA_PAYMENT_SECRET: SECRET, MOTCUA_PUBLIC_URL: 'http://dichvucong.test',
  } });
  const appUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  gateway.setNotifyUrl(`${appUrl}/api/v1/payments/vnpay/notify`);
  desk = await t.login('motcua.tanphong');
}, 120_000);
afterAll(async () => { await gateway?.close(); await t?.close(); });
beforeEach(() => { gateway.controls = { ...DEFAULT_CONTROLS }; });

/** A dossier received at the desk, then asked for a fee: status 6, awaiting payment. */
async function awaitingPayment(amount = 8_000): Promise<string> {
  const created = await t.request('POST', '/api/v1/dossiers', { session: desk, body: {
    procedureCode: '1.001193', channel: 'desk', resultDelivery: 'desk', idempotencyKey: `payments-test-${++counter}`,
    applicant: { kind: 'citizen', fullName: 'Lò Thị Hương', phone: '0912345678' },
  } });
  expect(created.statusCode, created.body).toBe(201);
  const code = created.json().code as string;
  const requested = await t.request('POST', `/api/v1/dossiers/${code}/actions`, { session: desk, body: { action: 'request_payment', version: 1, items: [{ name: 'Lệ phí đăng ký khai sinh quá hạn', amount }] } });
  expect(requested.statusCode, requested.body).toBe(200);
  expect(requested.json().statusCode).toBe(6);
  return code;
}

async function startPayment(code: string): Promise<{ orderRef: string; payUrl: string; amount: number }> {
  const res = await t.request('POST', `/api/v1/payments/dossiers/${code}`, { session: desk });
  expect(res.statusCode, res.body).toBe(201);
  const { payment, payUrl } = res.json();
  return { orderRef: payment.orderRef, payUrl, amount: payment.amount };
}

/** The applicant's browser: opens the payment page, presses a button, follows the redirect's address. */
async function payAtGateway(payUrl: string, action: 'pay' | 'cancel' = 'pay'): Promise<URL> {
  const page = await fetch(payUrl);
  const html = await page.text();
  expect(page.status, html).toBe(200);
  expect(html).toContain('Thanh toán');
  expect(html).toContain('Hủy giao dịch');
  const txnRef = new URL(payUrl).searchParams.get('vnp_TxnRef')!;
  const res = await fetch(`${gatewayUrl}/paymentv2/pay`, { method: 'POST', body: new URLSearchParams({ txnRef, action, bankCode: 'NCB' }), redirect: 'manual' });
  expect(res.status).toBe(302);
  const back = new URL(res.headers.get('location')!);
  expect(`${back.origin}${back.pathname}`).toBe('http://dichvucong.test/thanh-toan/ket-qua');
  return back;
}

const browserReturn = (back: URL) => t.request('GET', `/api/v1/payments/vnpay/return${back.search}`);
const payment = (orderRef: string) => t.db.selectFrom('payments').selectAll().where('order_ref', '=', orderRef).executeTakeFirstOrThrow();
const dossier = async (code: string) => (await t.request('GET', `/api/v1/dossiers/${code}`, { session: desk })).json();
const onlineConfirmations = async (code: string) => (await dossier(code)).events.filter((e: { type: string; method?: string }) => e.type === 'payment_confirmed');
const notifications = (orderRef: string) => t.db.selectFrom('payment_notifications').selectAll().where('order_ref', '=', orderRef).orderBy('id').execute();

describe('online payment through the local gateway', () => {
  it('signs the payment URL the gateway accepts: amount ×100, order reference, GMT+7 create date, return URL', async () => {
    const code = await awaitingPayment(8_000);
    const { payUrl, orderRef } = await startPayment(code);
    const q = new URL(payUrl).searchParams;
    expect(payUrl.startsWith(`${gatewayUrl}/paymentv2/vpcpay.html?`)).toBe(true);
    expect([q.get('vnp_Amount'), q.get('vnp_TxnRef'), q.get('vnp_TmnCode'), q.get('vnp_CreateDate'), q.get('vnp_Command'), q.get('vnp_Version')])
      .toEqual(['800000', orderRef, MERCHANT, '20260302090000', 'pay', '2.1.0']);
    expect(q.get('vnp_ReturnUrl')).toBe('http://dichvucong.test/thanh-toan/ket-qua');
    // One changed parameter and the gateway refuses the link.
    const forged = new URL(payUrl);
    forged.searchParams.set('vnp_Amount', '100');
    const refused = await fetch(forged);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Sai chữ ký');
    expect((await payment(orderRef)).status).toBe('pending');
  });

  it('credits the dossier once from the notification that arrives before the browser returns', async () => {
    const code = await awaitingPayment(8_000);
    const { payUrl, orderRef } = await startPayment(code);
    const back = await payAtGateway(payUrl);
    // The notification was answered before the redirect: the order is paid when the browser comes back.
    expect(gateway.deliveries.filter((d) => d.txnRef === orderRef).map((d) => JSON.parse(d.body))).toEqual([{ RspCode: '00', Message: 'Confirm Success' }]);
    const shown = await browserReturn(back);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toMatchObject({ orderRef, dossierCode: code, amount: 8_000, status: 'paid', gateway: { outcome: 'paid', responseCode: '00' } });
    const p = await payment(orderRef);
    expect([p.status, p.settled_by, p.bank_code, p.dossier_recorded_at !== null]).toEqual(['paid', 'notification', 'NCB', true]);
    const d = await dossier(code);
    expect([d.statusCode, d.paid]).toEqual([2, 8_000]);
    expect(await onlineConfirmations(code)).toMatchObject([{ amount: 8_000, method: 'online', reference: orderRef }]);
    // Another order for the same dossier is refused: nothing is owed any more.
    const again = await t.request('POST', `/api/v1/payments/dossiers/${code}`, { session: desk });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'PAYMENT_NOT_EXPECTED']);
  });

  it('answers a forged notification with the protocol\'s invalid-signature code and changes nothing', async () => {
    const code = await awaitingPayment(8_000);
    const { orderRef } = await startPayment(code);
    const forged = {
      vnp_TmnCode: MERCHANT, vnp_Amount: '800000', vnp_BankCode: 'NCB', vnp_PayDate: '20260302091500', vnp_ResponseCode: '00',
      vnp_TransactionNo: '12345678', vnp_TransactionStatus: '00', vnp_TxnRef: orderRef, vnp_OrderInfo: 'x',
    };
    const res = await t.request('GET', `/api/v1/payments/vnpay/notify?${signedQuery(forged, 'not-the-merchant-secret-000')}`);
    expect([res.statusCode, res.json()]).toEqual([200, { RspCode: '97', Message: 'Invalid signature' }]);
    // No signature at all, and the right signature over a changed amount, are refused alike.
    const unsigned = await t.request('GET', `/api/v1/payments/vnpay/notify?${new URLSearchParams(forged)}`);
    expect(unsigned.json().RspCode).toBe('97');
    const tampered = new URLSearchParams(signedQuery(forged, SECRET));
    tampered.set('vnp_Amount', '100');
    expect((await t.request('POST', '/api/v1/payments/vnpay/notify', { body: tampered.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } })).json().RspCode).toBe('97');
    const p = await payment(orderRef);
    expect([p.status, p.version]).toEqual(['pending', 0]);
    expect((await dossier(code)).statusCode).toBe(6);
    expect((await notifications(orderRef)).map((n) => [n.signature_valid, n.response_code, n.verdict])).toEqual([[false, '97', 'invalid_signature'], [false, '97', 'invalid_signature'], [false, '97', 'invalid_signature']]);
    // A forged browser return is refused too.
    const back = await t.request('GET', `/api/v1/payments/vnpay/return?${signedQuery(forged, 'not-the-merchant-secret-000')}`);
    expect([back.statusCode, back.json().error.code]).toEqual([400, 'PAYMENT_SIGNATURE_INVALID']);
    expect(back.json().error.message).toMatch(/chữ ký/);
  });

  it('credits once when the gateway sends the notification twice, and answers the repeat "already confirmed"', async () => {
    gateway.controls.notification = 'twice';
    const code = await awaitingPayment(8_000);
    const { payUrl, orderRef } = await startPayment(code);
    await payAtGateway(payUrl);
    expect(gateway.deliveries.filter((d) => d.txnRef === orderRef).map((d) => JSON.parse(d.body).RspCode)).toEqual(['00', '02']);
    // A replay of the same notification by anyone: same answer, nothing more.
    const first = (await notifications(orderRef))[0]!.params as Record<string, string>;
    const replay = await t.request('GET', `/api/v1/payments/vnpay/notify?${new URLSearchParams(first)}`);
    expect(replay.json()).toEqual({ RspCode: '02', Message: 'Order already confirmed' });
    expect(await onlineConfirmations(code)).toHaveLength(1);
    expect((await dossier(code)).paid).toBe(8_000);
    expect((await payment(orderRef)).version).toBe(1);
  });

  it('rejects a notification with another amount, flags the order for staff and credits nothing', async () => {
    gateway.controls.tamperAmount = true;
    const code = await awaitingPayment(8_000);
    const { payUrl, orderRef } = await startPayment(code);
    await payAtGateway(payUrl);
    expect(gateway.deliveries.filter((d) => d.txnRef === orderRef).map((d) => JSON.parse(d.body))).toEqual([{ RspCode: '04', Message: 'Invalid amount' }]);
    expect((await payment(orderRef)).status).toBe('amount_mismatch');
    expect((await dossier(code)).statusCode).toBe(6);
    expect(await onlineConfirmations(code)).toHaveLength(0);
    const audit = await t.db.selectFrom('audit_events').select(['action']).where('entity', '=', 'payment').where('entity_id', '=', orderRef).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['payment.started', 'payment.amount_mismatch']);
    const flagged = await t.request('GET', `/api/v1/payments?status=amount_mismatch&dossierCode=${code}`, { session: desk });
    expect(flagged.json().items.map((i: { orderRef: string }) => i.orderRef)).toEqual([orderRef]);
  });

  it('keeps a browser return without notification pending until reconciliation settles it from the query API', async () => {
    gateway.controls.notification = 'never';
    const code = await awaitingPayment(8_000);
    const { payUrl, orderRef } = await startPayment(code);
    const abandoned = await awaitingPayment(8_000);
    const { orderRef: abandonedRef } = await startPayment(abandoned);
    const back = await payAtGateway(payUrl);
    const shown = (await browserReturn(back)).json();
    expect([shown.gateway.outcome, shown.status]).toEqual(['paid', 'pending']);
    // The return, seen again, still credits nothing.
    await browserReturn(back);
    expect((await payment(orderRef)).status).toBe('pending');
    expect((await dossier(code)).statusCode).toBe(6);

    const preview = await t.request('GET', '/api/v1/payments/reconciliation?date=2026-03-02', { session: desk });
    expect(preview.statusCode, preview.body).toBe(200);
    const line = (r: { lines: { orderRef: string; verdict: string }[] }, ref: string) => r.lines.find((l) => l.orderRef === ref)?.verdict;
    expect([line(preview.json(), orderRef), line(preview.json(), abandonedRef)]).toEqual(['would_settle', 'not_at_gateway']);
    expect((await payment(orderRef)).status).toBe('pending');

    const run = await t.request('POST', '/api/v1/payments/reconciliation', { session: desk, body: { date: '2026-03-02' } });
    expect(run.statusCode, run.body).toBe(200);
    expect(line(run.json(), orderRef)).toBe('settled');
    const p = await payment(orderRef);
    expect([p.status, p.settled_by, p.dossier_recorded_at !== null]).toEqual(['paid', 'reconciliation', true]);
    expect((await dossier(code)).statusCode).toBe(2);
    expect(await onlineConfirmations(code)).toMatchObject([{ method: 'online', reference: orderRef }]);
    // A second run finds everything settled; the abandoned order stays pending.
    const second = await t.request('POST', '/api/v1/payments/reconciliation', { session: desk, body: { date: '2026-03-02' } });
    expect([line(second.json(), orderRef), line(second.json(), abandonedRef)]).toEqual(['matched', 'not_at_gateway']);
    expect(await onlineConfirmations(code)).toHaveLength(1);
    const xlsx = await t.request('GET', '/api/v1/payments/reconciliation.xlsx?date=2026-03-02', { session: desk });
    expect([xlsx.statusCode, xlsx.headers['content-type']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
  });

  it('shows the return as pending when the notification comes after the browser, then credits from it', async () => {
    gateway.controls.notification = 'after_return';
    gateway.controls.delayMs = 200;
    const code = await awaitingPayment(8_000);
    const { payUrl, orderRef } = await startPayment(code);
    const back = await payAtGateway(payUrl);
    expect((await browserReturn(back)).json().status).toBe('pending');
    await gateway.idle();
    expect((await browserReturn(back)).json().status).toBe('paid');
    expect((await dossier(code)).paid).toBe(8_000);
  });

  it('records a cancelled payment as cancelled and leaves the dossier awaiting payment', async () => {
    const code = await awaitingPayment(8_000);
    const { payUrl, orderRef } = await startPayment(code);
    const back = await payAtGateway(payUrl, 'cancel');
    expect((await browserReturn(back)).json()).toMatchObject({ status: 'cancelled', gateway: { outcome: 'cancelled', responseCode: '24' } });
    expect((await dossier(code)).statusCode).toBe(6);
    // The applicant can try again with a new order.
    const retry = await startPayment(code);
    expect(retry.orderRef).not.toBe(orderRef);
  });

  it('answers "order not found" for a signed notification of an order it never made', async () => {
    const params = { vnp_TmnCode: MERCHANT, vnp_Amount: '800000', vnp_ResponseCode: '00', vnp_TransactionStatus: '00', vnp_TxnRef: 'HSKHONGCOMA1' };
    expect((await t.request('GET', `/api/v1/payments/vnpay/notify?${signedQuery(params, SECRET)}`)).json()).toEqual({ RspCode: '01', Message: 'Order not found' });
  });

  it('lists the fees a dossier\'s fee table gives, and lets only those who move the dossier on start a payment', async () => {
    const code = await awaitingPayment(8_000);
    const fees = await t.request('GET', `/api/v1/payments/dossiers/${code}/fees`, { session: desk });
    expect(fees.statusCode, fees.body).toBe(200);
    expect(fees.json()).toMatchObject({ ok: true, outstanding: 8_000 });
    expect(fees.json().needsStaff.map((f: { name: string }) => f.name)).toEqual(['Lệ phí đăng ký khai sinh']);
    expect((await t.request('POST', `/api/v1/payments/dossiers/${code}`)).statusCode).toBe(401);
    const elsewhere = await t.login('motcua.doanket');
    expect((await t.request('POST', `/api/v1/payments/dossiers/${code}`, { session: elsewhere })).statusCode).toBe(404);
  });
});
