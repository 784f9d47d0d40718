import { inTransaction, type Db } from '../../platform/db/transaction.js';
import type { Scheduler } from '../../platform/jobs/scheduler.js';
import { writeStaffMessage, type StaffRecipient } from '../../platform/notify/outbox.js';
import { loadTemplate, renderMessage, type MessageTemplate } from '../../platform/notify/templates.js';
import { nextDailyAt } from '../dossiers/reminders/reminder-rules.js';
import * as repo from './feedback.repository.js';
import type { DeadlinesPort, OrgPort, RecipientsPort } from './ports.js';

/** Default texts, editable like every message template (`PUT /api/v1/admin/message-templates/:key`). */
export const FEEDBACK_TEMPLATES: Record<'nearDue' | 'overdue', MessageTemplate> = {
  nearDue: {
    key: 'staff.feedback_near_due',
    description: 'Cán bộ: phản ánh, kiến nghị sắp đến hạn trả lời (gửi người được giao, hoặc lãnh đạo đơn vị khi chưa giao)',
    variables: ['code', 'title', 'unitName', 'dueAt', 'link'],
    subject: 'Phản ánh, kiến nghị {{code}} sắp đến hạn trả lời ({{dueAt | datetimeShort}})',
    body: 'Phản ánh, kiến nghị {{code}} "{{title}}" tại {{unitName}} đến hạn trả lời lúc {{dueAt | datetimeShort}}.\n\nXem và xử lý: {{link}}',
    sms: null,
  },
  overdue: {
    key: 'staff.feedback_overdue',
    description: 'Lãnh đạo đơn vị: phản ánh, kiến nghị đã quá hạn trả lời (gửi mỗi ngày làm việc đến khi trả lời)',
    variables: ['code', 'title', 'unitName', 'dueAt', 'link'],
    subject: 'Phản ánh, kiến nghị {{code}} đã quá hạn trả lời',
    body: 'Phản ánh, kiến nghị {{code}} "{{title}}" tại {{unitName}} đã quá hạn trả lời từ {{dueAt | datetimeShort}}.\n\nĐề nghị chỉ đạo xử lý, trả lời ngay. Xem: {{link}}',
    sms: null,
  },
};

const link = (code: string) => `/can-bo/phan-anh/${encodeURIComponent(code)}`;

/**
 * The daily feedback reminder (a durable job, like the dossier reminders): items within one working
 * day of their due date → the assignee (or the unit heads when nobody is assigned), once per due date;
 * overdue items → the unit heads and the assignee, once per day. "Once" is the in-app notification's
 * dedupe key, written in the same transaction.
 */
export function createFeedbackReminders(deps: { db: Db; org: OrgPort; deadlines: DeadlinesPort; recipients: RecipientsPort }) {
  const reminders = {
    async run(now: Date): Promise<{ nearDue: number; overdue: number }> {
      const calc = await deps.deadlines.calculator();
      const horizon = calc.addWorkingHours(now, 8);
      const rows = await repo.dueBefore(deps.db, horizon);
      if (!rows.length) return { nearDue: 0, overdue: 0 };
      const dir = await deps.recipients.load();
      const names = await deps.org.unitNames([...new Set(rows.map((r) => r.unit_id))]);
      const day = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
      let nearDue = 0;
      let overdue = 0;
      for (const r of rows) {
        const late = r.due_at!.getTime() < now.getTime();
        const assignee = await dir.staff(r.assignee_id);
        const heads = await dir.headsOf(r.unit_id);
        const to: StaffRecipient[] = late ? [...heads, ...(assignee ? [assignee] : [])] : assignee ? [assignee] : heads;
        const unique = [...new Map(to.map((s) => [s.staffId, s])).values()];
        if (!unique.length) continue;
        const template = late ? FEEDBACK_TEMPLATES.overdue : FEEDBACK_TEMPLATES.nearDue;
        const dedupe = late ? `feedback:overdue:${r.id}:${day}` : `feedback:near_due:${r.id}:${r.due_at!.toISOString()}`;
        const sent = await inTransaction(deps.db, async (trx) => {
          const message = renderMessage(await loadTemplate(trx, template), { code: r.code, title: r.title, unitName: names.get(r.unit_id) ?? '', dueAt: r.due_at, link: link(r.code) });
          let any = false;
          for (const s of unique) {
            any = (await writeStaffMessage(trx, s, { dedupeKey: dedupe, kind: late ? 'feedback_overdue' : 'feedback_near_due', message, templateKey: template.key, reference: r.code, link: link(r.code), unitIds: [r.unit_id], at: now })) || any;
          }
          return any;
        });
        if (sent) { if (late) overdue++; else nearDue++; }
      }
      return { nearDue, overdue };
    },

    registerJobs(scheduler: Scheduler, at = { hour: 7, minute: 45 }): void {
      scheduler.every('feedback.reminders', (after) => nextDailyAt(after, at.hour, at.minute), async (_job, { now }) => { await reminders.run(now); }, { runImmediately: false });
    },
  };
  return reminders;
}
