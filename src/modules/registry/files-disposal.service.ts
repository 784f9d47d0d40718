import { can, type Actor } from '../../platform/access/policy.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { conflict, disposalNotFound, loadAgency, requirePermission, staleFile } from './files.access.js';
import * as files from './files.repository.js';
import type { DisposalActionInput, DisposalCreateInput } from './files.schema.js';
import { disposalView, eventView, fileView, loadFileNames, staffOfFiles } from './files.view.js';
import { actorOf, invalid, todayOf, vnDay, type RegistryDeps } from './registry.context.js';
import * as repo from './registry.repository.js';
import { disposalRefusal, type Refusal } from './rules/retention.js';

const notDisposable = (problems: { id: number; code: string; refusal: Refusal }[]) => errors.conflict('FILE_NOT_DISPOSABLE',
  `Không đưa vào danh mục hủy được: ${problems.map((p) => `hồ sơ ${p.code} — ${p.refusal.vi}`).join(' ')}`,
  'Some files cannot be disposed of.', { files: problems.map((p) => ({ id: p.id, code: p.code, reason: p.refusal.code })) });

/**
 * Disposal of files past their retention (Law on Archives 2024; RULES-files.md "Disposal"): the records
 * office lists them, the head approves the list by a decision, and only then are the files 'disposed'
 * and the stored contents of their documents erased — those no other live document still holds.
 */
export function createDisposalsService(deps: RegistryDeps) {
  const { db } = deps;

  async function load(actor: Actor, id: number) {
    const row = await files.findDisposal(db, id);
    if (!row || !can(actor, 'document.read', row.unit_id)) throw disposalNotFound();
    return row;
  }

  /** The files asked for, each of this agency and disposable now (a file already on this list may stay). */
  async function checkFiles(unitId: number, ids: number[], listId: number | null) {
    const rows = await files.findFiles(db, ids);
    const found = new Map(rows.filter((r) => r.unit_id === unitId && r.status !== 'removed').map((r) => [r.id, r]));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw invalid('fileIds', `Không tìm thấy hồ sơ số ${missing.join(', ')} của cơ quan.`, `Files ${missing.join(', ')} not found at the agency.`);
    const today = todayOf(deps);
    const problems = rows.flatMap((r) => {
      const refusal = disposalRefusal({ status: r.status, retentionYears: r.retention_years, endedOn: r.ended_on, disposalId: r.disposal_id }, today, listId);
      return refusal ? [{ id: r.id, code: r.code, refusal }] : [];
    });
    if (problems.length) throw notDisposable(problems);
    return rows;
  }

  /** Puts files on a list (or takes them off) under each file's version: a file moved on meanwhile answers 409. */
  async function setList(trx: Tx, rows: files.FileRow[], disposalId: number | null, actor: Actor, at: Date, action: string, listForEvent: number) {
    for (const r of rows) {
      if (!(await files.updateFile(trx, r.id, r.version, { disposal_id: disposalId }, at))) throw staleFile();
      await files.insertFileEvent(trx, { fileId: r.id, disposalId: listForEvent }, actor, action, at);
    }
  }

  async function get(ctx: RequestContext, id: number) {
    const actor = actorOf(ctx);
    const row = await load(actor, id);
    const [rows, events] = await Promise.all([files.filesOnDisposal(db, id), files.eventsOf(db, 'disposal_id', id)]);
    const facts = await files.factsOf(db, rows.map((r) => r.id));
    const names = await loadFileNames(deps.org, [...staffOfFiles(rows), row.approved_by_staff_id, row.created_by_staff_id]);
    const today = todayOf(deps);
    const register = can(actor, 'document.register', row.unit_id);
    const sign = can(actor, 'document.sign', row.unit_id);
    return {
      ...disposalView(row, rows.length, names),
      files: rows.map((r) => fileView(r, facts.get(r.id), names, today)),
      events: events.map(eventView),
      allowedActions: row.status !== 'draft' ? [] : [...(register ? ['add_files', 'remove_files'] : []), ...(sign ? ['approve'] : []), ...(register || sign ? ['cancel'] : [])],
    };
  }

  async function list(ctx: RequestContext, q: { unitId: number }) {
    const actor = actorOf(ctx);
    await loadAgency(deps, actor, q.unitId);
    const rows = await files.disposalsOf(db, q.unitId);
    const counts = await files.disposalFileCounts(db, rows.map((r) => r.id));
    const names = await loadFileNames(deps.org, rows.flatMap((r) => [r.approved_by_staff_id, r.created_by_staff_id]));
    return { items: rows.map((r) => disposalView(r, counts.get(r.id) ?? 0, names)) };
  }

  async function create(ctx: RequestContext, input: DisposalCreateInput) {
    const actor = actorOf(ctx);
    await loadAgency(deps, actor, input.unitId);
    requirePermission(actor, 'document.register', input.unitId);
    const rows = await checkFiles(input.unitId, input.fileIds, null);
    const at = deps.now();
    const id = await inTransaction(db, async (trx) => {
      const made = await trx.insertInto('reg_disposals').values({ unit_id: input.unitId, title: input.title, note: input.note || null, created_by_staff_id: actor.staffId, created_at: at, updated_at: at })
        .returning('id').executeTakeFirstOrThrow();
      await setList(trx, rows, made.id, actor, at, 'disposal_listed', made.id);
      await files.insertFileEvent(trx, { disposalId: made.id }, actor, 'created', at, null, { files: rows.map((r) => r.id) });
      await recordAudit(trx, ctx, { action: 'registry.disposal_created', entity: 'registry_disposal', entityId: made.id, unitId: input.unitId, after: { title: input.title, files: rows.map((r) => ({ id: r.id, code: r.code, year: r.year })) } });
      return made.id;
    });
    return get(ctx, id);
  }

  async function act(ctx: RequestContext, id: number, input: DisposalActionInput) {
    const actor = actorOf(ctx);
    const row = await load(actor, id);
    const sign = input.action === 'approve' || (input.action === 'cancel' && !can(actor, 'document.register', row.unit_id));
    requirePermission(actor, sign ? 'document.sign' : 'document.register', row.unit_id);
    if (row.status !== 'draft') throw conflict({ code: 'DISPOSAL_NOT_DRAFT', vi: 'Danh mục hủy đã được phê duyệt hoặc đã hủy bỏ.', en: 'The disposal list is no longer a draft.' });
    if (input.version !== row.version) throw staleFile();
    const at = deps.now();
    const today = todayOf(deps);
    const onList = await files.filesOnDisposal(db, id);
    let erase: string[] = [];
    switch (input.action) {
      case 'add_files': {
        const rows = (await checkFiles(row.unit_id, input.fileIds, id)).filter((r) => r.disposal_id !== id);
        await inTransaction(db, async (trx) => {
          if (!(await files.updateDisposal(trx, id, input.version, {}, at))) throw staleFile();
          await setList(trx, rows, id, actor, at, 'disposal_listed', id);
          await files.insertFileEvent(trx, { disposalId: id }, actor, 'add_files', at, null, { files: rows.map((r) => r.id) });
          await recordAudit(trx, ctx, { action: 'registry.disposal_add_files', entity: 'registry_disposal', entityId: id, unitId: row.unit_id, after: { files: rows.map((r) => r.id) } });
        });
        break;
      }
      case 'remove_files': {
        const rows = onList.filter((r) => input.fileIds.includes(r.id));
        if (rows.length !== input.fileIds.length) throw invalid('fileIds', 'Có hồ sơ không thuộc danh mục hủy này.', 'Some files are not on this list.');
        await inTransaction(db, async (trx) => {
          if (!(await files.updateDisposal(trx, id, input.version, {}, at))) throw staleFile();
          await setList(trx, rows, null, actor, at, 'disposal_unlisted', id);
          await files.insertFileEvent(trx, { disposalId: id }, actor, 'remove_files', at, null, { files: rows.map((r) => r.id) });
          await recordAudit(trx, ctx, { action: 'registry.disposal_remove_files', entity: 'registry_disposal', entityId: id, unitId: row.unit_id, before: { files: rows.map((r) => r.id) } });
        });
        break;
      }
      case 'cancel': {
        await inTransaction(db, async (trx) => {
          if (!(await files.updateDisposal(trx, id, input.version, { status: 'cancelled', cancel_reason: input.reason }, at))) throw staleFile();
          await setList(trx, onList, null, actor, at, 'disposal_unlisted', id);
          await files.insertFileEvent(trx, { disposalId: id }, actor, 'cancel', at, input.reason);
          await recordAudit(trx, ctx, { action: 'registry.disposal_cancel', entity: 'registry_disposal', entityId: id, unitId: row.unit_id, before: { status: 'draft' }, after: { status: 'cancelled', reason: input.reason } });
        });
        break;
      }
      case 'approve': {
        if (onList.length === 0) throw conflict({ code: 'DISPOSAL_EMPTY', vi: 'Danh mục hủy chưa có hồ sơ nào.', en: 'The disposal list has no file.' });
        // The retention is checked again on the day of the decision, whatever it was when the list was drafted.
        const problems = onList.flatMap((r) => {
          const refusal = disposalRefusal({ status: r.status, retentionYears: r.retention_years, endedOn: r.ended_on, disposalId: r.disposal_id }, today, id);
          return refusal ? [{ id: r.id, code: r.code, refusal }] : [];
        });
        if (problems.length) throw notDisposable(problems);
        if (input.decisionDate > today || input.decisionDate < vnDay(row.created_at)) {
          throw invalid('decisionDate', 'Ngày quyết định hủy không được sau hôm nay hay trước ngày lập danh mục hủy.', 'The decision date must be between the drafting of the list and today.');
        }
        const documents = (await Promise.all(onList.map((r) => files.documentsOf(db, r.id)))).flat();
        erase = await inTransaction(db, async (trx) => {
          for (const r of onList) {
            if (!(await files.updateFile(trx, r.id, r.version, { status: 'disposed', disposed_at: at }, at))) throw staleFile();
            await files.insertFileEvent(trx, { fileId: r.id, disposalId: id }, actor, 'disposed', at, `Quyết định số ${input.decisionNo}`);
          }
          for (const d of documents) await repo.insertEvent(trx, d.id, actor, 'disposed', at, `Hủy theo Quyết định số ${input.decisionNo}`, { fileId: d.file_id, disposalId: id });
          const keys = await files.keysFreedBy(trx, onList.map((r) => r.id));
          const values = { status: 'approved' as const, decision_no: input.decisionNo, decision_date: input.decisionDate, approved_by_staff_id: actor.staffId, approved_at: at, erased_files: keys.length };
          if (!(await files.updateDisposal(trx, id, input.version, values, at))) throw staleFile();
          await files.insertFileEvent(trx, { disposalId: id }, actor, 'approve', at, null, { decisionNo: input.decisionNo, decisionDate: input.decisionDate, files: onList.length, documents: documents.length, erasedFiles: keys.length });
          await recordAudit(trx, ctx, {
            action: 'registry.disposal_approve', entity: 'registry_disposal', entityId: id, unitId: row.unit_id, before: { status: 'draft' },
            after: { status: 'approved', decisionNo: input.decisionNo, decisionDate: input.decisionDate, files: onList.map((r) => r.id), documents: documents.map((d) => d.id), erasedFiles: keys },
          });
          return keys;
        });
        break;
      }
    }
    // The bytes go only once the decision is committed: a rolled-back approval must not have destroyed anything.
    for (const key of erase) await deps.files.erase(key);
    return get(ctx, id);
  }

  return { list, get, create, act };
}
