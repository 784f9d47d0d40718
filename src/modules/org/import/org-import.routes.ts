import { errors } from '../../../platform/http/app-error.js';
import type { App } from '../../../platform/http/types.js';
import type { OrgService } from '../org.service.js';
import { importResult } from '../schema.js';
import { importStaff, importUnits } from './org-import.js';
import { readTabular } from './tabular.js';

export async function orgImportRoutes(app: App, org: OrgService): Promise<void> {
  const tags = ['org'];
  for (const [kind, run] of [['units', importUnits], ['staff', importStaff]] as const) {
    app.post(`/api/v1/org/import/${kind}`, {
      schema: { tags, summary: `Nhập ${kind === 'units' ? 'đơn vị' : 'cán bộ'} từ CSV/XLSX (multipart "file")`, response: { 200: importResult } },
    }, async (req) => {
      const file = await req.file({ limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
      if (!file) throw errors.badRequest('Chưa chọn tệp để nhập.', 'No file was sent.');
      const content = await file.toBuffer();
      let rows;
      try {
        rows = await readTabular(content, file.filename);
      } catch {
        throw errors.badRequest('Không đọc được tệp. Hãy dùng CSV (UTF-8) hoặc XLSX.', 'The file could not be read. Use CSV (UTF-8) or XLSX.');
      }
      return run(org, req.ctx, rows);
    });
  }
}
