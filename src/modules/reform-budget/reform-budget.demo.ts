import { readFile } from 'node:fs/promises';
import type { RequestContext } from '../../platform/http/context.js';
import type { ActivityKind } from './rules/budget.js';
import type { ReformBudgetService } from './reform-budget.service.js';

type DemoLine = {
  unit: string; manager: string; activityKind: ActivityKind; title: string; plannedVnd: number; allocatedVnd: number; spentVnd: number;
  overspend?: boolean; overspendReason?: string; allocationDecisionNo?: string;
};

/** The demo's reform budget lines of the year the demo is made (demo/reform-budget/lines.json), entered by each unit's head. */
export async function seedDemoReformBudget(deps: { budget: ReformBudgetService; now: () => Date; unitId: (code: string) => number; as: (username: string) => Promise<RequestContext> }, file: string): Promise<{ lines: number }> {
  const { lines } = JSON.parse(await readFile(file, 'utf8')) as { lines: DemoLine[] };
  // The budget year is the calendar year (the state budget's), in Vietnam.
  const year = Number(new Date(deps.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 4));
  for (const l of lines) {
    await deps.budget.create(await deps.as(l.manager), {
      unitId: deps.unitId(l.unit), year, activityKind: l.activityKind, title: l.title, plannedVnd: l.plannedVnd, allocatedVnd: l.allocatedVnd, spentVnd: l.spentVnd,
      ...(l.overspend ? { overspend: true, overspendReason: l.overspendReason ?? null } : {}), allocationDecisionNo: l.allocationDecisionNo ?? null,
    });
  }
  return { lines: lines.length };
}
