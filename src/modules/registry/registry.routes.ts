import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import { attachmentRoutes } from './attachments.routes.js';
import { exchangeRoutes } from './exchange.routes.js';
import { filesRoutes } from './files.routes.js';
import { incomingRoutes } from './incoming.routes.js';
import { outgoingRoutes } from './outgoing.routes.js';
import type { RegistryService } from './registry.service.js';
import { documentListQuery, idParam, peopleQuery, settingsBody } from './schema.js';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import { fromDossierBody } from './from-dossier.js';

const idParams = z.object({ id: idParam });
const unitParams = z.object({ unitId: idParam });

/** HTTP only (issue 19): parse, then hand the request context to the service, which decides who may do what. Each part adds its own routes. */
export async function registryRoutes(app: App, registry: RegistryService): Promise<void> {
  const tags = ['registry'];
  const P = '/api/v1/registry';
  const { documents } = registry;

  app.get(`${P}/document-types`, { schema: { tags, summary: 'Các loại văn bản hành chính và chữ viết tắt (Nghị định 30/2020) / document types' } },
    async () => documents.documentTypes());
  app.get(`${P}/agencies`, { schema: { tags, summary: 'Cơ quan có văn thư mình làm việc hoặc theo dõi, ký hiệu và cách đánh số / agencies and their records-office settings' } },
    async (req) => documents.agencies(req.ctx));
  app.put(`${P}/agencies/:unitId/settings`, { schema: { tags, summary: 'Ký hiệu cơ quan, địa danh, cơ quan chủ quản, cách đánh số / set an agency\'s records-office settings', params: unitParams, body: settingsBody } },
    async (req) => documents.putSettings(req.ctx, req.params.unitId, req.body));
  app.post(`${P}/outgoing/from-dossier`, { schema: { tags, summary: 'Soạn văn bản đi trả kết quả giải quyết một hồ sơ / draft the document issuing a dossier\'s result', body: fromDossierBody } },
    async (req, reply) => reply.status(201).send(await documents.get(req.ctx, await registry.draftFromDossier(req.ctx, req.body), { viewed: false })));
  app.get(`${P}/agencies/:unitId/people`, { schema: { tags, summary: 'Cán bộ của cơ quan để trình ký, phân công xử lý, lập hồ sơ / the agency\'s people', params: unitParams, querystring: peopleQuery } },
    async (req) => documents.people(req.ctx, req.params.unitId, req.query));
  app.get(`${P}/documents/:id/file`, { schema: { tags, summary: 'Bản điện tử của văn bản (lượt tải được ghi lại) / the electronic copy', params: idParams } },
    async (req, reply) => {
      const f = await documents.file(req.ctx, req.params.id);
      return reply.type(f.type).header('content-disposition', contentDisposition('inline', f.name)).header('cache-control', 'no-store').send(f.content);
    });
  app.get(`${P}/documents`, { schema: { tags, summary: 'Văn bản đi, đến mình được xem; tìm theo mọi trường, không dấu / documents, searched on every field', querystring: documentListQuery } },
    async (req) => documents.list(req.ctx, req.query));
  app.get(`${P}/documents/:id`, { schema: { tags, summary: 'Một văn bản: thông tin, xử lý, tệp, lịch sử (lần xem được ghi lại) / one document', params: idParams } },
    async (req) => documents.get(req.ctx, req.params.id));
  await outgoingRoutes(app, registry);
  await exchangeRoutes(app, registry);
  await incomingRoutes(app, registry);
  await filesRoutes(app, registry);
  await attachmentRoutes(app, registry);
}
