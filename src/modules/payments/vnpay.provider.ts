import { randomBytes } from 'node:crypto';
import { AppError } from '../../platform/http/app-error.js';
import type { GatewayResult, NotificationAnswer, PaymentProvider, Params, Verification } from './provider.js';
import { fromGatewayAmount, gatewayDate, parseGatewayDate, pipeSignature, sameHash, signedQuery, toGatewayAmount, verifyParams } from './rules/vnpay-signing.js';

export type VnpaySettings = {
  merchantCode: string;
  secret: string;
  /** The gateway's payment page (…/paymentv2/vpcpay.html). */
  payUrl: string;
  /** The gateway's merchant API (…/merchant_webapi/api/transaction). */
  queryUrl: string;
  /** Where the gateway sends the browser back: our web page that shows the result. */
  returnUrl: string;
};

export const VNPAY_VERSION = '2.1.0';

/** Our answers to a notification (IPN) in the protocol's codes and messages. */
const ANSWERS: Record<NotificationAnswer, { RspCode: string; Message: string }> = {
  confirmed: { RspCode: '00', Message: 'Confirm Success' },
  order_not_found: { RspCode: '01', Message: 'Order not found' },
  already_confirmed: { RspCode: '02', Message: 'Order already confirmed' },
  invalid_amount: { RspCode: '04', Message: 'Invalid amount' },
  invalid_signature: { RspCode: '97', Message: 'Invalid signature' },
  unknown_error: { RspCode: '99', Message: 'Unknown error' },
};

/** The query API's signed fields, in the order they are joined (request, then response). */
export const QUERY_REQUEST_FIELDS = ['vnp_RequestId', 'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_TransactionDate', 'vnp_CreateDate', 'vnp_IpAddr', 'vnp_OrderInfo'] as const;
export const QUERY_RESPONSE_FIELDS = [
  'vnp_ResponseId', 'vnp_Command', 'vnp_ResponseCode', 'vnp_Message', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_Amount', 'vnp_BankCode', 'vnp_PayDate',
  'vnp_TransactionNo', 'vnp_TransactionType', 'vnp_TransactionStatus', 'vnp_OrderInfo', 'vnp_PromotionCode', 'vnp_PromotionAmount',
] as const;

/** Paid only when both the response code and the transaction status say "00"; 24 is the customer's cancel. */
export function outcomeOf(responseCode: string | undefined, transactionStatus: string | undefined): GatewayResult['outcome'] {
  if (responseCode === '00' && (transactionStatus === undefined || transactionStatus === '00')) return 'paid';
  return responseCode === '24' ? 'cancelled' : 'failed';
}

const gatewayUnreachable = (detail: string) => new AppError('PAYMENT_GATEWAY_UNAVAILABLE', 502,
  'Không kết nối được cổng thanh toán để đối soát. Hãy thử lại sau.', `The payment gateway could not be queried (${detail}).`);

export function createVnpayProvider(s: VnpaySettings, opts: { fetch?: typeof fetch; timeoutMs?: number } = {}): PaymentProvider {
  const doFetch = opts.fetch ?? fetch;

  function read(params: Params): Verification {
    const orderRef = params.vnp_TxnRef;
    // A notification for another merchant code is not ours, even with a valid signature.
    if (!verifyParams(params, s.secret) || params.vnp_TmnCode !== s.merchantCode || !orderRef) return { valid: false, orderRef };
    return {
      valid: true,
      result: {
        orderRef, amount: fromGatewayAmount(params.vnp_Amount), outcome: outcomeOf(params.vnp_ResponseCode, params.vnp_TransactionStatus),
        responseCode: params.vnp_ResponseCode ?? '', transactionStatus: params.vnp_TransactionStatus,
        providerTxnNo: params.vnp_TransactionNo || undefined, bankCode: params.vnp_BankCode || undefined, paidAt: parseGatewayDate(params.vnp_PayDate),
      },
    };
  }

  return {
    name: 'vnpay',
    createPaymentUrl(o) {
      const params: Params = {
        vnp_Version: VNPAY_VERSION, vnp_Command: 'pay', vnp_TmnCode: s.merchantCode, vnp_Amount: toGatewayAmount(o.amount),
        vnp_CurrCode: 'VND', vnp_TxnRef: o.orderRef, vnp_OrderInfo: o.orderInfo, vnp_OrderType: 'other', vnp_Locale: 'vn',
        vnp_ReturnUrl: s.returnUrl, vnp_IpAddr: o.clientIp, vnp_CreateDate: gatewayDate(o.createdAt), vnp_ExpireDate: gatewayDate(o.expiresAt),
      };
      return `${s.payUrl}?${signedQuery(params, s.secret)}`;
    },
    verifyReturn: read,
    verifyNotification: read,
    notificationAnswer(answer) {
      const body = ANSWERS[answer];
      return { code: body.RspCode, body };
    },
    async queryTransaction(o, now) {
      const request: Record<string, string> = {
        vnp_RequestId: randomBytes(16).toString('hex'), vnp_Version: VNPAY_VERSION, vnp_Command: 'querydr', vnp_TmnCode: s.merchantCode,
        vnp_TxnRef: o.orderRef, vnp_OrderInfo: o.orderInfo, vnp_TransactionDate: gatewayDate(o.createdAt), vnp_CreateDate: gatewayDate(now), vnp_IpAddr: o.clientIp,
        ...(o.providerTxnNo ? { vnp_TransactionNo: o.providerTxnNo } : {}),
      };
      request.vnp_SecureHash = pipeSignature(QUERY_REQUEST_FIELDS.map((f) => request[f]), s.secret);
      let body: Record<string, unknown>;
      try {
        const res = await doFetch(s.queryUrl, {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request), signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
        });
        if (!res.ok) throw gatewayUnreachable(`HTTP ${res.status}`);
        body = (await res.json()) as Record<string, unknown>;
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw gatewayUnreachable((err as Error).name);
      }
      const r: Record<string, string> = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]));
      // An answer that is not signed by the gateway is not believed, whatever it says.
      if (!sameHash(pipeSignature(QUERY_RESPONSE_FIELDS.map((f) => r[f]), s.secret), r.vnp_SecureHash)) throw gatewayUnreachable('unsigned answer');
      if (r.vnp_ResponseCode === '91') return { found: false };
      if (r.vnp_ResponseCode !== '00' || r.vnp_TxnRef !== o.orderRef) throw gatewayUnreachable(`response code ${r.vnp_ResponseCode}`);
      const status = r.vnp_TransactionStatus === '00' ? 'paid' : r.vnp_TransactionStatus === '01' ? 'pending' : 'failed';
      return {
        found: true, status, amount: fromGatewayAmount(r.vnp_Amount), providerTxnNo: r.vnp_TransactionNo || undefined,
        bankCode: r.vnp_BankCode || undefined, paidAt: parseGatewayDate(r.vnp_PayDate), transactionStatus: r.vnp_TransactionStatus ?? '',
      };
    },
  };
}
