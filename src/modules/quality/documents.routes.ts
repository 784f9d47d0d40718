import type { App } from '../../platform/http/types.js';
import { approveBody, documentCreateBody, obsoleteBody, versionCreateBody } from './documents.schema.js';
import { idParams } from './processes.schema.js';
import type { QualityService } from './quality.service.js';

/** HTTP only (issue 20, API.md part B): parse, then hand the request context to the service. */
export async function documentsRoutes(app: App, quality: QualityService): Promise<void> {
  const tags = ['quality'];
  const P = '/api/v1/quality';
  const { documents } = quality;

  app.get(`${P}/systems/:id/documents`, { schema: { tags, summary: 'Danh mục tài liệu của hệ thống quản lý chất lượng: lần ban hành hiện hành, dự thảo, tình trạng so với danh mục thủ tục / controlled documents', params: idParams } },
    async (req) => documents.list(req.ctx, req.params.id));
  app.post(`${P}/systems/:id/documents`, { schema: { tags, summary: 'Thêm tài liệu và soạn dự thảo lần ban hành 1 (tài liệu quy trình lấy theo quy trình nội bộ đang áp dụng) / add a document', params: idParams, body: documentCreateBody } },
    async (req, reply) => reply.status(201).send(await documents.create(req.ctx, req.params.id, req.body)));
  app.get(`${P}/documents/:id`, { schema: { tags, summary: 'Một tài liệu: các lần ban hành, tình trạng so với quy trình nội bộ, lịch sử / one document', params: idParams } },
    async (req) => documents.get(req.ctx, req.params.id));
  app.post(`${P}/documents/:id/versions`, { schema: { tags, summary: 'Soạn dự thảo sửa đổi (lần ban hành tiếp theo) / draft the next issue', params: idParams, body: versionCreateBody } },
    async (req, reply) => reply.status(201).send(await documents.draftVersion(req.ctx, req.params.id, req.body)));
  app.post(`${P}/document-versions/:id/approve`, { schema: { tags, summary: 'Lãnh đạo ban hành bản dự thảo; lần ban hành trước hết hiệu lực / approve a draft', params: idParams, body: approveBody } },
    async (req) => documents.approve(req.ctx, req.params.id, req.body));
  app.post(`${P}/document-versions/:id/obsolete`, { schema: { tags, summary: 'Hủy bỏ một lần ban hành hoặc bản dự thảo, nêu lý do / withdraw an issue', params: idParams, body: obsoleteBody } },
    async (req) => documents.obsolete(req.ctx, req.params.id, req.body));
}
