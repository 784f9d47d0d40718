import { inTransaction, type Db } from '../../platform/db/transaction.js';
import type { Scheduler } from '../../platform/jobs/scheduler.js';
import { writeStaffMessage, type StaffRecipient } from '../../platform/notify/outbox.js';
import { loadTemplate, renderMessage, type MessageTemplate } from '../../platform/notify/templates.js';
import { vnDay } from './registry.context.js';
import { DUE_SOON_WORKING_DAYS, deadlineStatus, dueAfterWorkingDays, type IsWorkingDay } from './rules/routing.js';

/** Default texts, editable like every message template (`PUT /api/v1/admin/message-templates/:key`). */
export const REGISTRY_TEMPLATES: Record<'dueSoon' | 'overdue', MessageTemplate> = {
  dueSoon: {
    key: 'staff.registry_assignment_due_soon',
    description: 'Cán bộ, đơn vị được giao xử lý văn bản đến: sắp đến hạn giải quyết (còn không quá 2 ngày làm việc)',
    variables: ['arrivalNumber', 'symbol', 'subject', 'role', 'dueOn', 'left', 'link'],
    subject: 'Văn bản đến số {{arrivalNumber}} ({{symbol}}) đến hạn giải quyết ngày {{dueOn | date}}',
    body: 'Văn bản {{symbol}} (số đến {{arrivalNumber}}): "{{subject}}" được giao {{role}}, hạn giải quyết ngày {{dueOn | date}} (còn {{left}} ngày làm việc).\n\nXem và báo cáo kết quả: {{link}}',
    sms: null,
  },
  overdue: {
    key: 'staff.registry_assignment_overdue',
    description: 'Cán bộ, đơn vị được giao xử lý văn bản đến: đã quá hạn giải quyết (nhắc mỗi ngày làm việc đến khi báo cáo)',
    variables: ['arrivalNumber', 'symbol', 'subject', 'role', 'dueOn', 'late', 'link'],
    subject: 'Văn bản đến số {{arrivalNumber}} ({{symbol}}) đã quá hạn giải quyết {{late}} ngày',
    body: 'Văn bản {{symbol}} (số đến {{arrivalNumber}}): "{{subject}}" được giao {{role}}, hạn giải quyết ngày {{dueOn | date}}, đã quá hạn {{late}} ngày.\n\nĐề nghị khẩn trương giải quyết và báo cáo: {{link}}',
    sms: null,
  },
};

/** Who is told: a person's assignment goes to that person, a unit's to its heads (the nearest unit head above it). */
export type ReminderRecipients = {
  staff(id: number | null): Promise<StaffRecipient | undefined>;
  headsOf(unitId: number | null): Promise<StaffRecipient[]>;
};

const link = (documentId: number) => `/can-bo/van-thu/van-ban/${documentId}`;
const short = (s: string) => (s.length > 160 ? `${s.slice(0, 157)}…` : s);

/** The next run at hour:minute, Vietnamese time (UTC+7, no daylight saving). */
export function nextDailyRun(after: Date, hour: number, minute: number): Date {
  const at = Date.parse(`${vnDay(after)}T00:00:00+07:00`) + (hour * 60 + minute) * 60_000;
  return new Date(at > after.getTime() ? at : at + 86_400_000);
}

/**
 * The daily reminder of incoming documents being handled (Decree 30 art. 24(3): the records office
 * follows up and reminds the handlers): each open assignment of a routed document whose deadline is at
 * most two working days away, or past, is told to its handler — at most once a day per assignment (the
 * in-app notification's dedupe key, written in the same transaction). Nothing goes out on a day off; a
 * weekend's reminders come on the next working day. A confidential document's subject never goes into
 * a message, which may leave by e-mail.
 */
export function createRegistryReminders(deps: { db: Db; workingDays: () => Promise<IsWorkingDay>; recipients: { load(): Promise<ReminderRecipients> } }) {
  const reminders = {
    async run(now: Date): Promise<{ dueSoon: number; overdue: number }> {
      const isWorking = await deps.workingDays();
      const today = vnDay(now);
      const out = { dueSoon: 0, overdue: 0 };
      if (!isWorking(today)) return out;
      const horizon = dueAfterWorkingDays(today, DUE_SOON_WORKING_DAYS, isWorking);
      const rows = await deps.db.selectFrom('reg_assignments as a').innerJoin('reg_documents as d', 'd.id', 'a.document_id')
        .select(['a.id', 'a.role', 'a.staff_id', 'a.unit_id', 'a.due_on', 'd.id as document_id', 'd.unit_id as agency_id', 'd.arrival_number', 'd.symbol', 'd.subject', 'd.confidentiality'])
        .where('a.status', '=', 'open').where('d.status', '=', 'routed').where('a.due_on', 'is not', null).where('a.due_on', '<=', horizon)
        .orderBy('a.id').execute();
      if (!rows.length) return out;
      const dir = await deps.recipients.load();
      for (const r of rows) {
        const state = deadlineStatus({ open: true, dueOn: r.due_on }, today, isWorking);
        if (state.state !== 'overdue' && state.state !== 'due_soon') continue;
        const late = state.state === 'overdue';
        // Read before the transaction: the embedded database has one connection, which the transaction holds.
        const to = r.staff_id !== null ? [await dir.staff(r.staff_id)].filter((s): s is StaffRecipient => !!s) : await dir.headsOf(r.unit_id);
        if (!to.length) continue;
        const vars = {
          arrivalNumber: r.arrival_number, symbol: r.symbol ?? '', subject: r.confidentiality === 'normal' ? short(r.subject) : 'văn bản mật', role: r.role === 'lead' ? 'chủ trì' : 'phối hợp',
          dueOn: r.due_on, left: state.workingDaysLeft ?? 0, late: state.daysLate, link: link(r.document_id),
        };
        const template = late ? REGISTRY_TEMPLATES.overdue : REGISTRY_TEMPLATES.dueSoon;
        const sent = await inTransaction(deps.db, async (trx) => {
          const message = renderMessage(await loadTemplate(trx, template), vars);
          let any = false;
          for (const s of new Map(to.map((x) => [x.staffId, x])).values()) {
            any = (await writeStaffMessage(trx, s, {
              dedupeKey: `registry:assignment:${r.id}:${today}`, kind: late ? 'registry_assignment_overdue' : 'registry_assignment_due_soon', message,
              templateKey: template.key, reference: r.symbol ?? `số đến ${r.arrival_number}`, link: link(r.document_id), unitIds: [r.agency_id], at: now,
            })) || any;
          }
          return any;
        });
        if (sent) { if (late) out.overdue++; else out.dueSoon++; }
      }
      return out;
    },

    registerJobs(scheduler: Scheduler, at = { hour: 7, minute: 45 }): void {
      scheduler.every('registry.reminders', (after) => nextDailyRun(after, at.hour, at.minute), async (_job, { now }) => { await reminders.run(now); }, { runImmediately: false });
    },
  };
  return reminders;
}
