import type { Db, Tx } from '../db/transaction.js';
import type { OutboxChannel } from './notify.tables.js';
import type { RenderedMessage } from './templates.js';

/**
 * Writers of the transactional outbox. They take the caller's transaction: a message exists if and
 * only if the change that caused it committed, and nothing is sent from inside the transaction —
 * delivery is a later job (delivery.ts). A repeated `dedupeKey` is a no-op, so a job that runs
 * twice writes each message once.
 */
export type OutgoingMessage = {
  dedupeKey: string;
  channel: OutboxChannel;
  recipient: string;
  recipientName?: string | null;
  subject?: string | null;
  body: string;
  templateKey?: string | null;
  /** What the message is about (a dossier code…), for staff looking for it. */
  reference?: string | null;
  /** Units whose heads may see the message and its delivery state. */
  unitIds?: number[];
  /** The instant of the cause; the message is due for delivery from then. */
  at: Date;
};

export async function writeOutboxMessage(trx: Db | Tx, m: OutgoingMessage): Promise<boolean> {
  const row = await outboxInsert(trx, m).returning('id').executeTakeFirst();
  return !!row;
}

/**
 * The INSERT `writeOutboxMessage` runs (a repeated dedupe key writes nothing), for a caller that batches
 * its writes; several messages go in one INSERT, numbered in the order given (the order they are sent).
 */
export function outboxInsert(trx: Db | Tx, m: OutgoingMessage | OutgoingMessage[]) {
  return trx.insertInto('outbox_messages').values((Array.isArray(m) ? m : [m]).map((m) => ({
    dedupe_key: m.dedupeKey, channel: m.channel, recipient: m.recipient, recipient_name: m.recipientName ?? null,
    subject: m.subject ?? null, body: m.body, template_key: m.templateKey ?? null, reference: m.reference ?? null,
    unit_ids: [...new Set(m.unitIds ?? [])], next_attempt_at: m.at, created_at: m.at,
  }))).onConflict((oc) => oc.column('dedupe_key').doNothing());
}

export type StaffRecipient = { staffId: number; fullName: string; email: string | null };

export type StaffMessage = {
  dedupeKey: string;
  kind: string;
  message: RenderedMessage;
  templateKey: string;
  reference?: string | null;
  /** Where the in-app notification leads in the staff workspace. */
  link?: string | null;
  unitIds?: number[];
  at: Date;
};

/**
 * A message to a staff member: always an in-app notification, and an e-mail when their address is
 * known. Returns false when this occasion was already notified to them.
 */
export async function writeStaffMessage(trx: Db | Tx, to: StaffRecipient, m: StaffMessage): Promise<boolean> {
  const key = `${m.dedupeKey}:staff:${to.staffId}`;
  const inApp = await trx.insertInto('staff_notifications').values({
    staff_id: to.staffId, dedupe_key: key, kind: m.kind, title: m.message.subject, body: m.message.body,
    reference: m.reference ?? null, link: m.link ?? null, created_at: m.at,
  }).onConflict((oc) => oc.column('dedupe_key').doNothing()).returning('id').executeTakeFirst();
  if (!inApp) return false;
  if (to.email) {
    await writeOutboxMessage(trx, {
      dedupeKey: `${key}:email`, channel: 'email', recipient: to.email, recipientName: to.fullName, subject: m.message.subject,
      body: m.message.body, templateKey: m.templateKey, reference: m.reference ?? null, unitIds: m.unitIds ?? [], at: m.at,
    });
  }
  return true;
}
