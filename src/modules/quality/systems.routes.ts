import type { App } from '../../platform/http/types.js';
import type { QualityService } from './quality.service.js';
import { declarationCreateBody, idParams, systemCreateBody, systemUpdateBody, versionBody } from './systems.schema.js';

/** HTTP only (issue 20, Part A): parse, then hand the request context to the service. */
export async function systemsRoutes(app: App, quality: QualityService): Promise<void> {
  const tags = ['quality'];
  const P = '/api/v1/quality';
  const { systems } = quality;

  app.get(`${P}/systems`, { schema: { tags, summary: 'Các hệ thống quản lý chất lượng người dùng được xem, và cơ quan có thể lập mới / the QMSs the caller reads' } },
    async (req) => systems.list(req.ctx));
  app.post(`${P}/systems`, { schema: { tags, summary: 'Lập hệ thống quản lý chất lượng cho cơ quan (người đứng đầu) / create an agency\'s QMS', body: systemCreateBody } },
    async (req, reply) => reply.status(201).send(await systems.create(req.ctx, req.body)));
  app.get(`${P}/systems/:id`, { schema: { tags, summary: 'Một hệ thống quản lý chất lượng: phạm vi, chính sách, công bố, lịch sử / one QMS', params: idParams } },
    async (req) => systems.get(req.ctx, req.params.id));
  app.put(`${P}/systems/:id`, { schema: { tags, summary: 'Sửa phạm vi, điều khoản loại trừ, chính sách, thư ký ISO / change a QMS', params: idParams, body: systemUpdateBody } },
    async (req) => systems.update(req.ctx, req.params.id, req.body));
  app.post(`${P}/systems/:id/policy/approve`, { schema: { tags, summary: 'Người đứng đầu phê duyệt chính sách chất lượng / approve the quality policy', params: idParams, body: versionBody } },
    async (req) => systems.approvePolicy(req.ctx, req.params.id, req.body));
  app.get(`${P}/systems/:id/people`, { schema: { tags, summary: 'Cán bộ của cơ quan, để chọn người phụ trách, đánh giá viên, thư ký ISO / the agency\'s staff', params: idParams } },
    async (req) => systems.people(req.ctx, req.params.id));
  app.get(`${P}/systems/:id/declarations`, { schema: { tags, summary: 'Các quyết định công bố hệ thống phù hợp TCVN ISO 9001 / announcements of conformity', params: idParams } },
    async (req) => systems.declarations.list(req.ctx, req.params.id));
  app.post(`${P}/systems/:id/declarations`, { schema: { tags, summary: 'Ghi nhận quyết định công bố hệ thống phù hợp TCVN ISO 9001 (người đứng đầu) / record an announcement', params: idParams, body: declarationCreateBody } },
    async (req, reply) => reply.status(201).send(await systems.declarations.create(req.ctx, req.params.id, req.body)));
}
