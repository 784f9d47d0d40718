import { createHash } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { Db } from '../db/transaction.js';
import { nextAttemptAt, type Backoff } from '../jobs/backoff.js';
import type { OutboxMessagesTable } from './notify.tables.js';
import { DeliveryError, type MailTransport, type SendOutcome, type SmsProvider } from './transports.js';

/**
 * Delivers due outbox messages. The choice, on purpose: **no automatic second send**.
 *
 * 1. Claim (one short statement, one message): `pending → sending` with a lease and attempts + 1.
 * 2. Send, outside any transaction.
 * 3. Settle, keyed by the claim (worker + attempt): `sent`; `pending` again with back-off when the
 *    server said "not now" (connection refused, timeout, 4xx); `failed` on a permanent refusal (5xx)
 *    or after `maxAttempts`; `not_sent` when nothing is configured for the channel.
 *
 * A worker that dies between 1 and 3 leaves a `sending` row whose fate nobody knows: the message
 * may or may not have left. When its lease ends it becomes `uncertain` — never resent by itself,
 * shown to staff, who can retry it (and whose retry reuses the same Message-ID, derived from the
 * row, so a mail system that did get the first copy can recognise the second). Sending a citizen
 * the same notice twice is worse than a notice that staff see is stuck; errors the server reports
 * are certain, so those are retried automatically.
 */
export type DeliveryOptions = {
  mail: MailTransport;
  sms: SmsProvider;
  workerId: string;
  /** The domain in Message-IDs: the sender's. */
  messageIdDomain: string;
  leaseMs?: number;
  backoff?: Backoff;
  maxAttempts?: number;
};

export type DeliverySummary = { sent: number; retried: number; failed: number; notSent: number; uncertain: number };
type Row = Selectable<OutboxMessagesTable>;

export const UNCERTAIN_NOTE = 'Không rõ đã gửi hay chưa: tiến trình gửi dừng giữa chừng. Kiểm tra rồi gửi lại nếu cần. / Unknown whether sent: the sender stopped mid-way.';

/** Deterministic per message, so a repeated send carries the same id. */
export function outboxMessageId(row: Pick<Row, 'id' | 'dedupe_key'>, domain: string): string {
  const digest = createHash('sha256').update(row.dedupe_key).digest('hex').slice(0, 16);
  return `<outbox.${row.id}.${digest}@${domain}>`;
}

export function createDelivery(db: Db, o: DeliveryOptions) {
  const leaseMs = o.leaseMs ?? 2 * 60_000;
  const backoff = o.backoff ?? { baseMs: 60_000, capMs: 6 * 3_600_000 };
  const maxAttempts = o.maxAttempts ?? 8;

  async function claim(now: Date, limit: number): Promise<Row[]> {
    const lease = new Date(now.getTime() + leaseMs);
    const res = await sql<Row>`
      update outbox_messages set status = 'sending', locked_until = ${lease}, claimed_by = ${o.workerId}, attempts = attempts + 1, updated_at = now()
      where id in (
        select id from outbox_messages where status = 'pending' and next_attempt_at <= ${now}
        order by next_attempt_at, id limit ${limit} for update skip locked)
      returning *`.execute(db);
    return res.rows.sort((a, b) => Number(a.id) - Number(b.id));
  }

  function send(m: Row): Promise<SendOutcome> {
    const messageId = outboxMessageId(m, o.messageIdDomain);
    if (m.channel === 'sms') return o.sms.send({ to: m.recipient, text: m.body, messageId });
    return o.mail.send({
      to: m.recipient, toName: m.recipient_name, subject: m.subject ?? '', text: m.body, messageId,
      headers: { 'X-Motcua-Outbox-Id': m.id, ...(m.reference ? { 'X-Motcua-Reference': m.reference } : {}) },
    });
  }

  async function deliverOne(m: Row, now: Date, summary: DeliverySummary): Promise<void> {
    const settle = db.updateTable('outbox_messages').where('id', '=', m.id).where('claimed_by', '=', o.workerId).where('attempts', '=', m.attempts);
    const provider = m.channel === 'sms' ? o.sms.name : o.mail.name;
    let outcome: SendOutcome;
    try {
      outcome = await send(m);
    } catch (err) {
      const permanent = err instanceof DeliveryError ? err.permanent : false;
      const message = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
      const giveUp = permanent || m.attempts >= maxAttempts;
      await settle.set(giveUp
        ? { status: 'failed', locked_until: null, last_error: message, provider, updated_at: new Date() }
        : { status: 'pending', locked_until: null, next_attempt_at: nextAttemptAt(now, m.attempts, backoff), last_error: message, provider, updated_at: new Date() },
      ).execute();
      summary[giveUp ? 'failed' : 'retried']++;
      return;
    }
    if (outcome.outcome === 'not_sent') {
      await settle.set({ status: 'not_sent', locked_until: null, last_error: outcome.reason, provider, updated_at: new Date() }).execute();
      summary.notSent++;
      return;
    }
    // Sent is a fact even if a sweeper meanwhile called this row uncertain: the claim decides.
    await settle.set({ status: 'sent', sent_at: now, locked_until: null, last_error: null, provider, provider_message_id: outcome.providerMessageId, updated_at: new Date() }).execute();
    summary.sent++;
  }

  return {
    /** Marks abandoned claims uncertain, then sends what is due at `now`, up to `limit` messages. */
    async deliverDue(now: Date, opts: { limit?: number } = {}): Promise<DeliverySummary> {
      const summary: DeliverySummary = { sent: 0, retried: 0, failed: 0, notSent: 0, uncertain: 0 };
      const swept = await db.updateTable('outbox_messages')
        .set({ status: 'uncertain', locked_until: null, last_error: UNCERTAIN_NOTE, updated_at: new Date() })
        .where('status', '=', 'sending').where('locked_until', '<=', now).executeTakeFirst();
      summary.uncertain = Number(swept.numUpdatedRows);
      const limit = opts.limit ?? 200;
      let done = 0;
      // One message claimed at a time, right before it is sent: a worker that dies mid-send leaves
      // only that message's fate unknown. Claiming a batch would leave every message of the batch
      // `sending` and then `uncertain` — held back from citizens until staff act — although all but
      // one were never tried.
      while (done < limit) {
        const [m] = await claim(now, 1);
        if (!m) break;
        done++;
        await deliverOne(m, now, summary);
      }
      return summary;
    },
  };
}
