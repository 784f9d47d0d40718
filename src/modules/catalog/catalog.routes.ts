import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import { dbPositiveInt, dbVersion } from '../../platform/http/bounds.js';
import type { App } from '../../platform/http/types.js';
import type { OrgService } from '../org/org.service.js';
import type { CatalogService } from './catalog.service.js';
import { renderPostingSheet } from './posting-sheet.js';
import { levelSchema, onlineModeSchema, procedureListQuerySchema } from './schema.js';

/** Public catalogue routes: no sign-in; drafts appear only to catalogue managers. */

const codeParams = z.object({ code: z.string().trim().max(40) });
const versionParams = codeParams.extend({ n: dbPositiveInt('Số phiên bản không hợp lệ') });
/** `agency`: an implementing agency's e-ID code, or its name for commune-level procedures (no code). */
const listQuery = procedureListQuerySchema.extend({ agency: z.string().trim().max(300).optional() });

const processingTime = z.object({ channel: z.enum(['desk', 'post', 'online']), amount: z.number(), unit: z.string(), cutoff: z.string().optional() });
const listItem = z.object({
  code: z.string(), name: z.string(), field: z.object({ code: z.string(), name: z.string() }), levels: z.array(levelSchema),
  onlineMode: onlineModeSchema, processingTimes: z.array(processingTime), agency: z.string(), boundaryIndependent: z.boolean(), version: z.number(),
});
// `corrected`: the words searched for instead of the typed ones (accent-free), when some were not in the catalogue.
const listResponse = z.object({ items: z.array(listItem), total: z.number(), fuzzy: z.boolean(), corrected: z.string().optional() });
const fieldsResponse = z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), count: z.number() })) });

export type CatalogRouteOptions = { catalog: CatalogService; org: OrgService; publicUrl?: string | undefined; /** The date printed on posting sheets. */ now?: () => Date };

/** Where the portal lives: the configured public URL, else the address the request came to. */
export function siteUrl(req: FastifyRequest, configured?: string): string {
  return (configured ?? `${req.protocol}://${req.host}`).replace(/\/$/, '');
}

export async function catalogRoutes(app: App, { catalog, org, publicUrl, now = () => new Date() }: CatalogRouteOptions): Promise<void> {
  const tags = ['catalog'];
  const publicCache = 'public, max-age=60';

  app.get('/api/v1/procedures', {
    schema: { tags, summary: 'Tìm thủ tục hành chính đang có hiệu lực / search procedures in force', querystring: listQuery, response: { 200: listResponse } },
  }, async (req, reply) => {
    reply.header('cache-control', publicCache);
    return catalog.search(req.query);
  });

  app.get('/api/v1/procedures/fields', {
    schema: { tags, summary: 'Lĩnh vực và số thủ tục / fields with counts', querystring: z.strictObject({ level: levelSchema.optional(), online: onlineModeSchema.optional() }), response: { 200: fieldsResponse } },
  }, async (req, reply) => {
    reply.header('cache-control', publicCache);
    return { items: await catalog.fields(req.query) };
  });

  app.get('/api/v1/procedures/agencies', {
    schema: { tags, summary: 'Cơ quan thực hiện và số thủ tục / implementing agencies with counts', response: { 200: z.object({ items: z.array(z.object({ code: z.string().nullable(), name: z.string(), count: z.number() })) }) } },
  }, async (_req, reply) => {
    reply.header('cache-control', publicCache);
    return { items: await catalog.agencies() };
  });

  app.get('/api/v1/procedures/:code', {
    schema: { tags, summary: 'Thủ tục đang có hiệu lực, đầy đủ nội dung / the procedure in force', params: codeParams },
  }, async (req, reply) => {
    reply.header('cache-control', publicCache);
    return catalog.getInForce(req.params.code);
  });

  app.get('/api/v1/procedures/:code/versions', {
    schema: { tags, summary: 'Lịch sử phiên bản / version history', params: codeParams },
  }, async (req, reply) => {
    reply.header('cache-control', 'private, no-store');
    return { items: await catalog.versions(req.ctx, req.params.code) };
  });

  app.get('/api/v1/procedures/:code/versions/:n', {
    schema: { tags, summary: 'Một phiên bản / one version', params: versionParams },
  }, async (req, reply) => {
    reply.header('cache-control', 'private, no-store');
    return catalog.version(req.ctx, req.params.code, req.params.n);
  });

  app.get('/api/v1/procedures/:code/diff', {
    schema: {
      tags, summary: 'So sánh hai phiên bản / diff of two versions', params: codeParams,
      querystring: z.strictObject({ from: dbPositiveInt(), to: dbPositiveInt() }),
    },
  }, async (req, reply) => {
    reply.header('cache-control', 'private, no-store');
    return catalog.diff(req.ctx, req.params.code, req.query.from, req.query.to);
  });

  app.get('/api/v1/procedures/:code/forms/:file', {
    schema: { tags, summary: 'Tải mẫu đơn, tờ khai / download a form', params: codeParams.extend({ file: z.string().max(200) }) },
  }, async (req, reply) => {
    const form = await catalog.form(req.params.code, req.params.file);
    return reply.type(form.content_type).header('content-disposition', contentDisposition('attachment', req.params.file))
      .header('cache-control', 'public, max-age=300').header('etag', `"${form.sha256}"`).send(form.content);
  });

  app.get('/api/v1/procedures/:code/posting-sheet.pdf', {
    schema: { tags, summary: 'Bản niêm yết thủ tục (PDF A4) / posting sheet', params: codeParams },
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    const procedure = await catalog.getInForce(req.params.code);
    const units = await org.allUnits();
    const names = new Map(units.map((u) => [u.code, u.name]));
    const root = units.find((u) => u.parentId === null);
    const issuer = root ? units.find((u) => u.parentId === root.id && u.kind === 'people_committee')?.name ?? root.name : undefined;
    const { versionId: _id, version, availableForms: _forms, ...content } = procedure;
    const pdf = await renderPostingSheet({
      content, version, issuer, unitName: (code) => names.get(code) ?? undefined, printedAt: now(),
      pageUrl: `${siteUrl(req, publicUrl)}/thu-tuc/${encodeURIComponent(content.code)}`,
    });
    return reply.type('application/pdf').header('content-disposition', contentDisposition('inline', `niem-yet-${content.code}.pdf`))
      .header('cache-control', 'public, max-age=300').send(pdf);
  });
}
