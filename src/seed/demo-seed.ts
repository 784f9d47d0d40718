import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Services } from '../app.js';
import type { Config } from '../config.js';
import type { Role } from '../platform/access/policy.js';
import { DEMO_PASSWORD } from '../platform/auth/passwords.js';
import { systemContext, type RequestContext } from '../platform/http/context.js';
import type { Actor } from '../platform/access/policy.js';
import { seedDemoDirective } from '../modules/directives/directives.demo.js';
import { seedDemoPar } from '../modules/par/par.demo.js';
import { seedDemoPersonnel } from '../modules/personnel/personnel.demo.js';
import { seedDemoInspection } from '../modules/inspection/inspection.demo.js';
import { seedDemoRegistry, seedDemoRegistryDocuments } from '../modules/registry/registry.demo.js';
import { seedDemoQuality } from '../modules/quality/quality.demo.js';
import { seedDemoReformBudget } from '../modules/reform-budget/reform-budget.demo.js';
import { seedDemoProcedureReview } from '../modules/procedure-review/procedure-review.demo.js';
import type { CreateUnitInput } from '../modules/org/schema.js';
import { seedDemoDossiers } from '../modules/dossiers/dossiers.demo.js';
import { definitionSchema } from '../modules/reports/rules/service-index.js';
import { seedDemoFeedback, type DemoFeedbackFiles } from '../modules/feedback/feedback.demo.js';
import { seedDemoRatings } from '../modules/satisfaction/satisfaction.demo.js';
import { seedDemoCitizens } from './demo-citizens.js';

export const DEMO_DIR = fileURLToPath(new URL('../../demo/', import.meta.url));

type DemoUnit = { code: string; name: string; shortName?: string; kind: CreateUnitInput['kind']; parentCode?: string; function?: string; effectiveFrom?: string };
type DemoAccount = { username: string; fullName: string; position: string; unitCode: string; badgeNumber: string; roles: [Role, string][] };
type DemoAccounts = { accounts: DemoAccount[]; generated: { perUnit: number; familyNames: string[]; middleNames: string[]; givenNames: string[]; positions: string[] } };

const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(DEMO_DIR + path, 'utf8')) as T;

/**
 * Loads the demo province into an empty database only: a database that already holds units is
 * never touched, so demo accounts (password "motcua") cannot appear in a real installation later.
 */
export async function seedDemoIfEmpty(services: Services, config: Pick<Config, 'demo'> & Partial<Pick<Config, 'oidc'>>, log: (msg: string) => void = () => undefined, opts: { dossiers?: boolean; dossierCount?: number } = {}): Promise<boolean> {
  const count = await services.db.selectFrom('org_units').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  if (Number(count.n) > 0 || config.demo === 'off') return false;
  const t0 = performance.now();
  await seedOrg(services);
  await services.calendar.seedDemo();
  await services.catalog.seedDemo();
  await services.privacy.seedRetention((await readJson<{ periods: Parameters<Services['privacy']['seedRetention']>[0] }>('privacy/retention-periods.json')).periods);
  await seedFeedback(services);
  await seedServiceIndex(services);
  await seedDirectiveNames(services);
  // Directive 16 registered and under way (after the org's accounts: its tasks are moved by them).
  const d = await seedDemoDirective({ directives: services.directives, now: services.now, as: (username) => demoContext(services, username) }, `${DEMO_DIR}directives/chi-thi-16-CT-UBND-2014.txt`);
  log(`demo directive 16: ${d.tasks} tasks`);
  // The services' clock (the real one, or the one a test pins): the history ends, and the open work begins, "now".
  if (opts.dossiers !== false) {
    const r = await seedDemoDossiers(services, services.now(), opts.dossierCount);
    log(`demo dossiers: ${r.imported}${r.failed ? ` (${r.failed} refused, e.g. ${r.errors[0]?.code}: ${r.errors[0]?.messageEn})` : ''}`);
    // The demo citizens' own dossiers and drafts, for "Hồ sơ của tôi" (their accounts at the local e-ID provider).
    const c = await seedDemoCitizens(services, services.now(), { issuer: config.oidc?.issuer });
    log(`demo citizens: ${c.dossiers.length} dossiers, ${c.drafts} drafts`);
    // Past ratings of returned dossiers, so satisfaction figures (II.06a, the index, the dashboards) are not empty.
    const returned = await services.db.selectFrom('dossiers').select('code').where('returned_at', 'is not', null).orderBy('id').execute();
    const rated = await seedDemoRatings({ db: services.db, dossiers: services.dossiers }, returned.map((d) => d.code), services.now());
    log(`demo ratings: ${rated}`);
  }
  // Last year's PAR index, run and published (this year's round is left to be opened); after the dossiers,
  // whose figures its computed criteria read.
  const p = await seedDemoPar({ par: services.par, db: services.db, org: services.org, now: services.now, as: (username) => demoContext(services, username) }, `${DEMO_DIR}par`);
  log(`demo PAR index ${p.year}: ${p.units} units ranked`);
  const hr = await seedDemoPersonnel({ db: services.db, org: services.org, now: services.now }, `${DEMO_DIR}personnel/demo.json`);
  log(`demo personnel: ${hr.people} records, ${hr.placed} placed, ${hr.rated} rated last year`);
  // Complaints, denunciations and discipline cases in each state, dated back from today (issue 18).
  const unitIds = new Map((await services.org.allUnits()).map((u) => [u.code, u.id]));
  const insp = await seedDemoInspection({
    inspection: services.inspection, db: services.db, now: services.now, as: (username) => demoContext(services, username),
    unitId: (code) => { const id = unitIds.get(code); if (!id) throw new Error(`demo inspection: no unit ${code}`); return id; },
  }, `${DEMO_DIR}inspection/demo.json`);
  log(`demo inspection: ${insp.cases} complaint and denunciation cases, ${insp.discipline} discipline cases, a plan and ${insp.inspections} inspections`);
  // The records offices of the departments and communes (issue 19): symbols and place names for numbering.
  const regDeps = { registry: services.registry, db: services.db, units: await services.org.allUnits(), as: (username: string) => demoContext(services, username) };
  const reg = await seedDemoRegistry(regDeps, `${DEMO_DIR}registry`);
  const staffOf = async (username: string) => (await services.db.selectFrom('auth_accounts').select('staff_id').where('username', '=', username).executeTakeFirstOrThrow()).staff_id!;
  const regDocs = await seedDemoRegistryDocuments({ ...regDeps, now: services.now, staffOf }, `${DEMO_DIR}registry`);
  log(`demo registry: ${reg.agencies} records offices, ${regDocs.documents} documents, ${regDocs.files} files`);
  // Sở Xây dựng's ISO 9001 system and the year's reform budget lines (issue 20), after the dossiers its objectives read.
  const unitOf = (code: string) => { const id = unitIds.get(code); if (!id) throw new Error(`demo: no unit ${code}`); return id; };
  const as = (username: string) => demoContext(services, username);
  const since = new Map((await services.org.allUnits()).map((u) => [u.code, u.effectiveFrom]));
  const qms = await seedDemoQuality({ quality: services.quality, db: services.db, now: services.now, unitId: unitOf, unitEffectiveFrom: (code) => since.get(code) ?? null, staffOf, as }, `${DEMO_DIR}quality/demo.json`);
  const budget = await seedDemoReformBudget({ budget: services.reformBudget, now: services.now, unitId: unitOf, as }, `${DEMO_DIR}reform-budget/lines.json`);
  log(`demo quality: ${qms.objectives} objectives, ${qms.documents} documents, ${qms.nonconformities} nonconformity closed; reform budget: ${budget.lines} lines`);
  // The compliance-cost parameters and Sở Xây dựng's review of the year (issue 21), after the dossiers its costs read.
  const pr = await seedDemoProcedureReview({
    procedureReview: services.procedureReview, now: services.now, unitId: unitOf, unitEffectiveFrom: (code) => since.get(code) ?? null, as,
    inForce: async (code, day) => !!(await services.catalog.service.findInForce(code, new Date(`${day}T12:00:00+07:00`))),
  }, `${DEMO_DIR}procedure-review`);
  log(`demo procedure reviews: parameters of ${pr.parameters} years, a review plan of ${pr.planItems} procedures, ${pr.reviewId ? 'a review approved and a simplification plan proposed' : 'no review (the agency did not exist yet)'}`);
  log(`demo data loaded in ${Math.round(performance.now() - t0)} ms`);
  return true;
}

async function seedOrg(services: Services): Promise<void> {
  const ctx = systemContext('demo-seed');
  const { units } = await readJson<{ units: DemoUnit[] }>('org/units.json');
  const ids = new Map<string, number>();
  for (const u of units) {
    const created = await services.org.createUnit(ctx, {
      parentId: u.parentCode ? ids.get(u.parentCode)! : null, code: u.code, name: u.name, shortName: u.shortName ?? null,
      kind: u.kind, function: u.function ?? null, effectiveFrom: u.effectiveFrom ?? null, effectiveTo: null,
    });
    ids.set(u.code, created.id);
  }
  const demo = await readJson<DemoAccounts>('org/accounts.json');
  for (const [i, a] of demo.accounts.entries()) {
    await services.org.createStaff(ctx, {
      fullName: a.fullName, position: a.position, unitId: ids.get(a.unitCode)!, jobPositionId: null, badgeNumber: a.badgeNumber,
      // A work phone, so the slips they issue name a number to call (form 02's contact line).
      phone: `0913${String(101_000 + i).slice(-6)}`, email: `${a.username}@laichau.gov.vn`, active: true, secondedFrom: null, secondedTo: null,
      username: a.username, password: DEMO_PASSWORD, roles: a.roles.map(([role, code]) => ({ role, unitId: ids.get(code)! })),
    }, { demoPassword: true });
  }
  // A deterministic generator, so every newcomer sees the same demo people.
  const g = demo.generated;
  let seed = 16;
  const next = (n: number) => { seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648; return seed % n; };
  let badge = 1000;
  for (const u of units.filter((x) => x.kind === 'section' || x.kind === 'service_centre')) {
    for (let i = 0; i < g.perUnit; i++) {
      const middle = g.middleNames[next(g.middleNames.length)]!;
      await services.org.createStaff(ctx, {
        fullName: `${g.familyNames[next(g.familyNames.length)]} ${middle} ${g.givenNames[next(g.givenNames.length)]}`,
        position: g.positions[next(g.positions.length)]!, unitId: ids.get(u.code)!, jobPositionId: null, badgeNumber: `LC-${++badge}`,
        phone: `0912${String(100_000 + badge).slice(-6)}`, email: null, active: true, secondedFrom: null, secondedTo: null, roles: [],
      });
    }
  }
}

/** Feedback categories, settings (Sở Nội vụ oversees conduct) and a handful of items dated from "now". */
async function seedFeedback(services: Services): Promise<void> {
  const units = new Map((await services.org.allUnits()).map((u) => [u.code, u.id]));
  const staff = new Map((await services.db.selectFrom('org_staff').select(['id', 'public_id', 'full_name', 'unit_id', 'badge_number']).where('badge_number', 'is not', null).execute())
    .map((s) => [s.badge_number!, { id: s.id, publicId: s.public_id, fullName: s.full_name, unitId: s.unit_id }]));
  const files: DemoFeedbackFiles = { categories: await readJson('feedback-categories.json'), settings: await readJson('feedback-settings.json') };
  await seedDemoFeedback(services.feedback, { db: services.db, deadlines: services.calendar.deadlines }, files, {
    unit: (code) => units.get(code) ?? (() => { throw new Error(`demo feedback: no unit ${code}`); })(),
    staff: (badge) => staff.get(badge) ?? (() => { throw new Error(`demo feedback: no staff ${badge}`); })(),
  }, services.now());
}

/** The names steering documents give the agencies (demo/directives/agency-names.json): aliases and group phrases. */
/** A demo account's request context, with its grants as a signed-in request would have them. */
async function demoContext(services: Services, username: string): Promise<RequestContext & { actor: Actor }> {
  const account = await services.db.selectFrom('auth_accounts').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  const actor = await services.auth.loadActor(account.id);
  if (!actor) throw new Error(`demo account ${username} cannot sign in`);
  return { ...systemContext('demo-seed'), system: false, actor };
}

async function seedDirectiveNames(services: Services): Promise<void> {
  const file = await readJson<{ aliases: { unitCode: string; alias: string; note?: string }[]; groups: { key: string; label: string; unitKinds: string[]; phrases: string[] }[] }>('directives/agency-names.json');
  const units = new Map((await services.org.allUnits()).map((u) => [u.code, u.id]));
  const aliases = file.aliases.map((a) => {
    const unitId = units.get(a.unitCode);
    if (!unitId) throw new Error(`demo directives: no unit ${a.unitCode}`);
    return { unitId, alias: a.alias, note: a.note ?? null };
  });
  await services.directives.loadNames(systemContext('demo-seed'), { aliases, groups: file.groups });
}

/** The province's reading of the Decision 766 index (demo/service-index/): the default version, marked as such in its note. */
async function seedServiceIndex(services: Services): Promise<void> {
  const { effectiveFrom, ...definition } = await readJson<{ effectiveFrom: string } & Record<string, unknown>>('service-index/qd766-tinh.json');
  await services.reports.index.putVersion(systemContext('demo-seed'), effectiveFrom, { revision: null, definition: definitionSchema.parse(definition) });
}
