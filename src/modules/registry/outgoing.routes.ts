import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import type { App } from '../../platform/http/types.js';
import { outgoingAction, outgoingCreateBody, outgoingParams, outgoingRegisterQuery } from './outgoing.schema.js';
import type { RegistryService } from './registry.service.js';

/** A file built under the caller's rights: never cached, shown in the browser under its own name. */
const send = (reply: FastifyReply, f: { name: string; type: string; content: Buffer }) =>
  reply.type(f.type).header('content-disposition', contentDisposition('inline', f.name)).header('cache-control', 'no-store').send(f.content);

/** HTTP only (issue 19 scope 1): outgoing documents, their PDF and the outgoing register. Changes answer with the document's detail. */
export async function outgoingRoutes(app: App, registry: RegistryService): Promise<void> {
  const tags = ['registry'];
  const P = '/api/v1/registry';
  const { outgoing, documents } = registry;

  app.post(`${P}/outgoing`, { schema: { tags, summary: 'Soạn dự thảo văn bản đi / draft an outgoing document', body: outgoingCreateBody } },
    async (req, reply) => reply.status(201).send(await documents.get(req.ctx, await outgoing.create(req.ctx, req.body), { viewed: false })));
  app.post(`${P}/outgoing/:id/actions`, {
    schema: { tags, summary: 'Sửa, trình ký, trả lại, ký duyệt, cấp số và phát hành, hủy văn bản đi / act on an outgoing document', params: outgoingParams, body: outgoingAction },
  }, async (req) => documents.get(req.ctx, await outgoing.act(req.ctx, req.params.id, req.body), { viewed: false }));
  app.get(`${P}/outgoing/:id/pdf`, { schema: { tags, summary: 'Văn bản đi dạng PDF (dự thảo có chữ "DỰ THẢO") / the document as PDF', params: outgoingParams } },
    async (req, reply) => send(reply, await outgoing.pdf(req.ctx, req.params.id)));
  app.get(`${P}/registers/outgoing`, { schema: { tags, summary: 'Sổ đăng ký văn bản đi (JSON hoặc PDF) / the outgoing register', querystring: outgoingRegisterQuery } },
    async (req, reply) => {
      const result = await outgoing.register(req.ctx, req.query);
      return result.kind === 'json' ? result.book : send(reply, result.file);
    });
}
