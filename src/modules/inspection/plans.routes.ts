import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { InspectionsService } from './inspections.service.js';
import { inspectionAction, inspectionCreateBody, inspectionListQuery, recommendationAction } from './inspections.schema.js';
import type { PlansService } from './plans.service.js';
import { planAction, planCreateBody, planListQuery } from './plans.schema.js';
import { idParam } from './schema.js';

const idParams = z.object({ id: idParam });
const recParams = z.object({ id: idParam, recId: idParam });

/** HTTP only (issue 18 scope 1): parse, then hand the request context to the service, which decides who may do what. */
export async function planRoutes(app: App, services: { plans: PlansService; inspections: InspectionsService }): Promise<void> {
  const tags = ['inspection'];
  const { plans, inspections } = services;
  const P = '/api/v1/inspection';

  app.get(`${P}/plans`, { schema: { tags, summary: 'Kế hoạch thanh tra, kiểm tra hằng năm của các đơn vị mình theo dõi / yearly inspection plans', querystring: planListQuery } },
    async (req) => plans.list(req.ctx, req.query));
  app.post(`${P}/plans`, { schema: { tags, summary: 'Lập dự thảo kế hoạch thanh tra, kiểm tra / draft a plan', body: planCreateBody } },
    async (req, reply) => reply.status(201).send(await plans.create(req.ctx, req.body)));
  app.get(`${P}/plans/:id`, { schema: { tags, summary: 'Một kế hoạch, các cuộc thanh tra, kiểm tra dự kiến và lịch sử điều chỉnh / one plan', params: idParams } },
    async (req) => plans.get(req.ctx, req.params.id));
  app.post(`${P}/plans/:id/actions`, { schema: { tags, summary: 'Sửa dự thảo, thêm, sửa, bỏ cuộc thanh tra, kiểm tra, phê duyệt; điều chỉnh sau phê duyệt có lý do / act on a plan', params: idParams, body: planAction } },
    async (req) => plans.act(req.ctx, req.params.id, req.body));

  app.get(`${P}/inspections`, { schema: { tags, summary: 'Cuộc thanh tra, kiểm tra mình tiến hành, tham gia đoàn hoặc đơn vị mình được kết luận / inspections', querystring: inspectionListQuery } },
    async (req) => inspections.list(req.ctx, req.query));
  app.post(`${P}/inspections`, { schema: { tags, summary: 'Mở cuộc thanh tra, kiểm tra theo kế hoạch hoặc đột xuất / open an inspection', body: inspectionCreateBody } },
    async (req, reply) => reply.status(201).send(await inspections.open(req.ctx, req.body)));
  app.get(`${P}/inspections/:id`, { schema: { tags, summary: 'Một cuộc thanh tra, kiểm tra: biên bản, vi phạm, kết luận, kiến nghị / one inspection', params: idParams } },
    async (req) => inspections.get(req.ctx, req.params.id));
  app.post(`${P}/inspections/:id/actions`, { schema: { tags, summary: 'Quyết định, đoàn, bắt đầu, biên bản, vi phạm, kết luận, hủy / act on an inspection', params: idParams, body: inspectionAction } },
    async (req) => inspections.act(req.ctx, req.params.id, req.body));
  app.post(`${P}/inspections/:id/recommendations/:recId/actions`, { schema: { tags, summary: 'Báo cáo thực hiện, đánh giá hoàn thành hoặc trả lại kiến nghị / follow up a recommendation', params: recParams, body: recommendationAction } },
    async (req) => inspections.recommendationAct(req.ctx, req.params.id, req.params.recId, req.body));
}
