import cluster from 'node:cluster';
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
import { isDatabaseUnavailable } from './platform/db/db-errors.js';
import { installReadRouting } from './platform/db/read-routing.plugin.js';
import { prepared } from './platform/db/prepared.js';
import { createDataProtection } from './platform/crypto/data-protection.js';
import { createFileStore } from './platform/files/file-store.js';
import { fileRoutes } from './platform/files/files.routes.js';
import { DATABASE_UNAVAILABLE, frameworkErrors, installErrorHandler } from './platform/http/error-handler.js';
import { installInputGuard } from './platform/http/input-guard.js';
import { securityTxtRoute } from './platform/http/security-txt.js';
import { installServerPlugins, requestId } from './platform/http/server-plugins.js';
import type { App } from './platform/http/types.js';
import { validatorCompiler } from './platform/http/validation.js';
import { installWebApp } from './platform/http/web-app.js';
import { createScheduler } from './platform/jobs/scheduler.js';
import { createDossierArchive } from './modules/dossiers/archive/archive.service.js';
import { archiveRoutes } from './modules/dossiers/archive/archive.routes.js';
import { createDirectiveService } from './modules/directives/directives.service.js';
import { statutoryPeriod, workingDayPredicate } from './modules/directives/wiring.js';
import { createDirectiveReminders, DIRECTIVE_TEMPLATES } from './modules/directives/directives.reminders.js';
import { directiveRoutes } from './modules/directives/directives.routes.js';
import { createParService } from './modules/par/par.service.js';
import { parRoutes } from './modules/par/par.routes.js';
import { surveyRoutes } from './modules/par/survey.routes.js';
import { parFeeds } from './modules/par/wiring.js';
import { createPersonnelService } from './modules/personnel/personnel.service.js';
import { personnelRoutes } from './modules/personnel/personnel.routes.js';
import { personnelFeeds } from './modules/personnel/wiring.js';
import { createInspectionService } from './modules/inspection/inspection.service.js';
import { inspectionRoutes } from './modules/inspection/inspection.routes.js';
import { checklistPort } from './modules/inspection/checklist-wiring.js';
import { createRegistryService } from './modules/registry/registry.service.js';
import { createQualityService } from './modules/quality/quality.service.js';
import { qualityRoutes } from './modules/quality/quality.routes.js';
import { qualityFeeds } from './modules/quality/quality.wiring.js';
import { createReformBudgetService } from './modules/reform-budget/reform-budget.service.js';
import { reformBudgetRoutes } from './modules/reform-budget/reform-budget.routes.js';
import { createProcedureReviewService } from './modules/procedure-review/procedure-review.service.js';
import { procedureReviewRoutes } from './modules/procedure-review/procedure-review.routes.js';
import { procedureReviewFeeds } from './modules/procedure-review/procedure-review.wiring.js';
import { registryRoutes } from './modules/registry/registry.routes.js';
import { createRegistryReminders, REGISTRY_TEMPLATES } from './modules/registry/registry.reminders.js';
import { apologiesIssued, staffStepsOnTime } from './modules/dossiers/staff-steps.js';
import { createNotifyService } from './platform/notify/notify.service.js';
import { notifyRoutes } from './platform/notify/notify.routes.js';
import { badgeRoutes } from './modules/org/badges.routes.js';
import { orgImportRoutes } from './modules/org/import/org-import.routes.js';
import { createOrgService } from './modules/org/org.service.js';
import { orgRoutes } from './modules/org/org.routes.js';
import { createCalendarModule } from './modules/calendar/calendar.module.js';
import { createCatalogModule } from './modules/catalog/catalog.module.js';
import { createDossierService } from './modules/dossiers/dossiers.service.js';
import { chainSigner } from './modules/dossiers/rules/hash-chain.js';
import { dossierRoutes } from './modules/dossiers/dossiers.routes.js';
import { dossierImportRoutes } from './modules/dossiers/import/import.routes.js';
import { APPLICANT_TEMPLATE_LIST, configureApplicantNotifications } from './modules/dossiers/notifications/index.js';
import { createReminders, REMINDER_TEMPLATES } from './modules/dossiers/reminders/index.js';
import { createSlips, slipRoutes } from './modules/dossiers/slips/slips.routes.js';
import { createPrivacyService } from './modules/privacy/privacy.service.js';
import { privacyRoutes } from './modules/privacy/privacy.routes.js';
import { createCitizenService } from './modules/citizens/citizens.service.js';
import { installCitizenSessions } from './modules/citizens/citizen-session.plugin.js';
import { citizenRoutes } from './modules/citizens/citizens.routes.js';
import { createPaymentsModule } from './modules/payments/payments.module.js';
import { paymentRoutes } from './modules/payments/payments.routes.js';
import { citizenAuthRoutes } from './modules/citizens/oidc/oidc.routes.js';
import { createRelyingParty } from './modules/citizens/oidc/relying-party.js';
import { createOnlineService } from './modules/online/online.service.js';
import { onlineRoutes } from './modules/online/online.routes.js';
import { checkUpload } from './modules/online/rules/upload-check.js';
import { loadDirectory } from './modules/dossiers/reminders/recipients.js';
import { createFeedbackService } from './modules/feedback/feedback.service.js';
import { FEEDBACK_TEMPLATES } from './modules/feedback/feedback.reminders.js';
import { feedbackRoutes } from './modules/feedback/feedback.routes.js';
import { createSatisfactionService } from './modules/satisfaction/satisfaction.service.js';
import { satisfactionRoutes } from './modules/satisfaction/satisfaction.routes.js';
import { createOpen311Service } from './modules/open311/open311.service.js';
import { open311Feedback } from './modules/open311/feedback-adapter.js';
import { open311AdminRoutes } from './modules/open311/open311.routes.js';
import { georeportFrameworkError, georeportRoutes } from './modules/open311/georeport.routes.js';
import { createReportsModule } from './modules/reports/reports.module.js';
import { reportRoutes } from './modules/reports/reports.routes.js';

export type Services = ReturnType<typeof createServices>;

/**
 * Wires every module's service to the database; the CLI and tests use the same wiring. `now` is the
 * clock of the domain (deadlines, what is in force, overdue, demo data); tests pin it.
 */
export function createServices(config: Config, database: DatabaseHandle, options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date());
  // What may be read from a replica (DATABASE_REPLICA_URL): the public lookup, dashboards and reports.
  const readDb = database.readDb ?? database.db;
  const org = createOrgService(database.db);
  const auth = createAuthService(database.db, org.directory, config);
  // Personal data at rest (Decree 356/2025): ID numbers and every uploaded file are sealed with this.
  const dataKeys = createDataProtection(config.dataKey, config.previousDataKeys);
  const files = createFileStore(join(config.dataDir, 'files'), dataKeys);
  const calendar = createCalendarModule(database.db, { now });
  const catalog = createCatalogModule(database.db, org, { publicUrl: config.publicUrl, now });
  const chain = chainSigner(config.chainKey);
  const dossiers = createDossierService({ db: database.db, readDb, org, catalog: catalog.port, deadlines: calendar.deadlines, now, chain, files, keys: dataKeys });
  const privacy = createPrivacyService({
    db: database.db, keys: dataKeys, files, dossiers, now,
    workingDays: { addWorkingDays: async (from, days) => (await calendar.deadlines.calculator()).due(from, { amount: days, unit: 'working_days' }) },
  });
  // Citizens of the online public services: signed in with e-ID, sessions apart from staff (issue 11).
  const citizens = createCitizenService({ db: database.db, keys: dataKeys, sessionHours: config.sessionHours, sessionIdleMinutes: config.sessionIdleMinutes });
  // Satisfaction (issue 12 item 3): one rating per dossier, online, at the kiosk or on paper; owns dossier_ratings.
  const satisfaction = createSatisfactionService({
    db: database.db, now, dossiers, units: { unitNames: (ids) => org.directory.unitNames(ids), subtrees: (ids) => org.subtrees(ids) }, secrets: dataKeys,
    settings: { codeDaysAfterReturn: config.ratingCodeDays, wrongCodesPerMinute: config.ratingWrongCodesPerMinute, publicUrl: config.publicUrl },
  });
  // The receipt (slip 01) prints the dossier's kiosk code.
  const slips = createSlips({ db: database.db, org, config, keys: dataKeys, now, ratingCode: (code) => satisfaction.receiptCode(code) });
  const payments = createPaymentsModule({
    db: database.db, settings: config.payments, publicUrl: config.publicUrl, catalog: catalog.port, now,
    dossiers: { facts: (ctx, code) => dossiers.paymentFacts(ctx, code), recordOnlinePayment: (code, p) => dossiers.recordOnlinePayment(code, p) },
  });
  // The e-ID provider citizens sign in with (OpenID Connect); none configured: sign-in says so.
  const citizenAuth = config.oidc ? createRelyingParty({
    ...config.oidc,
    redirectUri: `${config.publicUrl}/api/v1/citizen/auth/callback`,
    allowHttp: config.env !== 'production' && config.oidc.issuer.startsWith('http://'),
  }) : undefined;
  // Online public services (issue 11): filing, the citizen's documents and dossiers, ratings.
  const online = createOnlineService({
    db: database.db, now, catalog: catalog.port, units: org, citizens, dossiers, files, slips,
    // The citizen's rating is recorded by the satisfaction module, which owns the ratings.
    ratings: { rate: (ctx, r) => satisfaction.rateOnline(ctx, r), ratingOf: (code) => satisfaction.ratingOf(code), ratedAmong: (codes) => satisfaction.ratedAmong(codes) },
    // Results issued as files (digitisation) land in the citizen's store; only their own ID number reaches here.
    results: {
      resultDocuments: async ({ idNumber }) => {
        if (!idNumber) return [];
        const found = await dossiers.resultsForApplicant(idNumber);
        return Promise.all(found.map(async (r) => ({
          dossierCode: r.dossierCode, name: r.file.name, fileKey: r.file.key, type: r.file.type, size: (await files.get(r.file.key))?.length ?? 0, issuedAt: r.issuedAt,
        })));
      },
    },
    // Paying online what the dossier owes: the payments module computes the amount from the dossier itself.
    payments: config.payments ? { start: async (ctx, code) => ({ redirectUrl: (await payments.service.start(code, { clientIp: ctx.ip, ctx })).payUrl }) } : undefined,
  });
  // Feedback (PAKN, issue 12): deadlines from the calendar as dossiers; citizens' files and the upload
  // checks of the online module; reminders to the heads the dossier reminders find.
  const feedback = createFeedbackService({
    db: database.db, now, deadlines: calendar.deadlines, citizens, files,
    citizenFiles: { owned: (citizenId, ids) => online.documents.owned(citizenId, ids) },
    checkUpload,
    org: {
      findPublicStaff: async (publicId) => { const s = await org.findPublicStaff(publicId); return s && { id: s.id, fullName: s.fullName, unitId: s.unitId, active: s.active }; },
      findStaff: (id) => org.directory.findStaffSummary(id),
      unitNames: (ids) => org.directory.unitNames(ids),
      subtrees: (ids) => org.subtrees(ids),
    },
    recipients: { load: () => loadDirectory(database.db, org) },
  });
  // Open311 GeoReport v2 (issue 12 item 4): registered apps post feedback; published feedback is readable.
  const open311 = createOpen311Service({ db: database.db, keys: dataKeys, feedback: open311Feedback(feedback), now, publicUrl: config.publicUrl, production: config.env === 'production' });
  // Statistics and statutory reports (issue 13): a read model kept by the dossier events.
  const reports = createReportsModule({
    db: database.db, readDb, org, now, files, catalog: { contentsInForce: (day) => catalog.service.contentsInForce(day) },
    // II.06a's satisfaction column and the index read the ratings and the feedback figures through these ports.
    satisfaction: { ratingsIn: (from, to) => satisfaction.ratingsIn(from, to) },
    feedback: { stats: (range) => feedback.stats(range) },
  });
  // Background work: durable jobs, the outbox's delivery and the dossier reminders (issue 6).
  const jobs = createScheduler(database.db);
  const notify = createNotifyService(database.db, { smtpUrl: config.smtpUrl, publicUrl: config.publicUrl, templates: [...APPLICANT_TEMPLATE_LIST, ...REMINDER_TEMPLATES, ...Object.values(FEEDBACK_TEMPLATES), ...Object.values(DIRECTIVE_TEMPLATES), ...Object.values(REGISTRY_TEMPLATES)] });
  const reminders = createReminders({ db: database.db, org, deadlines: calendar.deadlines });
  configureApplicantNotifications({ publicUrl: config.publicUrl });
  notify.registerJobs(jobs);
  reminders.registerJobs(jobs);
  payments.registerJobs(jobs);
  feedback.reminders.registerJobs(jobs);
  reports.archive.registerJobs(jobs);
  // Dossier history partitioned by year and the archive of closed dossiers (migration 0030): nightly, the
  // coming year's partitions and the dossiers closed longer ago than the administrator's setting.
  const archive = createDossierArchive({ db: database.db, now });
  archive.registerJobs(jobs);
  // Directives and assigned tasks (issue 15): working days from the province calendar, periods by the
  // statutory cut-offs of the reports module.
  const directives = createDirectiveService({
    db: database.db, org, now, files,
    // Created below; read only when a steering document is registered from a document of the register.
    registry: { readable: (ctx, id) => registry.documents.readable(ctx, id) },
    workingDays: async () => workingDayPredicate(await calendar.deadlines.calculator()),
    periods: statutoryPeriod,
  });
  createDirectiveReminders({
    db: database.db, workingDays: async () => workingDayPredicate(await calendar.deadlines.calculator()),
    recipients: { load: () => loadDirectory(database.db, org) },
    unitName: async (id) => (await org.allUnits()).find((u) => u.id === id)?.name ?? '',
  }).registerJobs(jobs);
  // Incoming documents' handlers told of deadlines near and past (issue 19).
  createRegistryReminders({
    db: database.db, workingDays: async () => workingDayPredicate(await calendar.deadlines.calculator()),
    recipients: { load: () => loadDirectory(database.db, org) },
  }).registerJobs(jobs);
  // PAR index (issue 16): computed criteria read the reports' and the directives' own figures.
  const par = createParService({
    db: database.db, org, now, files, publicUrl: config.publicUrl,
    workingDays: async () => workingDayPredicate(await calendar.deadlines.calculator()),
    feeds: parFeeds({ org, reports: reports.service, serviceIndex: reports.index, feedback, directives, now }),
    // Survey invitation codes are kept only as a keyed hash (the blind-index key): a stolen table reveals no code.
    codeHash: (code) => dataKeys.blindIndex(`par-survey:${code.trim().toUpperCase()}`),
    // Created below; read only when evidence cites a document of the register.
    registry: { readable: (ctx, id) => registry.documents.readable(ctx, id) },
  });
  // Personnel (issue 17): the evaluation sheet reads the dossiers', the directives' and PAR's own figures.
  const personnel = createPersonnelService({
    db: database.db, org, now,
    feeds: personnelFeeds({
      dossierSteps: (staffId, from, to) => staffStepsOnTime(database.db, staffId, from, to), directives, par: par.rounds, now,
      // Created below; read only when a movement is recorded.
      discipline: { blockingOn: (staffId, day) => inspection.discipline.blockingOn(staffId, day) },
    }),
  });
  // Inspection (issue 18): complaint, denunciation and discipline clocks on the province calendar's working days.
  const inspection = createInspectionService({
    db: database.db, org, now, keys: dataKeys,
    feedback: { get: (ctx, code) => feedback.get(ctx, code) },
    workingDays: async () => workingDayPredicate(await calendar.deadlines.calculator()),
    // An inspection's checklist: the inspected unit's figures as the reports, dossiers, feedback and directives modules publish them.
    checklist: checklistPort({
      org, reports: reports.service, feedback, directives, now,
      dossierSteps: (staffId, from, to) => staffStepsOnTime(database.db, staffId, from, to),
      apologies: ({ unitIds, from, to }) => apologiesIssued(database.db, unitIds, new Date(`${from}T00:00:00+07:00`), new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 86_400_000)),
      conductFeedback: (range) => feedback.conductStats(range),
    }),
  });
  // Official documents and records (issue 19): routing deadlines on the province calendar's working days.
  const registry = createRegistryService({
    db: database.db, org, now, files,
    links: { directives: (ctx, id) => directives.documents.linkedToRegistry(ctx, id) },
    // A dossier's result issued as a document: read through the dossiers module, which decides who may.
    dossiers: {
      facts: async (ctx, code) => {
        const d = await dossiers.get(ctx, code);
        return { code: d.code, procedureName: d.procedureName, applicantName: d.applicantName, statusName: d.statusName, competentUnitId: d.competentUnitId, resultUnitId: d.resultStep?.unitId ?? null, receivedAt: d.receivedAt };
      },
    },
    workingDays: async () => workingDayPredicate(await calendar.deadlines.calculator()),
  });
  registry.exchange.registerJobs(jobs);
  // Quality management to ISO 9001 (issue 20): objectives and proposals read the reports', dossiers',
  // satisfaction and feedback figures, process documents the catalogue, review decisions become directives' tasks.
  const quality = createQualityService({
    db: database.db, org, now,
    workingDays: async () => workingDayPredicate(await calendar.deadlines.calculator()),
    feeds: qualityFeeds({ db: database.db, org, reports: reports.service, satisfaction, feedback, catalog: catalog.service, directives }),
  });
  const reformBudget = createReformBudgetService({ db: database.db, org, now });
  // Reviewing and simplifying procedures (issue 21): versions from the catalogue, real volumes from the dossiers.
  const procedureReview = createProcedureReviewService({ db: database.db, org, now, feeds: procedureReviewFeeds({ db: database.db, catalog: catalog.service }) });
  return { db: database.db, now, chain, archive, directives, par, personnel, inspection, registry, quality, reformBudget, procedureReview, dataKeys, org, auth, files, calendar, catalog, dossiers, slips, privacy, citizens, citizenAuth, online, satisfaction, jobs, notify, reminders, payments: payments.service, feedback, open311, reports };
}

export type BuildOptions = { config: Config; database: DatabaseHandle; services?: Services; logger?: boolean; serveWeb?: boolean | { dist: string } };

/** Builds the Fastify app: platform plugins, then each module's routes. Does not listen. */
export async function buildApp({ config, database, services = createServices(config, database), logger = true, serveWeb = true }: BuildOptions): Promise<App> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] } : false,
    genReqId: (req) => requestId(req.headers['x-request-id']),
    bodyLimit: 1024 * 1024,
    // Only the configured proxies may tell us the client's address (X-Forwarded-For); trusting every hop
    // let a client pick its own address and escape the per-address rate limits (issue 10 item 2).
    trustProxy: config.trustedProxies.length ? config.trustedProxies : false,
    // Open311's URLs answer even these in the spec's error format.
    frameworkErrors: (err, req, reply) => (req.url.startsWith('/open311/') ? georeportFrameworkError(err, req, reply) : frameworkErrors(err, req, reply)),
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const https = config.publicUrl.startsWith('https://');
  await installServerPlugins(app, config.version, { hsts: https });
  // Before anything reads the database, so every query of a request is routed by its method and cookie.
  if (database.replicas) installReadRouting(app, database.replicas, { secureCookies: config.env === 'production' || https, maxLagMs: config.replicaMaxLagMs });
  installErrorHandler(app);
  installInputGuard(app);
  installAuth(app, services.auth, config.env === 'production' || https);
  installCitizenSessions(app, services.citizens);

  // A load balancer reads the status code: 503 takes the instance out of rotation while its database
  // is unreachable, and it comes back by itself when the pool reconnects.
  app.get('/health', { schema: { tags: ['platform'], summary: 'Tình trạng hệ thống / health' } }, async (_req, reply) => {
    try {
      await database.db.executeQuery(prepared('health', database.db.selectFrom('schema_migrations' as never).select((eb) => eb.fn.countAll().as('n'))));
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err;
      return reply.status(503).header('retry-after', '5').send({ status: 'unavailable', database: database.kind, version: config.version, error: DATABASE_UNAVAILABLE.code });
    }
    // Which of the processes sharing the port answered (0: the only one), for operators and the cluster test.
    return { status: 'ok', database: database.kind, version: config.version, worker: cluster.worker?.id ?? 0 };
  });

  securityTxtRoute(app, { contact: config.securityContact, publicUrl: config.publicUrl, now: services.now });

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
    await dossierRoutes(api, services.dossiers, config.lookupRatePerMinute);
    await dossierImportRoutes(api, services);
    await archiveRoutes(api, services.archive);
    await notifyRoutes(api, services.notify);
    await privacyRoutes(api, services.privacy);
    await citizenRoutes(api, services.citizens);
    await paymentRoutes(api, services.payments);
    await citizenAuthRoutes(api, { rp: () => services.citizenAuth, citizens: services.citizens, keys: services.dataKeys, publicUrl: config.publicUrl });
    await onlineRoutes(api, services.online);
    await feedbackRoutes(api, services.feedback);
    await slipRoutes(api, services.slips);
    await satisfactionRoutes(api, services.satisfaction);
    await directiveRoutes(api, services.directives);
    await parRoutes(api, services.par);
    await surveyRoutes(api, services.par.survey);
    await personnelRoutes(api, services.personnel);
    await inspectionRoutes(api, services.inspection);
    await registryRoutes(api, services.registry);
    await qualityRoutes(api, services.quality);
    await reformBudgetRoutes(api, services.reformBudget);
    await procedureReviewRoutes(api, services.procedureReview);
    await open311AdminRoutes(api, services.open311);
    await reportRoutes(api, services.reports.service, services.reports.index, services.reports.dashboards, services.reports.archive);
  });
  // Outside /api/v1, with the spec's own error format (its scope has its own error handler).
  await georeportRoutes(app, services.open311);

  if (serveWeb) await installWebApp(app, typeof serveWeb === 'object' ? serveWeb.dist : undefined);
  return app;
}
