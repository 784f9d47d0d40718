import type { Req, Row } from './access-matrix.rows.js';
import type { Relation } from './access-matrix.rules.js';

// Rows of the access matrix for the payments module (fees, online payment, reconciliation).
const DOSSIERS: Relation[] = ['child', 'sibling', 'other'];
const get = (url: string): Req => ({ method: 'GET', url });
/** A day with no orders: the matrix never waits on a gateway (the suite runs none). */
const QUIET_DAY = '2026-01-01';

export const PAYMENT_ROWS: Row[] = [
  // The gateway's side is public: the signature authenticates it. A forged one is answered in the
  // protocol's terms (200, RspCode 97) and a forged browser return is refused (400).
  { op: 'GET /api/v1/payments/{provider}/notify', rule: { kind: 'public', ok: 200 }, request: () => get('/api/v1/payments/vnpay/notify?vnp_TxnRef=HSMATRAN0001&vnp_SecureHash=00') },
  { op: 'POST /api/v1/payments/{provider}/notify', rule: { kind: 'public', ok: 200 }, request: () => ({ method: 'POST', url: '/api/v1/payments/vnpay/notify', body: { vnp_TxnRef: 'HSMATRAN0001', vnp_SecureHash: '00' } }) },
  { op: 'GET /api/v1/payments/{provider}/return', rule: { kind: 'public', ok: 400 }, request: () => get('/api/v1/payments/vnpay/return?vnp_TxnRef=HSMATRAN0001&vnp_SecureHash=00') },
  // Starting a payment link: whoever moves the dossier on (its desk, the unit holding it).
  {
    op: 'POST /api/v1/payments/dossiers/{code}', rule: { kind: 'dossierActOn', ok: 201 }, targets: DOSSIERS,
    request: (f, _s, t) => ({ method: 'POST', url: `/api/v1/payments/dossiers/${f.awaitingPaymentAt[t.relation as 'child']}` }),
  },
  {
    op: 'GET /api/v1/payments/dossiers/{code}/fees', rule: { kind: 'dossierRead', ok: 200, anonymous: 401 }, targets: DOSSIERS,
    request: (f, _s, t) => get(`/api/v1/payments/dossiers/${f.awaitingPaymentAt[t.relation as 'child']}/fees`),
  },
  { op: 'GET /api/v1/payments', rule: { kind: 'anywhere', perms: ['dossier.read'], ok: 200 }, request: () => get('/api/v1/payments') },
  { op: 'GET /api/v1/payments/reconciliation', rule: { kind: 'anywhere', perms: ['dossier.read'], ok: 200 }, request: () => get(`/api/v1/payments/reconciliation?date=${QUIET_DAY}`) },
  { op: 'GET /api/v1/payments/reconciliation.xlsx', rule: { kind: 'anywhere', perms: ['dossier.read'], ok: 200 }, request: () => get(`/api/v1/payments/reconciliation.xlsx?date=${QUIET_DAY}`) },
  { op: 'POST /api/v1/payments/reconciliation', rule: { kind: 'anywhere', perms: ['dossier.receive'], ok: 200 }, request: () => ({ method: 'POST', url: '/api/v1/payments/reconciliation', body: { date: QUIET_DAY } }) },
];
