import { recordAudit } from '../../platform/audit/audit.service.js';
import { authorize, can, reachable } from '../../platform/access/policy.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { actorOf, listedFile, loadNames, reachOf, storedFiles, todayOf, type DirectiveDeps } from './directives.context.js';
import * as repo from './directives.repository.js';
import { addWorkingDays, type IsWorkingDay } from './rules/deadlines.js';
import { fanOut } from './rules/fan-out.js';
import { DOC_TYPE_LABELS, DOC_TYPES, PRIORITIES, RECURRENCES, type EditDocumentBody, type RegisterBody, type TaskDraft } from './schema.js';
import { countTasks, documentSummary, PRIORITY_LABELS, RECURRENCE_LABELS, taskSummary, type TaskCounts } from './views.js';

type Field = { path: string; message: string; messageEn: string };

/** Steering documents: registration with their confirmed tasks, the leader's board, one document. */
export function createDocumentService(deps: DirectiveDeps) {
  async function activeUnits() {
    const today = todayOf(deps);
    return (await deps.org.allUnits()).filter((u) => !u.effectiveTo || u.effectiveTo >= today);
  }

  /** Checks the confirmed items against the org tree and turns them into task rows (one lead each). */
  async function taskRows(drafts: TaskDraft[], documentId: number, isWorking: IsWorkingDay, pathPrefix = 'tasks') {
    const units = new Set((await activeUnits()).map((u) => u.id));
    const problems: Field[] = [];
    drafts.forEach((t, i) => {
      const ids = [...t.leads.flatMap((l) => ('unitId' in l ? [l.unitId] : l.unitIds)), ...t.coordinatingUnitIds];
      if (ids.some((id) => !units.has(id))) problems.push({ path: `${pathPrefix}.${i}.leads`, message: `Mục ${t.ref || i + 1}: có đơn vị không tồn tại hoặc đã thôi hoạt động.`, messageEn: `Item ${t.ref || i + 1}: a unit does not exist.` });
    });
    const { tasks, problems: fan } = fanOut(drafts);
    for (const p of fan) {
      const ref = drafts[p.index]!.ref || String(p.index + 1);
      problems.push({ path: `${pathPrefix}.${p.index}.leads`, message: `Mục ${ref}: chưa chọn đơn vị chủ trì ("rõ việc, rõ người": mỗi nhiệm vụ có một đơn vị chủ trì).`, messageEn: `Item ${ref}: no lead unit.` });
    }
    if (problems.length) throw errors.validation(problems);
    const today = todayOf(deps);
    return tasks.map((t) => {
      const dueOn = t.dueOn ?? (t.dueInWorkingDays ? addWorkingDays(today, t.dueInWorkingDays, isWorking) : null);
      return {
        document_id: documentId, ref: t.ref, content: t.content, lead_unit_id: t.leadUnitId, coordinating_unit_ids: t.coordinatingUnitIds,
        fan_out_key: t.fanOutKey, due_on: dueOn, recurrence: t.recurrence ?? null, first_due_on: t.recurrence ? dueOn : null,
        expected_output: t.expectedOutput ?? null, priority: t.priority, status: 'new' as const,
      };
    });
  }

  async function insertTasks(trx: Tx, ctx: RequestContext, rows: Awaited<ReturnType<typeof taskRows>>, at: Date) {
    const actor = actorOf(ctx);
    const ids: number[] = [];
    for (let i = 0; i < rows.length; i += 200) {
      for (const r of await trx.insertInto('directive_tasks').values(rows.slice(i, i + 200).map((r) => ({ ...r, created_at: at, updated_at: at }))).returning('id').execute()) ids.push(r.id);
    }
    await repo.addEvents(trx, ids.map((taskId, i) => ({ taskId, at, action: 'created', actorStaffId: actor.staffId, actorName: actor.fullName, unitId: rows[i]!.lead_unit_id })));
    return ids;
  }



  async function detail(ctx: RequestContext, id: number) {
    const actor = actorOf(ctx);
    const doc = await repo.findVisibleDocument(deps.db, reachOf(actor), id);
    if (!doc) throw errors.notFound('văn bản chỉ đạo', 'steering document');
    const tasks = await repo.tasksOfDocument(deps.db, id);
    const names = await loadNames(deps, tasks.map((t) => t.assignee_staff_id));
    const isWorking = await deps.workingDays();
    const today = todayOf(deps);
    const periods = await repo.periodsOf(deps.db, id);
    const leads = new Set(tasks.filter((t) => t.status !== 'cancelled').map((t) => t.lead_unit_id));
    const reported = new Map<number, number>();
    for (const p of periods) {
      reported.set(p.id, (await repo.unitReports(deps.db, p.id)).filter((r) => r.status === 'submitted' && leads.has(r.unit_id)).length);
    }
    return {
      document: {
        ...documentSummary(doc, names.unit(doc.owner_unit_id), countTasks(tasks, today, isWorking)),
        fullText: doc.full_text,
        registryDocumentId: doc.registry_document_id,
        files: (await repo.documentFiles(deps.db, id)).map((f) => ({ key: f.file_key, name: f.name, type: f.type, size: f.size })),
      },
      tasks: tasks.map((t) => taskSummary(t, doc, names, today, isWorking)),
      periods: periods.map((p) => ({ id: p.id, documentId: p.document_id, kind: p.kind, code: p.code, label: p.label, startsOn: p.starts_on, endsOn: p.ends_on, dueOn: p.due_on, units: leads.size, reported: reported.get(p.id) ?? 0 })),
      can: { manage: can(actor, 'directive.register', doc.owner_unit_id), approve: can(actor, 'directive.approve', doc.owner_unit_id) },
    };
  }

  return {
    async meta(ctx: RequestContext) {
      const actor = actorOf(ctx);
      const units = await activeUnits();
      const registerAt = new Set(reachable(actor, 'directive.register'));
      const groups = await deps.db.selectFrom('directive_group_phrases').select(['group_key', 'label', 'unit_kinds']).distinctOn('group_key').orderBy('group_key').execute();
      return {
        docTypes: DOC_TYPES.map((code) => ({ code, label: DOC_TYPE_LABELS[code].vi })),
        ownerUnits: units.filter((u) => registerAt.has(u.id) && u.kind !== 'section').map((u) => ({ id: u.id, name: u.name })),
        units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind, parentId: u.parentId })),
        groups: groups.map((g) => ({ key: g.group_key, label: g.label, unitIds: units.filter((u) => g.unit_kinds.includes(u.kind)).map((u) => u.id) })),
        recurrences: RECURRENCES.map((code) => ({ code, label: RECURRENCE_LABELS[code].vi })),
        priorities: PRIORITIES.map((code) => ({ code, label: PRIORITY_LABELS[code].vi })),
        can: { register: registerAt.size > 0 },
      };
    },

    /** The leader's board: documents the caller reaches, with their tasks' completion and overdue counts. */
    async board(ctx: RequestContext, q: { status?: 'active' | 'closed'; q?: string }) {
      const actor = actorOf(ctx);
      let query = repo.visibleDocuments(deps.db, reachOf(actor));
      if (q.status) query = query.where('d.status', '=', q.status);
      if (q.q) {
        const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        query = query.where((eb) => eb.or([eb('d.number', 'ilike', like), eb('d.subject', 'ilike', like), eb('d.issuer', 'ilike', like)]));
      }
      const docs = await query.orderBy('d.signed_on', 'desc').orderBy('d.id', 'desc').limit(500).execute();
      const facts = await repo.taskFacts(deps.db, docs.map((d) => d.id));
      const isWorking = await deps.workingDays();
      const today = todayOf(deps);
      const names = await loadNames(deps, []);
      return {
        documents: docs.map((d) => documentSummary(d, names.unit(d.owner_unit_id), countTasks(facts.filter((t) => t.document_id === d.id), today, isWorking))),
        can: { register: reachable(actor, 'directive.register').length > 0 },
      };
    },

    detail,

    /** The steering documents the caller sees that were registered from a document of the registry (issue 19 scope 5). */
    async linkedToRegistry(ctx: RequestContext, registryDocumentId: number) {
      const docs = await repo.visibleDocuments(deps.db, reachOf(actorOf(ctx))).where('d.registry_document_id', '=', registryDocumentId).orderBy('d.id').execute();
      return docs.map((d) => ({ id: d.id, number: d.number, subject: d.subject, status: d.status }));
    },

    /** Registers a document with the tasks the officer confirmed from its outline, in one transaction. */
    async register(ctx: RequestContext, body: RegisterBody) {
      const actor = actorOf(ctx);
      authorize(actor, 'directive.register', body.ownerUnitId, 'directive.read', () => errors.notFound('đơn vị', 'unit'));
      const isWorking = await deps.workingDays();
      // Checked and built before the transaction: the embedded database has one connection, which the
      // transaction holds, so nothing inside it may read through another.
      const rows = await taskRows(body.tasks, 0, isWorking);
      const files = await storedFiles(deps, body.files);
      // A document of the register (issue 19 scope 5): only one the officer may read there.
      if (body.registryDocumentId !== undefined && !(await deps.registry?.readable(ctx, body.registryDocumentId))) {
        throw errors.validation([{ path: 'registryDocumentId', message: 'Không có văn bản này trong sổ văn bản mà bạn được xem.', messageEn: 'No such document in a register you may read.' }]);
      }
      const at = deps.now();
      let id: number;
      try {
        id = await inTransaction(deps.db, async (trx) => {
          const doc = await trx.insertInto('directive_documents').values({
            doc_type: body.docType, number: body.number, issuer: body.issuer, signer: body.signer ?? null, signed_on: body.signedOn,
            subject: body.subject, fields: body.fields, full_text: body.fullText, owner_unit_id: body.ownerUnitId, registry_document_id: body.registryDocumentId ?? null, status: 'active', created_by_staff_id: actor.staffId,
            created_at: at, updated_at: at,
          }).returning('id').executeTakeFirstOrThrow();
          if (files.length) await trx.insertInto('directive_document_files').values(files.map((f) => ({ ...f, document_id: doc.id, added_at: at }))).execute();
          const taskIds = rows.length ? await insertTasks(trx, ctx, rows.map((r) => ({ ...r, document_id: doc.id })), at) : [];
          await recordAudit(trx, ctx, { action: 'directive.registered', entity: 'directive_document', entityId: doc.id, unitId: body.ownerUnitId, after: { number: body.number, issuer: body.issuer, tasks: taskIds.length } });
          return doc.id;
        });
      } catch (err) {
        if (isUniqueViolation(err, 'directive_documents_number_key')) {
          throw errors.conflict('DOCUMENT_EXISTS', `Văn bản số ${body.number} của ${body.issuer} năm ${body.signedOn.slice(0, 4)} đã được đăng ký.`, `Document ${body.number} is already registered.`);
        }
        throw err;
      }
      return detail(ctx, id);
    },

    /** More tasks for a registered document (a later item, a task the outline missed). */
    async addTasks(ctx: RequestContext, id: number, body: { version: number; tasks: TaskDraft[] }) {
      const actor = actorOf(ctx);
      const doc = await repo.findDocument(deps.db, id);
      const notFound = () => errors.notFound('văn bản chỉ đạo', 'steering document');
      if (!doc) throw notFound();
      authorize(actor, 'directive.register', doc.owner_unit_id, 'directive.read', notFound);
      const isWorking = await deps.workingDays();
      const rows = await taskRows(body.tasks, id, isWorking);
      await inTransaction(deps.db, async (trx) => {
        const bumped = await trx.updateTable('directive_documents').set((eb) => ({ version: eb('version', '+', 1), updated_at: deps.now() }))
          .where('id', '=', id).where('version', '=', body.version).executeTakeFirst();
        if (Number(bumped.numUpdatedRows) !== 1) throw errors.stale();
        const taskIds = await insertTasks(trx, ctx, rows, deps.now());
        await recordAudit(trx, ctx, { action: 'directive.tasks_added', entity: 'directive_document', entityId: id, unitId: doc.owner_unit_id, after: { tasks: taskIds.length } });
      });
      return detail(ctx, id);
    },

    /** Corrects the subject, signer or fields, or ends (and resumes) tracking: a closed document's tasks no longer move. */
    async edit(ctx: RequestContext, id: number, body: EditDocumentBody) {
      const actor = actorOf(ctx);
      const doc = await repo.findDocument(deps.db, id);
      const notFound = () => errors.notFound('văn bản chỉ đạo', 'steering document');
      if (!doc) throw notFound();
      authorize(actor, 'directive.register', doc.owner_unit_id, 'directive.read', notFound);
      const values = {
        ...(body.subject !== undefined ? { subject: body.subject } : {}),
        ...(body.signer !== undefined ? { signer: body.signer ?? null } : {}),
        ...(body.fields !== undefined ? { fields: body.fields } : {}),
        ...(body.status !== undefined ? { status: body.status } : {}),
      };
      await inTransaction(deps.db, async (trx) => {
        const r = await trx.updateTable('directive_documents').set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: deps.now() }))
          .where('id', '=', id).where('version', '=', body.version).executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw errors.stale();
        const action = body.status && body.status !== doc.status ? (body.status === 'closed' ? 'directive.closed' : 'directive.reopened') : 'directive.edited';
        await recordAudit(trx, ctx, { action, entity: 'directive_document', entityId: id, unitId: doc.owner_unit_id, before: { subject: doc.subject, signer: doc.signer, fields: doc.fields, status: doc.status }, after: values });
      });
      return detail(ctx, id);
    },

    async file(ctx: RequestContext, id: number, key: string) {
      if (!(await repo.findVisibleDocument(deps.db, reachOf(actorOf(ctx)), id))) throw errors.notFound('văn bản chỉ đạo', 'steering document');
      return listedFile(deps, await repo.documentFiles(deps.db, id), key);
    },
  };
}

export type DocumentService = ReturnType<typeof createDocumentService>;
export type { TaskCounts };
