import { checklistRollup } from './checklist-rules.js';
import type { Names } from './inspection.context.js';
import type { InspectionView } from './inspection-labels.js';
import { recommendationClock, type InspectionAction, type RecommendationAction } from './inspection-rules.js';
import type { ChecklistItemRow, FindingRow, InspectionRow, RecommendationRow, TeamMember } from './inspections.repository.js';
import type { IsoDay, IsWorkingDay } from './rules/calendar.js';

/**
 * What the API answers for an inspection. `view` says who reads: the inspecting side (its unit's readers
 * and the team) sees the whole record; the inspected side, only once concluded, sees the conclusion with
 * its findings, figures and verdicts, but neither the team's notes nor its working log.
 */
export function inspectionSummary(row: InspectionRow, x: { names: Names; view: InspectionView; onTeam: boolean; recs: RecommendationRow[]; today: IsoDay; isWorking: IsWorkingDay }) {
  const clocks = x.recs.map((r) => recommendationClock({ status: r.status, dueOn: r.due_on, closedOn: r.closed_on }, x.today, x.isWorking));
  return {
    id: row.id, version: row.version, kind: row.kind, status: row.status,
    inspectingUnitId: row.inspecting_unit_id, inspectingUnitName: x.names.unit(row.inspecting_unit_id),
    targetUnitId: row.target_unit_id, targetUnitName: x.names.unit(row.target_unit_id),
    planItemId: row.plan_item_id, topics: row.topics, decisionNo: row.decision_no, decisionDate: row.decision_date,
    onSiteFrom: row.on_site_from, onSiteTo: row.on_site_to, coversFrom: row.covers_from, coversTo: row.covers_to, startedOn: row.started_on,
    conclusionNo: row.conclusion_no, conclusionDate: row.conclusion_date, closedOn: row.closed_on,
    view: x.view, onTeam: x.onTeam,
    recommendationCounts: { total: x.recs.length, closed: x.recs.filter((r) => r.status === 'closed').length, overdue: clocks.filter((c) => c.state === 'overdue').length },
  };
}

type UpdateRow = { recommendation_id: number; at: Date; kind: string; on_day: string; text: string | null; actor_name: string };
type EventRow = { id: string; at: Date; action: string; actor_name: string; note: string | null; details: Record<string, unknown> };

export function recommendationView(r: RecommendationRow, x: { names: Names; updates: UpdateRow[]; today: IsoDay; isWorking: IsWorkingDay; allowedActions: RecommendationAction[] }) {
  return {
    id: r.id, version: r.version, seq: r.seq, text: r.text, responsibleUnitId: r.responsible_unit_id, responsibleUnitName: x.names.unit(r.responsible_unit_id),
    dueOn: r.due_on, dueWorkingDays: r.due_working_days, status: r.status, closedOn: r.closed_on,
    clock: recommendationClock({ status: r.status, dueOn: r.due_on, closedOn: r.closed_on }, x.today, x.isWorking),
    updates: x.updates.filter((u) => u.recommendation_id === r.id).map((u) => ({ at: u.at.toISOString(), kind: u.kind, on: u.on_day, text: u.text, actorName: u.actor_name })),
    allowedActions: x.allowedActions,
  };
}

export function inspectionDetail(row: InspectionRow, x: {
  names: Names; view: InspectionView; onTeam: boolean; planId: number | null; team: TeamMember[]; checklist: ChecklistItemRow[]; findings: FindingRow[];
  recs: RecommendationRow[]; updates: UpdateRow[]; events: EventRow[]; today: IsoDay; isWorking: IsWorkingDay;
  allowedActions: InspectionAction[]; recommendationActions: (r: RecommendationRow) => RecommendationAction[];
}) {
  const inspecting = x.view === 'inspecting';
  const staff = (id: number | null) => {
    const s = x.names.staff(id);
    return s ? { id: s.id, fullName: s.fullName, unitName: s.unitName } : null;
  };
  return {
    ...inspectionSummary(row, x),
    planId: x.planId, surpriseReason: row.surprise_reason, triggerRef: row.trigger_ref, cancelledReason: row.cancelled_reason,
    team: x.team.map((m) => ({ staffId: m.staffId, role: m.role, fullName: x.names.staff(m.staffId)?.fullName ?? '', unitName: x.names.staff(m.staffId)?.unitName ?? '' })),
    checklist: row.checklist_taken_at ? {
      takenAt: row.checklist_taken_at.toISOString(),
      items: x.checklist.map((c) => ({ code: c.code, kind: c.kind, label: c.label, source: c.source, figure: c.figure, verdict: c.verdict, note: inspecting ? c.note : null })),
      rollup: checklistRollup(x.checklist, x.findings.map((f) => ({ checklistCode: f.checklist_code }))),
    } : null,
    findings: x.findings.map((f) => ({ id: f.id, kind: f.kind, description: f.description, staff: staff(f.staff_id), checklistCode: f.checklist_code })),
    conclusion: row.conclusion_no ? { no: row.conclusion_no, date: row.conclusion_date, signer: row.conclusion_signer, summary: row.conclusion_summary } : null,
    recommendations: x.recs.map((r) => recommendationView(r, { names: x.names, updates: x.updates, today: x.today, isWorking: x.isWorking, allowedActions: x.recommendationActions(r) })),
    events: inspecting ? x.events.map((e) => ({ id: Number(e.id), at: e.at.toISOString(), action: e.action, actorName: e.actor_name, note: e.note, details: e.details })) : [],
    allowedActions: x.allowedActions,
  };
}
