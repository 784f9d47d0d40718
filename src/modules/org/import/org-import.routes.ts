import { z } from 'zod';
import { beforeBody } from '../../../platform/access/before-body.js';
import { requireActor } from '../../../platform/access/policy.js';
import { AppError, errors } from '../../../platform/http/app-error.js';
import type { App } from '../../../platform/http/types.js';
import { readUpload } from '../../../platform/files/upload.js';
import type { OrgService } from '../org.service.js';
import { importResult } from '../schema.js';
import { IMPORT_COLUMNS, type ImportKind } from './columns.js';
import { importStaff, importUnits } from './org-import.js';
import { readTabular } from './tabular.js';
import { REQUIRED_LABELS, TEMPLATE_FILE_NAMES, templateCsv, templateXlsx } from './template.js';

const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const label = z.object({ vi: z.string(), en: z.string() });
const columnsView = z.object({
  columns: z.array(z.object({ key: z.string(), label, required: z.enum(['always', 'new', 'no']), requiredLabel: label, hint: label, example: z.string() })),
});

export async function orgImportRoutes(app: App, org: OrgService): Promise<void> {
  const tags = ['org'];
  for (const [kind, run] of [['units', importUnits], ['staff', importStaff]] as const) {
    const what = kind === 'units' ? 'đơn vị' : 'cán bộ';
    app.post(`/api/v1/org/import/${kind}`, {
      schema: { tags, summary: `Nhập ${what} từ CSV/XLSX (multipart "file", tối đa 10 MB)`, response: { 200: importResult } },
      onRequest: beforeBody([kind === 'units' ? 'org.manage' : 'staff.manage']),
    }, async (req) => {
      const file = await readUpload(req, MAX_IMPORT_BYTES);
      if (!file) throw errors.badRequest('Chưa chọn tệp để nhập.', 'No file was sent.');
      let table;
      try {
        table = await readTabular(file.content, file.filename);
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw errors.badRequest('Không đọc được tệp. Hãy dùng CSV (UTF-8) hoặc XLSX.', 'The file could not be read. Use CSV (UTF-8) or XLSX.');
      }
      if (table.rows.length === 0) {
        throw errors.badRequest('Tệp không có dòng dữ liệu nào (dòng 1 là tên cột, dữ liệu bắt đầu từ dòng 2).', 'The file has no data rows (row 1 holds the headers, data starts on row 2).');
      }
      return run(org, req.ctx, table);
    });

    app.get(`/api/v1/org/import/${kind}/columns`, {
      schema: { tags, summary: `Các cột của tệp nhập ${what} / columns of the import file`, response: { 200: columnsView } },
    }, async (req) => {
      requireActor(req.ctx.actor);
      return { columns: IMPORT_COLUMNS[kind as ImportKind].map((c) => ({ key: c.key, label: c.label, required: c.required, requiredLabel: REQUIRED_LABELS[c.required], hint: c.hint, example: c.example })) };
    });

    app.get(`/api/v1/org/import/${kind}/template.xlsx`, { schema: { tags, summary: `Tệp mẫu nhập ${what} (XLSX)` } }, async (req, reply) => {
      requireActor(req.ctx.actor);
      return reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="${TEMPLATE_FILE_NAMES[kind]}.xlsx"`).send(await templateXlsx(kind));
    });

    app.get(`/api/v1/org/import/${kind}/template.csv`, { schema: { tags, summary: `Tệp mẫu nhập ${what} (CSV)` } }, async (req, reply) => {
      requireActor(req.ctx.actor);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${TEMPLATE_FILE_NAMES[kind]}.csv"`).send(templateCsv(kind));
    });
  }
}
