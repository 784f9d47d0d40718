import type { TestApp } from '../support/test-app.js';
import type { CaseKind, CaseStatus } from '../../src/modules/inspection/inspection.tables.js';
import { checklistRows } from '../../src/modules/inspection/checklist-rules.js';

type Req = { method: string; url: string; body?: unknown };

/**
 * Complaint, denunciation and discipline cases for the matrix (issue 18), written straight to the
 * database at each relation's unit (the rows judge who may act on them, not how they came to be). Staff
 * are made through the org API as the root administrator. The matrix lives at 2/3/2026 (TEST_NOW): every
 * date here is on or before it, and the offences are well within their limitation.
 */
export type InspectionFixture = {
  /** A denunciation handled by the unit, its team one fixture officer: no matrix subject is on it. */
  keptCase(unitId: number): Promise<number>;
  /** A fresh denunciation of the unit in `status` (accepted 20/2, concluded 27/2 where the status implies it). */
  freshCase(unitId: number, status: CaseStatus, extra?: { kind?: CaseKind; complexity?: 'normal' | 'complex' }): Promise<{ id: number; version: number }>;
  /** A discipline case of the unit (kept per unit), for the rows that only read; its ballot is recorded. */
  keptDiscipline(unitId: number): Promise<number>;
  /** A fresh discipline case of the unit at a stage an action needs. */
  freshDiscipline(unitId: number, stage: 'opened' | 'deferred' | 'reported' | 'met' | 'recommended'): Promise<{ id: number; version: number }>;
  /** Three staff of the unit for a council (kept per unit), none of them the cases' subject. */
  council(unitId: number): Promise<number[]>;
  /** A staff member of the unit (kept per unit), the subject of the unit's discipline cases. */
  subject(unitId: number): Promise<number>;
} & InspectionPlanFixture;

export async function inspectionFixture(t: TestApp, asRoot: (req: Req) => Promise<any>): Promise<InspectionFixture> {
  let n = 0;
  const kept = new Map<string, number>();
  const once = async (key: string, make: () => Promise<number>) => {
    if (!kept.has(key)) kept.set(key, await make());
    return kept.get(key)!;
  };
  const staff = async (unitId: number) => (await asRoot({ method: 'POST', url: '/api/v1/org/staff', body: { fullName: `Đèo Văn Ma Trận ${++n}`, unitId, position: 'Chuyên viên' } })).id as number;
  const subject = (unitId: number) => once(`subject-${unitId}`, () => staff(unitId));
  const officer = (unitId: number) => once(`officer-${unitId}`, () => staff(unitId));

  const freshCase: InspectionFixture['freshCase'] = async (unitId, status, extra = {}) => {
    const accepted = status !== 'received';
    const concluded = status === 'concluded';
    const row = await t.db.insertInto('insp_cases').values({
      kind: extra.kind ?? 'denunciation', handling_unit_id: unitId, received_on: '2026-02-16', channel: 'mail', subject_unit_id: unitId,
      summary: 'Đơn của ma trận quyền', status, complexity: extra.complexity ?? 'normal', accepted_on: accepted ? '2026-02-20' : null,
      ...(concluded ? { outcome: 'unfounded' as const, conclusion: 'Tố cáo sai', concluded_on: '2026-02-27', decision_no: '1/KL', decision_date: '2026-02-27' } : {}),
    }).returning(['id', 'version']).executeTakeFirstOrThrow();
    await t.db.insertInto('insp_case_parties').values({ case_id: row.id, full_name: `Người tố cáo ${row.id}` }).execute();
    await t.db.insertInto('insp_case_team').values({ case_id: row.id, staff_id: await officer(unitId), role: 'lead' }).execute();
    return row;
  };

  const freshDiscipline: InspectionFixture['freshDiscipline'] = async (unitId, stage) => {
    const reported = stage === 'reported' || stage === 'met' || stage === 'recommended';
    const met = stage === 'met' || stage === 'recommended';
    const row = await t.db.insertInto('insp_discipline_cases').values({
      unit_id: unitId, subject_staff_id: await subject(unitId), person_kind: 'cong_chuc', offence_summary: 'Vi phạm của ma trận quyền',
      offence_ended_on: '2025-12-01', limitation_class: 'reprimand_level', discovered_on: '2026-02-02',
      ...(reported ? { notice_on: '2026-02-03', review_meeting_on: '2026-02-05', review_report_on: '2026-02-06' } : {}),
      ...(met ? { council_set_up_on: '2026-02-09', summons_on: '2026-02-10', council_meeting_on: '2026-02-24' } : {}),
      ...(stage === 'recommended' ? {
        ballot: JSON.stringify({ present: 3, yes: 3, no: 0, forms: { khien_trach: 3 } }), council_minutes: 'Biên bản họp hội đồng của ma trận',
        recommended_form: 'khien_trach' as const, recommendation_on: '2026-02-26',
      } : {}),
    }).returning(['id', 'version']).executeTakeFirstOrThrow();
    if (stage === 'deferred') await t.db.insertInto('insp_discipline_deferrals').values({ case_id: row.id, from_date: '2026-02-25', reason: 'illness' }).execute();
    return row;
  };

  return {
    keptCase: (unitId) => once(`case-${unitId}`, async () => (await freshCase(unitId, 'accepted')).id),
    freshCase,
    keptDiscipline: (unitId) => once(`discipline-${unitId}`, async () => (await freshDiscipline(unitId, 'recommended')).id),
    freshDiscipline,
    council: async (unitId) => [await once(`c1-${unitId}`, () => staff(unitId)), await once(`c2-${unitId}`, () => staff(unitId)), await once(`c3-${unitId}`, () => staff(unitId))],
    subject,
    ...(await inspectionPlanFixture(t, officer)),
  };
}

/**
 * Inspection plans and inspections (issue 18 scope 1), held by the relation's unit as the inspecting
 * unit; every item and inspection is of the provincial radio and television (H30.150), which no matrix
 * subject reaches, and every recommendation is addressed to the inspecting unit itself, so that the
 * rows are judged at one unit. The team is one fixture officer: no matrix subject is on it.
 */
export type InspectionPlanFixture = {
  /** An approved plan of the unit with one item (kept per unit), for the rows that only read. */
  keptPlan(unitId: number): Promise<number>;
  /** A fresh plan of the unit, draft or approved, with one item planned 1–5/6/2026. */
  freshPlan(unitId: number, status: 'draft' | 'approved'): Promise<{ id: number; version: number; itemId: number }>;
  /** An inspection of the unit in progress (kept per unit), for the rows that only read. */
  keptInspection(unitId: number): Promise<number>;
  /**
   * A fresh surprise inspection of the unit: planned (its decision taken on 25/2), in progress (started
   * 26/2, its checklist untouched and one finding), or concluded on 27/2 with one recommendation in `recStatus`.
   */
  freshInspection(unitId: number, status: 'planned' | 'in_progress' | 'concluded', recStatus?: 'open' | 'reported'): Promise<{ id: number; version: number; findingId: number; recommendation: { id: number; version: number } | null }>;
};

async function inspectionPlanFixture(t: TestApp, officer: (unitId: number) => Promise<number>): Promise<InspectionPlanFixture> {
  const target = await t.unitId('H30.150');
  const kept = new Map<string, number>();
  const once = async (key: string, make: () => Promise<number>) => {
    if (!kept.has(key)) kept.set(key, await make());
    return kept.get(key)!;
  };
  const freshPlan: InspectionPlanFixture['freshPlan'] = async (unitId, status) => {
    const approved = status === 'approved';
    const plan = await t.db.insertInto('insp_plans').values({
      inspecting_unit_id: unitId, year: 2026, title: 'Kế hoạch của ma trận quyền', status,
      ...(approved ? { decision_no: '1/QĐ-KH', decision_date: '2026-02-20', signer: 'Người ký ma trận' } : {}),
    }).returning(['id', 'version']).executeTakeFirstOrThrow();
    const item = await t.db.insertInto('insp_plan_items').values({ plan_id: plan.id, target_unit_id: target, topics: ['one_stop'], planned_from: '2026-06-01', planned_to: '2026-06-05' })
      .returning('id').executeTakeFirstOrThrow();
    return { ...plan, itemId: item.id };
  };
  const freshInspection: InspectionPlanFixture['freshInspection'] = async (unitId, status, recStatus = 'open') => {
    const started = status !== 'planned';
    const concluded = status === 'concluded';
    const row = await t.db.insertInto('insp_inspections').values({
      kind: 'surprise', inspecting_unit_id: unitId, target_unit_id: target, surprise_reason: 'Kiểm tra của ma trận quyền', topics: ['public_duty'],
      decision_no: '2/QĐ-KT', decision_date: '2026-02-25', on_site_from: '2026-02-26', on_site_to: '2026-02-27', covers_from: '2026-01-01', covers_to: '2026-02-25',
      status, ...(started ? { started_on: '2026-02-26', checklist_taken_at: new Date('2026-02-26T02:00:00Z') } : {}),
      ...(concluded ? { conclusion_no: '3/KL-KT', conclusion_date: '2026-02-27', conclusion_signer: 'Người ký ma trận', conclusion_summary: 'Kết luận của ma trận quyền' } : {}),
    }).returning(['id', 'version']).executeTakeFirstOrThrow();
    await t.db.insertInto('insp_inspection_team').values({ inspection_id: row.id, staff_id: await officer(unitId), role: 'lead' }).execute();
    let findingId = 0;
    if (started) {
      const none = { dossiers: null, steps: null, apologies: null, feedback: null, conductFeedback: null, directiveTasks: null };
      for (const r of checklistRows(none)) {
        await t.db.insertInto('insp_checklist_items').values({ inspection_id: row.id, code: r.code, position: r.position, kind: r.kind, label: JSON.stringify(r.label), source: JSON.stringify(r.source), figure: null }).execute();
      }
      const f = await t.db.insertInto('insp_findings').values({ inspection_id: row.id, kind: 'other', description: 'Vi phạm của ma trận quyền' }).returning('id').executeTakeFirstOrThrow();
      findingId = f.id;
    }
    const recommendation = concluded
      ? await t.db.insertInto('insp_recommendations').values({ inspection_id: row.id, seq: 1, text: 'Kiến nghị của ma trận quyền', responsible_unit_id: unitId, due_on: '2026-03-31', status: recStatus })
        .returning(['id', 'version']).executeTakeFirstOrThrow()
      : null;
    return { ...row, findingId, recommendation };
  };
  return {
    keptPlan: (unitId) => once(`plan-${unitId}`, async () => (await freshPlan(unitId, 'approved')).id),
    freshPlan,
    keptInspection: (unitId) => once(`inspection-${unitId}`, async () => (await freshInspection(unitId, 'in_progress')).id),
    freshInspection,
  };
}
