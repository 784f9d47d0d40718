import type { InspectionDemoDeps } from './inspection.demo.js';
import type { InspectionActionInput, InspectionCreateInput, RecommendationActionInput } from './inspections.schema.js';
import type { PlanCreateInput } from './plans.schema.js';

/**
 * The demo's inspection plan and inspections (demo/inspection/demo.json, made up): this year's plan of the
 * provincial Inspectorate approved the December before, a surprise inspection concluded weeks ago whose
 * recommendations are one closed, one overdue and one still running, and a surprise inspection under way
 * after the denunciation the demo received. Days count back from "now", so the states hold whatever day.
 */
export type DemoPlan = {
  by: string; approvedBy: string; inspectingUnit: string; title: string; decisionNo: string; decisionDay: string; signer: string;
  items: { unit: string; topics: string[]; from: string; to: string; lead?: string }[];
};
export type DemoInspection = {
  key: string; by: string; concludedBy?: string; inspectingUnit: string; targetUnit: string; topics: string[]; surpriseReason: string; triggerRef?: string;
  decisionNo: string; decisionDaysAgo: number; onSite: [number, number]; covers: [number, number]; startDaysAgo: number; team: [string, 'lead' | 'member'][];
  verdicts?: [string, 'ok' | 'finding' | 'not_checked', string | null][];
  findings?: { kind: string; description: string; checklistCode?: string }[];
  conclusion?: { no: string; daysAgo: number; signer: string; summary: string };
  recommendations?: { text: string; dueWorkingDays?: number; dueDaysFromToday?: number; reportedDaysAgo?: number; reportBy?: string; acceptedDaysAgo?: number }[];
};

type Helpers = { ago: (days: number) => string; today: string; staffOf: (ref: string) => number };

export async function seedDemoPlan(deps: InspectionDemoDeps, plan: DemoPlan, h: Helpers): Promise<void> {
  const year = Number(h.today.slice(0, 4));
  const ctx = await deps.as(plan.by);
  let detail = await deps.inspection.plans.create(ctx, {
    inspectingUnitId: deps.unitId(plan.inspectingUnit), year, title: plan.title.replace('{year}', String(year)),
    items: plan.items.map((i) => ({
      targetUnitId: deps.unitId(i.unit), topics: i.topics, plannedFrom: `${year}-${i.from}`, plannedTo: `${year}-${i.to}`,
      ...(i.lead ? { leadStaffId: h.staffOf(i.lead) } : {}),
    })),
  } as PlanCreateInput);
  detail = await deps.inspection.plans.act(await deps.as(plan.approvedBy), detail.id, {
    action: 'approve', version: detail.version, decisionNo: plan.decisionNo, decisionDate: `${year - 1}-${plan.decisionDay}`, signer: plan.signer,
  });
}

export async function seedDemoInspections(deps: InspectionDemoDeps, list: DemoInspection[], h: Helpers): Promise<void> {
  for (const d of list) {
    const ctx = await deps.as(d.by);
    let detail = await deps.inspection.inspections.open(ctx, {
      kind: 'surprise', inspectingUnitId: deps.unitId(d.inspectingUnit), targetUnitId: deps.unitId(d.targetUnit), topics: d.topics,
      surpriseReason: d.surpriseReason, triggerRef: d.triggerRef, decisionNo: d.decisionNo, decisionDate: h.ago(d.decisionDaysAgo),
      onSiteFrom: h.ago(d.onSite[0]), onSiteTo: h.ago(d.onSite[1]), coversFrom: h.ago(d.covers[0]), coversTo: h.ago(d.covers[1]),
      team: d.team.map(([ref, role]) => ({ staffId: h.staffOf(ref), role })),
    } as InspectionCreateInput);
    const act = async (input: Record<string, unknown>, as = ctx) => {
      detail = await deps.inspection.inspections.act(as, detail.id, { ...input, version: detail.version } as InspectionActionInput);
    };
    await act({ action: 'start', on: h.ago(d.startDaysAgo) });
    if (d.verdicts) await act({ action: 'set_verdicts', items: d.verdicts.map(([code, verdict, note]) => ({ code, verdict, note })) });
    for (const f of d.findings ?? []) await act({ action: 'add_finding', ...f });
    if (!d.conclusion) continue;
    const concludedOn = h.ago(d.conclusion.daysAgo);
    await act({
      action: 'conclude', conclusionNo: d.conclusion.no, conclusionDate: concludedOn, signer: d.conclusion.signer, summary: d.conclusion.summary,
      recommendations: (d.recommendations ?? []).map((r) => ({
        text: r.text, responsibleUnitId: deps.unitId(d.targetUnit),
        ...(r.dueWorkingDays ? { dueWorkingDays: r.dueWorkingDays } : { dueOn: h.ago(-(r.dueDaysFromToday ?? 30)) }),
      })),
    }, await deps.as(d.concludedBy!));
    for (const [i, r] of (d.recommendations ?? []).entries()) {
      if (r.reportedDaysAgo === undefined) continue;
      const rec = () => detail.recommendations[i]!;
      const follow = async (input: Record<string, unknown>, as: string) => {
        await deps.inspection.inspections.recommendationAct(await deps.as(as), detail.id, rec().id, { ...input, version: rec().version } as RecommendationActionInput);
        detail = await deps.inspection.inspections.get(ctx, detail.id);
      };
      await follow({ action: 'report', text: 'Đã thực hiện xong, gửi kèm báo cáo.', on: h.ago(r.reportedDaysAgo) }, r.reportBy!);
      if (r.acceptedDaysAgo !== undefined) await follow({ action: 'accept', on: h.ago(r.acceptedDaysAgo) }, d.concludedBy!);
    }
  }
}

