import { recordAudit } from '../../platform/audit/audit.service.js';
import { authorize, can, type Actor } from '../../platform/access/policy.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { actorOf, listedFile, loadNames, reachOf, storedFiles, todayOf, type DirectiveDeps } from './directives.context.js';
import * as repo from './directives.repository.js';
import { occurrenceDue } from './rules/deadlines.js';
import { allowedActions, mayAct, nextStatus, OPEN_STATUSES, refusal, type Standing } from './rules/task-state.js';
import type { TaskActionInput, TaskListQuery } from './schema.js';
import { ACTION_LABELS, taskSummary } from './views.js';

type Task = repo.TaskRow;
type Doc = repo.DocumentRow;

export function standingOf(actor: Actor, task: Pick<Task, 'assignee_staff_id' | 'lead_unit_id'>, doc: Pick<Doc, 'owner_unit_id'>): Standing {
  return {
    assignee: task.assignee_staff_id === actor.staffId,
    leadHead: can(actor, 'directive.assign', task.lead_unit_id),
    ownerRegister: can(actor, 'directive.register', doc.owner_unit_id),
    ownerApprove: can(actor, 'directive.approve', doc.owner_unit_id),
  };
}

/** Led, coordinated or tracked by a unit the caller reads, or given to the caller. */
export function mayRead(actor: Actor, task: Pick<Task, 'assignee_staff_id' | 'lead_unit_id' | 'coordinating_unit_ids'>, doc: Pick<Doc, 'owner_unit_id'>): boolean {
  return task.assignee_staff_id === actor.staffId || can(actor, 'directive.read', task.lead_unit_id) || can(actor, 'directive.read', doc.owner_unit_id)
    || task.coordinating_unit_ids.some((u) => can(actor, 'directive.read', u));
}

/** Assigned tasks: the lists, one task with its history, and every move on it. */
export function createTaskService(deps: DirectiveDeps) {
  async function load(actor: Actor, id: number) {
    const task = await repo.findTask(deps.db, id);
    const doc = task && (await repo.findDocument(deps.db, task.document_id));
    if (!task || !doc || !mayRead(actor, task, doc)) throw errors.notFound('nhiệm vụ', 'task');
    return { task, doc };
  }

  async function detail(ctx: RequestContext, id: number) {
    const actor = actorOf(ctx);
    const { task, doc } = await load(actor, id);
    const events = await repo.eventsOf(deps.db, id);
    const files = await repo.filesOf(deps.db, id);
    const names = await loadNames(deps, [task.assignee_staff_id]);
    return {
      task: taskSummary(task, doc, names, todayOf(deps), await deps.workingDays()),
      events: events.map((e) => ({
        id: Number(e.id), at: e.at.toISOString(), action: e.action, actionLabel: ACTION_LABELS[e.action as keyof typeof ACTION_LABELS]?.vi ?? e.action,
        actorName: e.actor_name, unitName: names.unit(e.unit_id), progress: e.progress, note: e.note,
        files: files.filter((f) => f.event_id === e.id).map((f) => ({ key: f.file_key, name: f.name, type: f.type, size: f.size })),
      })),
      allowedActions: doc.status === 'active' ? allowedActions(task.status, standingOf(actor, task, doc)) : [],
    };
  }



  /** The row changes an action makes, after the checks that need the org tree. */
  async function changes(task: Task, input: TaskActionInput, today: string, at: Date): Promise<Partial<Task>> {
    const recurring = task.recurrence !== null && task.first_due_on !== null;
    const status = nextStatus(task.status, input.action, recurring);
    switch (input.action) {
      case 'assign': {
        const subtree = (await deps.org.subtrees([task.lead_unit_id])).get(task.lead_unit_id) ?? [task.lead_unit_id];
        const staff = await deps.org.staffNames(subtree);
        if (!staff.some((s) => s.id === input.staffId)) {
          throw errors.validation([{ path: 'staffId', message: 'Người được giao phải là cán bộ đang làm việc tại đơn vị chủ trì.', messageEn: 'The person in charge must be active staff of the lead unit.' }]);
        }
        return { status, assignee_staff_id: input.staffId };
      }
      case 'progress': return { status, progress: input.percent };
      case 'request_completion': return { status, progress: 100, done_on: today };
      case 'approve':
        if (recurring) return { status, occurrence: task.occurrence + 1, due_on: occurrenceDue(task.first_due_on!, task.recurrence!, task.occurrence + 1), progress: 0, done_on: null };
        return { status, completed_at: at };
      case 'return': return { status, done_on: null };
      case 'cancel': return { status };
      case 'change_lead': {
        const units = await deps.org.allUnits();
        const unit = units.find((u) => u.id === input.unitId && (!u.effectiveTo || u.effectiveTo >= today));
        if (!unit) throw errors.validation([{ path: 'unitId', message: 'Đơn vị không tồn tại hoặc đã thôi hoạt động.', messageEn: 'No such unit.' }]);
        if (unit.id === task.lead_unit_id) throw errors.validation([{ path: 'unitId', message: 'Đơn vị này đang là đơn vị chủ trì.', messageEn: 'That unit already leads the task.' }]);
        return { status, lead_unit_id: unit.id, assignee_staff_id: null, coordinating_unit_ids: task.coordinating_unit_ids.filter((u) => u !== unit.id) };
      }
      case 'edit': {
        const v: Partial<Task> = {};
        if (input.content !== undefined) v.content = input.content;
        if (input.priority !== undefined) v.priority = input.priority;
        if (input.expectedOutput !== undefined) v.expected_output = input.expectedOutput ?? null;
        if (input.coordinatingUnitIds !== undefined) v.coordinating_unit_ids = input.coordinatingUnitIds.filter((u) => u !== task.lead_unit_id);
        if (input.dueOn !== undefined) v.due_on = input.dueOn ?? null;
        if (input.recurrence !== undefined) {
          const due = v.due_on === undefined ? task.due_on : v.due_on;
          if (input.recurrence && !due) throw errors.validation([{ path: 'dueOn', message: 'Nhiệm vụ định kỳ cần hạn của lần đầu tiên.', messageEn: 'A recurring task needs its first due day.' }]);
          v.recurrence = input.recurrence ?? null;
          v.first_due_on = input.recurrence ? due : null;
          v.occurrence = 0;
        } else if (v.due_on !== undefined && task.recurrence) {
          if (!v.due_on) throw errors.validation([{ path: 'dueOn', message: 'Nhiệm vụ định kỳ cần hạn của lần đầu tiên.', messageEn: 'A recurring task needs its first due day.' }]);
          v.first_due_on = v.due_on;
          v.occurrence = 0;
        }
        return v;
      }
      default: return {};
    }
  }

  return {
    detail,

    async list(ctx: RequestContext, q: TaskListQuery) {
      const actor = actorOf(ctx);
      const today = todayOf(deps);
      const isWorking = await deps.workingDays();
      const statuses = q.status === 'open' || q.overdue === 'true' ? [...OPEN_STATUSES] : q.status ? [q.status] : undefined;
      const rows = await repo.listTasks(deps.db, reachOf(actor), { scope: q.scope, documentId: q.documentId, unitId: q.unitId, statuses, cursor: q.cursor, limit: q.limit, dueBefore: q.overdue === 'true' ? today : undefined });
      const docs = new Map<number, Doc>();
      for (const id of new Set(rows.map((r) => r.document_id))) docs.set(id, (await repo.findDocument(deps.db, id))!);
      const names = await loadNames(deps, rows.map((r) => r.assignee_staff_id));
      let tasks = rows.map((t) => taskSummary(t, docs.get(t.document_id)!, names, today, isWorking));
      // A due day on a day off moves to the next working day, so the calendar decides the last step.
      if (q.overdue === 'true') tasks = tasks.filter((t) => t.deadline.state === 'overdue');
      return { tasks, nextCursor: rows.length === q.limit ? rows[rows.length - 1]!.id : null };
    },

    async assignees(ctx: RequestContext, unitId: number) {
      const actor = actorOf(ctx);
      authorize(actor, 'directive.assign', unitId, 'directive.read', () => errors.notFound('đơn vị', 'unit'));
      const subtree = (await deps.org.subtrees([unitId])).get(unitId) ?? [unitId];
      return { staff: (await deps.org.staffNames(subtree)).map((s) => ({ id: s.id, fullName: s.fullName, position: s.position, unitName: s.unitName })) };
    },

    async act(ctx: RequestContext, id: number, input: TaskActionInput) {
      const actor = actorOf(ctx);
      const { task, doc } = await load(actor, id);
      if (doc.status !== 'active') throw errors.conflict('DOCUMENT_CLOSED', 'Văn bản đã kết thúc theo dõi; không thể cập nhật nhiệm vụ.', 'The document is closed.');
      if (!mayAct(input.action, standingOf(actor, task, doc))) throw errors.forbidden();
      const refused = refusal(task.status, input.action);
      if (refused) throw errors.conflict(refused.code, refused.vi, refused.en);
      if (input.version !== task.version) throw errors.stale();
      const today = todayOf(deps);
      const at = deps.now();
      const values = await changes(task, input, today, at);
      const files = 'files' in input ? await storedFiles(deps, input.files) : [];
      const note = 'note' in input ? input.note ?? null : 'reason' in input ? input.reason : 'text' in input ? input.text : null;
      await inTransaction(deps.db, async (trx) => {
        if (!(await repo.updateTask(trx, id, task.version, values, at))) throw errors.stale();
        const details: Record<string, unknown> = {};
        if (input.action === 'assign') details.staffId = input.staffId;
        if (input.action === 'change_lead') details.fromUnitId = task.lead_unit_id;
        if (input.action === 'approve' && task.recurrence) details.occurrence = { n: task.occurrence, dueOn: task.due_on, doneOn: task.done_on };
        if (input.action === 'edit') details.before = { content: task.content, dueOn: task.due_on, recurrence: task.recurrence, priority: task.priority };
        const eventId = await repo.addEvent(trx, {
          taskId: id, at, action: input.action, actorStaffId: actor.staffId, actorName: actor.fullName, unitId: values.lead_unit_id ?? task.lead_unit_id,
          progress: values.progress ?? null, note, details,
        });
        if (files.length) await trx.insertInto('directive_task_files').values(files.map((f) => ({ ...f, task_id: id, event_id: eventId, added_at: at }))).execute();
        await recordAudit(trx, ctx, { action: `directive.task_${input.action}`, entity: 'directive_task', entityId: id, unitId: task.lead_unit_id, before: { status: task.status }, after: { status: values.status ?? task.status } });
      });
      return detail(ctx, id);
    },

    async file(ctx: RequestContext, id: number, key: string) {
      const actor = actorOf(ctx);
      await load(actor, id);
      return listedFile(deps, await repo.filesOf(deps.db, id), key);
    },
  };
}

export type TaskService = ReturnType<typeof createTaskService>;
