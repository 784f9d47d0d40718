import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Actor } from '../../platform/access/policy.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { Upload } from '../../platform/files/upload.js';
import { attachmentType, closedReason, fileNameProblem, mayAttach } from './attachment-rules.js';
import type { ActionsProvider } from './documents.service.js';
import { actorOf, invalid, staleVersion, type RegistryDeps } from './registry.context.js';
import { loadReadable as loadReadableDocument } from './readable.js';
import * as repo from './registry.repository.js';
import type { RegAttachmentsTable, SignatureCheck } from './registry.tables.js';
import { verifyPdfSignatures } from './signature/verify.js';

export type AttachmentInput = { main: boolean; version?: number | undefined };
type AttachmentRow = Selectable<RegAttachmentsTable>;

const attachmentNotFound = () => errors.notFound('tệp đính kèm', 'attachment');

export const attachmentView = (a: Pick<AttachmentRow, 'id' | 'file_name' | 'mime' | 'size' | 'sha256' | 'main' | 'signatures' | 'created_at'>) => ({
  id: a.id, fileName: a.file_name, mime: a.mime, size: a.size, sha256: a.sha256, main: a.main, signatures: a.signatures, createdAt: a.created_at.toISOString(),
});

/**
 * Files attached to documents (issue 19 scope 3). A PDF's digital signatures are checked on upload
 * (Decree 30 art. 5 and Appendix VI: authenticity and integrity of electronic documents) and the result
 * kept with the file; its SHA-256 is kept too, so the copy a reader downloads can be compared with what
 * was issued. One file per document is the main one: for an incoming document it is the document's
 * electronic copy (reg_documents.file_key); for an outgoing one the release takes it as the issued copy.
 */
export function createAttachmentsService(deps: RegistryDeps) {
  const { db } = deps;

  const loadReadable = async (actor: Actor, id: number) => (await loadReadableDocument(db, actor, id)).row;

  /** 404 for a document the caller cannot see, 403 when they may not attach, 409 when its state forbids it. */
  async function assertMayUpload(ctx: RequestContext, id: number) {
    const actor = actorOf(ctx);
    const row = await loadReadable(actor, id);
    const closed = closedReason(row);
    if (!mayAttach(actor, row)) {
      // Someone who could attach were the document still open is told why not; anyone else, only 403.
      if (closed && mayAttach(actor, { ...row, status: row.direction === 'out' ? 'draft' : 'registered' })) throw errors.conflict('DOCUMENT_CLOSED', closed, 'The document no longer takes attachments.');
      throw errors.forbidden();
    }
    return { actor, row };
  }

  async function upload(ctx: RequestContext, id: number, file: Upload, input: AttachmentInput) {
    const { actor, row } = await assertMayUpload(ctx, id);
    if (input.version !== undefined && input.version !== row.version) throw staleVersion();
    const nameProblem = fileNameProblem(file.filename);
    if (nameProblem) throw invalid('file', nameProblem, 'Invalid file name.');
    const mime = attachmentType(file.filename, file.content);
    if (!mime) {
      throw new AppError('FILE_TYPE_REJECTED', 400,
        'Chỉ nhận tệp PDF, DOCX, XLSX, ảnh JPEG/PNG hoặc ZIP (nhận biết theo nội dung tệp, không theo tên). Tệp chưa được lưu.',
        'Only PDF, DOCX, XLSX, JPEG/PNG images or ZIP files are accepted (recognised by their content). Nothing was stored.');
    }
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    // Checked before the transaction: pure but slow for a large file, and nothing else depends on it.
    const signatures: SignatureCheck | null = mime === 'application/pdf' ? await verifyPdfSignatures(file.content) : null;
    const key = await deps.files.put(file.content);
    const at = deps.now();
    const created = await inTransaction(db, async (trx) => {
      // The document may have moved on since it was read: its state and version are checked again under the guard.
      const current = await trx.selectFrom('reg_documents').select(['status', 'version']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
      if (current.version !== row.version) throw staleVersion();
      if (current.status !== row.status) throw staleVersion();
      if (input.main) await trx.updateTable('reg_attachments').set({ main: false }).where('document_id', '=', id).where('main', '=', true).execute();
      const inserted = await trx.insertInto('reg_attachments').values({
        document_id: id, file_key: key, file_name: file.filename, mime, size: file.content.length, sha256, main: input.main,
        signatures: signatures === null ? null : JSON.stringify(signatures), added_by_staff_id: actor.staffId, created_at: at,
      }).returningAll().executeTakeFirstOrThrow();
      // An incoming document's electronic copy is its main file; an outgoing one gets its copy at release.
      const copy = input.main && row.direction === 'in' ? { file_key: key, file_sha256: sha256 } : {};
      await trx.updateTable('reg_documents').set({ ...copy, version: row.version + 1, updated_at: at }).where('id', '=', id).where('version', '=', row.version).execute();
      const summary = { attachmentId: inserted.id, fileName: file.filename, mime, size: file.content.length, sha256, main: input.main, signatures: signatures?.status ?? null };
      await repo.insertEvent(trx, id, actor, 'attachment_added', at, file.filename, summary);
      await recordAudit(trx, ctx, { action: 'registry.attachment_added', entity: 'registry_document', entityId: id, unitId: row.unit_id, after: summary });
      return inserted;
    });
    return { ...attachmentView(created), documentVersion: row.version + 1 };
  }

  /** The stored file, for a reader of the document; each download is a line of its history (Appendix VI: access history). */
  async function download(ctx: RequestContext, id: number, attachmentId: number) {
    const actor = actorOf(ctx);
    const row = await loadReadable(actor, id);
    // A recalled copy's files are withdrawn (Appendix VI: delete the incoming copy on recall).
    if (row.direction === 'in' && row.status === 'recalled') throw attachmentNotFound();
    const a = await db.selectFrom('reg_attachments').selectAll().where('id', '=', attachmentId).where('document_id', '=', id).executeTakeFirst();
    const content = a && (await deps.files.get(a.file_key));
    if (!a || !content) throw attachmentNotFound();
    await repo.insertEvent(db, id, actor, 'attachment_downloaded', deps.now(), a.file_name, { attachmentId: a.id, sha256: a.sha256 });
    return { name: a.file_name, type: a.mime, content };
  }

  /** The "attach" action for the document's page (registry.service.ts may offer it with the other parts'). */
  const allowedActions: ActionsProvider = (actor, doc) => (mayAttach(actor, doc) ? ['attach'] : []);

  return { assertMayUpload, upload, download, allowedActions };
}
export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
