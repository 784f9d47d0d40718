import { randomBytes } from 'node:crypto';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { DataProtection } from '../../platform/crypto/data-protection.js';
import { inTransaction, type Db } from '../../platform/db/transaction.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { requireActor } from '../../platform/access/policy.js';
import { Open311Error } from './errors.js';
import { createOpen311Repository } from './open311.repository.js';
import type { FeedbackPort } from './ports.js';
import {
  parsePostedRequest, parseRequestFilters, serviceDefinitionOf, serviceNotice, serviceOf, serviceRequestOf, specFieldOf, specStatus, toSubmission,
  w3cDateTime, type Locale,
} from './rules/georeport.js';
import type { CreateAppInput, CreatedApp, Open311App } from './schema.js';

/** Keys look like `o311_` + 32 url-safe characters (24 random bytes). */
const KEY_PATTERN = /^o311_[A-Za-z0-9_-]{32}$/;
const keyMaterial = (key: string) => `open311-api-key:${key}`;
/** When the published interface last changed (the discovery document's changeset). */
export const CHANGESET = new Date('2026-12-04T00:00:00+07:00');
export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

const t = (locale: Locale, vi: string, en: string) => (locale === 'en' ? en : vi);

export type Open311Options = {
  db: Db;
  keys: DataProtection;
  /** Absent until the feedback module is wired: the GeoReport endpoints then answer 400 "not running". */
  feedback: FeedbackPort | null;
  now: () => Date;
  publicUrl: string;
  production: boolean;
};

export function createOpen311Service(opts: Open311Options) {
  const repo = createOpen311Repository(opts.db);
  const isProvinceAdmin = (ctx: RequestContext) => requireActor(ctx.actor).grants.some((g) => g.role === 'admin' && g.provinceWide);
  const requireAdmin = (ctx: RequestContext) => { if (!isProvinceAdmin(ctx)) throw errors.forbidden(); };
  const appNotFound = () => errors.notFound('ứng dụng Open311', 'Open311 application', 'OPEN311_APP_NOT_FOUND');
  const feedback = (locale: Locale): FeedbackPort => {
    if (!opts.feedback) throw new Open311Error(400, [{ code: 400, description: t(locale, 'Dịch vụ Open311 chưa hoạt động.', 'The Open311 service is not running.') }]);
    return opts.feedback;
  };

  /** The application a key belongs to, or null. A key hashed under a previous data key is re-hashed on use. */
  async function authenticate(apiKey: string): Promise<{ id: number; name: string } | null> {
    if (!KEY_PATTERN.test(apiKey)) return null;
    const hashes = opts.keys.blindIndexes(keyMaterial(apiKey));
    const app = await repo.activeByKeyHash(hashes);
    if (!app) return null;
    const now = opts.now();
    const stale = app.key_hash !== hashes[0];
    if (stale || !app.last_used_at || now.getTime() - app.last_used_at.getTime() > 60_000) await repo.touch(app.id, now, stale ? hashes[0] : undefined);
    return { id: app.id, name: app.name };
  }

  return {
    // ---------------------------------------------------------------- administration (province administrator)
    async listApps(ctx: RequestContext): Promise<{ items: Open311App[] }> {
      requireAdmin(ctx);
      return { items: await repo.listApps() };
    },

    async createApp(ctx: RequestContext, input: CreateAppInput): Promise<CreatedApp> {
      requireAdmin(ctx);
      const apiKey = `o311_${randomBytes(24).toString('base64url')}`;
      return inTransaction(opts.db, async (trx) => {
        if (await repo.activeNameTaken(trx, input.name)) {
          throw errors.conflict('OPEN311_APP_NAME_TAKEN', 'Đã có ứng dụng đang hoạt động mang tên này.', 'An active application already has this name.');
        }
        const { id } = await trx.insertInto('open311_apps').values({
          name: input.name, contact: input.contact, key_prefix: apiKey.slice(0, 9), key_hash: opts.keys.blindIndex(keyMaterial(apiKey)),
          created_at: opts.now(), created_by: ctx.actor?.staffId ?? null,
        }).returning('id').executeTakeFirstOrThrow();
        const app = (await repo.findApp(trx, id))!;
        await recordAudit(trx, ctx, { action: 'open311.app.created', entity: 'open311_app', entityId: id, after: { name: app.name, contact: app.contact, keyPrefix: app.keyPrefix } });
        return { app, apiKey };
      });
    },

    async revokeApp(ctx: RequestContext, id: number, version: number): Promise<Open311App> {
      requireAdmin(ctx);
      return inTransaction(opts.db, async (trx) => {
        const app = await repo.findApp(trx, id);
        if (!app) throw appNotFound();
        if (app.version !== version) throw errors.stale();
        if (app.revokedAt) throw errors.conflict('OPEN311_APP_REVOKED', 'Khóa API của ứng dụng này đã bị thu hồi.', 'This application\'s key is already revoked.');
        const updated = await trx.updateTable('open311_apps').set({ revoked_at: opts.now(), revoked_by: ctx.actor?.staffId ?? null, version: app.version + 1 })
          .where('id', '=', id).where('version', '=', version).executeTakeFirst();
        if (!updated.numUpdatedRows) throw errors.stale();
        await recordAudit(trx, ctx, { action: 'open311.app.revoked', entity: 'open311_app', entityId: id, before: { revokedAt: null }, after: { name: app.name, keyPrefix: app.keyPrefix } });
        return (await repo.findApp(trx, id))!;
      });
    },

    authenticate,

    // ---------------------------------------------------------------- GeoReport v2
    discovery() {
      return {
        changeset: w3cDateTime(CHANGESET),
        contact: `${opts.publicUrl}`,
        key_service: `${opts.publicUrl}/quan-tri/open311`,
        endpoints: [{
          specification: SPECIFICATION,
          url: `${opts.publicUrl}/open311/v2`,
          changeset: w3cDateTime(CHANGESET),
          type: opts.production ? 'production' : 'test',
          formats: ['text/xml', 'application/json'],
        }],
      };
    },

    async services(locale: Locale) {
      return (await feedback(locale).categories()).filter((c) => c.active !== false).map((c) => serviceOf(c, locale));
    },

    async serviceDefinition(code: string, locale: Locale) {
      const category = (await feedback(locale).categories()).find((c) => c.code === code && c.active !== false);
      if (!category) throw new Open311Error(404, [{ code: 404, description: t(locale, `Không có service_code "${code.slice(0, 60)}".`, `service_code "${code.slice(0, 60)}" was not found.`) }]);
      return serviceDefinitionOf(category, locale);
    },

    async createRequest(ctx: RequestContext, apiKey: string | null, body: Record<string, unknown>) {
      const locale = ctx.locale;
      if (!apiKey) throw new Open311Error(403, [{ code: 403, description: t(locale, 'Thiếu api_key: chỉ ứng dụng đã đăng ký mới được gửi yêu cầu.', 'api_key was not provided: only registered applications may post requests.') }]);
      const app = await authenticate(apiKey);
      if (!app) throw new Open311Error(403, [{ code: 403, description: t(locale, 'api_key không hợp lệ hoặc đã bị thu hồi.', 'Invalid or revoked api_key.') }]);
      const port = feedback(locale);
      const parsed = parsePostedRequest(body, locale);
      if ('errors' in parsed) throw new Open311Error(400, parsed.errors);
      const posted = parsed.request;
      const category = (await port.categories()).find((c) => c.code === posted.serviceCode && c.active !== false);
      if (!category) throw new Open311Error(404, [{ code: 404, description: t(locale, `Không có service_code "${posted.serviceCode}".`, `service_code "${posted.serviceCode}" was not found.`) }]);
      let created: { code: string; secret: string; dueAt: Date | null };
      try {
        created = await port.submit(ctx, toSubmission(posted), { appName: app.name });
      } catch (err) {
        if (err instanceof AppError && err.status < 500) {
          const status = err.status === 404 ? 404 : err.status === 429 ? 429 : 400;
          const described = err.fields?.length
            ? err.fields.map((f) => ({ code: status, description: `${specFieldOf(f.path)}: ${locale === 'en' ? f.messageEn : f.message}` }))
            : [{ code: status, description: locale === 'en' ? err.messageEn : err.messageVi }];
          throw new Open311Error(status, described);
        }
        throw err;
      }
      // After the feedback item's own transaction (never call a service inside one): what the
      // request carried beyond it. Losing this row would lose no feedback: the location is in the text.
      await repo.recordRequest({
        feedback_code: created.code, app_id: app.id, lat: posted.lat, long: posted.long, address_string: posted.addressString, address_id: posted.addressId,
        device_id: posted.deviceId, account_id: posted.accountId, media_url: posted.mediaUrl, attributes: posted.attributes,
      });
      return [{ service_request_id: created.code, service_notice: serviceNotice(created, locale), account_id: posted.accountId }];
    },

    async requests(query: Record<string, unknown>, locale: Locale) {
      const parsed = parseRequestFilters(query, opts.now(), locale);
      if ('errors' in parsed) throw new Open311Error(400, parsed.errors);
      const f = parsed.filters;
      const port = feedback(locale);
      if (f.kind === 'ids') {
        const items = await port.published({ codes: f.ids, limit: f.ids.length });
        return items.map(serviceRequestOf);
      }
      const items = await port.published({ categoryCodes: f.serviceCodes ?? undefined, from: f.from, to: f.to, limit: f.limit });
      return items.filter((r) => !f.statuses || f.statuses.includes(specStatus(r))).map(serviceRequestOf);
    },

    async request(id: string, locale: Locale) {
      const notFound = () => new Open311Error(404, [{ code: 404, description: t(locale, `Không có yêu cầu công khai mã "${id.slice(0, 60)}".`, `No published request "${id.slice(0, 60)}".`) }]);
      if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) throw notFound();
      const item = await feedback(locale).publishedOne(id);
      if (!item) throw notFound();
      return [serviceRequestOf(item)];
    },
  };
}
export type Open311Service = ReturnType<typeof createOpen311Service>;
