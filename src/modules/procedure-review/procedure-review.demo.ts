import { readFile } from 'node:fs/promises';
import type { RequestContext } from '../../platform/http/context.js';
import type { ProcedureReviewService } from './procedure-review.service.js';
import { vnDay } from './procedure-review.context.js';
import type { Defaults, PlanChanges } from './rules/types.js';

/**
 * The demo's procedure reviews (demo/procedure-review/): the compliance-cost parameters of 2025 and 2026 kept
 * by the province's administrator; Sở Xây dựng's review plan of the year the demo is made, drafted by its
 * specialist and approved by its head; the review of the first planned procedure filled in, submitted and
 * approved; and a simplification plan drawn from it and proposed. Every step goes through the services as the
 * people would, so each record has its history; dates are counted from the day the demo is made.
 */
export type ProcedureReviewDemoDeps = {
  procedureReview: ProcedureReviewService;
  now: () => Date;
  unitId: (code: string) => number;
  /** When the unit came into being (the demo's departments on 1/7/2025, the two-level government). */
  unitEffectiveFrom: (code: string) => string | null;
  /** Whether the catalogue has the procedure in force on the day. */
  inForce: (code: string, day: string) => Promise<boolean>;
  as: (username: string) => Promise<RequestContext>;
};

type ParametersFile = { years: { year: number; monthlyIncomeVnd: number; workingDaysPerMonth: number; hoursPerDay: number; source: string; defaults: Defaults }[] };
type Demo = {
  agency: string; head: string; specialist: string; parametersBy: string;
  reviewPlan: { title: string; items: { procedureCode: string; dueInDays: number }[] };
  review: {
    procedureCode: string; answers: Record<string, { choice?: 'yes' | 'no'; text?: string }>; recommendation: 'keep' | 'simplify' | 'abolish';
    conclusion: string; submitNote: string; approveNote: string;
  };
  plan: { title: string; rationale: string; changes: PlanChanges };
};

export type ProcedureReviewDemoResult = { parameters: number; planItems: number; reviewId: number | null; planId: number | null };

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export async function seedDemoProcedureReview(deps: ProcedureReviewDemoDeps, dir: string): Promise<ProcedureReviewDemoResult> {
  const params = JSON.parse(await readFile(`${dir}/parameters.json`, 'utf8')) as ParametersFile;
  const d = JSON.parse(await readFile(`${dir}/demo.json`, 'utf8')) as Demo;
  const pr = deps.procedureReview;

  // The province's figures, kept by the catalogue's administrator (catalog.manage province-wide).
  const admin = await deps.as(d.parametersBy);
  for (const { year, ...body } of params.years) await pr.parameters.save(admin, year, body);

  const today = vnDay(deps.now());
  const year = Number(today.slice(0, 4));
  // A demo made before the agency existed (tests seed on past days) has no review to show.
  const since = deps.unitEffectiveFrom(d.agency);
  if (since && since > today) return { parameters: params.years.length, planItems: 0, reviewId: null, planId: null };
  const inForce = [];
  for (const i of d.reviewPlan.items) if (await deps.inForce(i.procedureCode, today)) inForce.push(i);
  if (!inForce.some((i) => i.procedureCode === d.review.procedureCode)) return { parameters: params.years.length, planItems: 0, reviewId: null, planId: null };

  const head = await deps.as(d.head);
  const specialist = await deps.as(d.specialist);
  const agencyUnitId = deps.unitId(d.agency);
  // Due within the plan's year: a demo made in late December has every item due on the 31st.
  const yearEnd = `${year}-12-31`;
  const dueOn = (days: number) => { const day = addDays(today, days); return day > yearEnd ? yearEnd : day; };

  const drafted = await pr.reviewPlans.create(specialist, {
    agencyUnitId, year, title: d.reviewPlan.title.replace('{year}', String(year)),
    items: inForce.map((i) => ({ procedureCode: i.procedureCode, dueOn: dueOn(i.dueInDays) })),
  });
  const plan = await pr.reviewPlans.act(head, drafted.id, { action: 'approve', version: drafted.version });
  const item = plan.items.find((i) => i.procedureCode === d.review.procedureCode)!;

  // The review of the first item: opened from the plan, filled in by the specialist, approved by the head.
  const r = d.review;
  let review = await pr.reviews.create(specialist, { procedureCode: r.procedureCode, agencyUnitId, year, planItemId: item.id });
  review = await pr.reviews.update(specialist, review.id, { answers: r.answers, estimates: {}, recommendation: r.recommendation, conclusion: r.conclusion, version: review.version });
  review = await pr.reviews.act(specialist, review.id, { action: 'submit', note: r.submitNote, version: review.version });
  review = await pr.reviews.act(head, review.id, { action: 'approve', note: r.approveNote, version: review.version });

  // Its simplification plan, drafted and proposed: left for the head to approve, reject or return.
  const p = d.plan;
  const made = await pr.plans.create(specialist, { procedureCode: r.procedureCode, agencyUnitId, year, reviewId: review.id, title: p.title, rationale: p.rationale, changes: p.changes });
  await pr.plans.act(specialist, made.id, { action: 'propose', version: made.version });
  return { parameters: params.years.length, planItems: inForce.length, reviewId: review.id, planId: made.id };
}
