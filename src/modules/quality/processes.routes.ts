import type { App } from '../../platform/http/types.js';
import { idParams, processCreateBody, processUpdateBody } from './processes.schema.js';
import type { QualityService } from './quality.service.js';

/** HTTP only (issue 20, API.md part B): parse, then hand the request context to the service. */
export async function processesRoutes(app: App, quality: QualityService): Promise<void> {
  const tags = ['quality'];
  const P = '/api/v1/quality';
  const { processes } = quality;

  app.get(`${P}/systems/:id/processes`, { schema: { tags, summary: 'Các quy trình của hệ thống quản lý chất lượng, với tình trạng tài liệu so với quy trình nội bộ trong danh mục / the QMS processes', params: idParams } },
    async (req) => processes.list(req.ctx, req.params.id));
  app.post(`${P}/systems/:id/processes`, { schema: { tags, summary: 'Thêm quy trình, có thể gắn với thủ tục trong danh mục / add a process', params: idParams, body: processCreateBody } },
    async (req, reply) => reply.status(201).send(await processes.create(req.ctx, req.params.id, req.body)));
  app.put(`${P}/processes/:id`, { schema: { tags, summary: 'Sửa tên, đơn vị chủ trì, ngừng hoặc áp dụng lại quy trình / edit a process', params: idParams, body: processUpdateBody } },
    async (req) => processes.update(req.ctx, req.params.id, req.body));
}
