import type { Selectable } from 'kysely';
import { hasAnywhere, hasProvinceWide } from '../../platform/access/policy.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { actorOf, addEvent, staleVersion, type ProcedureReviewDeps } from './procedure-review.context.js';
import type { PrParametersTable } from './procedure-review.tables.js';
import { hourlyRate } from './rules/cost.js';
import { round } from './rules/fraction.js';
import type { Defaults, WageRate } from './rules/types.js';
import type { ParametersBody } from './schema.js';

type Row = Selectable<PrParametersTable>;

/** What GET /parameters shows of a year (API.md Part A). */
export type Parameters = WageRate & { hourlyRateVnd: number; defaults: Defaults; version: number; updatedAt: string };

/** The value of a working hour as shown, 2 decimals half-up (the cost sheet keeps the exact fraction). */
export const hourlyRateOf = (w: WageRate): number => round(hourlyRate(w), 2);

const wageOf = (r: Row): WageRate => ({
  year: r.year, monthlyIncomeVnd: Number(r.monthly_income_vnd), workingDaysPerMonth: r.working_days_per_month, hoursPerDay: r.hours_per_day, source: r.source,
});
const view = (r: Row): Parameters => {
  const wage = wageOf(r);
  return { ...wage, hourlyRateVnd: hourlyRateOf(wage), defaults: r.defaults as Defaults, version: r.version, updatedAt: new Date(r.updated_at).toISOString() };
};

/**
 * Part A (API.md): the compliance-cost parameters by year — the wage rate in force and the reviewer's
 * default estimates. Everyone who reads reviews reads them; the catalogue's province-wide administrators
 * keep them (they keep the province's TTHC-control data).
 */
export function createParametersService(deps: ProcedureReviewDeps) {
  const { db } = deps;
  const load = (year: number) => db.selectFrom('pr_parameters').selectAll().where('year', '=', year).executeTakeFirst();

  async function list(ctx: RequestContext) {
    const actor = actorOf(ctx);
    if (!hasAnywhere(actor, 'review.read')) throw errors.forbidden();
    const rows = await db.selectFrom('pr_parameters').selectAll().orderBy('year', 'desc').execute();
    return { items: rows.map(view), mayEdit: hasProvinceWide(actor, 'catalog.manage') };
  }

  /** Creates the year when absent (no version), else replaces it under the version read. */
  async function save(ctx: RequestContext, year: number, input: ParametersBody): Promise<Parameters> {
    const actor = actorOf(ctx);
    if (!hasProvinceWide(actor, 'catalog.manage')) throw errors.forbidden();
    const existing = await load(year);
    if ((existing === undefined) !== (input.version === undefined)) throw staleVersion();
    if (existing && existing.version !== input.version) throw staleVersion();
    const values = {
      monthly_income_vnd: input.monthlyIncomeVnd, working_days_per_month: input.workingDaysPerMonth, hours_per_day: input.hoursPerDay,
      source: input.source, defaults: JSON.stringify(input.defaults), updated_by: actor.staffId,
    };
    const at = deps.now();
    await inTransaction(db, async (trx) => {
      if (existing) {
        const updated = await trx.updateTable('pr_parameters').set({ ...values, version: existing.version + 1, updated_at: at })
          .where('year', '=', year).where('version', '=', existing.version).returning('year').executeTakeFirst();
        if (!updated) throw staleVersion();
      } else {
        await trx.insertInto('pr_parameters').values({ year, ...values, updated_at: at }).execute()
          .catch((e) => { throw isUniqueViolation(e) ? staleVersion() : e; });
      }
      const before = existing ? { ...wageOf(existing), defaults: existing.defaults } : null;
      const after = { year, monthlyIncomeVnd: input.monthlyIncomeVnd, workingDaysPerMonth: input.workingDaysPerMonth, hoursPerDay: input.hoursPerDay, source: input.source, defaults: input.defaults };
      await addEvent(trx, ctx, at, { record: 'parameters', entityId: year, action: 'parameters_saved', data: { created: !existing, before, after } });
    });
    return view((await load(year))!);
  }

  return {
    list,
    save,
    /** The parameters in force for a year: that year's row, else the latest earlier year's; null when none. */
    async rateFor(year: number): Promise<{ wage: WageRate; defaults: Defaults } | null> {
      const row = await db.selectFrom('pr_parameters').selectAll().where('year', '<=', year).orderBy('year', 'desc').limit(1).executeTakeFirst();
      return row ? { wage: wageOf(row), defaults: row.defaults as Defaults } : null;
    },
  };
}
