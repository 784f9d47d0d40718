import { inTransaction, type Db } from '../../../platform/db/transaction.js';
import type { Scheduler } from '../../../platform/jobs/scheduler.js';
import { writeStaffMessage, type StaffRecipient } from '../../../platform/notify/outbox.js';
import { loadTemplate, renderMessage, type MessageTemplate } from '../../../platform/notify/templates.js';
import type { OrgService } from '../../org/org.service.js';
import * as repo from '../dossiers.repository.js';
import { overdueWhere } from '../queues.js';
import type { DeadlinesPort } from '../ports.js';
import { reduce } from '../rules/reducer.js';
import { vnDay } from '../rules/statuses.js';
import { loadDirectory, uniqueStaff, type Directory } from './recipients.js';
import { digestDay, digestLines, isNearDue, isWorkingDay, nextDailyAt, nextSlot, WORKING_DAY_HOURS, type OverdueLine } from './reminder-rules.js';
import { STAFF_TEMPLATES } from './staff-templates.js';

/**
 * Reminders and escalation (issue 6 §3) as durable jobs:
 * - a step past its budget → the assignee and the unit head, once per step occasion;
 * - a dossier within one working day of its deadline → the officer holding it and the head of the
 *   competent agency, prompting the apology and extension (form 04) while it is still allowed;
 * - every working morning, the overdue dossiers → each unit head and the receiving one-stop desk.
 *
 * "Once" is a unique row in `dossier_reminders` (or, for the daily list, a unique in-app
 * notification per person and day) written in the same transaction as the messages. The scan may
 * run twice, on two workers, or again after a crash: the second writer meets the row and stops.
 */
export type ReminderDeps = { db: Db; org: OrgService; deadlines: DeadlinesPort };
export type ReminderOptions = { scanEveryMs?: number; digestAt?: { hour: number; minute: number } };

const STEP_OPEN = [2, 4];
const CLOCK_RUNNING = [2, 4, 6];
const BATCH = 200;
const dossierLink = (code: string) => `/can-bo/ho-so/${encodeURIComponent(code)}`;

type Candidate = Awaited<ReturnType<typeof stepCandidates>>[number];

function stepCandidates(db: Db, now: Date) {
  return db.selectFrom('dossiers as d').selectAll('d')
    .where('d.status', 'in', STEP_OPEN).where('d.step_due_at', '<', now)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('dossier_reminders as r').select('r.id')
      .whereRef('r.dossier_id', '=', 'd.id').where('r.kind', '=', 'step_overdue').whereRef('r.occurrence', '=', 'd.step_due_at'))))
    .orderBy('d.step_due_at').orderBy('d.id').limit(BATCH).execute();
}

function nearDueCandidates(db: Db, now: Date, horizon: Date) {
  return db.selectFrom('dossiers as d').selectAll('d')
    .where('d.status', 'in', CLOCK_RUNNING).where('d.extended', '=', false).where('d.due_at', '>', now).where('d.due_at', '<=', horizon)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('dossier_reminders as r').select('r.id')
      .whereRef('r.dossier_id', '=', 'd.id').where('r.kind', '=', 'near_due').whereRef('r.occurrence', '=', 'd.due_at'))))
    .orderBy('d.due_at').orderBy('d.id').limit(BATCH).execute();
}

export type Reminders = ReturnType<typeof createReminders>;

export function createReminders(deps: ReminderDeps, opts: ReminderOptions = {}) {
  const { db } = deps;

  /** Writes one reminder occasion and its messages, unless that occasion was already reminded. */
  async function remind(row: Candidate, kind: 'step_overdue' | 'near_due', occurrence: Date, to: StaffRecipient[], template: MessageTemplate, vars: Record<string, unknown>, now: Date): Promise<boolean> {
    return inTransaction(db, async (trx) => {
      const fresh = await trx.insertInto('dossier_reminders')
        .values({ dossier_id: row.id, kind, occurrence, staff_ids: to.map((s) => s.staffId), created_at: now })
        .onConflict((oc) => oc.constraint('dossier_reminders_once').doNothing()).returning('id').executeTakeFirst();
      if (!fresh) return false;
      const message = renderMessage(await loadTemplate(trx, template), vars);
      const unitIds = [row.receiving_unit_id, ...row.involved_unit_ids];
      for (const r of to) {
        await writeStaffMessage(trx, r, { dedupeKey: `reminder:${kind}:${row.id}:${occurrence.toISOString()}`, kind, message, templateKey: template.key, reference: row.code, link: dossierLink(row.code), unitIds, at: now });
      }
      return true;
    });
  }

  async function stepOverdue(now: Date, directory: () => Promise<Directory>): Promise<number> {
    let sent = 0;
    for (let round = 0; round < 50; round++) {
      const rows = await stepCandidates(db, now);
      if (!rows.length) break;
      const dir = await directory();
      for (const row of rows) {
        const state = reduce(await repo.loadEvents(db, row.id));
        const step = state.route.find((r) => r.order === state.step);
        const to = uniqueStaff([await dir.staff(row.current_staff_id), ...await dir.headsOf(row.current_unit_id ?? row.competent_unit_id)]);
        const vars = {
          code: row.code, procedureName: row.procedure_name, stepName: step?.name ?? `Bước ${state.step}`, unitName: state.currentUnitName ?? dir.unitName(row.current_unit_id),
          stepDueAt: row.step_due_at, assigneeName: state.assignee?.name ?? 'chưa phân công', dueAt: row.due_at, link: dossierLink(row.code),
        };
        if (await remind(row, 'step_overdue', row.step_due_at!, to, STAFF_TEMPLATES.stepOverdue, vars, now)) sent++;
      }
      if (rows.length < BATCH) break;
    }
    return sent;
  }

  async function nearDue(now: Date, directory: () => Promise<Directory>): Promise<number> {
    const calc = await deps.deadlines.calculator();
    const horizon = calc.addWorkingHours(now, WORKING_DAY_HOURS);
    let sent = 0;
    for (let round = 0; round < 50; round++) {
      const rows = (await nearDueCandidates(db, now, horizon)).filter((r) => isNearDue(calc, now, r.due_at!));
      if (!rows.length) break;
      const dir = await directory();
      for (const row of rows) {
        const assignee = await dir.staff(row.current_staff_id);
        const to = uniqueStaff([assignee, ...await dir.headsOf(row.competent_unit_id ?? row.current_unit_id)]);
        const vars = { code: row.code, procedureName: row.procedure_name, unitName: dir.unitName(row.current_unit_id), dueAt: row.due_at, assigneeName: assignee?.fullName ?? 'chưa phân công', link: dossierLink(row.code) };
        if (await remind(row, 'near_due', row.due_at!, to, STAFF_TEMPLATES.nearDue, vars, now)) sent++;
      }
      if (rows.length < BATCH) break;
    }
    return sent;
  }

  const reminders = {
    /** The reminder scan: steps past their budget and deadlines within one working day. Idempotent. */
    async scan(now: Date): Promise<{ stepOverdue: number; nearDue: number }> {
      // The directory is read once per scan, and only when some dossier needs a reminder.
      let dir: Promise<Directory> | undefined;
      const directory = () => (dir ??= loadDirectory(db, deps.org));
      return { stepOverdue: await stepOverdue(now, directory), nearDue: await nearDue(now, directory) };
    },

    /** The daily overdue list; skipped on days off, once per person and day however often it runs. */
    async digest(now: Date): Promise<{ recipients: number; dossiers: number; skipped: boolean }> {
      const calc = await deps.deadlines.calculator();
      if (!isWorkingDay(calc, now)) return { recipients: 0, dossiers: 0, skipped: true };
      const rows = await db.selectFrom('dossiers')
        .select(['id', 'code', 'procedure_name', 'applicant_name', 'due_at', 'current_unit_id', 'competent_unit_id', 'receiving_unit_id'])
        // The same rule as the overdue queue: a dossier paused for a supplement before its deadline is not late.
        .where((eb) => overdueWhere(eb, now)).orderBy('due_at').orderBy('id').limit(20_000).execute();
      if (!rows.length) return { recipients: 0, dossiers: 0, skipped: false };
      const dir = await loadDirectory(db, deps.org);
      const groups = new Map<number, { to: StaffRecipient; lines: OverdueLine[]; units: Set<number> }>();
      for (const r of rows) {
        const line: OverdueLine = { code: r.code, procedureName: r.procedure_name, applicantName: r.applicant_name, dueAt: r.due_at!, unitName: dir.unitName(r.current_unit_id) };
        for (const to of uniqueStaff([...await dir.headsOf(r.current_unit_id ?? r.competent_unit_id), ...await dir.serviceCentreOf(r.receiving_unit_id)])) {
          const g = groups.get(to.staffId) ?? { to, lines: [], units: new Set<number>() };
          g.lines.push(line);
          g.units.add(r.receiving_unit_id);
          if (r.current_unit_id) g.units.add(r.current_unit_id);
          groups.set(to.staffId, g);
        }
      }
      let recipients = 0;
      for (const g of groups.values()) {
        const { list, more } = digestLines(g.lines, now, calc);
        const wrote = await inTransaction(db, async (trx) => {
          const message = renderMessage(await loadTemplate(trx, STAFF_TEMPLATES.overdueDigest), { staffName: g.to.fullName, day: digestDay(now), count: g.lines.length, list, more, link: '/can-bo/ho-so?queue=overdue' });
          return writeStaffMessage(trx, g.to, { dedupeKey: `overdue_digest:${vnDay(now)}`, kind: 'overdue_digest', message, templateKey: STAFF_TEMPLATES.overdueDigest.key, link: '/can-bo/ho-so?queue=overdue', unitIds: [...g.units], at: now });
        });
        if (wrote) recipients++;
      }
      return { recipients, dossiers: rows.length, skipped: false };
    },

    registerJobs(scheduler: Scheduler): void {
      const every = opts.scanEveryMs ?? 5 * 60_000;
      const at = opts.digestAt ?? { hour: 7, minute: 30 };
      scheduler.every('reminders.scan', (after) => nextSlot(after, every), async (_job, { now }) => { await reminders.scan(now); });
      scheduler.every('reminders.overdue_digest', (after) => nextDailyAt(after, at.hour, at.minute), async (_job, { now }) => { await reminders.digest(now); }, { runImmediately: false });
    },
  };
  return reminders;
}

export const REMINDER_TEMPLATES: MessageTemplate[] = Object.values(STAFF_TEMPLATES);
