import { recordAudit } from '../../platform/audit/audit.service.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import {
  currentAndDraft, documentsOfSystem, documentSync, findDocument, findProcess, findVersion, processesOfSystem, versionsOf,
  type DocumentRow, type ProcessRow, type VersionRow,
} from './documents.queries.js';
import type { ApproveInput, DocumentCreateInput, ObsoleteInput, VersionCreateInput } from './documents.schema.js';
import { DOCUMENT_KIND_LABELS, VERSION_STATUS_LABELS } from './documents.schema.js';
import { catalogReader, syncOf, type CatalogReader } from './documents.sync.js';
import { dayText, processText } from './documents.view.js';
import { loadThrough } from './processes.service.js';
import { addEvent, eventsOf, invalid, loadSystem, recordNotFound, staleVersion, todayOf, type QualityDeps, type SystemAccess } from './quality.context.js';
import { processFingerprint } from './rules/process-documents.js';

const documentNotFound = () => recordNotFound('tài liệu', 'document');
const versionNotFound = () => recordNotFound('lần ban hành của tài liệu', 'document version');
const codeTaken = () => errors.conflict('QMS_DOCUMENT_CODE_TAKEN', 'Mã tài liệu này đã có trong hệ thống quản lý chất lượng.', 'The document code is already used in this QMS.');
const draftExists = () => errors.conflict('QMS_DRAFT_EXISTS', 'Tài liệu đang có một bản dự thảo: hãy ban hành hoặc hủy bản đó trước khi soạn bản mới.', 'The document already has a draft.');

/**
 * Controlled documents (issue 20, API.md part B; ISO 9001 §7.5.2–7.5.3): issues drafted, approved by the
 * head (one approved issue at a time, the previous one made obsolete in the same transaction) and
 * withdrawn. A process document pins the catalogue version in force when drafted and shows at read
 * time whether the catalogue's internal process has moved on since (rules/process-documents.ts).
 */
export function createDocumentsService(deps: QualityDeps) {
  const { db } = deps;

  async function loadDocument(ctx: RequestContext, id: number, need: keyof SystemAccess) {
    const doc = await findDocument(db, id);
    if (!doc) throw documentNotFound();
    return { doc, ...(await loadThrough(deps, ctx, doc.qms_id, need, documentNotFound)) };
  }

  async function loadVersion(ctx: RequestContext, id: number, need: keyof SystemAccess) {
    const row = await findVersion(db, id);
    if (!row) throw versionNotFound();
    const doc = (await findDocument(db, row.document_id))!;
    return { row, doc, ...(await loadThrough(deps, ctx, doc.qms_id, need, versionNotFound)) };
  }

  const processOf = async (doc: Pick<DocumentRow, 'process_id'>) => (doc.process_id === null ? undefined : findProcess(db, doc.process_id));

  /**
   * What a new issue of a process document pins: the catalogue version in force today and the
   * fingerprint of the internal process it describes. Nothing for other documents.
   */
  async function pinFor(reader: CatalogReader, kind: string, process: ProcessRow | undefined) {
    if (kind !== 'process' || !process?.catalog_procedure_code) return null;
    const code = process.catalog_procedure_code;
    const inForce = await reader.inForce(code);
    const fingerprint = inForce && processFingerprint(inForce.content, process.case_code);
    if (!inForce || !fingerprint) return { refusal: inForce ? `Thủ tục ${code} không còn trường hợp "${process.case_code}".` : `Thủ tục ${code} không còn hiệu lực trong danh mục thủ tục hành chính.` } as const;
    return { catalog_version_id: inForce.versionId, catalog_fingerprint: fingerprint, source: inForce } as const;
  }

  async function versionViews(reader: CatalogReader, process: ProcessRow | undefined, versions: VersionRow[]) {
    const staffIds = [...new Set(versions.flatMap((v) => [v.drafted_by, v.approved_by]).filter((x): x is number => x !== null))];
    const names = new Map((await deps.org.staffNamesByIds(staffIds)).map((s) => [s.id, s.fullName]));
    const name = (id: number | null) => (id === null ? null : names.get(id) ?? null);
    const out = [];
    for (const v of versions) {
      const pinned = v.catalog_version_id === null ? null : await reader.byId(v.catalog_version_id);
      out.push({
        id: v.id, issueNo: v.issue_no, status: v.status, statusLabel: VERSION_STATUS_LABELS[v.status], content: v.content, changeLog: v.change_log,
        draftedByName: name(v.drafted_by), approvedOn: v.approved_on, approvedByName: name(v.approved_by), effectiveFrom: v.effective_from,
        obsoleteOn: v.obsolete_on, obsoleteReason: v.obsolete_reason, catalogVersionId: v.catalog_version_id, catalogVersionNo: pinned?.versionNo ?? null,
        // A withdrawn issue describes the past: whether it still matches the catalogue asks nothing of anyone.
        sync: v.status === 'obsolete' ? null : await syncOf(reader, process, v),
        version: v.version,
      });
    }
    return out;
  }

  async function detail(doc: DocumentRow, access: SystemAccess) {
    const reader = catalogReader(deps);
    const process = await processOf(doc);
    const versions = (await versionsOf(db, [doc.id])).get(doc.id)!;
    return {
      id: doc.id, qmsId: doc.qms_id, code: doc.code, title: doc.title, kind: doc.kind, kindLabel: DOCUMENT_KIND_LABELS[doc.kind], processId: doc.process_id,
      versions: await versionViews(reader, process, versions),
      may: { manage: access.manage, approve: access.approve },
      history: await eventsOf(db, 'document', doc.id),
    };
  }

  async function list(ctx: RequestContext, qmsId: number) {
    await loadSystem(deps, ctx, qmsId, 'read');
    const reader = catalogReader(deps);
    const docs = await documentsOfSystem(db, qmsId);
    const processes = new Map((await processesOfSystem(db, qmsId)).map((p) => [p.id, p]));
    const versions = await versionsOf(db, docs.map((d) => d.id));
    const items = [];
    for (const d of docs) {
      const vs = versions.get(d.id)!;
      const { current, draft } = currentAndDraft(vs);
      items.push({
        id: d.id, code: d.code, title: d.title, kind: d.kind, kindLabel: DOCUMENT_KIND_LABELS[d.kind], processId: d.process_id,
        current: current && { versionId: current.id, issueNo: current.issue_no, approvedOn: current.approved_on, effectiveFrom: current.effective_from },
        draft: draft && { versionId: draft.id, issueNo: draft.issue_no },
        sync: await documentSync(reader, d.process_id === null ? undefined : processes.get(d.process_id), vs),
      });
    }
    return { items };
  }

  async function get(ctx: RequestContext, id: number) {
    const { doc, access } = await loadDocument(ctx, id, 'read');
    return detail(doc, access);
  }

  async function create(ctx: RequestContext, qmsId: number, input: DocumentCreateInput) {
    const { system, access, actor } = await loadSystem(deps, ctx, qmsId, 'manage');
    const process = input.processId === undefined ? undefined : await findProcess(db, input.processId);
    if (input.processId !== undefined && process?.qms_id !== qmsId) throw invalid('processId', 'Quy trình không thuộc hệ thống quản lý chất lượng này.', 'The process is not in this QMS.');
    const reader = catalogReader(deps);
    const pin = await pinFor(reader, input.kind, process);
    if (pin && 'refusal' in pin) throw invalid('processId', `${pin.refusal} Không soạn được tài liệu theo quy trình nội bộ của thủ tục.`, 'The procedure is no longer in force in the catalogue.');
    if (await db.selectFrom('qms_documents').select('id').where('qms_id', '=', qmsId).where('code', '=', input.code).executeTakeFirst()) throw codeTaken();
    const content = (input.content ?? '').trim() === '' && pin ? processText(pin.source, process!.case_code, await reader.unitNames()) : input.content ?? '';
    const at = deps.now();
    const id = await inTransaction(db, async (trx) => {
      const doc = await trx.insertInto('qms_documents').values({ qms_id: qmsId, code: input.code, title: input.title, kind: input.kind, process_id: input.processId ?? null })
        .returning('id').executeTakeFirstOrThrow().catch((e) => { throw isUniqueViolation(e) ? codeTaken() : e; });
      await trx.insertInto('qms_document_versions').values({
        document_id: doc.id, issue_no: 1, content, drafted_by: actor.staffId,
        catalog_version_id: pin?.catalog_version_id ?? null, catalog_fingerprint: pin?.catalog_fingerprint ?? null,
      }).execute();
      const details = { code: input.code, title: input.title, kind: input.kind, processId: input.processId ?? null, issueNo: 1, catalogVersionId: pin?.catalog_version_id ?? null };
      await addEvent(trx, ctx, at, { qmsId, record: 'document', entityId: doc.id, action: 'created', details });
      await recordAudit(trx, ctx, { action: 'quality.document_created', entity: 'qms_document', entityId: doc.id, unitId: system.agency_unit_id, after: details });
      return doc.id;
    });
    return detail((await findDocument(db, id))!, access);
  }

  async function draftVersion(ctx: RequestContext, id: number, input: VersionCreateInput) {
    const { doc, system, access, actor } = await loadDocument(ctx, id, 'manage');
    const versions = (await versionsOf(db, [doc.id])).get(doc.id)!;
    if (currentAndDraft(versions).draft) throw draftExists();
    const issueNo = Math.max(0, ...versions.map((v) => v.issue_no)) + 1;
    const process = await processOf(doc);
    const reader = catalogReader(deps);
    // Re-pinned to the catalogue in force: a revision is drafted to catch up with it.
    const pin = await pinFor(reader, doc.kind, process);
    if (pin && 'refusal' in pin) throw errors.conflict('QMS_CATALOG_WITHDRAWN', `${pin.refusal} Hãy xem xét hủy bỏ tài liệu thay vì sửa đổi.`, 'The procedure is no longer in force in the catalogue.');
    const content = input.content.trim() === '' && pin ? processText(pin.source, process!.case_code, await reader.unitNames()) : input.content;
    const at = deps.now();
    await inTransaction(db, async (trx) => {
      await trx.insertInto('qms_document_versions').values({
        document_id: doc.id, issue_no: issueNo, content, change_log: input.changeLog, drafted_by: actor.staffId,
        catalog_version_id: pin?.catalog_version_id ?? null, catalog_fingerprint: pin?.catalog_fingerprint ?? null,
      }).execute().catch((e) => { throw isUniqueViolation(e) ? draftExists() : e; });
      const details = { issueNo, changeLog: input.changeLog, catalogVersionId: pin?.catalog_version_id ?? null };
      await addEvent(trx, ctx, at, { qmsId: doc.qms_id, record: 'document', entityId: doc.id, action: 'version_drafted', details });
      await recordAudit(trx, ctx, { action: 'quality.document_version_drafted', entity: 'qms_document', entityId: doc.id, unitId: system.agency_unit_id, after: details });
    });
    return detail(doc, access);
  }

  async function approve(ctx: RequestContext, versionId: number, input: ApproveInput) {
    const { row, doc, system, access, actor } = await loadVersion(ctx, versionId, 'approve');
    if (row.status !== 'draft') throw errors.conflict('QMS_VERSION_NOT_DRAFT', 'Chỉ ban hành được bản dự thảo.', 'Only a draft is approved.');
    if (input.version !== row.version) throw staleVersion();
    if (row.content.trim() === '') throw errors.conflict('QMS_DOCUMENT_EMPTY', 'Bản dự thảo chưa có nội dung.', 'The draft has no content.');
    const today = todayOf(deps);
    const effectiveFrom = input.effectiveFrom ?? today;
    if (effectiveFrom < today) throw invalid('effectiveFrom', `Ngày hiệu lực không được trước ngày ban hành (${dayText(today)}).`, 'The effective day cannot be before the approval day.');
    const at = deps.now();
    await inTransaction(db, async (trx) => {
      // First, so that the one-approved-issue index (qms_docver_one_approved) never sees two. The old issue
      // stops applying the day the new one takes effect.
      const replaced = await trx.updateTable('qms_document_versions')
        .set((eb) => ({ status: 'obsolete', obsolete_on: effectiveFrom, obsolete_reason: `Thay thế bởi lần ban hành ${row.issue_no}`, version: eb('version', '+', 1) }))
        .where('document_id', '=', doc.id).where('status', '=', 'approved').returning('issue_no').execute();
      const done = await trx.updateTable('qms_document_versions')
        .set({ status: 'approved', approved_by: actor.staffId, approved_on: today, effective_from: effectiveFrom, version: row.version + 1 })
        .where('id', '=', row.id).where('status', '=', 'draft').where('version', '=', input.version).returning('id').executeTakeFirst()
        .catch((e) => { throw isUniqueViolation(e) ? staleVersion() : e; });
      if (!done) throw staleVersion();
      const details = { issueNo: row.issue_no, effectiveFrom, replacedIssueNo: replaced[0]?.issue_no ?? null };
      await addEvent(trx, ctx, at, { qmsId: doc.qms_id, record: 'document', entityId: doc.id, action: 'approved', details });
      await recordAudit(trx, ctx, { action: 'quality.document_approved', entity: 'qms_document', entityId: doc.id, unitId: system.agency_unit_id, after: details });
    });
    return detail(doc, access);
  }

  async function obsolete(ctx: RequestContext, versionId: number, input: ObsoleteInput) {
    const { row, doc, system, access } = await loadVersion(ctx, versionId, 'approve');
    if (row.status === 'obsolete') throw errors.conflict('QMS_VERSION_OBSOLETE', 'Lần ban hành này đã hết hiệu lực.', 'This issue is already obsolete.');
    if (input.version !== row.version) throw staleVersion();
    const today = todayOf(deps);
    const at = deps.now();
    await inTransaction(db, async (trx) => {
      const done = await trx.updateTable('qms_document_versions')
        .set({ status: 'obsolete', obsolete_on: today, obsolete_reason: input.reason, version: row.version + 1 })
        .where('id', '=', row.id).where('version', '=', input.version).where('status', '<>', 'obsolete').returning('id').executeTakeFirst();
      if (!done) throw staleVersion();
      const details = { issueNo: row.issue_no, was: row.status, reason: input.reason };
      await addEvent(trx, ctx, at, { qmsId: doc.qms_id, record: 'document', entityId: doc.id, action: 'obsoleted', details });
      await recordAudit(trx, ctx, { action: 'quality.document_obsoleted', entity: 'qms_document', entityId: doc.id, unitId: system.agency_unit_id, before: { status: row.status }, after: details });
    });
    return detail(doc, access);
  }

  return { list, get, create, draftVersion, approve, obsolete };
}
export type DocumentsService = ReturnType<typeof createDocumentsService>;
