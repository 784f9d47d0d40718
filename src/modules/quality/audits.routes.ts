import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import {
  auditCreateBody, auditFindingBody, auditItemBody, auditItemParams, auditItemResultBody, auditListQuery, auditReportBody,
} from './audits.schema.js';
import { idParam, versionBody } from './nonconformities.schema.js';
import type { QualityService } from './quality.service.js';

const idParams = z.object({ id: idParam });

/** HTTP only (issue 20, API.md part C, internal audits): parse, then hand the request context to the service. */
export async function auditsRoutes(app: App, quality: QualityService): Promise<void> {
  const tags = ['quality'];
  const P = '/api/v1/quality';
  const { audits } = quality;

  app.get(`${P}/systems/:id/audits`, { schema: { tags, summary: 'Các cuộc đánh giá nội bộ của một hệ thống quản lý chất lượng / internal audits of a QMS', params: idParams, querystring: auditListQuery } },
    async (req) => audits.list(req.ctx, req.params.id, req.query));
  app.post(`${P}/systems/:id/audits`, { schema: { tags, summary: 'Lập kế hoạch đánh giá nội bộ: quy trình, đoàn đánh giá, câu hỏi kiểm tra / plan an internal audit', params: idParams, body: auditCreateBody } },
    async (req, reply) => reply.status(201).send(await audits.create(req.ctx, req.params.id, req.body)));
  app.get(`${P}/audits/:id`, { schema: { tags, summary: 'Một cuộc đánh giá nội bộ: câu hỏi kiểm tra, phát hiện, báo cáo, lịch sử / one internal audit', params: idParams } },
    async (req) => audits.get(req.ctx, req.params.id));
  app.post(`${P}/audits/:id/start`, { schema: { tags, summary: 'Bắt đầu cuộc đánh giá / start the audit', params: idParams, body: versionBody } },
    async (req) => audits.start(req.ctx, req.params.id, req.body.version));
  app.post(`${P}/audits/:id/items`, { schema: { tags, summary: 'Thêm câu hỏi kiểm tra / add a checklist question', params: idParams, body: auditItemBody } },
    async (req) => audits.addItem(req.ctx, req.params.id, req.body));
  app.put(`${P}/audits/:id/items/:seq`, { schema: { tags, summary: 'Ghi kết quả một câu hỏi kiểm tra / record a checklist result', params: auditItemParams, body: auditItemResultBody } },
    async (req) => audits.setItem(req.ctx, req.params.id, req.params.seq, req.body));
  app.post(`${P}/audits/:id/findings`, { schema: { tags, summary: 'Ghi phát hiện; điểm không phù hợp mở phiếu sự không phù hợp / record a finding', params: idParams, body: auditFindingBody } },
    async (req, reply) => reply.status(201).send(await audits.addFinding(req.ctx, req.params.id, req.body)));
  app.post(`${P}/audits/:id/report`, { schema: { tags, summary: 'Báo cáo kết quả đánh giá nội bộ / report the audit', params: idParams, body: auditReportBody } },
    async (req) => audits.report(req.ctx, req.params.id, req.body));
}
