import type { Updateable } from 'kysely';
import { can, type Actor, type Permission } from '../../platform/access/policy.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { createDisposalsService } from './files-disposal.service.js';
import { createFileExports, documentLines } from './files-exports.service.js';
import { checkResponsible, conflict, listNotFound, loadAgency, loadFile, requirePermission, staleFile } from './files.access.js';
import * as files from './files.repository.js';
import type { FileActionInput, FileCreateInput, FileListActionInput, FileListQuery } from './files.schema.js';
import type { RegFilesTable } from './files.tables.js';
import { eventView, fileView, listView, loadFileNames, staffOfFiles } from './files.view.js';
import { actorOf, documentNotFound, invalid, mayRead, todayOf, type RegistryDeps } from './registry.context.js';
import * as repo from './registry.repository.js';
import { closeProblem, filingRefusal } from './rules/filing.js';
import { handoverRequired, keepDecision } from './rules/retention.js';

const codeTaken = () => errors.conflict('FILE_CODE_TAKEN', 'Số và ký hiệu hồ sơ này đã có trong danh mục hồ sơ của năm.', 'The file code is already used in this year\'s list.');
const alreadyFiled = () => errors.conflict('DOCUMENT_ALREADY_FILED', 'Văn bản đã được lập vào một hồ sơ khác: mỗi văn bản chỉ thuộc một hồ sơ.', 'The document is already in a file.');
/** Who takes each action (the records office keeps the list; art. 29: the person responsible closes their own file; the head lets a unit keep one). */
const ACTION_PERMISSION: Record<FileActionInput['action'], [Permission, boolean]> = {
  edit: ['document.register', false], remove: ['document.register', false], close: ['document.register', true],
  hand_over: ['document.register', false], keep: ['document.sign', false],
};

/**
 * File lists, filing, closing, handover and disposal (issue 19 scope 4; Decree 30/2020 arts 28–31,
 * Appendix V and VI; RULES-files.md). Each change is one transaction with its history row and audit
 * row under the version the caller read; org and other reads happen before it.
 */
export function createFilesService(deps: RegistryDeps) {
  const { db } = deps;

  /** What the caller may do to a file now (buttons of the web app; each action checks again). */
  function allowedActions(actor: Actor, row: files.FileRow, listApproved: boolean, documentCount: number): string[] {
    const register = can(actor, 'document.register', row.unit_id);
    const keeper = register || row.responsible_staff_id === actor.staffId;
    const out: string[] = [];
    if (row.status === 'open') {
      if (register) out.push('edit');
      if (register && !listApproved && documentCount === 0) out.push('remove');
      if (keeper) out.push('file_document', 'unfile_document', 'close');
    }
    if (row.status === 'closed') {
      if (register) out.push('edit', 'hand_over');
      if (can(actor, 'document.sign', row.unit_id) && handoverRequired(row.retention_years)) out.push('keep');
    }
    return out;
  }

  async function list(ctx: RequestContext, q: FileListQuery) {
    const actor = actorOf(ctx);
    await loadAgency(deps, actor, q.unitId);
    const today = todayOf(deps);
    const listRow = q.year !== undefined ? await files.findList(db, q.unitId, q.year) : undefined;
    const rows = q.year !== undefined ? await files.filesOfYear(db, q.unitId, q.year) : await files.filesDue(db, q.unitId, q.due!);
    const facts = await files.factsOf(db, rows.map((r) => r.id));
    const names = await loadFileNames(deps.org, [...staffOfFiles(rows), listRow?.approved_by_staff_id ?? null]);
    let views = rows.map((r) => fileView(r, facts.get(r.id), names, today));
    if (q.due === 'handover') views = views.filter((v) => v.handoverDueSoon || v.handoverOverdue);
    if (q.due === 'disposal') views = views.filter((v) => v.disposable && v.disposalId === null);
    return {
      unitId: q.unitId, unitName: names.unit(q.unitId), year: q.year ?? null,
      list: listRow ? listView(listRow, names) : null,
      counts: { total: views.length, permanent: views.filter((v) => v.retention === 'permanent').length, limited: views.filter((v) => v.retention !== 'permanent').length },
      files: views,
      may: { manage: can(actor, 'document.register', q.unitId), approve: can(actor, 'document.sign', q.unitId) },
    };
  }

  async function get(ctx: RequestContext, id: number) {
    const actor = actorOf(ctx);
    const row = await loadFile(deps, actor, id);
    const [listRow, facts, documents, events] = await Promise.all([
      files.findList(db, row.unit_id, row.year), files.factsOf(db, [id]), documentLines(deps, actor, id), files.eventsOf(db, 'file_id', id),
    ]);
    const names = await loadFileNames(deps.org, [...staffOfFiles([row]), ...documents.map((d) => d.filedBy)]);
    const view = fileView(row, facts.get(id), names, todayOf(deps));
    return {
      ...view,
      list: listRow ? listView(listRow, names) : null,
      documents: documents.map(({ filedBy, fileKey: _key, ...d }) => ({ ...d, filedBy: names.staff(filedBy) })),
      events: events.map(eventView),
      allowedActions: allowedActions(actor, row, listRow?.status === 'approved', view.documentCount),
    };
  }

  async function create(ctx: RequestContext, input: FileCreateInput) {
    const actor = actorOf(ctx);
    await loadAgency(deps, actor, input.unitId);
    requirePermission(actor, 'document.register', input.unitId);
    const today = todayOf(deps);
    if (input.year > Number(today.slice(0, 4)) + 1) throw invalid('year', 'Chỉ lập danh mục hồ sơ đến năm sau.', 'A file list can be drafted at most for next year.');
    const listRow = await files.findList(db, input.unitId, input.year);
    const afterApproval = listRow?.status === 'approved';
    // Art. 28: the approved list is what units file by; what is added to it later says why.
    if (afterApproval && !input.reason) throw invalid('reason', 'Danh mục hồ sơ năm đã được phê duyệt: nêu lý do bổ sung hồ sơ.', 'The list is approved: give the reason for adding a file.');
    await checkResponsible(deps, input.unitId, input.responsibleStaffId, input.responsibleUnitId);
    if (await files.fileWithCode(db, input.unitId, input.year, input.code)) throw codeTaken();
    const at = deps.now();
    const values = {
      code: input.code, title: input.title, heading: input.heading || null, retention_years: input.retention === 'permanent' ? null : input.retention,
      responsible_staff_id: input.responsibleStaffId ?? null, responsible_unit_id: input.responsibleUnitId ?? null, note: input.note || null,
    };
    const id = await inTransaction(db, async (trx) => {
      const listRef = await files.ensureList(trx, input.unitId, input.year, actor.staffId, at);
      if (listRef.created) await files.insertFileEvent(trx, { listId: listRef.id }, actor, 'created', at, null, { year: input.year });
      const fileId = await files.insertFile(trx, {
        list_id: listRef.id, unit_id: input.unitId, year: input.year, ...values, added_after_approval: afterApproval,
        created_by_staff_id: actor.staffId, created_at: at, updated_at: at,
      }).catch((e) => { throw isUniqueViolation(e, 'reg_files_code_uidx') ? codeTaken() : e; });
      await files.insertFileEvent(trx, { fileId, listId: listRef.id }, actor, 'created', at, input.reason ?? null, { ...values, afterApproval });
      await recordAudit(trx, ctx, { action: 'registry.file_created', entity: 'registry_file', entityId: fileId, unitId: input.unitId, after: { year: input.year, ...values, afterApproval, reason: input.reason ?? null } });
      return fileId;
    });
    return get(ctx, id);
  }

  type Change = { values: Updateable<RegFilesTable>; note?: string | null; details: Record<string, unknown> };

  /** What an action changes, after its checks (the permission and version first, then 409 for the state, then 400 for a field). */
  async function change(actor: Actor, row: files.FileRow, input: FileActionInput): Promise<Change> {
    const today = todayOf(deps);
    const frozen = () => conflict({ code: 'FILE_NOT_OPEN', vi: 'Hồ sơ đã kết thúc.', en: 'The file is closed.' });
    switch (input.action) {
      case 'edit': {
        if (row.status !== 'open' && row.status !== 'closed') throw conflict({ code: 'FILE_NOT_EDITABLE', vi: 'Hồ sơ đã nộp lưu hoặc đã hủy: không sửa thông tin được.', en: 'A handed-over or disposed file cannot be edited.' });
        const listRow = await files.findList(db, row.unit_id, row.year);
        const listed = input.code !== undefined || input.title !== undefined || input.retention !== undefined;
        if (listRow?.status === 'approved' && listed && !input.reason) throw invalid('reason', 'Danh mục hồ sơ đã được phê duyệt: nêu lý do sửa số, ký hiệu, tiêu đề hoặc thời hạn bảo quản.', 'The list is approved: give the reason for the change.');
        if (input.code !== undefined && input.code.toUpperCase() !== row.code.toUpperCase()) {
          if (await files.fileWithCode(db, row.unit_id, row.year, input.code)) throw codeTaken();
        }
        await checkResponsible(deps, row.unit_id, input.responsibleStaffId, input.responsibleUnitId);
        const values: Updateable<RegFilesTable> = {};
        if (input.code !== undefined) values.code = input.code;
        if (input.title !== undefined) values.title = input.title;
        if (input.retention !== undefined) values.retention_years = input.retention === 'permanent' ? null : input.retention;
        if (input.heading !== undefined) values.heading = input.heading || null;
        if (input.responsibleStaffId !== undefined) values.responsible_staff_id = input.responsibleStaffId;
        if (input.responsibleUnitId !== undefined) values.responsible_unit_id = input.responsibleUnitId;
        if (input.note !== undefined) values.note = input.note || null;
        const before = Object.fromEntries(Object.keys(values).map((k) => [k, row[k as keyof files.FileRow]]));
        return { values, note: input.reason ?? null, details: { before, after: values } };
      }
      case 'remove': {
        const listRow = await files.findList(db, row.unit_id, row.year);
        if (listRow?.status === 'approved') throw conflict({ code: 'LIST_APPROVED', vi: 'Danh mục hồ sơ đã được phê duyệt: không bỏ hồ sơ khỏi danh mục được.', en: 'The list is approved: files are no longer removed from it.' });
        if (row.status !== 'open') throw frozen();
        if ((await files.factsOf(db, [row.id])).get(row.id)?.count) throw conflict({ code: 'FILE_NOT_EMPTY', vi: 'Hồ sơ đã có văn bản: hãy rút các văn bản ra trước.', en: 'The file holds documents.' });
        return { values: { status: 'removed' }, details: {} };
      }
      case 'close': {
        if (row.status !== 'open') throw frozen();
        const facts = (await files.factsOf(db, [row.id])).get(row.id);
        if (!facts?.count) throw conflict({ code: 'FILE_EMPTY', vi: 'Hồ sơ chưa có văn bản nào, chưa kết thúc được.', en: 'The file holds no document.' });
        const endedOn = input.endedOn ?? today;
        const problem = closeProblem(endedOn, today, row.year, facts.lastDay);
        if (problem) throw invalid(problem.path, problem.vi, problem.en);
        return { values: { status: 'closed', ended_on: endedOn, closed_at: deps.now(), closed_by_staff_id: actor.staffId }, details: { endedOn, documents: facts.count } };
      }
      case 'hand_over': {
        if (row.status !== 'closed') throw conflict({ code: 'FILE_NOT_CLOSED', vi: 'Chỉ nộp lưu hồ sơ đã kết thúc và chưa nộp lưu.', en: 'Only a closed file is handed over.' });
        const on = input.on ?? today;
        if (on > today || on < row.ended_on!) throw invalid('on', 'Ngày nộp lưu không được sau hôm nay hay trước ngày kết thúc hồ sơ.', 'The handover day must be between the end of the work and today.');
        return { values: { status: 'handed_over', handed_over_on: on, handed_over_by_staff_id: actor.staffId }, note: input.note || null, details: { on } };
      }
      case 'keep': {
        const decided = keepDecision({ status: row.status, retentionYears: row.retention_years, endedOn: row.ended_on, keptUntil: row.kept_until }, input.until);
        if ('refusal' in decided) throw conflict(decided.refusal);
        if ('problem' in decided) throw invalid(decided.problem.path, decided.problem.vi, decided.problem.en);
        return { values: { kept_until: decided.until, keep_reason: input.reason, kept_by_staff_id: actor.staffId }, note: input.reason, details: { until: decided.until, before: row.kept_until } };
      }
    }
  }

  async function act(ctx: RequestContext, id: number, input: FileActionInput) {
    const actor = actorOf(ctx);
    const row = await loadFile(deps, actor, id);
    const [permission, orResponsible] = ACTION_PERMISSION[input.action];
    requirePermission(actor, permission, row.unit_id, orResponsible ? row : undefined);
    if (input.version !== row.version) throw staleFile();
    const c = await change(actor, row, input);
    const at = deps.now();
    await inTransaction(db, async (trx) => {
      const updated = await files.updateFile(trx, id, input.version, c.values, at).catch((e) => { throw isUniqueViolation(e, 'reg_files_code_uidx') ? codeTaken() : e; });
      if (!updated) throw staleFile();
      await files.insertFileEvent(trx, { fileId: id }, actor, input.action, at, c.note, c.details);
      await recordAudit(trx, ctx, {
        action: `registry.file_${input.action as 'edit' | 'remove' | 'close' | 'hand_over' | 'keep'}`,
        entity: 'registry_file', entityId: id, unitId: row.unit_id, before: { status: row.status, version: row.version }, after: { status: c.values.status ?? row.status, ...c.details },
      });
    });
    if (input.action === 'remove') return { id, status: 'removed' as const };
    return get(ctx, id);
  }

  /** A document the caller may file into (or take out of) this file: the file's keeper, the document readable. */
  async function filingTarget(ctx: RequestContext, id: number, documentId: number, version: number) {
    const actor = actorOf(ctx);
    const row = await loadFile(deps, actor, id);
    requirePermission(actor, 'document.register', row.unit_id, row);
    const doc = await repo.findDocument(db, documentId);
    if (!doc || !mayRead(actor, doc, await repo.partiesOf(db, documentId))) throw documentNotFound();
    if (version !== row.version) throw staleFile();
    return { actor, row, doc };
  }

  async function fileDocument(ctx: RequestContext, id: number, input: { documentId: number; version: number }) {
    const { actor, row, doc } = await filingTarget(ctx, id, input.documentId, input.version);
    const refusal = filingRefusal(doc, row);
    if (refusal) throw conflict(refusal);
    if (await files.fileOfDocument(db, doc.id)) throw alreadyFiled();
    const at = deps.now();
    await inTransaction(db, async (trx) => {
      if (!(await files.updateFile(trx, id, input.version, {}, at))) throw staleFile();
      await trx.insertInto('reg_file_documents').values({ document_id: doc.id, file_id: id, filed_at: at, filed_by_staff_id: actor.staffId }).execute()
        .catch((e) => { throw isUniqueViolation(e) ? alreadyFiled() : e; });
      await files.insertFileEvent(trx, { fileId: id }, actor, 'document_filed', at, null, { documentId: doc.id, symbol: doc.symbol });
      await repo.insertEvent(trx, doc.id, actor, 'filed', at, `Lập vào hồ sơ ${row.code} (năm ${row.year})`, { fileId: id, code: row.code });
      await recordAudit(trx, ctx, { action: 'registry.file_document_filed', entity: 'registry_file', entityId: id, unitId: row.unit_id, after: { documentId: doc.id, symbol: doc.symbol } });
    });
    return get(ctx, id);
  }

  async function unfileDocument(ctx: RequestContext, id: number, documentId: number, version: number) {
    const { actor, row, doc } = await filingTarget(ctx, id, documentId, version);
    const held = await files.fileOfDocument(db, doc.id);
    if (!held || held.file_id !== id) throw errors.notFound('văn bản trong hồ sơ', 'document in the file');
    // Art. 29.4: once the file is closed its documents stay as they are.
    if (row.status !== 'open') throw conflict({ code: 'FILE_NOT_OPEN', vi: 'Hồ sơ đã kết thúc: văn bản trong hồ sơ được giữ nguyên.', en: 'The file is closed: its documents are frozen.' });
    const at = deps.now();
    await inTransaction(db, async (trx) => {
      if (!(await files.updateFile(trx, id, version, {}, at))) throw staleFile();
      await trx.deleteFrom('reg_file_documents').where('document_id', '=', doc.id).where('file_id', '=', id).execute();
      await files.insertFileEvent(trx, { fileId: id }, actor, 'document_unfiled', at, null, { documentId: doc.id, symbol: doc.symbol });
      await repo.insertEvent(trx, doc.id, actor, 'unfiled', at, `Rút khỏi hồ sơ ${row.code} (năm ${row.year})`, { fileId: id, code: row.code });
      await recordAudit(trx, ctx, { action: 'registry.file_document_unfiled', entity: 'registry_file', entityId: id, unitId: row.unit_id, before: { documentId: doc.id, symbol: doc.symbol } });
    });
    return get(ctx, id);
  }

  /** Art. 28: the head approves the year's list by a decision. */
  async function listAct(ctx: RequestContext, unitId: number, year: number, input: FileListActionInput) {
    const actor = actorOf(ctx);
    await loadAgency(deps, actor, unitId);
    const listRow = await files.findList(db, unitId, year);
    if (!listRow) throw listNotFound();
    requirePermission(actor, 'document.sign', unitId);
    if (listRow.status === 'approved') throw conflict({ code: 'LIST_APPROVED', vi: 'Danh mục hồ sơ đã được phê duyệt.', en: 'The list is already approved.' });
    if (input.version !== listRow.version) throw staleFile();
    const count = (await files.filesOfYear(db, unitId, year)).length;
    if (count === 0) throw conflict({ code: 'LIST_EMPTY', vi: 'Danh mục chưa có hồ sơ nào.', en: 'The list has no file.' });
    const today = todayOf(deps);
    if (input.decisionDate > today || input.decisionDate < `${year - 1}-01-01`) throw invalid('decisionDate', `Ngày quyết định không được sau hôm nay và phải từ năm ${year - 1}.`, 'The decision date is out of range.');
    const at = deps.now();
    await inTransaction(db, async (trx) => {
      const values = { status: 'approved' as const, decision_no: input.decisionNo, decision_date: input.decisionDate, approved_by_staff_id: actor.staffId, approved_at: at };
      if (!(await files.updateList(trx, listRow.id, input.version, values, at))) throw staleFile();
      await files.insertFileEvent(trx, { listId: listRow.id }, actor, 'approved', at, null, { decisionNo: input.decisionNo, decisionDate: input.decisionDate, files: count });
      await recordAudit(trx, ctx, { action: 'registry.file_list_approved', entity: 'registry_file_list', entityId: listRow.id, unitId, before: { status: 'draft' }, after: { status: 'approved', decisionNo: input.decisionNo, decisionDate: input.decisionDate, files: count } });
    });
    return list(ctx, { unitId, year });
  }

  const exports = createFileExports(deps, { list, get });
  const disposals = createDisposalsService(deps);
  return { list, get, create, act, fileDocument, unfileDocument, listAct, ...exports, disposals };
}
export type FilesService = ReturnType<typeof createFilesService>;
