import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import { idParam } from './nonconformities.schema.js';
import { acceptBody, dismissBody, proposalsQuery } from './proposals.schema.js';
import type { QualityService } from './quality.service.js';

const idParams = z.object({ id: idParam });

/** HTTP only (issue 20, API.md part C, proposed nonconformities): parse, then hand the request context to the service. */
export async function proposalsRoutes(app: App, quality: QualityService): Promise<void> {
  const tags = ['quality'];
  const P = '/api/v1/quality/systems/:id/proposals';
  const { proposals } = quality;

  app.get(P, { schema: { tags, summary: 'Sự không phù hợp đề xuất từ số liệu hồ sơ (quá hạn, xin lỗi, bổ sung) trong một kỳ / proposed nonconformities', params: idParams, querystring: proposalsQuery } },
    async (req) => proposals.list(req.ctx, req.params.id, req.query));
  app.post(`${P}/accept`, { schema: { tags, summary: 'Mở phiếu sự không phù hợp từ một đề xuất (số liệu tính lại trên máy chủ) / accept a proposal', params: idParams, body: acceptBody } },
    async (req, reply) => reply.status(201).send(await proposals.accept(req.ctx, req.params.id, req.body)));
  app.post(`${P}/dismiss`, { schema: { tags, summary: 'Bác bỏ một đề xuất, nêu lý do (chỉ đề xuất lại khi số liệu xấu đi) / dismiss a proposal', params: idParams, body: dismissBody } },
    async (req, reply) => { await proposals.dismiss(req.ctx, req.params.id, req.body); return reply.status(204).send(); });
}
