import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import { recallBody, returnBody } from './exchange.schema.js';
import type { RegistryService } from './registry.service.js';
import { idParam } from './schema.js';

const idParams = z.object({ id: idParam });

/** HTTP only (issue 19 scope 3, the exchange): parse, call the service; a change answers the document's detail. */
export async function exchangeRoutes(app: App, registry: RegistryService): Promise<void> {
  const tags = ['registry'];
  const P = '/api/v1/registry';
  const { exchange, documents } = registry;

  app.get(`${P}/documents/:id/deliveries`, { schema: { tags, summary: 'Tình trạng gửi, nhận văn bản qua trục liên thông: nơi gửi thấy mọi nơi nhận, nơi nhận thấy phần của mình / deliveries of a document', params: idParams } },
    async (req) => exchange.deliveries(req.ctx, req.params.id));
  app.post(`${P}/outgoing/:id/recall`, { schema: { tags, summary: 'Thu hồi văn bản đã ban hành: văn bản đến ở các nơi nhận bị thu hồi, tệp không còn xem được / recall a released document', params: idParams, body: recallBody } },
    async (req) => {
      await exchange.recall(req.ctx, req.params.id, req.body);
      return documents.get(req.ctx, req.params.id, { viewed: false });
    });
  app.post(`${P}/incoming/:id/return`, { schema: { tags, summary: 'Trả lại văn bản đến gửi sai nơi nhận cho nơi gửi, kèm lý do / return a wrongly addressed document', params: idParams, body: returnBody } },
    async (req) => {
      await exchange.returnToSender(req.ctx, req.params.id, req.body);
      return documents.get(req.ctx, req.params.id, { viewed: false });
    });
}
