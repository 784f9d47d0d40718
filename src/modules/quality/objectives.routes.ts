import type { App } from '../../platform/http/types.js';
import { objectiveCreateBody, objectivesQuery, objectiveUpdateBody } from './objectives.schema.js';
import type { QualityService } from './quality.service.js';
import { idParams } from './systems.schema.js';

/** HTTP only (issue 20, Part A): parse, then hand the request context to the service. */
export async function objectivesRoutes(app: App, quality: QualityService): Promise<void> {
  const tags = ['quality'];
  const P = '/api/v1/quality';
  const { objectives } = quality;

  app.get(`${P}/systems/:id/objectives`, { schema: { tags, summary: 'Mục tiêu chất lượng của năm, đo từ dữ liệu của hệ thống đến hôm nay / the year\'s quality objectives with their readings', params: idParams, querystring: objectivesQuery } },
    async (req) => objectives.list(req.ctx, req.params.id, req.query.year));
  app.post(`${P}/systems/:id/objectives`, { schema: { tags, summary: 'Thêm mục tiêu chất lượng / add a quality objective', params: idParams, body: objectiveCreateBody } },
    async (req, reply) => reply.status(201).send(await objectives.create(req.ctx, req.params.id, req.body)));
  app.put(`${P}/objectives/:id`, { schema: { tags, summary: 'Sửa mục tiêu chất lượng / change a quality objective', params: idParams, body: objectiveUpdateBody } },
    async (req) => objectives.update(req.ctx, req.params.id, req.body));
}
