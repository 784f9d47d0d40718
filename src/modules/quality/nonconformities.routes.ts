import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import {
  idParam, ncActionDoneBody, ncActionParams, ncCreateBody, ncListQuery, ncPlanBody, ncVerifyBody, versionBody,
} from './nonconformities.schema.js';
import type { QualityService } from './quality.service.js';

const idParams = z.object({ id: idParam });

/** HTTP only (issue 20, API.md part C): parse, then hand the request context to the service. */
export async function nonconformitiesRoutes(app: App, quality: QualityService): Promise<void> {
  const tags = ['quality'];
  const P = '/api/v1/quality';
  const { nonconformities: ncs } = quality;

  app.get(`${P}/systems/:id/nonconformities`, { schema: { tags, summary: 'Các sự không phù hợp của một hệ thống quản lý chất lượng / nonconformities of a QMS', params: idParams, querystring: ncListQuery } },
    async (req) => ncs.list(req.ctx, req.params.id, req.query));
  app.post(`${P}/systems/:id/nonconformities`, { schema: { tags, summary: 'Ghi nhận sự không phù hợp / raise a nonconformity', params: idParams, body: ncCreateBody } },
    async (req, reply) => reply.status(201).send(await ncs.create(req.ctx, req.params.id, req.body)));
  app.get(`${P}/nonconformities`, { schema: { tags, summary: 'Sự không phù hợp ở mọi hệ thống người dùng được xem; mine=true: việc của tôi / nonconformities across QMSs', querystring: ncListQuery } },
    async (req) => ncs.listAll(req.ctx, req.query));
  app.get(`${P}/nonconformities/:id`, { schema: { tags, summary: 'Một sự không phù hợp: nguyên nhân, hành động khắc phục, xác nhận hiệu lực, lịch sử / one nonconformity', params: idParams } },
    async (req) => ncs.get(req.ctx, req.params.id));
  app.post(`${P}/nonconformities/:id/plan`, { schema: { tags, summary: 'Lập (hoặc sửa) kế hoạch khắc phục: nguyên nhân và hành động / plan corrective actions', params: idParams, body: ncPlanBody } },
    async (req) => ncs.plan(req.ctx, req.params.id, req.body));
  app.post(`${P}/nonconformities/:id/actions/:seq/done`, { schema: { tags, summary: 'Báo cáo đã thực hiện một hành động khắc phục / mark an action done', params: ncActionParams, body: ncActionDoneBody } },
    async (req) => ncs.actionDone(req.ctx, req.params.id, req.params.seq, req.body));
  app.post(`${P}/nonconformities/:id/verify`, { schema: { tags, summary: 'Xác nhận hiệu lực của hành động khắc phục / verify effectiveness', params: idParams, body: ncVerifyBody } },
    async (req) => ncs.verify(req.ctx, req.params.id, req.body));
  app.post(`${P}/nonconformities/:id/close`, { schema: { tags, summary: 'Đóng phiếu sự không phù hợp / close a nonconformity', params: idParams, body: versionBody } },
    async (req) => ncs.close(req.ctx, req.params.id, req.body.version));
}
