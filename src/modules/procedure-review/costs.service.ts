import { AppError } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { ProcedureContent } from '../catalog/schema.js';
import { periodOf, ratio, unitFor, yearOf } from './costs.scope.js';
import { hourlyRateOf } from './parameters.service.js';
import { accessAt, orgBasis, readableAgencies, subtreeOf, type OrgBasis } from './agency-access.js';
import { actorOf, agencyOf, type CatalogVersion, type Period, type ProcedureReviewDeps } from './procedure-review.context.js';
import { costSheet } from './rules/cost.js';
import { costLines, yearlyDossiers, type Estimates } from './rules/cost-model.js';
import { applyPlan, estimatesAfterPlan } from './rules/plan-changes.js';
import type { CostSheet, Defaults, PlanChanges, ProcedureFacts, Ratio, WageRate } from './rules/types.js';
import type { CostQuery, CostsQuery } from './schema.js';

export type CostOf = (input: { code: string; unitIds: number[]; period: Period; estimates?: Estimates; changes?: PlanChanges; versionId?: number }) => Promise<{
  version: CatalogVersion; facts: ProcedureFacts | null; sheet: CostSheet; after: CostSheet | null; parameters: { wage: WageRate; defaults: Defaults } | null;
}>;

type RateFor = (year: number) => Promise<{ wage: WageRate; defaults: Defaults } | null>;
type SortKey = CostsQuery['sort'];

export type RankingRow = {
  rank: number; procedureCode: string; procedureName: string; fieldName: string; versionNo: number; dossiers: number;
  perDossierVnd: number; yearlyVnd: number; supplementShare: Ratio; lateRate: Ratio; onlineShare: Ratio; reviewId: number | null; planCount: number;
};

const noVersion = () => new AppError('NOT_FOUND', 404, 'Thủ tục không có phiên bản hiệu lực trong kỳ đã chọn.', 'The procedure has no version in force for the chosen period.');

/** The figures a procedure's dossiers give: supplements, lateness and online filing as exact shares. */
export const sharesOf = (f: ProcedureFacts | null) => ({
  supplementShare: ratio(f?.supplementDossiers ?? 0, f?.dossiers ?? 0),
  lateRate: ratio(f?.late ?? 0, f?.completed ?? 0),
  onlineShare: ratio(f?.online ?? 0, f?.dossiers ?? 0),
});

const noFacts = (code: string, name: string): ProcedureFacts => ({
  procedureCode: code, procedureName: name, dossiers: 0, online: 0, post: 0, desk: 0, supplementDossiers: 0, supplementTrips: 0, supplementOnline: 0,
  completed: 0, late: 0, resultsReturned: 0, resultsAtDesk: 0,
});

/** The statutory time limit as published: at the desk when the procedure is done there, else its first channel's. */
const timeLimitOf = (c: ProcedureContent) => {
  const t = (c.channels.find((ch) => ch.kind === 'desk') ?? c.channels[0])?.time;
  return t ? { amount: t.amount, unit: t.unit } : null;
};

const parametersView = (p: { wage: WageRate } | null) => (p ? { year: p.wage.year, hourlyRateVnd: hourlyRateOf(p.wage), source: p.wage.source } : null);

/**
 * Part B (API.md): the compliance cost of a procedure over a unit's subtree and the ranking of where to
 * look first. Facts from the dossiers module, versions from the catalogue (the feeds), the formula from
 * the rules; this part only puts them together.
 */
export function createCostsService(deps: ProcedureReviewDeps, needs: { rateFor: RateFor }) {
  const { db } = deps;

  /**
   * A sheet from a version's content and facts. Without parameters for the year there is no wage and no
   * default estimate to cost anything with: every figure is 0 (the page asks to set them).
   */
  function sheetOf(params: { wage: WageRate; defaults: Defaults } | null, year: number, content: ProcedureContent, facts: ProcedureFacts | null, period: Period, estimates?: Estimates): CostSheet {
    const yearly = yearlyDossiers(facts, period);
    if (!params) return costSheet({ year, monthlyIncomeVnd: 0, workingDaysPerMonth: 1, hoursPerDay: 1, source: '' }, [], yearly);
    return costSheet(params.wage, costLines({ content, facts, defaults: params.defaults, ...(estimates ? { estimates } : {}) }), yearly);
  }

  const costOf: CostOf = async ({ code, unitIds, period, estimates, changes, versionId }) => {
    const version = versionId !== undefined ? await deps.feeds.catalog.versionById(versionId) : await deps.feeds.catalog.inForce(code, period.to);
    if (!version || version.code !== code) throw noVersion();
    const year = yearOf(period);
    const [facts, parameters] = await Promise.all([
      deps.feeds.facts({ unitIds, period, procedureCodes: [code] }).then((f) => f[0] ?? null),
      needs.rateFor(year),
    ]);
    const sheet = sheetOf(parameters, year, version.content, facts, period, estimates);
    let after: CostSheet | null = null;
    if (changes) {
      const planned = applyPlan(version.content, facts, changes);
      // The reviewer's estimates follow their documents: a removed document's estimate goes with it.
      after = sheetOf(parameters, year, planned.content, planned.facts, period, estimates && estimatesAfterPlan(version.content, changes, estimates));
    }
    return { version, facts, sheet, after, parameters };
  };

  /** The agencies whose reviews and plans belong to a unit's figures: those inside its subtree, and its own agency. */
  function agenciesIn(basis: OrgBasis, unitId: number, unitIds: number[]): { agencyId: number | null; scope: number[] } {
    const agencyId = agencyOf(unitId, basis.units, basis.agencies);
    const scope = unitIds.filter((u) => basis.agencies.has(u));
    if (agencyId !== null && !scope.includes(agencyId)) scope.push(agencyId);
    return { agencyId, scope };
  }

  async function units(ctx: RequestContext) {
    const actor = actorOf(ctx);
    const basis = await orgBasis(deps);
    const items = readableAgencies(actor, basis).map((id) => {
      const u = basis.byId.get(id)!;
      const access = accessAt(actor, id, basis);
      return { id: u.id, name: u.name, code: u.code, kind: u.kind, parentId: u.parentId, manage: access.manage, approve: access.approve };
    });
    return { items };
  }

  async function ranking(ctx: RequestContext, q: CostsQuery) {
    const actor = actorOf(ctx);
    const basis = await orgBasis(deps);
    const { unit, unitIds } = unitFor(actor, basis, q.unitId);
    const period = periodOf(deps, q);
    const year = yearOf(period);
    const [facts, parameters] = await Promise.all([deps.feeds.facts({ unitIds, period }), needs.rateFor(year)]);
    const versions = await Promise.all(facts.map((f) => deps.feeds.catalog.inForce(f.procedureCode, period.to)));
    const costed = facts.flatMap((f, i) => {
      const version = versions[i];
      if (!version || f.dossiers === 0) return [];
      return [{ f, version, sheet: sheetOf(parameters, year, version.content, f, period) }];
    });
    const codes = costed.map((c) => c.f.procedureCode);
    const { agencyId, scope } = agenciesIn(basis, unit.id, unitIds);
    const [reviews, plans] = codes.length === 0 ? [[], []] : await Promise.all([
      agencyId === null ? [] : db.selectFrom('pr_reviews').select(['id', 'procedure_code']).where('agency_unit_id', '=', agencyId).where('year', '=', year)
        .where('procedure_code', 'in', codes).execute(),
      db.selectFrom('pr_plans').select(['procedure_code', (eb) => eb.fn.countAll<string>().as('n')]).where('procedure_code', 'in', codes)
        .where('status', '<>', 'rejected').where('agency_unit_id', 'in', scope).groupBy('procedure_code').execute(),
    ]);
    const reviewOf = new Map(reviews.map((r) => [r.procedure_code, r.id]));
    const plansOf = new Map(plans.map((p) => [p.procedure_code, Number(p.n)]));

    const rows = costed.map(({ f, version, sheet }) => ({
      procedureCode: f.procedureCode, procedureName: version.name, fieldName: version.fieldName, versionNo: version.versionNo, dossiers: f.dossiers,
      perDossierVnd: sheet.perDossier.totalVnd, yearlyVnd: sheet.yearly.totalVnd, ...sharesOf(f),
      reviewId: reviewOf.get(f.procedureCode) ?? null, planCount: plansOf.get(f.procedureCode) ?? 0,
    }));
    const key: Record<SortKey, (r: (typeof rows)[number]) => number | null> = {
      yearly: (r) => r.yearlyVnd, perDossier: (r) => r.perDossierVnd, supplementShare: (r) => r.supplementShare.value, lateRate: (r) => r.lateRate.value,
    };
    const by = key[q.sort];
    rows.sort((a, b) => {
      const [x, y] = [by(a), by(b)];
      if (x !== y) {
        if (x === null) return 1;
        if (y === null) return -1;
        return y - x;
      }
      return a.procedureCode < b.procedureCode ? -1 : a.procedureCode > b.procedureCode ? 1 : 0;
    });
    const items: RankingRow[] = rows.slice(0, q.limit).map((r, i) => ({ rank: i + 1, ...r }));
    return {
      unitId: unit.id, unitName: unit.name, period, parameters: parametersView(parameters), sort: q.sort, items,
      totals: { procedures: rows.length, dossiers: rows.reduce((s, r) => s + r.dossiers, 0), yearlyVnd: rows.reduce((s, r) => s + r.yearlyVnd, 0) },
    };
  }

  /** Savings of the plans listed with a cost: as frozen once approved, else live over the plan's agency. */
  async function planSavings(rows: { id: number; agency_unit_id: number; base_version_id: number; changes: unknown; before_snapshot: unknown; after_snapshot: unknown }[], basis: OrgBasis, code: string, period: Period) {
    const total = (s: unknown) => (s as CostSheet | null)?.yearly?.totalVnd;
    return Promise.all(rows.map(async (p) => {
      const [before, after] = [total(p.before_snapshot), total(p.after_snapshot)];
      if (typeof before === 'number' && typeof after === 'number') return before - after;
      const live = await costOf({ code, unitIds: subtreeOf(p.agency_unit_id, basis.units), period, changes: p.changes as PlanChanges, versionId: p.base_version_id });
      return live.sheet.yearly.totalVnd - (live.after?.yearly.totalVnd ?? live.sheet.yearly.totalVnd);
    }));
  }

  async function cost(ctx: RequestContext, code: string, q: CostQuery) {
    const actor = actorOf(ctx);
    const basis = await orgBasis(deps);
    const { unit, unitIds } = unitFor(actor, basis, q.unitId);
    const period = periodOf(deps, q);
    const { version, facts, sheet, parameters } = await costOf({ code, unitIds, period });
    const { scope } = agenciesIn(basis, unit.id, unitIds);
    const [reviews, plans] = await Promise.all([
      db.selectFrom('pr_reviews').select(['id', 'agency_unit_id', 'year', 'status']).where('procedure_code', '=', code).where('agency_unit_id', 'in', scope)
        .orderBy('year', 'desc').orderBy('id', 'desc').execute(),
      db.selectFrom('pr_plans').select(['id', 'title', 'status', 'agency_unit_id', 'base_version_id', 'changes', 'before_snapshot', 'after_snapshot'])
        .where('procedure_code', '=', code).where('status', '<>', 'rejected').where('agency_unit_id', 'in', scope).orderBy('year', 'desc').orderBy('id', 'desc').execute(),
    ]);
    const savings = await planSavings(plans, basis, code, period);
    const c = version.content;
    return {
      procedureCode: code, procedureName: version.name, version: { id: version.versionId, number: version.versionNo, effectiveFrom: version.effectiveFrom },
      unitId: unit.id, unitName: unit.name, period, parameters: parametersView(parameters),
      facts: facts ?? noFacts(code, version.name), ...sharesOf(facts), sheet, timeLimit: timeLimitOf(c),
      documents: c.documents.map((d) => ({ name: d.name, optional: d.optional, reusable: d.reusableFromNationalDb, certifiedCopies: d.certifiedCopies, copies: d.copies, form: !!d.formTemplate })),
      fees: c.fees.map((f) => ({ name: f.name, amountVnd: f.amount ?? null })),
      onlineMode: c.onlineMode,
      reviews: reviews.map((r) => ({ id: r.id, agencyUnitName: basis.byId.get(r.agency_unit_id)?.name ?? '', year: r.year, status: r.status })),
      plans: plans.map((p, i) => ({ id: p.id, title: p.title, status: p.status, savingVnd: savings[i]! })),
    };
  }

  return { costOf, units, ranking, cost };
}
export type CostsService = ReturnType<typeof createCostsService>;
