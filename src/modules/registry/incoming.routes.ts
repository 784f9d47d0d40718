import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import type { App } from '../../platform/http/types.js';
import { incomingAction, incomingCreateBody, registerQuery, type RegisterQuery } from './incoming.schema.js';
import type { RegistryService } from './registry.service.js';
import { idParam } from './schema.js';

const idParams = z.object({ id: idParam });

/** A file built under the caller's rights: never cached, shown in the browser under its own name. */
const send = (reply: FastifyReply, f: { name: string; type: string; content: Buffer }) =>
  reply.type(f.type).header('content-disposition', contentDisposition('inline', f.name)).header('cache-control', 'no-store').send(f.content);

/**
 * HTTP only (issue 19 scope 2, API.md "Incoming"): parse, hand the request context to the service,
 * answer with the document's detail as the shared documents service shows it.
 */
export async function incomingRoutes(app: App, registry: RegistryService): Promise<void> {
  const tags = ['registry'];
  const P = '/api/v1/registry';
  const { incoming, documents } = registry;

  app.post(`${P}/incoming`, { schema: { tags, summary: 'Vào sổ văn bản đến (giấy hoặc điện tử từ ngoài tỉnh), cấp số đến; cảnh báo trùng văn bản / register an incoming document', body: incomingCreateBody } },
    async (req, reply) => {
      const id = await incoming.create(req.ctx, req.body);
      return reply.status(201).send(await documents.get(req.ctx, id));
    });
  app.post(`${P}/incoming/:id/actions`, { schema: { tags, summary: 'Vào sổ văn bản điện tử đã nhận, phân công xử lý và thời hạn, báo cáo kết quả giải quyết / act on an incoming document', params: idParams, body: incomingAction } },
    async (req) => {
      await incoming.act(req.ctx, req.params.id, req.body);
      return documents.get(req.ctx, req.params.id);
    });
  app.get(`${P}/incoming/:id/routing-slip`, { schema: { tags, summary: 'Phiếu giải quyết văn bản đến (PDF) / the routing slip', params: idParams } },
    async (req, reply) => send(reply, await incoming.routingSlip(req.ctx, req.params.id)));

  const book = (kind: 'incoming' | 'tracking') => async (req: { ctx: Parameters<typeof incoming.registerBook>[0]; query: RegisterQuery }, reply: FastifyReply) => {
    const out = await incoming.registerBook(req.ctx, kind, req.query);
    return out.format === 'pdf' ? send(reply, out.file) : out.sheet;
  };
  app.get(`${P}/registers/incoming`, { schema: { tags, summary: 'Sổ đăng ký văn bản đến (10 cột, Phụ lục IV Nghị định 30/2020), JSON hoặc PDF / the incoming register', querystring: registerQuery } },
    book('incoming'));
  app.get(`${P}/registers/tracking`, { schema: { tags, summary: 'Sổ theo dõi giải quyết văn bản đến (7 cột), JSON hoặc PDF / the tracking register', querystring: registerQuery } },
    book('tracking'));
}
