import type { Tx } from '../../../platform/db/transaction.js';
import { writeOutboxMessage } from '../../../platform/notify/outbox.js';
import { loadTemplate, renderMessage } from '../../../platform/notify/templates.js';
import type { DossierRow } from '../dossiers.repository.js';
import type { DossierEvent } from '../rules/events.js';
import type { DossierState } from '../rules/reducer.js';
import { applicantMessageFor } from './applicant-messages.js';

/**
 * Called by `appendEvents` inside the event's own transaction: the message exists exactly when the
 * event does (a rollback leaves neither). It only writes rows — delivery happens later, from the
 * outbox, by the notify job. Everything is read through `trx` (one connection on PGlite).
 */
let publicUrl = 'http://localhost:3000';

/** Set once at start-up from the configuration: the address applicants' lookup links point to. */
export function configureApplicantNotifications(settings: { publicUrl: string }): void {
  publicUrl = settings.publicUrl;
}

const silenced = new WeakSet<object>();

/**
 * For writers that replay history (the historical import): events written in this transaction
 * notify nobody — an applicant must not get a 2019 receipt today.
 */
export function silenceApplicantNotifications(trx: Tx): void {
  silenced.add(trx);
}

export async function writeApplicantNotifications(trx: Tx, row: DossierRow, state: DossierState, events: readonly DossierEvent[]): Promise<void> {
  if (silenced.has(trx)) return;
  const applicant = (row.applicant ?? {}) as { fullName?: string; email?: string; phone?: string };
  if (!applicant.email && !applicant.phone) return;
  const facts = {
    code: row.code, lookupSecret: row.lookup_secret, procedureName: row.procedure_name, applicantName: applicant.fullName ?? row.applicant_name,
    resultDelivery: row.result_delivery, dueAtBefore: row.due_at,
  };
  const unitIds = [row.receiving_unit_id, ...row.involved_unit_ids, ...(state.currentUnitId ? [state.currentUnitId] : [])];
  for (const e of events) {
    const found = applicantMessageFor(e, facts, state, publicUrl);
    if (!found) continue;
    const text = renderMessage(await loadTemplate(trx, found.template), found.vars);
    const base = { recipientName: facts.applicantName, templateKey: found.template.key, reference: row.code, unitIds, at: new Date(e.at) };
    if (applicant.email) {
      await writeOutboxMessage(trx, { ...base, dedupeKey: `dossier:${row.code}:${e.seq}:email`, channel: 'email', recipient: applicant.email, subject: text.subject, body: text.body });
    }
    if (applicant.phone && text.sms) {
      await writeOutboxMessage(trx, { ...base, dedupeKey: `dossier:${row.code}:${e.seq}:sms`, channel: 'sms', recipient: applicant.phone.replace(/[ .-]/g, ''), body: text.sms });
    }
  }
}
