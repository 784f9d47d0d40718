import type { Db } from '../../platform/db/transaction.js';
import { recommendationClock } from './inspection-rules.js';
import type { InspectionCounts } from './report-ports.js';
import type { IsoDay, IsWorkingDay } from './rules/calendar.js';

type Query = { unitIds: number[] | null; from: IsoDay; to: IsoDay; today: IsoDay };

/**
 * What the inspection report (scope 4) counts of plans and inspections (report-ports.ts), for the
 * inspecting units `unitIds` (null: all) over [from, to]. Recommendations are judged on `today` by the
 * same clock the inspection's page shows (inspection-rules.ts), on the province calendar.
 */
export async function planCounts(db: Db, q: Query, isWorking: IsWorkingDay): Promise<InspectionCounts> {
  if (q.unitIds && q.unitIds.length === 0) return { planned: 0, done: { planned: 0, surprise: 0 }, findingsByKind: {}, recommendations: { total: 0, closedOnTime: 0, closedLate: 0, overdue: 0, open: 0 } };
  const units = q.unitIds;

  let planned = db.selectFrom('insp_plan_items as i').innerJoin('insp_plans as p', 'p.id', 'i.plan_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('p.status', '=', 'approved').where('i.cancelled_on', 'is', null).where('i.planned_from', '>=', q.from).where('i.planned_from', '<=', q.to);
  if (units) planned = planned.where('p.inspecting_unit_id', 'in', units);

  let done = db.selectFrom('insp_inspections').select(['kind', (eb) => eb.fn.countAll<string>().as('n')])
    .where('status', 'in', ['concluded', 'closed']).where('conclusion_date', '>=', q.from).where('conclusion_date', '<=', q.to).groupBy('kind');
  if (units) done = done.where('inspecting_unit_id', 'in', units);

  let findings = db.selectFrom('insp_findings as f').innerJoin('insp_inspections as x', 'x.id', 'f.inspection_id')
    .select(['f.kind', (eb) => eb.fn.countAll<string>().as('n')])
    .where('x.status', 'in', ['concluded', 'closed']).where('x.conclusion_date', '>=', q.from).where('x.conclusion_date', '<=', q.to).groupBy('f.kind');
  if (units) findings = findings.where('x.inspecting_unit_id', 'in', units);

  let recs = db.selectFrom('insp_recommendations as r').innerJoin('insp_inspections as x', 'x.id', 'r.inspection_id')
    .select(['r.status', 'r.due_on', 'r.closed_on']).where('r.due_on', '>=', q.from).where('r.due_on', '<=', q.to);
  if (units) recs = recs.where('x.inspecting_unit_id', 'in', units);

  const doneRows = await done.execute();
  const byKind = (k: string) => Number(doneRows.find((r) => r.kind === k)?.n ?? 0);
  const out: InspectionCounts = {
    planned: Number((await planned.executeTakeFirstOrThrow()).n),
    done: { planned: byKind('planned'), surprise: byKind('surprise') },
    findingsByKind: Object.fromEntries((await findings.execute()).map((r) => [r.kind, Number(r.n)])),
    recommendations: { total: 0, closedOnTime: 0, closedLate: 0, overdue: 0, open: 0 },
  };
  for (const r of await recs.execute()) {
    // Judged as it stood on `today`: one closed later was still open then.
    const closedBy = r.closed_on && r.closed_on <= q.today ? r.closed_on : null;
    const c = recommendationClock({ status: closedBy ? 'closed' : 'open', dueOn: r.due_on, closedOn: closedBy }, q.today, isWorking);
    out.recommendations.total++;
    if (c.state === 'closed_on_time') out.recommendations.closedOnTime++;
    else if (c.state === 'closed_late') out.recommendations.closedLate++;
    else if (c.state === 'overdue') out.recommendations.overdue++;
    else out.recommendations.open++;
  }
  return out;
}
