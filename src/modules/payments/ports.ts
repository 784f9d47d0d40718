import type { DossierPaymentFacts, OnlinePaymentRecord } from '../dossiers/online-payment.js';
import type { CatalogPort } from '../dossiers/ports.js';
import type { RequestContext } from '../../platform/http/context.js';

/**
 * The dossier module as the payments module sees it (wired in app.ts to the dossier service): what a
 * dossier owes, and recording a payment the gateway confirmed. The payments module never reads the
 * dossier tables and never calls this inside one of its transactions.
 */
export interface DossierPaymentsPort {
  facts(ctx: RequestContext | null, code: string): Promise<DossierPaymentFacts | undefined>;
  recordOnlinePayment(code: string, payment: { amount: number; reference: string }): Promise<OnlinePaymentRecord>;
}

/** The catalogue: the procedure version a dossier pinned, for its fee table. */
export type FeeCatalogPort = Pick<CatalogPort, 'findInForce' | 'findVersion'>;

export type { DossierPaymentFacts, OnlinePaymentRecord };
