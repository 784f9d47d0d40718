import { z } from 'zod';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import type { App } from '../../platform/http/types.js';
import {
  disposalAction, disposalCreateBody, disposalListQuery, fileAction, fileCreateBody, fileDocumentBody, fileDocumentParams,
  fileListAction, fileListParams, fileListQuery, versionQuery,
} from './files.schema.js';
import type { RegistryService } from './registry.service.js';
import { idParam } from './schema.js';

const idParams = z.object({ id: idParam });

/** HTTP only (issue 19 scope 4, files and retention): parse, then hand the request context to the service. */
export async function filesRoutes(app: App, registry: RegistryService): Promise<void> {
  const tags = ['registry'];
  const P = '/api/v1/registry';
  const { files } = registry;
  const { disposals } = files;

  app.get(`${P}/files`, { schema: { tags, summary: 'Danh mục hồ sơ của cơ quan theo năm; hồ sơ sắp đến hạn, quá hạn nộp lưu hoặc hết thời hạn bảo quản / the file list of a year', querystring: fileListQuery } },
    async (req) => files.list(req.ctx, req.query));
  app.post(`${P}/files`, { schema: { tags, summary: 'Thêm hồ sơ vào danh mục hồ sơ của năm (sau phê duyệt phải nêu lý do) / add a file to the list', body: fileCreateBody } },
    async (req, reply) => reply.status(201).send(await files.create(req.ctx, req.body)));
  app.get(`${P}/files/:id`, { schema: { tags, summary: 'Một hồ sơ: văn bản theo trình tự thời gian, hạn nộp lưu, thời hạn bảo quản, lịch sử / one file', params: idParams } },
    async (req) => files.get(req.ctx, req.params.id));
  app.post(`${P}/files/:id/actions`, { schema: { tags, summary: 'Sửa, bỏ khỏi danh mục, kết thúc, nộp lưu, giữ lại hồ sơ / act on a file', params: idParams, body: fileAction } },
    async (req) => files.act(req.ctx, req.params.id, req.body));
  app.post(`${P}/files/:id/documents`, { schema: { tags, summary: 'Lập văn bản vào hồ sơ / file a document', params: idParams, body: fileDocumentBody } },
    async (req) => files.fileDocument(req.ctx, req.params.id, req.body));
  app.delete(`${P}/files/:id/documents/:documentId`, { schema: { tags, summary: 'Rút văn bản khỏi hồ sơ đang lập / take a document out of an open file', params: fileDocumentParams, querystring: versionQuery } },
    async (req) => files.unfileDocument(req.ctx, req.params.id, req.params.documentId, req.query.version));
  app.get(`${P}/files/:id/export`, { schema: { tags, summary: 'Kết xuất toàn bộ hồ sơ thành một tệp PDF theo trình tự thời gian / the whole file as one PDF', params: idParams } },
    async (req, reply) => {
      const { pdf, fileName } = await files.exportFile(req.ctx, req.params.id);
      return reply.type('application/pdf').header('content-disposition', contentDisposition('inline', fileName)).send(pdf);
    });

  app.get(`${P}/file-lists/:unitId/:year/pdf`, { schema: { tags, summary: 'Danh mục hồ sơ của năm (mẫu Phụ lục V) dạng PDF / the file list as PDF', params: fileListParams } },
    async (req, reply) => {
      const { pdf, fileName } = await files.listPdf(req.ctx, req.params.unitId, req.params.year);
      return reply.type('application/pdf').header('content-disposition', contentDisposition('inline', fileName)).send(pdf);
    });
  app.post(`${P}/file-lists/:unitId/:year/actions`, { schema: { tags, summary: 'Người đứng đầu phê duyệt danh mục hồ sơ của năm / approve the year\'s file list', params: fileListParams, body: fileListAction } },
    async (req) => files.listAct(req.ctx, req.params.unitId, req.params.year, req.body));

  app.get(`${P}/disposals`, { schema: { tags, summary: 'Danh mục hồ sơ, tài liệu hết giá trị đề nghị hủy / disposal lists', querystring: disposalListQuery } },
    async (req) => disposals.list(req.ctx, req.query));
  app.post(`${P}/disposals`, { schema: { tags, summary: 'Lập danh mục hồ sơ hết thời hạn bảo quản đề nghị hủy / draft a disposal list', body: disposalCreateBody } },
    async (req, reply) => reply.status(201).send(await disposals.create(req.ctx, req.body)));
  app.get(`${P}/disposals/:id`, { schema: { tags, summary: 'Một danh mục hủy và các hồ sơ trong đó / one disposal list', params: idParams } },
    async (req) => disposals.get(req.ctx, req.params.id));
  app.post(`${P}/disposals/:id/actions`, { schema: { tags, summary: 'Thêm, bớt hồ sơ; người đứng đầu phê duyệt hủy theo quyết định; hủy bỏ danh mục / act on a disposal list', params: idParams, body: disposalAction } },
    async (req) => disposals.act(req.ctx, req.params.id, req.body));
}
