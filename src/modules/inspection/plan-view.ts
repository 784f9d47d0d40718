import type { Names } from './inspection.context.js';
import type { PlanAction } from './plan-rules.js';
import type { PlanItemRow, PlanRow } from './plans.repository.js';

/** What the API answers for a plan: the list's summary, and the detail with its items and history. */
export function planSummary(row: PlanRow, items: PlanItemRow[], names: Names) {
  return {
    id: row.id, version: row.version, inspectingUnitId: row.inspecting_unit_id, inspectingUnitName: names.unit(row.inspecting_unit_id),
    year: row.year, title: row.title, status: row.status, decisionNo: row.decision_no, decisionDate: row.decision_date, signer: row.signer,
    itemCount: items.filter((i) => !i.cancelled_on).length, cancelledCount: items.filter((i) => !!i.cancelled_on).length,
  };
}

type EventRow = { id: string; at: Date; action: string; actor_name: string; note: string | null; details: Record<string, unknown> };

export function planItemView(i: PlanItemRow, names: Names, inspection: { id: number; status: string } | undefined) {
  const lead = names.staff(i.lead_staff_id);
  return {
    id: i.id, targetUnitId: i.target_unit_id, targetUnitName: names.unit(i.target_unit_id), topics: i.topics,
    plannedFrom: i.planned_from, plannedTo: i.planned_to, lead: lead ? { id: lead.id, fullName: lead.fullName } : null, note: i.note,
    cancelledOn: i.cancelled_on, cancelReason: i.cancel_reason,
    inspection: inspection ?? null,
  };
}

export function planDetail(row: PlanRow, x: { items: PlanItemRow[]; names: Names; inspections: Map<number, { id: number; status: string }>; events: EventRow[]; allowedActions: PlanAction[] }) {
  return {
    ...planSummary(row, x.items, x.names),
    note: row.note,
    items: x.items.map((i) => planItemView(i, x.names, x.inspections.get(i.id))),
    events: x.events.map((e) => ({ id: Number(e.id), at: e.at.toISOString(), action: e.action, actorName: e.actor_name, note: e.note, details: e.details })),
    allowedActions: x.allowedActions,
  };
}
