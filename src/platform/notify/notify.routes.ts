import type { App } from '../http/types.js';
import type { NotifyService } from './notify.service.js';
import { idParams, mineQuery, outboxQuery, templateKeyParams, templateUpdateBody } from './schema.js';

/** HTTP only: the service decides who may see and do what. */
export async function notifyRoutes(app: App, notify: NotifyService): Promise<void> {
  const tags = ['notifications'];
  app.get('/api/v1/admin/outbox', { schema: { tags, summary: 'Hộp thư đi: trạng thái gửi từng tin / outbox delivery state', querystring: outboxQuery } },
    async (req) => notify.listOutbox(req.ctx, req.query));
  app.get('/api/v1/admin/outbox/counts', { schema: { tags, summary: 'Số tin theo trạng thái gửi / messages per delivery state' } },
    async (req) => notify.outboxCounts(req.ctx));
  app.get('/api/v1/admin/outbox/:id', { schema: { tags, summary: 'Chi tiết một tin / one message', params: idParams } },
    async (req) => notify.getOutboxMessage(req.ctx, req.params.id));
  app.post('/api/v1/admin/outbox/:id/retry', { schema: { tags, summary: 'Gửi lại một tin / retry a message', params: idParams } },
    async (req) => notify.retry(req.ctx, req.params.id));
  app.get('/api/v1/notifications/mine', { schema: { tags, summary: 'Thông báo của tôi / my in-app notifications', querystring: mineQuery } },
    async (req) => notify.mine(req.ctx, req.query));
  app.post('/api/v1/notifications/read-all', { schema: { tags, summary: 'Đánh dấu tất cả đã đọc / mark all as read' } },
    async (req) => notify.markAllRead(req.ctx));
  app.post('/api/v1/notifications/:id/read', { schema: { tags, summary: 'Đánh dấu đã đọc / mark as read', params: idParams } },
    async (req) => notify.markRead(req.ctx, req.params.id));
  app.get('/api/v1/admin/message-templates', { schema: { tags, summary: 'Mẫu tin nhắn / message templates' } },
    async (req) => ({ items: await notify.listTemplates(req.ctx) }));
  app.put('/api/v1/admin/message-templates/:key', { schema: { tags, summary: 'Sửa mẫu tin nhắn / edit a message template', params: templateKeyParams, body: templateUpdateBody } },
    async (req) => notify.updateTemplate(req.ctx, req.params.key, req.body));
}
