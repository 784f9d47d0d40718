import { z } from 'zod';
import type { App } from '../../../platform/http/types.js';
import { ARCHIVE_YEARS_MAX, ARCHIVE_YEARS_MIN } from '../rules/archive.js';
import type { DossierArchive } from './archive.service.js';

export const archiveSettingsBody = z.strictObject({
  afterYears: z.number().int(`Số năm phải là số nguyên từ ${ARCHIVE_YEARS_MIN} đến ${ARCHIVE_YEARS_MAX}`)
    .min(ARCHIVE_YEARS_MIN, `Ít nhất ${ARCHIVE_YEARS_MIN} năm`).max(ARCHIVE_YEARS_MAX, `Nhiều nhất ${ARCHIVE_YEARS_MAX} năm`),
  version: z.number().int().min(1),
});

/** The archive of closed dossiers, for the province's administrator (archive.service.ts). */
export async function archiveRoutes(app: App, archive: DossierArchive): Promise<void> {
  const tags = ['dossiers'];
  app.get('/api/v1/admin/dossier-archive', {
    schema: { tags, summary: 'Kho lưu trữ hồ sơ: thời hạn chuyển, số hồ sơ đến hạn, đã lưu trữ, các phân vùng / the dossier archive: period, due, archived, partitions' },
  }, async (req) => archive.status(req.ctx));
  app.put('/api/v1/admin/dossier-archive', {
    schema: { tags, summary: 'Sửa số năm sau khi kết thúc thì hồ sơ chuyển sang kho lưu trữ / change the archive period', body: archiveSettingsBody },
  }, async (req) => archive.setAfterYears(req.ctx, req.body));
}
