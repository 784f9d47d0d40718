import type { Tx } from '../../../platform/db/transaction.js';
import { outboxInsert, type OutgoingMessage } from '../../../platform/notify/outbox.js';
import { loadTemplate, renderMessage, type StoredTemplate } from '../../../platform/notify/templates.js';
import type { DossierRow } from '../dossiers.repository.js';
import type { DossierEvent } from '../rules/events.js';
import type { DossierState } from '../rules/reducer.js';
import { immediateWrites, type Writes } from '../write-batch.js';
import { applicantMessageFor, type DossierFacts } from './applicant-messages.js';

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

/** Templates read ahead of time, by key: the intake reads them before it takes the desk's counter. */
export type ApplicantTemplates = Map<string, StoredTemplate>;

function messageFacts(row: DossierRow): DossierFacts & { applicant: { fullName?: string; email?: string; phone?: string } } {
  const applicant = (row.applicant ?? {}) as { fullName?: string; email?: string; phone?: string };
  return {
    applicant, code: row.code, lookupSecret: row.lookup_secret, procedureName: row.procedure_name, applicantName: applicant.fullName ?? row.applicant_name,
    resultDelivery: row.result_delivery, dueAtBefore: row.due_at,
  };
}

/**
 * Reads the templates the messages for these events will use. Which template an event takes does not
 * depend on the dossier's code, so this may run before the code is known.
 */
export async function readApplicantTemplates(trx: Tx, row: DossierRow, state: DossierState, events: readonly DossierEvent[]): Promise<ApplicantTemplates> {
  const out: ApplicantTemplates = new Map();
  if (silenced.has(trx)) return out;
  const facts = messageFacts(row);
  if (!facts.applicant.email && !facts.applicant.phone) return out;
  for (const e of events) {
    const found = applicantMessageFor(e, facts, state, publicUrl);
    if (found && !out.has(found.template.key)) out.set(found.template.key, await loadTemplate(trx, found.template));
  }
  return out;
}

export async function writeApplicantNotifications(
  trx: Tx, row: DossierRow, state: DossierState, events: readonly DossierEvent[],
  opts: { writes?: Writes; templates?: ApplicantTemplates } = {},
): Promise<void> {
  if (silenced.has(trx)) return;
  const writes = opts.writes ?? immediateWrites(trx);
  const facts = messageFacts(row);
  const applicant = facts.applicant;
  if (!applicant.email && !applicant.phone) return;
  const unitIds = [row.receiving_unit_id, ...row.involved_unit_ids, ...(state.currentUnitId ? [state.currentUnitId] : [])];
  const messages: OutgoingMessage[] = [];
  for (const e of events) {
    const found = applicantMessageFor(e, facts, state, publicUrl);
    if (!found) continue;
    const text = renderMessage(opts.templates?.get(found.template.key) ?? await loadTemplate(trx, found.template), found.vars);
    const base = { recipientName: facts.applicantName, templateKey: found.template.key, reference: row.code, unitIds, at: new Date(e.at) };
    if (applicant.email) {
      messages.push({ ...base, dedupeKey: `dossier:${row.code}:${e.seq}:email`, channel: 'email', recipient: applicant.email, subject: text.subject, body: text.body });
    }
    if (applicant.phone && text.sms) {
      messages.push({ ...base, dedupeKey: `dossier:${row.code}:${e.seq}:sms`, channel: 'sms', recipient: applicant.phone.replace(/[ .-]/g, ''), body: text.sms });
    }
  }
  // One INSERT: the messages are numbered (and later sent) in this order, also inside a batch.
  if (messages.length) await writes.write(outboxInsert(trx, messages));
}
