import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { dbPositiveInt, dbVersion } from '../../platform/http/bounds.js';
import type { Db } from '../../platform/db/transaction.js';
import { beforeBody } from '../../platform/access/before-body.js';
import { readUpload } from '../../platform/files/upload.js';
import { errors } from '../../platform/http/app-error.js';
import type { App } from '../../platform/http/types.js';
import type { CatalogService } from './catalog.service.js';
import { exportJson, exportXlsx, importFile, XLSX_TYPE } from './catalog.transfer.js';
import { procedureCreateInputSchema, procedureUpdateInputSchema, versionActionInputSchema } from './schema.js';
import { catalogWorkbook } from './xlsx/write.js';

/** Catalogue administration: every route needs catalog.manage at the root of the org tree (checked in the service). */

const codeParams = z.object({ code: z.string().trim().max(40) });
const versionParams = codeParams.extend({ n: dbPositiveInt('Số phiên bản không hợp lệ') });
const adminListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  status: z.enum(['draft', 'published', 'amended', 'replaced', 'abolished']).optional(),
  page: dbPositiveInt().default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
const exportQuery = z.strictObject({ drafts: z.enum(['0', '1', 'true', 'false']).optional() });
const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const MAX_FORM_BYTES = 10 * 1024 * 1024;

/** The file of an import: a multipart "file" field, or the JSON catalogue as the request body. */
async function uploadedFile(req: FastifyRequest): Promise<{ content: Buffer; fileName: string }> {
  if (req.isMultipart()) {
    const file = await readUpload(req, MAX_IMPORT_BYTES);
    if (!file) throw errors.badRequest('Chưa chọn tệp để nhập.', 'No file was sent.');
    return { content: file.content, fileName: file.filename };
  }
  if (req.body === undefined || req.body === null) throw errors.badRequest('Chưa gửi tệp danh mục (JSON hoặc XLSX).', 'No catalogue file was sent.');
  // JSON arrives parsed; a file sent as text/plain arrives as its text.
  const content = typeof req.body === 'string' ? Buffer.from(req.body) : Buffer.from(JSON.stringify(req.body));
  return { content, fileName: 'catalog.json' };
}

export async function catalogAdminRoutes(app: App, { catalog, db }: { catalog: CatalogService; db: Db }): Promise<void> {
  const tags = ['catalog-admin'];
  const managerBeforeBody = beforeBody((req) => catalog.requireManager(req.ctx));

  app.get('/api/v1/admin/procedures', { schema: { tags, summary: 'Danh sách thủ tục (quản trị) / admin list', querystring: adminListQuery } },
    async (req) => catalog.adminList(req.ctx, req.query));

  app.post('/api/v1/admin/procedures', { schema: { tags, summary: 'Tạo thủ tục (bản dự thảo 1) / create a procedure draft', body: procedureCreateInputSchema } },
    async (req, reply) => reply.status(201).send(await catalog.create(req.ctx, req.body)));

  app.post('/api/v1/admin/procedures/:code/versions', {
    schema: { tags, summary: 'Tạo bản dự thảo mới từ một phiên bản / new draft', params: codeParams,
      body: z.strictObject({ from: dbPositiveInt().optional(), changeNote: z.string().trim().max(4000).optional() }) },
  }, async (req, reply) => reply.status(201).send(await catalog.newDraft(req.ctx, req.params.code, req.body)));

  app.put('/api/v1/admin/procedures/:code/versions/:n', {
    schema: { tags, summary: 'Sửa bản dự thảo (kèm revision) / update a draft', params: versionParams, body: procedureUpdateInputSchema },
  }, async (req) => catalog.update(req.ctx, req.params.code, req.params.n, req.body));

  app.delete('/api/v1/admin/procedures/:code/versions/:n', {
    schema: { tags, summary: 'Xóa bản dự thảo / delete a draft', params: versionParams, querystring: z.strictObject({ revision: dbVersion(0) }) },
  }, async (req, reply) => {
    await catalog.deleteDraft(req.ctx, req.params.code, req.params.n, req.query.revision);
    return reply.status(204).send();
  });

  app.post('/api/v1/admin/procedures/:code/versions/:n/actions', {
    schema: { tags, summary: 'Công bố / sửa đổi / thay thế / bãi bỏ / publish, amend, replace, abolish', params: versionParams, body: versionActionInputSchema },
  }, async (req) => catalog.act(req.ctx, req.params.code, req.params.n, req.body));

  app.put('/api/v1/admin/procedures/:code/forms/:file', {
    schema: { tags, summary: 'Tải lên mẫu đơn, tờ khai (multipart "file", tối đa 10 MB) / upload a form', params: codeParams.extend({ file: z.string().max(200) }) },
    onRequest: managerBeforeBody,
  }, async (req) => {
    const file = await readUpload(req, MAX_FORM_BYTES);
    if (!file) throw errors.badRequest('Chưa chọn tệp mẫu.', 'No file was sent.');
    return catalog.putForm(req.ctx, req.params.code, req.params.file, file.content, file.mimetype || 'application/octet-stream');
  });

  // The contract names POST /api/v1/procedures/import; the admin path is the canonical one.
  for (const path of ['/api/v1/admin/import/procedures', '/api/v1/procedures/import']) {
    app.post(path, {
      schema: { tags, summary: 'Nhập danh mục thủ tục (JSON hoặc XLSX; tất cả hoặc không) / import the catalogue' },
      bodyLimit: MAX_IMPORT_BYTES,
      // Before Fastify reads and parses a JSON body of up to 50 MB: an anonymous caller is answered at once.
      onRequest: managerBeforeBody,
    }, async (req) => {
      const { content, fileName } = await uploadedFile(req);
      return importFile(db, catalog, req.ctx, content, fileName, (e) => req.log.info({ done: e.done, total: e.total }, e.message));
    });
  }

  app.get('/api/v1/admin/export/procedures.json', { schema: { tags, summary: 'Xuất danh mục (JSON) / export JSON', querystring: exportQuery } }, async (req, reply) => {
    await catalog.requireManager(req.ctx);
    const file = await exportJson(db, req.query.drafts === '1' || req.query.drafts === 'true');
    return reply.header('content-disposition', 'attachment; filename="danh-muc-thu-tuc.json"').header('cache-control', 'no-store').send(file);
  });

  app.get('/api/v1/admin/export/procedures.xlsx', { schema: { tags, summary: 'Xuất danh mục (XLSX) / export XLSX', querystring: exportQuery } }, async (req, reply) => {
    await catalog.requireManager(req.ctx);
    const book = await exportXlsx(db, req.query.drafts === '1' || req.query.drafts === 'true');
    return reply.type(XLSX_TYPE).header('content-disposition', 'attachment; filename="danh-muc-thu-tuc.xlsx"').header('cache-control', 'no-store').send(book);
  });

  app.get('/api/v1/admin/import/procedures/template.xlsx', { schema: { tags, summary: 'Mẫu XLSX trống / empty XLSX template' } }, async (req, reply) => {
    await catalog.requireManager(req.ctx);
    return reply.type(XLSX_TYPE).header('content-disposition', 'attachment; filename="mau-danh-muc-thu-tuc.xlsx"').send(await catalogWorkbook([]));
  });
}
