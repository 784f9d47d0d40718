/**
 * What the payments module needs from a payment gateway. One protocol is implemented
 * (vnpay.provider.ts: redirect, signed return, signed server-to-server notification, query API);
 * another gateway is another implementation of this interface, registered under its own name.
 */
export type Params = Record<string, string>;

export type PaymentOrder = {
  orderRef: string;
  /** In đồng. */
  amount: number;
  /** Short, unaccented text shown by the gateway and on the bank statement. */
  orderInfo: string;
  createdAt: Date;
  expiresAt: Date;
  clientIp: string;
};

export type GatewayOutcome = 'paid' | 'failed' | 'cancelled';

/** What a signed return or notification says about an order. */
export type GatewayResult = {
  orderRef: string;
  /** In đồng; undefined when the gateway sent something that is not an amount. */
  amount: number | undefined;
  outcome: GatewayOutcome;
  /** The gateway's own codes, kept for the record. */
  responseCode: string;
  transactionStatus: string | undefined;
  providerTxnNo: string | undefined;
  bankCode: string | undefined;
  paidAt: Date | undefined;
};

export type Verification = { valid: true; result: GatewayResult } | { valid: false; orderRef: string | undefined };

/** Our answer to a notification, in the protocol's terms (each provider maps it to its own codes). */
export type NotificationAnswer = 'confirmed' | 'order_not_found' | 'already_confirmed' | 'invalid_amount' | 'invalid_signature' | 'unknown_error';

export type GatewayStatus =
  | { found: false }
  | { found: true; status: 'paid' | 'pending' | 'failed'; amount: number | undefined; providerTxnNo: string | undefined; bankCode: string | undefined; paidAt: Date | undefined; transactionStatus: string };

export interface PaymentProvider {
  readonly name: string;
  /** The URL the applicant's browser is sent to. */
  createPaymentUrl(order: PaymentOrder): string;
  /** The browser's return: shown to the applicant, never a reason to credit by itself. */
  verifyReturn(params: Params): Verification;
  /** The server-to-server notification: the only push that may credit. */
  verifyNotification(params: Params): Verification;
  /** The body the gateway expects in answer to a notification. */
  notificationAnswer(answer: NotificationAnswer): { code: string; body: Record<string, string> };
  /** The gateway's record of an order (reconciliation). Throws when the gateway cannot be asked. */
  queryTransaction(order: { orderRef: string; orderInfo: string; createdAt: Date; providerTxnNo?: string | null; clientIp: string }, now: Date): Promise<GatewayStatus>;
}
