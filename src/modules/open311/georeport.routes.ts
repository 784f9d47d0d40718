import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../../platform/db/db-errors.js';
import { AppError } from '../../platform/http/app-error.js';
import type { App } from '../../platform/http/types.js';
import { Open311Error } from './errors.js';
import type { Open311Service } from './open311.service.js';
import { parseForm, specFieldOf, type ApiError, type Locale } from './rules/georeport.js';
import { xmlDocument, type XmlValue } from './rules/xml.js';

type Format = 'json' | 'xml';
const formatOf = (url: string): Format => (url.split('?')[0]!.toLowerCase().endsWith('.xml') ? 'xml' : 'json');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function send(reply: FastifyReply, format: Format, root: string, value: XmlValue, status = 200): FastifyReply {
  reply.status(status);
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(xmlDocument(root, value));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(value));
}

/** Any failure, in the spec's error format and status codes: 404 missing, 403 api_key, 400 otherwise. */
export function specErrors(err: unknown, locale: Locale): { status: number; errors: ApiError[] } {
  const en = locale === 'en';
  if (err instanceof Open311Error) return { status: err.status, errors: err.errors };
  if (err instanceof AppError) {
    const status = err.status === 404 ? 404 : err.status === 401 || err.status === 403 ? 403 : err.status === 429 ? 429 : err.status >= 500 ? err.status : 400;
    if (err.fields?.length) return { status, errors: err.fields.map((f) => ({ code: status, description: `${specFieldOf(f.path)}: ${en ? f.messageEn : f.message}` })) };
    return { status, errors: [{ code: status, description: en ? err.messageEn : err.messageVi }] };
  }
  const e = err as FastifyError;
  if (e?.statusCode === 429) return { status: 429, errors: [{ code: 429, description: en ? 'Too many requests. Try again in a few minutes.' : 'Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.' }] };
  if (e?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return { status: 400, errors: [{ code: 400, description: en ? 'The request body is too large.' : 'Dữ liệu gửi lên quá lớn.' }] };
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return { status: 400, errors: [{ code: 400, description: en ? 'The request is not valid (POST requests are sent as application/x-www-form-urlencoded).' : 'Yêu cầu không hợp lệ (POST requests gửi dạng application/x-www-form-urlencoded).' }] };
  }
  if (isDatabaseUnavailable(err)) return { status: 503, errors: [{ code: 503, description: en ? 'The service is unavailable; try again in a few minutes.' : 'Dịch vụ tạm thời gián đoạn; vui lòng thử lại sau ít phút.' }] };
  return { status: 500, errors: [{ code: 500, description: en ? 'Internal error; report it with the request id in the x-request-id header.' : 'Lỗi hệ thống; vui lòng báo quản trị viên kèm mã yêu cầu (tiêu đề x-request-id).' }] };
}

/** A URL Fastify cannot even route (not valid UTF-8) under /open311: the spec's 400, not the API's body. */
export function georeportFrameworkError(_err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const en = String(req.headers['accept-language'] ?? '').toLowerCase().startsWith('en');
  send(reply, formatOf(req.url), 'errors', [{ code: 400, description: en ? 'The request URL contains invalid characters.' : 'Địa chỉ yêu cầu chứa ký tự không hợp lệ.' }], 400);
}

/**
 * Open311 GeoReport v2 under /open311/v2 and its discovery document under /open311, outside /api/v1:
 * the spec's URLs, formats (.json and .xml), form-encoded POST, field names and error format. This
 * scope has its own error handler, so nothing here answers in the API's `{ error: … }` shape; staff
 * sessions and CSRF are only read under /api/ (platform/auth), so they never touch these routes.
 * Not in the OpenAPI document (the spec documents them; docs/OPEN311.md).
 */
export async function georeportRoutes(app: App, open311: Open311Service): Promise<void> {
  await app.register(async (scope) => {
    const api = scope as unknown as App;
    api.removeAllContentTypeParsers();
    api.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit: 64 * 1024 }, (_req, raw, done) => {
      let text: string;
      try { text = strictUtf8.decode(raw as Buffer); } catch {
        done(new Open311Error(400, [{ code: 400, description: 'Nội dung gửi lên không phải văn bản UTF-8 hợp lệ. / The body is not valid UTF-8.' }]), undefined);
        return;
      }
      done(null, parseForm(text));
    });
    api.setErrorHandler((err, req, reply) => {
      const { status, errors } = specErrors(err, req.ctx?.locale ?? 'vi');
      if (status >= 500) req.log.error({ err }, 'open311 error');
      if (status === 503) reply.header('retry-after', '5');
      return send(reply, formatOf(req.url), 'errors', errors, status);
    });
    // Published data, readable from any web page.
    api.addHook('onSend', async (req, reply) => { if (req.method === 'GET') reply.header('access-control-allow-origin', '*'); });

    const hide = { hide: true } as const;
    const reads = { config: { rateLimit: { max: 120, timeWindow: '1 minute' } }, schema: hide };
    const locale = (req: FastifyRequest): Locale => req.ctx.locale;

    for (const format of ['json', 'xml'] as const) {
      api.get(`/open311/discovery.${format}`, reads, async (_req, reply) => send(reply, format, 'discovery', open311.discovery()));
      api.get(`/open311/v2/services.${format}`, reads, async (req, reply) => send(reply, format, 'services', await open311.services(locale(req))));
      api.get(`/open311/v2/requests.${format}`, reads, async (req, reply) => send(reply, format, 'service_requests', await open311.requests(req.query as Record<string, unknown>, locale(req))));
      api.post(`/open311/v2/requests.${format}`, { config: { rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: hide }, async (req, reply) => {
        const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
        const query = req.query as Record<string, unknown>;
        const key = [body.api_key, query.api_key].map((v) => (Array.isArray(v) ? v[v.length - 1] : v)).find((v) => typeof v === 'string' && v.trim()) as string | undefined;
        return send(reply, format, 'service_requests', await open311.createRequest(req.ctx, key?.trim() ?? null, body));
      });
    }
    // services/{service_code}.{format} and requests/{service_request_id}.{format}
    const split = (file: string): { id: string; format: Format } | null => {
      const m = /^(.+)\.(json|xml)$/i.exec(file);
      return m ? { id: m[1]!, format: m[2]!.toLowerCase() as Format } : null;
    };
    const unknownFormat = (req: FastifyRequest) => new Open311Error(404, [{ code: 404, description: req.ctx.locale === 'en' ? 'Unknown format: use .json or .xml.' : 'Định dạng không hỗ trợ: dùng .json hoặc .xml.' }]);
    api.get('/open311/v2/services/:file', reads, async (req, reply) => {
      const f = split((req.params as { file: string }).file);
      if (!f) throw unknownFormat(req);
      return send(reply, f.format, 'service_definition', await open311.serviceDefinition(f.id, locale(req)));
    });
    api.get('/open311/v2/requests/:file', reads, async (req, reply) => {
      const f = split((req.params as { file: string }).file);
      if (!f) throw unknownFormat(req);
      return send(reply, f.format, 'service_requests', await open311.request(f.id, locale(req)));
    });
    // Anything else under /open311 (an unknown path or method): the spec's 404, not the web app's page.
    api.all('/open311/*', { schema: hide }, async (req) => {
      throw new Open311Error(404, [{ code: 404, description: req.ctx.locale === 'en' ? 'No such Open311 resource.' : 'Không có tài nguyên Open311 này.' }]);
    });
  });
}
