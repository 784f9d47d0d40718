import type { CostOf } from './costs.service.js';
import { defaultPeriod, todayOf, type Period, type ProcedureReviewDeps } from './procedure-review.context.js';
import { costSheet, saving } from './rules/cost.js';
import { costLines, yearlyDossiers } from './rules/cost-model.js';
import type { CostSheet } from './rules/types.js';

/** The real saving, measured on the dossiers filed under the version that carried the plan out (API.md `Measured`). */
export type Measured = {
  versionNo: number; versionId: number; effectiveFrom: string | null; period: Period; dossiers: number;
  perDossierVnd: number; beforePerDossierVnd: number; yearlySavingVnd: number; percent: number | null;
};

/**
 * Once a version newer than the plan's base is in force, the dossiers filed under it in the agency's
 * tree (at most the last 365 days, never before it took effect) are costed the same way as the plan's
 * "before", and compared per dossier; the year's saving is that difference × the plan's yearly dossiers,
 * so the figure answers "what did the plan save", not "did the volume change". Null until such a
 * version has a dossier.
 *
 * The facts are those of the new version's dossiers only (`versionIds`), so the sheet is computed here
 * with the rules, with the parameters `costOf` finds for the period (the wage of the years measured).
 */
export async function measuredSaving(
  deps: Pick<ProcedureReviewDeps, 'feeds' | 'now'>, costOf: CostOf,
  plan: { procedure_code: string; base_version_no: number }, unitIds: number[], before: CostSheet,
): Promise<Measured | null> {
  const current = await deps.feeds.catalog.inForce(plan.procedure_code, todayOf(deps));
  if (!current || current.versionNo <= plan.base_version_no) return null;
  const lastYear = defaultPeriod(deps);
  const from = current.effectiveFrom && current.effectiveFrom > lastYear.from ? current.effectiveFrom : lastYear.from;
  if (from > lastYear.to) return null;
  const period = { from, to: lastYear.to };
  const facts = (await deps.feeds.facts({ unitIds, period, procedureCodes: [plan.procedure_code], versionIds: [current.versionId] }))
    .find((f) => f.procedureCode === plan.procedure_code);
  if (!facts || facts.dossiers === 0) return null;
  const { parameters } = await costOf({ code: plan.procedure_code, unitIds, period, versionId: current.versionId });
  if (!parameters) return null;
  const sheet = costSheet(parameters.wage, costLines({ content: current.content, facts, defaults: parameters.defaults }), yearlyDossiers(facts, period));
  const perDossierVnd = sheet.perDossier.totalVnd;
  const beforePerDossierVnd = before.perDossier.totalVnd;
  return {
    versionNo: current.versionNo, versionId: current.versionId, effectiveFrom: current.effectiveFrom, period, dossiers: facts.dossiers,
    perDossierVnd, beforePerDossierVnd, yearlySavingVnd: (beforePerDossierVnd - perDossierVnd) * before.yearlyDossiers,
    percent: saving(beforePerDossierVnd, perDossierVnd).percent,
  };
}
