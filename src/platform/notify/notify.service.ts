import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type { Database } from '../../database.js';
import { hasAnywhere, reachable, requireActor, type Actor, hasProvinceWide } from '../access/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { isUniqueViolation } from '../db/db-errors.js';
import { inTransaction, type Db } from '../db/transaction.js';
import { AppError, errors } from '../http/app-error.js';
import type { RequestContext } from '../http/context.js';
import type { Backoff } from '../jobs/backoff.js';
import type { Scheduler } from '../jobs/scheduler.js';
import { createDelivery } from './delivery.js';
import type { OutboxMessagesTable, OutboxStatus } from './notify.tables.js';
import { OUTBOX_STATUSES, OUTBOX_STATUS_LABELS, type MineQuery, type OutboxItem, type OutboxQuery, type TemplateUpdateInput } from './schema.js';
import { loadTemplate, templateProblems, type MessageTemplate, type StoredTemplate } from './templates.js';
import { outboxOnlyMail, parseSmtpUrl, smtpTransport, unconfiguredSms, type MailTransport, type SmsProvider } from './transports.js';

export type NotifyOptions = {
  smtpUrl?: string;
  publicUrl: string;
  /** Every module's default templates, so staff can list and edit them. */
  templates: readonly MessageTemplate[];
  mail?: MailTransport;
  sms?: SmsProvider;
  workerId?: string;
  leaseMs?: number;
  backoff?: Backoff;
  maxAttempts?: number;
  /** How often the delivery job looks for due messages. */
  deliverEveryMs?: number;
  /** The clock of read marks and retries; tests pin it. */
  now?: () => Date;
};

const messageNotFound = () => errors.notFound('tin nhắn', 'Message', 'OUTBOX_MESSAGE_NOT_FOUND');
const notificationNotFound = () => errors.notFound('thông báo', 'Notification', 'NOTIFICATION_NOT_FOUND');
const templateNotFound = () => errors.notFound('mẫu tin nhắn', 'Message template', 'TEMPLATE_NOT_FOUND');
const RETRYABLE = ['failed', 'uncertain', 'not_sent'] as const;

function present(r: Selectable<OutboxMessagesTable>): OutboxItem {
  return {
    id: r.id, channel: r.channel, recipient: r.recipient, recipientName: r.recipient_name, subject: r.subject, body: r.body,
    templateKey: r.template_key, reference: r.reference, status: r.status, statusLabel: OUTBOX_STATUS_LABELS[r.status],
    attempts: r.attempts, nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null, lastError: r.last_error,
    provider: r.provider, providerMessageId: r.provider_message_id, createdAt: r.created_at, sentAt: r.sent_at,
  };
}

/**
 * Who sees delivery state: heads of the units a message concerns, and administrators — the same
 * people who answer for the dossier. Messages tied to no unit are for administrators only.
 */
function outboxScope(actor: Actor): { units: number[]; unitless: boolean } {
  const units = reachable(actor, 'dossier.assign');
  const unitless = hasProvinceWide(actor, 'org.manage');
  if (!units.length && !unitless) throw errors.forbidden();
  return { units, unitless };
}

/** The SQL form of `outboxScope`: messages of the reached units, and unit-less ones for administrators. */
function scopeFilters(eb: ExpressionBuilder<Database, 'outbox_messages'>, scope: { units: number[]; unitless: boolean }) {
  const parts = [];
  if (scope.units.length) parts.push(eb(sql<boolean>`unit_ids && ${sql.val(scope.units)}::int[]`, '=', true));
  if (scope.unitless) parts.push(eb(sql<number>`cardinality(unit_ids)`, '=', 0));
  return parts;
}

export type NotifyService = ReturnType<typeof createNotifyService>;

export function createNotifyService(db: Db, o: NotifyOptions) {
  // Message-IDs carry the sender's domain when SMTP_URL names a sender, else the site's host name.
  const sender = o.smtpUrl ? parseSmtpUrl(o.smtpUrl, '').from : '';
  const domain = sender.split('@')[1] || new URL(o.publicUrl).hostname || 'localhost';
  const mail = o.mail ?? (o.smtpUrl ? smtpTransport(o.smtpUrl, `motcua@${domain}`) : outboxOnlyMail());
  const sms = o.sms ?? unconfiguredSms();
  const workerId = o.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const delivery = createDelivery(db, { mail, sms, workerId, messageIdDomain: domain, leaseMs: o.leaseMs, backoff: o.backoff, maxAttempts: o.maxAttempts });
  const templates = new Map(o.templates.map((t) => [t.key, t]));
  const now = o.now ?? (() => new Date());

  async function visibleMessage(ctx: RequestContext, id: string) {
    const scope = outboxScope(requireActor(ctx.actor));
    const row = await db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirst();
    const visible = row && (row.unit_ids.length ? row.unit_ids.some((u) => scope.units.includes(u)) : scope.unitless);
    if (!row || !visible) throw messageNotFound();
    return row;
  }

  return {
    deliverDue: delivery.deliverDue,
    workerId,
    messageIdDomain: domain,

    /** Delivery is a recurring job: one row, run every `deliverEveryMs`, on whichever worker is free. */
    registerJobs(scheduler: Scheduler): void {
      const every = o.deliverEveryMs ?? 10_000;
      scheduler.every('notify.deliver', (after) => new Date(after.getTime() + every), async (_job, { now }) => { await delivery.deliverDue(now); });
    },

    async listOutbox(ctx: RequestContext, q: OutboxQuery): Promise<{ items: OutboxItem[]; nextCursor: string | null }> {
      const scope = outboxScope(requireActor(ctx.actor));
      let query = db.selectFrom('outbox_messages').selectAll().where((eb) => eb.or(scopeFilters(eb, scope)));
      if (q.status) query = query.where('status', '=', q.status);
      if (q.reference) query = query.where('reference', '=', q.reference);
      if (q.cursor) query = query.where('id', '<', q.cursor);
      const rows = await query.orderBy('id', 'desc').limit(q.limit + 1).execute();
      const page = rows.slice(0, q.limit);
      return { items: page.map(present), nextCursor: rows.length > q.limit ? page[page.length - 1]!.id : null };
    },

    /** One message with its delivery state, for the administrator's detail view. */
    async getOutboxMessage(ctx: RequestContext, id: string): Promise<OutboxItem> {
      return present(await visibleMessage(ctx, id));
    },

    /** How many messages the caller may see are in each state, so failed and uncertain ones stand out. */
    async outboxCounts(ctx: RequestContext): Promise<{ counts: Record<OutboxStatus, number> }> {
      const scope = outboxScope(requireActor(ctx.actor));
      const rows = await db.selectFrom('outbox_messages').select((eb) => ['status', eb.fn.countAll<string>().as('n')])
        .where((eb) => eb.or(scopeFilters(eb, scope))).groupBy('status').execute();
      const counts = Object.fromEntries(OUTBOX_STATUSES.map((st) => [st, 0])) as Record<OutboxStatus, number>;
      for (const r of rows) counts[r.status] = Number(r.n);
      return { counts };
    },

    /** Puts a failed, uncertain or undelivered message back in the queue, as a fresh series of attempts. */
    async retry(ctx: RequestContext, id: string): Promise<OutboxItem> {
      const before = await visibleMessage(ctx, id);
      return inTransaction(db, async (trx) => {
        const res = await trx.updateTable('outbox_messages')
          // Due at once under any clock: its own creation instant has passed for every worker.
          .set((eb) => ({ status: 'pending', attempts: 0, next_attempt_at: eb.ref('created_at'), locked_until: null, claimed_by: null, updated_at: now() }))
          .where('id', '=', id).where('status', 'in', [...RETRYABLE]).returningAll().executeTakeFirst();
        if (!res) {
          throw new AppError('OUTBOX_NOT_RETRYABLE', 409, `Tin nhắn đang ở trạng thái "${OUTBOX_STATUS_LABELS[before.status].vi}", không gửi lại được.`, `The message is ${before.status}; only failed, uncertain or unsent messages can be retried.`);
        }
        await recordAudit(trx, ctx, { action: 'outbox.retried', entity: 'outbox_message', entityId: id, unitId: before.unit_ids[0] ?? null, before: { status: before.status, attempts: before.attempts, lastError: before.last_error } });
        return present(res);
      });
    },

    async mine(ctx: RequestContext, q: MineQuery) {
      const actor = requireActor(ctx.actor);
      let query = db.selectFrom('staff_notifications').selectAll().where('staff_id', '=', actor.staffId);
      if (q.unread) query = query.where('read_at', 'is', null);
      if (q.cursor) query = query.where('id', '<', q.cursor);
      const [rows, unread] = await Promise.all([
        query.orderBy('id', 'desc').limit(q.limit + 1).execute(),
        db.selectFrom('staff_notifications').select((eb) => eb.fn.countAll<string>().as('n')).where('staff_id', '=', actor.staffId).where('read_at', 'is', null).executeTakeFirstOrThrow(),
      ]);
      const page = rows.slice(0, q.limit);
      return {
        items: page.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, reference: r.reference, link: r.link, createdAt: r.created_at, readAt: r.read_at })),
        unreadCount: Number(unread.n),
        nextCursor: rows.length > q.limit ? page[page.length - 1]!.id : null,
      };
    },

    async markRead(ctx: RequestContext, id: string): Promise<{ id: string; readAt: Date }> {
      const actor = requireActor(ctx.actor);
      const row = await db.selectFrom('staff_notifications').select(['id', 'read_at']).where('id', '=', id).where('staff_id', '=', actor.staffId).executeTakeFirst();
      if (!row) throw notificationNotFound();
      if (row.read_at) return { id, readAt: row.read_at };
      const readAt = now();
      await db.updateTable('staff_notifications').set({ read_at: readAt }).where('id', '=', id).where('read_at', 'is', null).execute();
      return { id, readAt };
    },

    /** Marks every unread notification of the caller as read; nobody else's are touched. */
    async markAllRead(ctx: RequestContext): Promise<{ marked: number; unreadCount: number }> {
      const actor = requireActor(ctx.actor);
      const res = await db.updateTable('staff_notifications').set({ read_at: now() })
        .where('staff_id', '=', actor.staffId).where('read_at', 'is', null).executeTakeFirst();
      return { marked: Number(res.numUpdatedRows), unreadCount: 0 };
    },

    async listTemplates(ctx: RequestContext): Promise<StoredTemplate[]> {
      if (!hasProvinceWide(requireActor(ctx.actor), 'org.manage')) throw errors.forbidden();
      return Promise.all([...templates.values()].map((t) => loadTemplate(db, t)));
    },

    /** An edit of a template's text; `version` guards against two people editing at once. */
    async updateTemplate(ctx: RequestContext, key: string, input: TemplateUpdateInput): Promise<StoredTemplate> {
      const actor = requireActor(ctx.actor);
      if (!hasProvinceWide(actor, 'org.manage')) throw errors.forbidden();
      const def = templates.get(key);
      if (!def) throw templateNotFound();
      const fields = (['subject', 'body', 'sms'] as const).flatMap((f) => templateProblems(input[f] ?? '', def.variables).map((p) => ({ path: f, message: p.vi, messageEn: p.en })));
      if (fields.length) throw errors.validation(fields);
      return inTransaction(db, async (trx) => {
        const current = await loadTemplate(trx, def);
        if (current.version !== input.version) throw errors.stale();
        const values = { subject: input.subject, body: input.body, sms: def.sms === null ? null : input.sms, updated_by: `${actor.fullName} (${actor.username})`, updated_at: now() };
        if (current.version === 0) await trx.insertInto('message_templates').values({ key, ...values, version: 1 }).execute();
        else await trx.updateTable('message_templates').set({ ...values, version: current.version + 1 }).where('key', '=', key).execute();
        await recordAudit(trx, ctx, { action: 'message_template.updated', entity: 'message_template', entityId: key, before: { subject: current.subject, body: current.body, sms: current.sms }, after: { subject: values.subject, body: values.body, sms: values.sms } });
        return loadTemplate(trx, def);
      }).catch((err) => {
        // Two first edits at once: the loser's insert meets the winner's row.
        if (isUniqueViolation(err)) throw errors.stale();
        throw err;
      });
    },
  };
}
