import { contentDisposition } from '../../platform/http/content-disposition.js';
import type { App } from '../../platform/http/types.js';
import { requireCitizen } from '../citizens/citizen-session.plugin.js';
import type { FeedbackService } from './feedback.service.js';
import {
  actionBody, categoryBody, categoryParams, citizenSubmitBody, citizenWithdrawBody, codeParams, fileParams, listQuery, lookupQuery,
  publishedQuery, settingsBody, staffSubmitBody, statsQuery, submitBody,
} from './schema.js';

/** Feedback (PAKN) over HTTP: public, citizen and staff routes. Thin: parse, call the service. */
export async function feedbackRoutes(app: App, feedback: FeedbackService): Promise<void> {
  const pub = ['public'];
  const read = { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } };
  app.get('/api/v1/public/feedback/categories', { schema: { tags: pub, summary: 'Loại phản ánh, kiến nghị / feedback categories' }, ...read },
    async () => ({ items: await feedback.categories() }));
  app.post('/api/v1/public/feedback', {
    schema: { tags: pub, summary: 'Gửi phản ánh, kiến nghị (họ tên và một cách liên hệ) / send feedback', body: submitBody },
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
  }, async (req, reply) => reply.status(201).send(await feedback.submit(req.ctx, req.body, 'portal')));
  app.get('/api/v1/public/feedback/published', { schema: { tags: pub, summary: 'Phản ánh, kiến nghị đã trả lời và công khai / published answers', querystring: publishedQuery }, ...read },
    async (req) => feedback.published(req.query));
  app.get('/api/v1/public/feedback/published/:code', { schema: { tags: pub, summary: 'Một phản ánh, kiến nghị đã công khai / one published answer', params: codeParams }, ...read },
    async (req) => feedback.publishedOne(req.params.code));
  app.get('/api/v1/public/feedback/stats', { schema: { tags: pub, summary: 'Số liệu phản ánh, kiến nghị theo đơn vị / statistics', querystring: statsQuery }, ...read },
    async (req) => feedback.stats(req.query));
  app.get('/api/v1/public/feedback/:code', {
    schema: { tags: pub, summary: 'Tra cứu phản ánh, kiến nghị (?secret= mã tra cứu) / look up feedback', params: codeParams, querystring: lookupQuery },
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
  }, async (req) => feedback.publicStatus(req.params.code, req.query.secret ?? ''));

  const citizen = ['citizen'];
  app.post('/api/v1/citizen/feedback', { schema: { tags: citizen, summary: 'Gửi phản ánh, kiến nghị (đăng nhập định danh) / send feedback signed in', body: citizenSubmitBody } },
    async (req, reply) => reply.status(201).send(await feedback.submitByCitizen(req.ctx, requireCitizen(req).id, req.body)));
  app.get('/api/v1/citizen/feedback', { schema: { tags: citizen, summary: 'Phản ánh, kiến nghị của tôi / my feedback' } },
    async (req) => feedback.mine(requireCitizen(req).id));
  app.get('/api/v1/citizen/feedback/:code', { schema: { tags: citizen, summary: 'Phản ánh, kiến nghị của tôi và trả lời / my feedback with its answer', params: codeParams } },
    async (req) => feedback.mineOne(requireCitizen(req).id, req.params.code));
  app.post('/api/v1/citizen/feedback/:code/withdraw', { schema: { tags: citizen, summary: 'Rút phản ánh, kiến nghị / withdraw my feedback', params: codeParams, body: citizenWithdrawBody } },
    async (req) => feedback.withdrawByCitizen(req.ctx, requireCitizen(req).id, req.params.code, req.body.reason));

  const tags = ['feedback'];
  app.get('/api/v1/feedback', { schema: { tags, summary: 'Danh sách phản ánh, kiến nghị / feedback queue', querystring: listQuery } },
    async (req) => feedback.list(req.ctx, req.query));
  app.post('/api/v1/feedback', { schema: { tags, summary: 'Ghi nhận phản ánh, kiến nghị tại quầy, qua điện thoại, thư / record feedback', body: staffSubmitBody } },
    async (req, reply) => reply.status(201).send(await feedback.submitByStaff(req.ctx, req.body)));
  app.get('/api/v1/feedback/categories', { schema: { tags, summary: 'Loại phản ánh, kiến nghị (cả loại ngừng dùng) / all categories' } },
    async (req) => ({ items: await feedback.allCategories(req.ctx) }));
  app.put('/api/v1/feedback/categories/:code', { schema: { tags, summary: 'Tạo hoặc sửa loại phản ánh, kiến nghị (version 0 = tạo) / create or update a category', params: categoryParams, body: categoryBody } },
    async (req) => feedback.putCategory(req.ctx, req.params.code, req.body));
  app.get('/api/v1/feedback/settings', { schema: { tags, summary: 'Cấu hình: đơn vị tiếp nhận, đơn vị giám sát công vụ / settings' } },
    async (req) => feedback.settings(req.ctx));
  app.put('/api/v1/feedback/settings', { schema: { tags, summary: 'Sửa cấu hình phản ánh, kiến nghị / change settings', body: settingsBody } },
    async (req) => feedback.putSettings(req.ctx, req.body));
  app.get('/api/v1/feedback/:code', { schema: { tags, summary: 'Phản ánh, kiến nghị / one feedback item', params: codeParams } },
    async (req) => feedback.get(req.ctx, req.params.code));
  app.post('/api/v1/feedback/:code/actions', { schema: { tags, summary: 'Xử lý phản ánh, kiến nghị / act on feedback', params: codeParams, body: actionBody } },
    async (req) => feedback.act(req.ctx, req.params.code, req.body));
  app.get('/api/v1/feedback/:code/files/:key', { schema: { tags, summary: 'Tải tệp đính kèm / download an attachment', params: fileParams } }, async (req, reply) => {
    const f = await feedback.file(req.ctx, req.params.code, req.params.key);
    return reply.type(f.type).header('content-disposition', contentDisposition('attachment', f.name)).header('cache-control', 'private, no-store').send(f.content);
  });
}
