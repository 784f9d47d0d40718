import Fastify from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { join } from 'node:path';
import type { Config } from './config.js';
import { AUDIT_VOCABULARY } from './audit-vocabulary.js';
import { auditRoutes } from './platform/audit/audit.routes.js';
import { installAuth } from './platform/auth/auth.plugin.js';
import { authRoutes } from './platform/auth/auth.routes.js';
import { createAuthService } from './platform/auth/auth.service.js';
import type { DatabaseHandle } from './platform/db/connection.js';
import { createFileStore } from './platform/files/file-store.js';
import { fileRoutes } from './platform/files/files.routes.js';
import { installErrorHandler } from './platform/http/error-handler.js';
import { installServerPlugins, requestId } from './platform/http/server-plugins.js';
import type { App } from './platform/http/types.js';
import { validatorCompiler } from './platform/http/validation.js';
import { installWebApp } from './platform/http/web-app.js';
import { createScheduler } from './platform/jobs/scheduler.js';
import { createNotifyService } from './platform/notify/notify.service.js';
import { notifyRoutes } from './platform/notify/notify.routes.js';
import { badgeRoutes } from './modules/org/badges.routes.js';
import { orgImportRoutes } from './modules/org/import/org-import.routes.js';
import { createOrgService } from './modules/org/org.service.js';
import { orgRoutes } from './modules/org/org.routes.js';
import { createCalendarModule } from './modules/calendar/calendar.module.js';
import { createCatalogModule } from './modules/catalog/catalog.module.js';
import { createDossierService } from './modules/dossiers/dossiers.service.js';
import { dossierRoutes } from './modules/dossiers/dossiers.routes.js';
import { dossierImportRoutes } from './modules/dossiers/import/import.routes.js';
import { APPLICANT_TEMPLATE_LIST, configureApplicantNotifications } from './modules/dossiers/notifications/index.js';
import { createReminders, REMINDER_TEMPLATES } from './modules/dossiers/reminders/index.js';
import { slipRoutes } from './modules/dossiers/slips/slips.routes.js';

export type Services = ReturnType<typeof createServices>;

/**
 * Wires every module's service to the database; the CLI and tests use the same wiring. `now` is the
 * clock of the domain (deadlines, what is in force, overdue, demo data); tests pin it.
 */
export function createServices(config: Config, database: DatabaseHandle, options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date());
  const org = createOrgService(database.db);
  const auth = createAuthService(database.db, org.directory, config);
  const files = createFileStore(join(config.dataDir, 'files'));
  const calendar = createCalendarModule(database.db, { now });
  const catalog = createCatalogModule(database.db, org, { publicUrl: config.publicUrl, now });
  const dossiers = createDossierService({ db: database.db, org, catalog: catalog.port, deadlines: calendar.deadlines, now });
  // Background work: durable jobs, the outbox's delivery and the dossier reminders (issue 6).
  const jobs = createScheduler(database.db);
  const notify = createNotifyService(database.db, { smtpUrl: config.smtpUrl, publicUrl: config.publicUrl, templates: [...APPLICANT_TEMPLATE_LIST, ...REMINDER_TEMPLATES] });
  const reminders = createReminders({ db: database.db, org, deadlines: calendar.deadlines });
  configureApplicantNotifications({ publicUrl: config.publicUrl });
  notify.registerJobs(jobs);
  reminders.registerJobs(jobs);
  return { db: database.db, now, org, auth, files, calendar, catalog, dossiers, jobs, notify, reminders };
}

export type BuildOptions = { config: Config; database: DatabaseHandle; services?: Services; logger?: boolean; serveWeb?: boolean };

/** Builds the Fastify app: platform plugins, then each module's routes. Does not listen. */
export async function buildApp({ config, database, services = createServices(config, database), logger = true, serveWeb = true }: BuildOptions): Promise<App> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] } : false,
    genReqId: (req) => requestId(req.headers['x-request-id']),
    bodyLimit: 1024 * 1024,
    trustProxy: config.env === 'production',
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await installServerPlugins(app, config.version);
  installErrorHandler(app);
  installAuth(app, services.auth, config.env === 'production' || config.publicUrl.startsWith('https://'));

  app.get('/health', { schema: { tags: ['platform'], summary: 'Tình trạng hệ thống / health' } }, async () => {
    await database.db.selectFrom('schema_migrations' as never).select((eb) => eb.fn.countAll().as('n')).execute();
    return { status: 'ok', database: database.kind, version: config.version };
  });

  await app.register(async (scope) => {
    const api = scope as unknown as App;
    await authRoutes(api, services.auth, config.loginRatePerMinute);
    await fileRoutes(api, services.files);
    await auditRoutes(api, services.db, services.org.directory.unitNames, AUDIT_VOCABULARY);
    await orgRoutes(api, { org: services.org, files: services.files, publicUrl: config.publicUrl });
    await orgImportRoutes(api, services.org);
    await badgeRoutes(api, { org: services.org, files: services.files, publicUrl: config.publicUrl });
    await services.calendar.routes(api);
    await services.catalog.routes(api);
    await dossierRoutes(api, services.dossiers);
    await dossierImportRoutes(api, services);
    await notifyRoutes(api, services.notify);
    await slipRoutes(api, { db: services.db, org: services.org, config, now: services.now });
  });

  if (serveWeb) await installWebApp(app);
  return app;
}
