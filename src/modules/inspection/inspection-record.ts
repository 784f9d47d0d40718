import type { Insertable, Updateable } from 'kysely';
import type { Actor } from '../../platform/access/policy.js';
import type { Tx } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import { CHECKLIST, checklistRollup, checklistRows, refreshRows, type SourceFigures } from './checklist-rules.js';
import { invalid, notAfterToday, notBefore, requireStaff, requireUnit, todayOf, type InspectionDeps } from './inspection.context.js';
import type { InspInspectionsTable, InspRecommendationsTable } from './inspection-plans.tables.js';
import { dueFromWorkingDays, statusAfterConclusion } from './inspection-rules.js';
import * as repo from './inspections.repository.js';
import type { InspectionActionInput } from './inspections.schema.js';

export type Change = { values: Updateable<InspInspectionsTable>; details: Record<string, unknown>; note?: string | null; write?: (trx: Tx) => Promise<void> };

const NONE: SourceFigures = { dossiers: null, steps: null, apologies: null, feedback: null, conductFeedback: null, directiveTasks: null };
const findingNotFound = () => errors.notFound('vi phạm, tồn tại', 'finding', 'FINDING_NOT_FOUND');

/**
 * What an action on an inspection changes, after the checks that read the database (other modules'
 * figures included): everything here runs before the transaction, which the embedded database needs.
 * The caller has checked who may act, the state and the version.
 */
export async function inspectionChanges(deps: InspectionDeps, actor: Actor, row: repo.InspectionRow, input: InspectionActionInput): Promise<Change> {
  const { db } = deps;
  const today = todayOf(deps);
  /** The figures of the inspected unit's subtree for the period inspected, as the other modules publish them now. */
  const figures = async () => (deps.checklist ? deps.checklist({ unitId: row.target_unit_id, from: row.covers_from, to: row.covers_to }) : NONE);
  const checklistCodes = async () => new Set((await repo.checklistOf(db, row.id)).map((c) => c.code));
  const ownFinding = async (id: number) => {
    const f = (await repo.findingsOf(db, row.id)).find((x) => x.id === id);
    if (!f) throw findingNotFound();
    return f;
  };
  const checkFindingLinks = async (staffId: number | null | undefined, code: string | null | undefined) => {
    if (staffId) await requireStaff(deps, [staffId], 'staffId');
    if (code && !(await checklistCodes()).has(code)) throw invalid('checklistCode', 'Mục kiểm tra không có trong biên bản này.', 'No such checklist item in this record.');
  };

  switch (input.action) {
    case 'edit': {
      const merged = {
        onSiteFrom: input.onSiteFrom ?? row.on_site_from, onSiteTo: input.onSiteTo ?? row.on_site_to,
        coversFrom: input.coversFrom ?? row.covers_from, coversTo: input.coversTo ?? row.covers_to,
      };
      if (merged.onSiteTo < merged.onSiteFrom) throw invalid('onSiteTo', 'Ngày kết thúc trước ngày bắt đầu.', 'The period ends before it starts.');
      if (merged.coversTo < merged.coversFrom) throw invalid('coversTo', 'Ngày kết thúc trước ngày bắt đầu.', 'The period ends before it starts.');
      // The checklist's figures were taken for the period inspected: once taken, that period stays.
      if (row.status !== 'planned' && (merged.coversFrom !== row.covers_from || merged.coversTo !== row.covers_to)) {
        throw errors.conflict('COVERED_PERIOD_FIXED', 'Đã lập biên bản theo thời kỳ thanh tra, kiểm tra này; không đổi được thời kỳ.', 'The record was taken for this period.');
      }
      notAfterToday(deps, 'decisionDate', input.decisionDate);
      const values: Updateable<InspInspectionsTable> = {
        on_site_from: merged.onSiteFrom, on_site_to: merged.onSiteTo, covers_from: merged.coversFrom, covers_to: merged.coversTo,
        ...(input.decisionNo ? { decision_no: input.decisionNo, decision_date: input.decisionDate! } : {}),
        ...(input.topics ? { topics: input.topics } : {}),
      };
      const { action: _a, version: _v, ...changed } = input;
      return { values, details: { changed } };
    }
    case 'set_team':
      await requireStaff(deps, input.members.map((m) => m.staffId), 'members');
      return { values: {}, details: { members: input.members }, write: (trx) => repo.replaceTeam(trx, row.id, input.members) };
    case 'start': {
      if (!row.decision_no || !row.decision_date) throw errors.conflict('DECISION_MISSING', 'Chưa có số, ngày quyết định thanh tra, kiểm tra.', 'Record the decision first.');
      notBefore('on', input.on, row.decision_date, 'ngày quyết định');
      notAfterToday(deps, 'on', input.on);
      const rows = checklistRows(await figures()).map((r) => ({ ...r, verdict: 'not_checked', note: null }));
      return {
        values: { status: 'in_progress', started_on: input.on, checklist_taken_at: deps.now() }, details: { on: input.on },
        write: (trx) => repo.putChecklist(trx, row.id, rows),
      };
    }
    case 'refresh_checklist': {
      const kept = await repo.checklistOf(db, row.id);
      const fresh = checklistRows(await figures());
      const { rows, changed } = refreshRows(kept, fresh, new Map(kept.map((k) => [k.code, k.figure])));
      return { values: { checklist_taken_at: deps.now() }, details: { changed }, write: (trx) => repo.putChecklist(trx, row.id, rows) };
    }
    case 'set_verdicts': {
      const codes = await checklistCodes();
      const unknown = input.items.find((i) => !codes.has(i.code));
      if (unknown) throw invalid('items', `Mục ${unknown.code} không có trong biên bản này.`, `No item ${unknown.code} in this record.`);
      return {
        values: {}, details: { verdicts: input.items.map((i) => ({ code: i.code, verdict: i.verdict })) },
        write: async (trx) => { for (const i of input.items) await repo.setVerdict(trx, row.id, i.code, i.verdict, i.note === undefined ? undefined : i.note || null); },
      };
    }
    case 'add_finding':
      await checkFindingLinks(input.staffId, input.checklistCode);
      return {
        values: {}, details: { kind: input.kind, checklistCode: input.checklistCode ?? null, staffId: input.staffId ?? null },
        write: (trx) => repo.insertFinding(trx, {
          inspection_id: row.id, kind: input.kind, description: input.description, staff_id: input.staffId ?? null, checklist_code: input.checklistCode ?? null, created_by_staff_id: actor.staffId,
        }),
      };
    case 'update_finding': {
      const f = await ownFinding(input.findingId);
      await checkFindingLinks(input.staffId, input.checklistCode);
      const values = {
        ...(input.kind ? { kind: input.kind } : {}), ...(input.description ? { description: input.description } : {}),
        ...(input.staffId !== undefined ? { staff_id: input.staffId } : {}), ...(input.checklistCode !== undefined ? { checklist_code: input.checklistCode } : {}),
      };
      if (Object.keys(values).length === 0) throw errors.badRequest('Không có gì thay đổi.', 'Nothing changes.');
      return { values: {}, details: { findingId: f.id, before: { kind: f.kind, staffId: f.staff_id, checklistCode: f.checklist_code } }, write: (trx) => repo.updateFinding(trx, f.id, values) };
    }
    case 'remove_finding': {
      const f = await ownFinding(input.findingId);
      return { values: {}, details: { findingId: f.id, kind: f.kind }, write: (trx) => repo.deleteFinding(trx, f.id) };
    }
    case 'conclude': {
      notBefore('conclusionDate', input.conclusionDate, row.started_on, 'ngày bắt đầu làm việc tại đơn vị');
      notAfterToday(deps, 'conclusionDate', input.conclusionDate);
      const rollup = checklistRollup(await repo.checklistOf(db, row.id), (await repo.findingsOf(db, row.id)).map((f) => ({ checklistCode: f.checklist_code })));
      if (rollup.findingItemsWithoutRecord.length) {
        const labels = rollup.findingItemsWithoutRecord.map((c) => CHECKLIST.find((d) => d.code === c)?.label.vi ?? c);
        throw errors.conflict('CHECKLIST_FINDING_UNRECORDED', `Mục đánh giá có vi phạm nhưng chưa ghi nhận nội dung vi phạm: ${labels.join('; ')}.`,
          `Items marked as findings with no finding recorded: ${rollup.findingItemsWithoutRecord.join(', ')}.`, { codes: rollup.findingItemsWithoutRecord });
      }
      const isWorking = await deps.workingDays();
      const recs: Insertable<InspRecommendationsTable>[] = [];
      for (const [i, r] of input.recommendations.entries()) {
        const unitId = r.responsibleUnitId ?? row.target_unit_id;
        if (r.responsibleUnitId) await requireUnit(deps, unitId, `recommendations.${i}.responsibleUnitId`);
        const dueOn = r.dueOn ?? dueFromWorkingDays(input.conclusionDate, r.dueWorkingDays!, isWorking);
        if (dueOn < input.conclusionDate) throw invalid(`recommendations.${i}.dueOn`, 'Hạn thực hiện không trước ngày kết luận.', 'The deadline is before the conclusion.');
        recs.push({ inspection_id: row.id, seq: i + 1, text: r.text, responsible_unit_id: unitId, due_on: dueOn, due_working_days: r.dueWorkingDays ?? null });
      }
      const status = statusAfterConclusion(recs.length);
      return {
        values: {
          status, conclusion_no: input.conclusionNo, conclusion_date: input.conclusionDate, conclusion_signer: input.signer ?? actor.fullName,
          conclusion_summary: input.summary, concluded_by_staff_id: actor.staffId, closed_on: status === 'closed' ? input.conclusionDate : null,
        },
        details: { conclusionNo: input.conclusionNo, conclusionDate: input.conclusionDate, recommendations: recs.length, findingItems: rollup.finding },
        write: (trx) => repo.insertRecommendations(trx, recs),
      };
    }
    case 'cancel':
      return { values: { status: 'cancelled', cancelled_reason: input.reason }, details: {}, note: input.reason };
  }
}
