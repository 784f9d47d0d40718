import { recordAudit } from '../../platform/audit/audit.service.js';
import { authorize, can, type Actor } from '../../platform/access/policy.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { slipAgency } from '../org/agency-heading.js';
import { actorOf, loadNames, reachOf, todayOf, type DirectiveDeps } from './directives.context.js';
import * as repo from './directives.repository.js';
import type { ConsolidatedReport } from './exports/consolidated.js';
import { addWorkingDays, deadlineState, vnDay } from './rules/deadlines.js';
import type { PeriodBody, UnitReportBody } from './schema.js';
import { completionRate, countTasks, documentSummary, taskSummary } from './views.js';

/** The statutory reporting periods (reports module, DOMAIN §6.2), wired in src/app.ts. */
export type PeriodsPort = (kind: PeriodBody['kind'], year: number, number: number | null) => { code: string; label: { vi: string }; from: string; to: string };

type TaskResult = { taskId: number; result: string; status?: string; progress?: number };

/**
 * Periodic implementation reports (issue 15 item 4): a period of a document, each lead unit's report
 * for it (its narrative and a result per task), and the province's consolidated report built from them.
 */
/** The tasks as they stood at the end of `day`: created by then, and not yet done if done later. */
export function asOf(tasks: repo.TaskRow[], day: string): repo.TaskRow[] {
  return tasks.filter((t) => vnDay(t.created_at) <= day).map((t) => (t.status === 'completed' && t.done_on && t.done_on > day
    ? { ...t, status: 'in_progress' as const, done_on: null, completed_at: null }
    : t));
}

export function createPeriodService(deps: DirectiveDeps & { periods: PeriodsPort }) {
  /** Units that answer for a document: the lead units of its tasks that were not cancelled. */
  const responsible = (tasks: repo.TaskRow[]) => [...new Set(tasks.filter((t) => t.status !== 'cancelled').map((t) => t.lead_unit_id))];

  const mayWrite = (actor: Actor, unitId: number) => can(actor, 'directive.assign', unitId) || can(actor, 'directive.register', unitId);

  async function loadPeriod(ctx: RequestContext, periodId: number) {
    const period = await repo.findPeriod(deps.db, periodId);
    if (!period) throw errors.notFound('kỳ báo cáo', 'reporting period');
    // The document's own visibility decides (a 404 when the caller does not reach it).
    const doc = await repo.findVisibleDocument(deps.db, reachOf(actorOf(ctx)), period.document_id);
    if (!doc) throw errors.notFound('kỳ báo cáo', 'reporting period');
    const tasks = await repo.tasksOfDocument(deps.db, doc.id);
    return { period, doc, tasks };
  }

  const periodView = (p: repo.PeriodRow, units: number, reported: number) => ({
    id: p.id, documentId: p.document_id, kind: p.kind, code: p.code, label: p.label, startsOn: p.starts_on, endsOn: p.ends_on, dueOn: p.due_on, units, reported,
  });

  async function overview(ctx: RequestContext, periodId: number) {
    const actor = actorOf(ctx);
    const loaded = await loadPeriod(ctx, periodId);
    const { period, doc } = loaded;
    const isWorking = await deps.workingDays();
    // A period is reported as it stood at its data cut-off (or today, while it runs): tasks given
    // later are not in it, and one completed after the cut-off was still open then.
    const today = [todayOf(deps), period.ends_on].sort()[0]!;
    const tasks = asOf(loaded.tasks, today);
    const names = await loadNames(deps, []);
    const reports = new Map((await repo.unitReports(deps.db, periodId)).map((r) => [r.unit_id, r]));
    const units = responsible(tasks);
    const rows = units.map((unitId) => {
      const own = tasks.filter((t) => t.lead_unit_id === unitId);
      const c = countTasks(own, today, isWorking);
      const r = reports.get(unitId);
      return { unitId, unitName: names.unit(unitId), status: r?.status ?? 'missing', submittedAt: r?.submitted_at?.toISOString() ?? null, submittedByName: r?.submitted_by_name ?? null, tasks: c.total - c.cancelled, completed: c.completed, overdue: c.overdue };
    }).sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
    const c = countTasks(tasks, today, isWorking);
    let onTime = 0;
    for (const t of tasks) if (t.status === 'completed' && deadlineState({ status: t.status, dueOn: t.due_on, doneOn: t.done_on }, today, isWorking).state === 'done_on_time') onTime++;
    const reported = rows.filter((r) => r.status === 'submitted').length;
    return {
      period: periodView(period, units.length, reported),
      document: documentSummary(doc, names.unit(doc.owner_unit_id), c),
      units: rows,
      totals: {
        tasks: c.total, completed: c.completed, completedOnTime: onTime, completedLate: c.completed - onTime, open: c.open, overdue: c.overdue,
        notAssigned: c.notAssigned, cancelled: c.cancelled, completionRate: completionRate(c), unitsResponsible: units.length, unitsReported: reported,
      },
      canEdit: units.filter((u) => mayWrite(actor, u)),
      names, tasks, doc, periodRow: period, reports, isWorking, today,
    };
  }

  async function unitReport(ctx: RequestContext, periodId: number, unitId: number) {
    const actor = actorOf(ctx);
    const { period, doc, tasks } = await loadPeriod(ctx, periodId);
    const own = tasks.filter((t) => t.lead_unit_id === unitId && t.status !== 'cancelled');
    if (!own.length) throw errors.notFound('báo cáo của đơn vị', 'unit report');
    const r = await repo.findUnitReport(deps.db, period.id, unitId);
    const names = await loadNames(deps, own.map((t) => t.assignee_staff_id));
    const isWorking = await deps.workingDays();
    const results = (r?.task_results ?? []) as TaskResult[];
    return {
      report: {
        version: r?.version ?? 0, status: r?.status ?? 'missing', narrative: r?.narrative ?? '', difficulties: r?.difficulties ?? '', proposals: r?.proposals ?? '',
        results: own.map((t) => ({ taskId: t.id, result: results.find((x) => x.taskId === t.id)?.result ?? '' })),
        submittedAt: r?.submitted_at?.toISOString() ?? null, submittedByName: r?.submitted_by_name ?? null,
      },
      tasks: own.map((t) => taskSummary(t, doc, names, todayOf(deps), isWorking)),
      canEdit: mayWrite(actor, unitId),
    };
  }

  return {
    async create(ctx: RequestContext, documentId: number, body: PeriodBody) {
      const actor = actorOf(ctx);
      const doc = await repo.findDocument(deps.db, documentId);
      const notFound = () => errors.notFound('văn bản chỉ đạo', 'steering document');
      if (!doc) throw notFound();
      authorize(actor, 'directive.register', doc.owner_unit_id, 'directive.read', notFound);
      const p = deps.periods(body.kind, body.year, body.number ?? null);
      // Units report a few working days after the data cut-off, so the tracking unit can compile in time.
      const dueOn = body.dueOn ?? addWorkingDays(p.to, 3, await deps.workingDays());
      if (dueOn < p.to) throw errors.validation([{ path: 'dueOn', message: 'Hạn gửi báo cáo không được trước ngày chốt số liệu của kỳ.', messageEn: 'The due day is before the period ends.' }]);
      try {
        const row = await inTransaction(deps.db, async (trx) => {
          const row = await trx.insertInto('directive_report_periods').values({ document_id: documentId, kind: body.kind, code: p.code, label: p.label.vi, starts_on: p.from, ends_on: p.to, due_on: dueOn, created_at: deps.now() })
            .returningAll().executeTakeFirstOrThrow();
          await recordAudit(trx, ctx, { action: 'directive.period_created', entity: 'directive_document', entityId: documentId, unitId: doc.owner_unit_id, after: { period: p.code, dueOn } });
          return row;
        });
        return periodView(row, responsible(await repo.tasksOfDocument(deps.db, documentId)).length, 0);
      } catch (err) {
        if (isUniqueViolation(err, 'directive_report_periods_once')) throw errors.conflict('PERIOD_EXISTS', `Kỳ báo cáo "${p.label.vi}" của văn bản này đã có.`, `The period ${p.code} already exists.`);
        throw err;
      }
    },

    async overview(ctx: RequestContext, periodId: number) {
      const { period, document, units, totals, canEdit } = await overview(ctx, periodId);
      return { period, document, units, totals, canEdit };
    },

    unitReport,

    async saveUnitReport(ctx: RequestContext, periodId: number, unitId: number, body: UnitReportBody) {
      const actor = actorOf(ctx);
      const current = await unitReport(ctx, periodId, unitId);
      if (!current.canEdit) throw errors.forbidden();
      if (current.report.status === 'submitted') throw errors.conflict('REPORT_SUBMITTED', 'Báo cáo của đơn vị đã gửi; không thể sửa.', 'The unit report was already submitted.');
      if (body.version !== current.report.version) throw errors.stale();
      const own = new Map(current.tasks.map((t) => [t.id, t]));
      const stray = body.results.find((r) => !own.has(r.taskId));
      if (stray) throw errors.validation([{ path: 'results', message: 'Kết quả thực hiện có nhiệm vụ không thuộc đơn vị.', messageEn: 'A result names a task of another unit.' }]);
      const results: TaskResult[] = body.results.map((r) => ({ taskId: r.taskId, result: r.result, status: own.get(r.taskId)!.status, progress: own.get(r.taskId)!.progress }));
      const at = deps.now();
      const values = {
        narrative: body.narrative, difficulties: body.difficulties, proposals: body.proposals, task_results: JSON.stringify(results),
        status: body.submit ? 'submitted' as const : 'draft' as const, updated_at: at,
        ...(body.submit ? { submitted_at: at, submitted_by_staff_id: actor.staffId, submitted_by_name: actor.fullName } : {}),
      };
      await inTransaction(deps.db, async (trx) => {
        if (body.version === 0) {
          try {
            await trx.insertInto('directive_unit_reports').values({ period_id: periodId, unit_id: unitId, ...values }).execute();
          } catch (err) {
            if (isUniqueViolation(err, 'directive_unit_reports_once')) throw errors.stale();
            throw err;
          }
        } else {
          const r = await trx.updateTable('directive_unit_reports').set((eb) => ({ ...values, version: eb('version', '+', 1) }))
            .where('period_id', '=', periodId).where('unit_id', '=', unitId).where('version', '=', body.version).where('status', '=', 'draft').executeTakeFirst();
          if (Number(r.numUpdatedRows) !== 1) throw errors.stale();
        }
        await recordAudit(trx, ctx, { action: body.submit ? 'directive.report_submitted' : 'directive.report_saved', entity: 'directive_unit_report', entityId: periodId, unitId, after: { results: results.length } });
      });
      return unitReport(ctx, periodId, unitId);
    },

    /** The consolidated report's content; exports/ draws the DOCX, PDF and XLSX from it alone. */
    async consolidated(ctx: RequestContext, periodId: number): Promise<ConsolidatedReport> {
      const o = await overview(ctx, periodId);
      const assignees = await loadNames(deps, o.tasks.map((t) => t.assignee_staff_id));
      const resultOf = (t: repo.TaskRow) => (((o.reports.get(t.lead_unit_id)?.task_results ?? []) as TaskResult[]).find((r) => r.taskId === t.id)?.result ?? '');
      const summaries = o.tasks.map((t) => ({ row: t, view: taskSummary(t, o.doc, assignees, o.today, o.isWorking) }));
      return {
        agency: slipAgency(o.names.units, o.doc.owner_unit_id),
        issuedAt: deps.now(),
        document: { docType: o.doc.doc_type, docTypeLabel: o.document.docTypeLabel, number: o.doc.number, issuer: o.doc.issuer, signedOn: o.doc.signed_on, subject: o.doc.subject },
        period: { code: o.periodRow.code, label: o.periodRow.label, startsOn: o.periodRow.starts_on, endsOn: o.periodRow.ends_on, dueOn: o.periodRow.due_on },
        totals: o.totals,
        units: o.units.map((u) => {
          const r = o.reports.get(u.unitId);
          const own = countTasks(o.tasks.filter((t) => t.lead_unit_id === u.unitId), o.today, o.isWorking);
          return {
            unitName: u.unitName, reported: u.status === 'submitted', submittedAt: r?.submitted_at ?? null, tasks: u.tasks, completed: own.completed, open: own.open, overdue: own.overdue,
            completionRate: completionRate(own), narrative: r?.status === 'submitted' ? r.narrative : '', difficulties: r?.status === 'submitted' ? r.difficulties : '', proposals: r?.status === 'submitted' ? r.proposals : '',
          };
        }),
        tasks: summaries.map(({ row, view }) => ({
          ref: view.ref, content: view.content, leadUnitName: view.leadUnitName, assigneeName: view.assigneeName, dueOn: view.dueOn, statusLabel: view.statusLabel,
          progress: view.progress, deadlineLabel: view.deadline.state === 'none' ? '' : view.deadline.label, result: resultOf(row),
        })),
        overdue: summaries.filter(({ view }) => view.deadline.state === 'overdue').map(({ view }) => ({
          ref: view.ref, content: view.content, leadUnitName: view.leadUnitName, assigneeName: view.assigneeName, dueOn: view.dueDay ?? view.dueOn ?? '', workingDaysLate: view.deadline.workingDaysLate,
        })),
      };
    },
  };
}

export type PeriodService = ReturnType<typeof createPeriodService>;
