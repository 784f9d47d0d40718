import { recordAudit } from '../../platform/audit/audit.service.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { inTransaction, type Db } from '../../platform/db/transaction.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { Upload } from '../../platform/files/upload.js';
import * as repo from './online.repository.js';
import type { CitizensPort, FileStorePort, ResultsPort } from './ports.js';
import { checkUpload } from './rules/upload-check.js';

/** Uploads a citizen may make for one draft, and in all (their store is not a general cloud drive). */
export const MAX_UPLOADS_PER_DRAFT = 30;
export const MAX_UPLOADS_PER_CITIZEN = 500;
/** The same limit as staff scans (platform/files/files.routes.ts). */
export const MAX_CITIZEN_UPLOAD_BYTES = 20 * 1024 * 1024;

export const documentNotFound = () => errors.notFound('giấy tờ', 'Document', 'DOCUMENT_NOT_FOUND');
export const draftNotFound = () => errors.notFound('hồ sơ (bản nháp)', 'Draft', 'DRAFT_NOT_FOUND');

export type DocumentView = { id: string; name: string; type: string; size: number; origin: 'upload' | 'result'; dossierCode: string | null; createdAt: string };

const view = (r: repo.FileRow): DocumentView => ({ id: r.id, name: r.name, type: r.type, size: r.size, origin: r.origin, dossierCode: r.dossier_code, createdAt: r.created_at.toISOString() });

type Deps = { db: Db; files: FileStorePort; citizens: CitizensPort; results: ResultsPort; submittedCodes: (citizenId: number) => Promise<string[]> };

/**
 * The citizen's personal document store: what they uploaded and the results of their dossiers. Every
 * refusal happens before a byte reaches the file store, so a refused upload leaves nothing behind.
 */
export function createDocumentsService(deps: Deps) {
  return {
    async upload(ctx: RequestContext, citizenId: number, file: Upload, draftId?: string): Promise<DocumentView> {
      if (draftId) {
        const draft = await repo.findDraft(deps.db, citizenId, draftId);
        if (!draft || draft.status !== 'draft') throw draftNotFound();
        if (await repo.countFiles(deps.db, citizenId, draftId) >= MAX_UPLOADS_PER_DRAFT) {
          throw new AppError('TOO_MANY_FILES', 422, `Mỗi hồ sơ được tải lên tối đa ${MAX_UPLOADS_PER_DRAFT} tệp. Tệp chưa được lưu.`, `At most ${MAX_UPLOADS_PER_DRAFT} files per filing; nothing was stored.`);
        }
      }
      if (await repo.countFiles(deps.db, citizenId) >= MAX_UPLOADS_PER_CITIZEN) {
        throw new AppError('TOO_MANY_FILES', 422, `Kho giấy tờ của bạn đã có ${MAX_UPLOADS_PER_CITIZEN} tệp tải lên, mức tối đa. Tệp chưa được lưu.`, `Your store holds the maximum of ${MAX_UPLOADS_PER_CITIZEN} uploads; nothing was stored.`);
      }
      const checked = checkUpload(file.filename, file.content);
      if ('code' in checked) throw new AppError(checked.code, 422, checked.vi, checked.en);
      const key = await deps.files.put(file.content);
      return inTransaction(deps.db, async (trx) => {
        const row = await trx.insertInto('citizen_files').values({
          citizen_id: citizenId, file_key: key, name: file.filename.trim(), type: checked.type, size: file.content.length, draft_id: draftId ?? null,
        }).returningAll().executeTakeFirstOrThrow();
        await recordAudit(trx, ctx, { action: 'online.file_uploaded', entity: 'citizen_file', entityId: row.id, after: { type: row.type, size: row.size, draftId: draftId ?? null } });
        return view(row);
      });
    },

    /**
     * The store: uploads and results. Results the dossier module has for the citizen that are not in
     * the store yet are filed into it first (once each: the unique index), audited as such.
     */
    async list(ctx: RequestContext, citizenId: number): Promise<{ items: DocumentView[] }> {
      const profile = await deps.citizens.profile(citizenId);
      const results = await deps.results.resultDocuments({ idNumber: profile.idNumber, dossierCodes: await deps.submittedCodes(citizenId) });
      const known = new Set((await repo.filesOf(deps.db, citizenId)).filter((f) => f.origin === 'result').map((f) => f.file_key));
      for (const r of results.filter((x) => !known.has(x.fileKey))) {
        try {
          await inTransaction(deps.db, async (trx) => {
            const row = await trx.insertInto('citizen_files').values({ citizen_id: citizenId, file_key: r.fileKey, name: r.name, type: r.type, size: r.size, origin: 'result', dossier_code: r.dossierCode })
              .returning('id').executeTakeFirstOrThrow();
            await recordAudit(trx, ctx, { action: 'online.file_uploaded', entity: 'citizen_file', entityId: row.id, after: { origin: 'result', dossierCode: r.dossierCode } });
          });
        } catch (err) {
          if (!isUniqueViolation(err)) throw err; // filed by a parallel request
        }
      }
      return { items: (await repo.filesOf(deps.db, citizenId)).map(view) };
    },

    async download(citizenId: number, id: string): Promise<{ content: Buffer; name: string; type: string }> {
      const row = await repo.findFile(deps.db, citizenId, id);
      if (!row) throw documentNotFound();
      const content = await deps.files.get(row.file_key);
      if (!content) throw new AppError('FILE_ERASED', 410, 'Nội dung tệp không còn được lưu trữ (đã hết thời hạn lưu trữ).', 'The file’s content is no longer kept.');
      return { content, name: row.name, type: row.type };
    },

    /** The citizen's own files among `ids` (another citizen's or a staff scan is never among them). */
    owned(citizenId: number, ids: string[]): Promise<repo.FileRow[]> {
      return repo.filesOf(deps.db, citizenId, ids);
    },
  };
}

export type DocumentsService = ReturnType<typeof createDocumentsService>;
