import { inTransaction, type Db } from '../../platform/db/transaction.js';
import type { Scheduler } from '../../platform/jobs/scheduler.js';
import { writeStaffMessage, type StaffRecipient } from '../../platform/notify/outbox.js';
import { loadTemplate, renderMessage, type MessageTemplate } from '../../platform/notify/templates.js';
import { nextDailyAt } from '../dossiers/reminders/reminder-rules.js';
import * as repo from './directives.repository.js';
import type { RecipientsPort } from './ports.js';
import { addWorkingDays, deadlineState, vnDay, type IsWorkingDay } from './rules/deadlines.js';

/** Default texts, editable like every message template (`PUT /api/v1/admin/message-templates/:key`). */
export const DIRECTIVE_TEMPLATES: Record<'nearDue' | 'overdue' | 'escalated', MessageTemplate> = {
  nearDue: {
    key: 'staff.directive_task_near_due',
    description: 'Cán bộ: nhiệm vụ được giao sắp đến hạn (gửi người phụ trách, hoặc lãnh đạo đơn vị chủ trì khi chưa giao)',
    variables: ['number', 'ref', 'content', 'dueOn', 'link'],
    subject: 'Nhiệm vụ mục {{ref}} của văn bản {{number}} sắp đến hạn ({{dueOn | date}})',
    body: 'Nhiệm vụ mục {{ref}} của văn bản {{number}}: "{{content}}" đến hạn ngày {{dueOn | date}}.\n\nXem và báo cáo tiến độ: {{link}}',
    sms: null,
  },
  overdue: {
    key: 'staff.directive_task_overdue',
    description: 'Lãnh đạo đơn vị chủ trì và người phụ trách: nhiệm vụ đã quá hạn (gửi mỗi ngày làm việc đến khi hoàn thành)',
    variables: ['number', 'ref', 'content', 'dueOn', 'late', 'link'],
    subject: 'Nhiệm vụ mục {{ref}} của văn bản {{number}} đã quá hạn {{late}} ngày làm việc',
    body: 'Nhiệm vụ mục {{ref}} của văn bản {{number}}: "{{content}}" đã quá hạn từ ngày {{dueOn | date}} ({{late}} ngày làm việc).\n\nĐề nghị khẩn trương thực hiện và báo cáo: {{link}}',
    sms: null,
  },
  escalated: {
    key: 'staff.directive_task_escalated',
    description: 'Lãnh đạo đơn vị theo dõi văn bản: nhiệm vụ của đơn vị khác quá hạn từ 5 ngày làm việc (gửi mỗi ngày làm việc)',
    variables: ['number', 'ref', 'content', 'unitName', 'dueOn', 'late', 'link'],
    subject: 'Nhiệm vụ mục {{ref}} của văn bản {{number}} tại {{unitName}} quá hạn {{late}} ngày làm việc',
    body: '{{unitName}} chưa hoàn thành nhiệm vụ mục {{ref}} của văn bản {{number}}: "{{content}}", hạn ngày {{dueOn | date}} (quá {{late}} ngày làm việc).\n\nXem: {{link}}',
    sms: null,
  },
};

/** Working days of lateness after which the tracking unit's heads are told too. */
export const ESCALATE_AFTER = 5;
const NEAR_DAYS = 3;
const link = (id: number) => `/can-bo/chi-dao/nhiem-vu/${id}`;
const short = (s: string) => (s.length > 160 ? `${s.slice(0, 157)}…` : s);

/**
 * The daily reminder of assigned tasks (a durable job): a task within three working days of its
 * deadline → its person in charge (or the lead unit's heads while nobody is), once per deadline;
 * an overdue one → the person in charge and the lead unit's heads every working day; after five
 * working days late, the heads of the unit that tracks the document as well (escalation). "Once" is
 * the in-app notification's dedupe key, written in the same transaction.
 */
export function createDirectiveReminders(deps: { db: Db; workingDays: () => Promise<IsWorkingDay>; recipients: RecipientsPort; unitName: (id: number) => Promise<string> }) {
  const reminders = {
    async run(now: Date): Promise<{ nearDue: number; overdue: number; escalated: number }> {
      const isWorking = await deps.workingDays();
      const today = vnDay(now);
      const out = { nearDue: 0, overdue: 0, escalated: 0 };
      // Reminders go out on working days; a weekend's overdue tasks are told on Monday.
      if (!isWorking(today)) return out;
      const rows = await repo.dueUpTo(deps.db, addWorkingDays(today, NEAR_DAYS, isWorking));
      if (!rows.length) return out;
      const dir = await deps.recipients.load();
      for (const r of rows) {
        const d = deadlineState({ status: r.status, dueOn: r.due_on, doneOn: r.done_on }, today, isWorking, NEAR_DAYS);
        if (d.state !== 'overdue' && d.state !== 'near_due') continue;
        const late = d.state === 'overdue';
        const assignee = await dir.staff(r.assignee_staff_id);
        const heads = await dir.headsOf(r.lead_unit_id);
        const to = late ? [...heads, ...(assignee ? [assignee] : [])] : assignee ? [assignee] : heads;
        const escalate = late && d.workingDaysLate >= ESCALATE_AFTER ? await dir.headsOf(r.owner_unit_id) : [];
        const vars = { number: r.number, ref: r.ref || String(r.id), content: short(r.content), dueOn: d.dueDay, late: d.workingDaysLate, link: link(r.id) };
        // Read before the transaction: the embedded database has one connection, which the transaction holds.
        const unitName = escalate.length ? await deps.unitName(r.lead_unit_id) : '';
        const sent = await inTransaction(deps.db, async (trx) => {
          const send = async (list: StaffRecipient[], template: MessageTemplate, kind: string, dedupe: string, extra: Record<string, unknown> = {}) => {
            const message = renderMessage(await loadTemplate(trx, template), { ...vars, ...extra });
            let any = false;
            for (const s of new Map(list.map((x) => [x.staffId, x])).values()) {
              any = (await writeStaffMessage(trx, s, { dedupeKey: dedupe, kind, message, templateKey: template.key, reference: r.number, link: link(r.id), unitIds: [r.lead_unit_id], at: now })) || any;
            }
            return any;
          };
          const main = late
            ? await send(to, DIRECTIVE_TEMPLATES.overdue, 'directive_task_overdue', `directive:overdue:${r.id}:${today}`)
            : await send(to, DIRECTIVE_TEMPLATES.nearDue, 'directive_task_near_due', `directive:near_due:${r.id}:${r.due_on}`);
          const up = escalate.length ? await send(escalate, DIRECTIVE_TEMPLATES.escalated, 'directive_task_escalated', `directive:escalated:${r.id}:${today}`, { unitName }) : false;
          return { main, up };
        });
        if (sent.main) { if (late) out.overdue++; else out.nearDue++; }
        if (sent.up) out.escalated++;
      }
      return out;
    },

    registerJobs(scheduler: Scheduler, at = { hour: 7, minute: 50 }): void {
      scheduler.every('directives.reminders', (after) => nextDailyAt(after, at.hour, at.minute), async (_job, { now }) => { await reminders.run(now); }, { runImmediately: false });
    },
  };
  return reminders;
}
