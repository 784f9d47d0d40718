import type { PaymentSettings } from '../../config.js';
import type { Db } from '../../platform/db/transaction.js';
import { systemContext } from '../../platform/http/context.js';
import type { createScheduler } from '../../platform/jobs/scheduler.js';
import { nextDailyAt, nextSlot } from '../dossiers/reminders/reminder-rules.js';
import { vnDay } from '../dossiers/rules/statuses.js';
import type { DossierPaymentsPort, FeeCatalogPort } from './ports.js';
import { createPaymentService } from './payments.service.js';
import { createVnpayProvider } from './vnpay.provider.js';

/** The web page the gateway sends the applicant's browser back to (web/src/features/payments). */
export const RETURN_PATH = '/thanh-toan/ket-qua';

/** Wires the payments service to its gateway (from the settings) and to the dossier and catalogue ports. */
export function createPaymentsModule(opts: { db: Db; settings: PaymentSettings | null; publicUrl: string; dossiers: DossierPaymentsPort; catalog: FeeCatalogPort; now: () => Date }) {
  const s = opts.settings;
  const provider = s ? createVnpayProvider({ merchantCode: s.merchantCode, secret: s.secret, payUrl: s.payUrl, queryUrl: s.queryUrl, returnUrl: `${opts.publicUrl}${RETURN_PATH}` }) : null;
  const service = createPaymentService({ db: opts.db, dossiers: opts.dossiers, catalog: opts.catalog, provider, now: opts.now });
  return {
    service,
    /**
     * Daily at 01:00 (Vietnam): yesterday's orders reconciled with the gateway and settled. Every
     * 15 minutes: paid orders the dossier has not recorded yet (an interruption between the two
     * transactions) are recorded.
     */
    registerJobs(scheduler: ReturnType<typeof createScheduler>): void {
      if (!provider) return;
      scheduler.every('payments.reconcile', (after) => nextDailyAt(after, 1, 0), async (_job, { now }) => {
        await service.reconcile(systemContext('payments-reconcile'), vnDay(new Date(now.getTime() - 86_400_000)), { settle: true });
      }, { runImmediately: false });
      scheduler.every('payments.record_pending', (after) => nextSlot(after, 15 * 60_000), async () => { await service.recordPending(); });
    },
  };
}
