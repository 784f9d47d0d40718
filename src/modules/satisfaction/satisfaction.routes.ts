import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { SatisfactionService } from './satisfaction.service.js';
import { issueCodeBody, kioskCheckBody, kioskRatingBody, paperRatingBody, publicResultsQuery, resultsQuery } from './schema.js';

const codeParams = z.object({ code: z.string().trim().min(5).max(60) });
/** Per address, on top of the wrong-code limit the service keeps: a kiosk is one person at a time. */
const kioskLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };

export async function satisfactionRoutes(app: App, satisfaction: SatisfactionService): Promise<void> {
  const tags = ['satisfaction'];
  app.post('/api/v1/dossiers/:code/rating-code', {
    schema: { tags, summary: 'Cấp / hiện lại mã đánh giá mức độ hài lòng (renew: cấp mã mới, mã cũ hết hiệu lực) / issue or show the kiosk rating code', params: codeParams, body: issueCodeBody },
  }, async (req) => satisfaction.issueCode(req.ctx, req.params.code, { renew: req.body?.renew }));
  app.post('/api/v1/dossiers/:code/rating', {
    schema: { tags, summary: 'Nhập đánh giá từ phiếu giấy / enter a paper slip rating', params: codeParams, body: paperRatingBody },
  }, async (req, reply) => reply.status(201).send(await satisfaction.paperRating(req.ctx, req.params.code, req.body)));
  app.get('/api/v1/satisfaction', {
    schema: { tags, summary: 'Kết quả đánh giá mức độ hài lòng theo đơn vị, cán bộ, thủ tục / satisfaction results', querystring: resultsQuery },
  }, async (req) => satisfaction.report(req.ctx, req.query));

  const pub = ['public'];
  app.post('/api/v1/public/ratings/check', {
    schema: { tags: pub, summary: 'Máy đánh giá: kiểm tra mã, xem hồ sơ được đánh giá (không có thông tin cá nhân) / kiosk: check a code', body: kioskCheckBody },
    config: kioskLimit,
  }, async (req) => satisfaction.kioskCheck(req.ctx, req.body.code));
  app.post('/api/v1/public/ratings', {
    schema: { tags: pub, summary: 'Máy đánh giá: gửi đánh giá bằng mã một lần / kiosk: rate with a one-time code', body: kioskRatingBody },
    config: kioskLimit,
  }, async (req, reply) => reply.status(201).send(await satisfaction.kioskRate(req.ctx, req.body)));
  app.get('/api/v1/public/satisfaction', {
    schema: { tags: pub, summary: 'Mức độ hài lòng theo đơn vị (công khai) / satisfaction per unit (public)', querystring: publicResultsQuery },
    config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
  }, async (req) => satisfaction.publicResults(req.query));
}
