import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { InspectionService } from './inspection.service.js';
import { reportRoutes } from './reports.routes.js';
import { planRoutes } from './plans.routes.js';
import { caseAction, caseCreateBody, feedbackCodeParam, caseListQuery, disciplineAction, disciplineCreateBody, disciplineListQuery, idParam } from './schema.js';

const idParams = z.object({ id: idParam });

/** HTTP only: parse, then hand the request context to the service, which decides who may do what. */
export async function inspectionRoutes(app: App, inspection: InspectionService): Promise<void> {
  const tags = ['inspection'];
  const { cases, discipline } = inspection;
  const P = '/api/v1/inspection';

  app.get(`${P}/cases`, { schema: { tags, summary: 'Đơn khiếu nại, tố cáo của các đơn vị mình theo dõi (không kèm danh tính người gửi) / cases', querystring: caseListQuery } },
    async (req) => cases.list(req.ctx, req.query));
  app.post(`${P}/cases`, { schema: { tags, summary: 'Tiếp nhận, phân loại đơn / receive a complaint or denunciation', body: caseCreateBody } },
    async (req, reply) => reply.status(201).send(await cases.receive(req.ctx, req.body)));
  app.get(`${P}/cases/draft-from-feedback/:code`, { schema: { tags, summary: 'Đề xuất nội dung đơn tố cáo từ phản ánh về hành vi cán bộ / a case drafted from feedback about an official', params: z.object({ code: feedbackCodeParam }) } },
    async (req) => cases.draftFromFeedback(req.ctx, req.params.code));
  app.get(`${P}/cases/:id`, { schema: { tags, summary: 'Một vụ việc, thời hạn và lịch sử; danh tính người tố cáo chỉ cho tổ xử lý / one case', params: idParams } },
    async (req) => cases.get(req.ctx, req.params.id));
  app.post(`${P}/cases/:id/actions`, { schema: { tags, summary: 'Thụ lý, không thụ lý, xác minh, gia hạn, kết luận, công khai, phân công tổ / act on a case', params: idParams, body: caseAction } },
    async (req) => cases.act(req.ctx, req.params.id, req.body));

  app.get(`${P}/discipline`, { schema: { tags, summary: 'Vụ việc kỷ luật cán bộ, công chức / discipline cases', querystring: disciplineListQuery } },
    async (req) => discipline.list(req.ctx, req.query));
  app.post(`${P}/discipline`, { schema: { tags, summary: 'Lập hồ sơ xem xét kỷ luật / open a discipline case', body: disciplineCreateBody } },
    async (req, reply) => reply.status(201).send(await discipline.open(req.ctx, req.body)));
  app.get(`${P}/discipline/:id`, { schema: { tags, summary: 'Một vụ việc kỷ luật với các mốc thời hạn (người bị xem xét không xem được nội dung họp hội đồng) / one case', params: idParams } },
    async (req) => discipline.get(req.ctx, req.params.id));
  app.post(`${P}/discipline/:id/actions`, { schema: { tags, summary: 'Các bước, tạm hoãn, hội đồng, bỏ phiếu, quyết định / act on a discipline case', params: idParams, body: disciplineAction } },
    async (req) => discipline.act(req.ctx, req.params.id, req.body));

  await reportRoutes(app, inspection.reports);
  await planRoutes(app, inspection);
}
