import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import type { App } from '../../platform/http/types.js';
import type { ProcedureReviewService } from './procedure-review.service.js';
import { idParams, reviewActionBody, reviewCreateBody, reviewUpdateBody, reviewsQuery } from './schema.js';

const download = (reply: FastifyReply, f: { name: string; type: string; content: Buffer }) =>
  reply.type(f.type).header('content-disposition', contentDisposition('attachment', f.name)).header('cache-control', 'no-store').send(f.content);

/** HTTP only (API.md Part C): parse, then hand the request context to the service. */
export async function reviewsRoutes(app: App, pr: ProcedureReviewService): Promise<void> {
  const tags = ['procedure-review'];
  const P = '/api/v1/procedure-review';
  const { reviews } = pr;

  app.get(`${P}/reviews`, { schema: { tags, summary: 'Phiếu rà soát, đánh giá TTHC của các cơ quan được xem / review forms of the agencies the caller reads', querystring: reviewsQuery } },
    async (req) => reviews.list(req.ctx, req.query));
  app.post(`${P}/reviews`, { schema: { tags, summary: 'Lập phiếu rà soát một thủ tục (một phiếu cho mỗi cơ quan, năm, thủ tục) / open a review form', body: reviewCreateBody } },
    async (req, reply) => reply.status(201).send(await reviews.create(req.ctx, req.body)));
  app.get(`${P}/reviews/:id`, { schema: { tags, summary: 'Một phiếu rà soát: câu hỏi, số liệu, chi phí tuân thủ, lịch sử / one review form', params: idParams } },
    async (req) => reviews.get(req.ctx, req.params.id));
  app.put(`${P}/reviews/:id`, { schema: { tags, summary: 'Sửa câu trả lời, ước tính, kết luận, kiến nghị (phiếu đang soạn) / edit a draft review', params: idParams, body: reviewUpdateBody } },
    async (req) => reviews.update(req.ctx, req.params.id, req.body));
  app.post(`${P}/reviews/:id/actions`, { schema: { tags, summary: 'Trình, phê duyệt hoặc trả lại phiếu rà soát / submit, approve or return a review', params: idParams, body: reviewActionBody } },
    async (req) => reviews.act(req.ctx, req.params.id, req.body));
  app.get(`${P}/reviews/:id/form.docx`, { schema: { tags, summary: 'Phiếu rà soát theo mẫu, dạng Word / the form as DOCX', params: idParams } },
    async (req, reply) => download(reply, await reviews.formFile(req.ctx, req.params.id, 'docx')));
  app.get(`${P}/reviews/:id/form.pdf`, { schema: { tags, summary: 'Phiếu rà soát theo mẫu, dạng PDF / the form as PDF', params: idParams } },
    async (req, reply) => download(reply, await reviews.formFile(req.ctx, req.params.id, 'pdf')));
}
