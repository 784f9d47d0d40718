import type { Updateable } from 'kysely';
import { authorize, can, reachable, type Actor } from '../../platform/access/policy.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { allowedCaseActions, CASE_ACTION_PERMISSION, caseRefusal, extensionRefusal, extensionsFit, FIRST_RULE_DAY, identityProtected } from './case-rules.js';
import { checkFeedbackSource, draftFromFeedback } from './case-from-feedback.js';
import { caseDetail, caseSummary, factsOf, partyView } from './case-view.js';
import * as repo from './cases.repository.js';
import {
  actorOf, caseNotFound, invalid, loadNames, notAfterToday, notBefore, requireStaff, requireUnit, todayOf, type InspectionDeps,
} from './inspection.context.js';
import type { CaseKind, InspCasesTable } from './inspection.tables.js';
import type { CaseActionInput, CaseCreateInput } from './schema.js';

/**
 * Complaints and denunciations (issue 18 scope 2): receipt and classification, acceptance or refusal,
 * verification by a team, extensions, the decision or conclusion and its publication. Each change is
 * one transaction with its event and audit row, under the case's version. Reads of other modules (org
 * names, the calendar) happen before the transaction: the embedded database has one connection.
 */
export function createCasesService(deps: InspectionDeps) {
  const { db } = deps;

  /** The case if the caller reads it: complaint.read at the handling unit, and not a case about the caller unless on its team. */
  async function load(actor: Actor, id: number) {
    const row = await repo.findCase(db, id);
    if (!row || !can(actor, 'complaint.read', row.handling_unit_id)) throw caseNotFound();
    const team = await repo.teamOf(db, id);
    const onTeam = team.some((m) => m.staffId === actor.staffId);
    if (row.subject_staff_id === actor.staffId && !onTeam) throw caseNotFound();
    return { row, team, onTeam };
  }

  function checkRuleDay(kind: CaseKind, receivedOn: string, path: string): void {
    if (kind === 'not_eligible') return;
    const first = FIRST_RULE_DAY[kind];
    if (receivedOn < first) throw invalid(path, `Ngày tiếp nhận trước ngày luật áp dụng (${first.split('-').reverse().join('/')}); hệ thống không tính thời hạn cho đơn này.`, `Received before the law in force from ${first}.`);
  }

  async function get(ctx: RequestContext, id: number) {
    const actor = actorOf(ctx);
    const { row, team, onTeam } = await load(actor, id);
    const protectedIdentity = identityProtected(row.kind);
    const partyRow = !protectedIdentity || onTeam ? await repo.partyOf(db, id) : undefined;
    const events = await repo.eventsOf(db, id);
    // Discipline cases opened from this one: their ids only (their files are discipline.read's business).
    const disciplineCaseIds = (await db.selectFrom('insp_discipline_cases').select('id').where('source_case_id', '=', id).orderBy('id').execute()).map((r) => r.id);
    const names = await loadNames(deps, [row.subject_staff_id, ...team.map((m) => m.staffId)]);
    const may = (p: Parameters<typeof can>[1]) => can(actor, p, row.handling_unit_id);
    return { ...caseDetail(row, {
      names, team, onTeam, events, identityProtected: protectedIdentity,
      party: partyRow ? partyView(partyRow, (s) => deps.keys.openText(s)) : null,
      allowedActions: allowedCaseActions(row.status, row.kind, may, row.published),
      isWorking: await deps.workingDays(), today: todayOf(deps),
    }), disciplineCaseIds };
  }

  /** The row changes an action makes, after the checks that need the case's dates; throws the refusal. */
  async function changes(row: repo.CaseRow, input: CaseActionInput): Promise<{ values: Updateable<InspCasesTable>; details: Record<string, unknown>; note: string | null }> {
    const today = todayOf(deps);
    switch (input.action) {
      case 'classify': {
        const values: Updateable<InspCasesTable> = {};
        if (input.kind && input.kind !== row.kind) {
          if (row.status !== 'received') throw errors.conflict('CASE_STATE', 'Chỉ phân loại lại đơn chưa thụ lý.', 'Only a case not yet accepted may change kind.');
          checkRuleDay(input.kind, row.received_on, 'kind');
          values.kind = input.kind;
          if (input.kind === 'not_eligible') {
            if (input.reason.length < 3) throw invalid('reason', 'Đơn không đủ điều kiện xử lý cần nêu lý do.', 'Give the reason.');
            Object.assign(values, { status: 'refused', refused_on: today, refusal_reason: input.reason });
          }
        }
        if (input.complexity && input.complexity !== row.complexity) {
          values.complexity = input.complexity;
          if (!extensionsFit({ acceptedOn: row.accepted_on, complexity: input.complexity, extensions: row.extension_days })) {
            throw errors.conflict('EXTENSION_NOT_ALLOWED', 'Các lần gia hạn đã quyết định vượt quá mức độ phức tạp mới.', 'The extensions already decided exceed the new complexity.');
          }
        }
        if (input.remoteArea !== undefined && input.remoteArea !== row.remote_area) values.remote_area = input.remoteArea;
        if (input.severalPlaces !== undefined && input.severalPlaces !== row.several_places) values.several_places = input.severalPlaces;
        if (Object.keys(values).length === 0) throw errors.badRequest('Không có gì thay đổi trong phân loại.', 'Nothing changes.');
        return { values, details: { before: { kind: row.kind, complexity: row.complexity, remoteArea: row.remote_area, severalPlaces: row.several_places }, after: values }, note: input.reason || null };
      }
      case 'accept':
        if (row.kind === 'not_eligible') throw errors.conflict('CASE_STATE', 'Đơn không đủ điều kiện xử lý không được thụ lý; hãy phân loại lại.', 'Reclassify the case first.');
        notBefore('on', input.on, row.received_on, 'ngày tiếp nhận');
        notAfterToday(deps, 'on', input.on);
        return { values: { status: 'accepted', accepted_on: input.on }, details: { on: input.on }, note: null };
      case 'refuse':
        notBefore('on', input.on, row.received_on, 'ngày tiếp nhận');
        notAfterToday(deps, 'on', input.on);
        return { values: { status: 'refused', refused_on: input.on, refusal_reason: input.reason }, details: { on: input.on }, note: input.reason };
      case 'start_verification':
        return { values: { status: 'verifying' }, details: {}, note: input.note || null };
      case 'extend': {
        if (row.kind !== 'denunciation') throw errors.conflict('NO_EXTENSION', 'Luật Khiếu nại không quy định gia hạn; vụ việc phức tạp áp dụng thời hạn dài hơn (phân loại lại mức độ phức tạp).', 'Complaints have no extension; mark the case complex.');
        notBefore('decidedOn', input.decidedOn, row.accepted_on, 'ngày thụ lý');
        notAfterToday(deps, 'decidedOn', input.decidedOn);
        const refused = extensionRefusal(factsOf(row), input.days);
        if (refused) throw errors.conflict('EXTENSION_NOT_ALLOWED', refused.vi, refused.en);
        return { values: { extension_days: [...row.extension_days, input.days] }, details: { days: input.days, decisionNo: input.decisionNo, decidedOn: input.decidedOn }, note: null };
      }
      case 'conclude':
        notBefore('decisionDate', input.decisionDate, row.accepted_on, 'ngày thụ lý');
        notAfterToday(deps, 'decisionDate', input.decisionDate);
        return {
          values: { status: 'concluded', outcome: input.outcome, conclusion: input.conclusion, concluded_on: input.decisionDate, decision_no: input.decisionNo, decision_date: input.decisionDate },
          details: { outcome: input.outcome, decisionNo: input.decisionNo, decisionDate: input.decisionDate }, note: null,
        };
      case 'publish':
        if (row.published) throw errors.conflict('CASE_STATE', 'Kết quả đã được công khai.', 'Already published.');
        notBefore('on', input.on, row.decision_date, 'ngày ban hành');
        notAfterToday(deps, 'on', input.on);
        return { values: { published: true, published_on: input.on }, details: { on: input.on }, note: null };
      case 'set_team':
        await requireStaff(deps, input.members.map((m) => m.staffId), 'members');
        return { values: {}, details: { members: input.members }, note: null };
    }
  }

  return {
    get,
    draftFromFeedback: (ctx: RequestContext, code: string) => draftFromFeedback(deps, ctx, code),

    async receive(ctx: RequestContext, input: CaseCreateInput) {
      const actor = actorOf(ctx);
      authorize(actor, 'complaint.handle', input.handlingUnitId, 'complaint.read', () => errors.notFound('đơn vị', 'unit'));
      await requireUnit(deps, input.handlingUnitId, 'handlingUnitId');
      await requireUnit(deps, input.subjectUnitId, 'subjectUnitId');
      if (input.subjectStaffId) await requireStaff(deps, [input.subjectStaffId], 'subjectStaffId');
      notAfterToday(deps, 'receivedOn', input.receivedOn);
      checkRuleDay(input.kind, input.receivedOn, 'receivedOn');
      // A case from feedback names its item, which the caller must see: its code becomes the case's source.
      const fromFeedback = input.feedbackId ? await checkFeedbackSource(deps, ctx, input.feedbackId, input.handlingUnitId) : null;
      if (fromFeedback) Object.assign(input, { channel: 'feedback', sourceRef: fromFeedback });
      if (input.learnedOn && input.learnedOn > input.receivedOn) throw invalid('learnedOn', 'Ngày biết được quyết định, hành vi không sau ngày nhận đơn.', 'Learned after the petition was received.');
      const at = deps.now();
      const notEligible = input.kind === 'not_eligible';
      const id = await inTransaction(db, async (trx) => {
        const caseId = await repo.insertCase(trx, {
          kind: input.kind, handling_unit_id: input.handlingUnitId, received_on: input.receivedOn, channel: input.channel, source_ref: input.sourceRef || null,
          subject_unit_id: input.subjectUnitId, subject_staff_id: input.subjectStaffId ?? null, summary: input.summary, learned_on: input.learnedOn ?? null,
          remote_area: input.remoteArea, complexity: input.complexity, several_places: input.severalPlaces, created_by_staff_id: actor.staffId,
          ...(notEligible ? { status: 'refused' as const, refused_on: input.receivedOn, refusal_reason: input.notEligibleReason! } : {}),
        });
        const p = input.party;
        await repo.insertParty(trx, { case_id: caseId, full_name: p.fullName, id_number_sealed: p.idNumber ? deps.keys.sealText(p.idNumber) : null, address: p.address || null, phone: p.phone || null, email: p.email || null });
        // Whoever receives the petition has read it, so they start as the team's lead; the head may change the team.
        await repo.replaceTeam(trx, caseId, [{ staffId: actor.staffId, role: 'lead' }], at);
        await repo.addEvent(trx, { caseId, at, action: 'received', actorStaffId: actor.staffId, actorName: actor.fullName, note: notEligible ? input.notEligibleReason : null, details: { kind: input.kind, channel: input.channel, sourceRef: input.sourceRef ?? null, feedback: fromFeedback } });
        // The audit row names the case, never the petitioner: auditors read it without being on the team.
        await recordAudit(trx, ctx, { action: 'inspection.case_received', entity: 'insp_case', entityId: caseId, unitId: input.handlingUnitId, after: { kind: input.kind, channel: input.channel, receivedOn: input.receivedOn } });
        return caseId;
      });
      return get(ctx, id);
    },

    async list(ctx: RequestContext, q: { status?: string; kind?: string; unitId?: number; cursor?: number; limit: number }) {
      const actor = actorOf(ctx);
      const rows = await repo.listCases(db, { units: reachable(actor, 'complaint.read'), staffId: actor.staffId, ...q });
      const names = await loadNames(deps, rows.map((r) => r.subject_staff_id));
      const isWorking = await deps.workingDays();
      const today = todayOf(deps);
      return { cases: rows.map((r) => caseSummary(r, names, isWorking, today)), nextCursor: rows.length === q.limit ? rows[rows.length - 1]!.id : null };
    },

    async act(ctx: RequestContext, id: number, input: CaseActionInput) {
      const actor = actorOf(ctx);
      const { row } = await load(actor, id);
      if (!can(actor, CASE_ACTION_PERMISSION[input.action], row.handling_unit_id)) throw errors.forbidden();
      const refused = caseRefusal(row.status, input.action);
      if (refused) throw errors.conflict('CASE_STATE', refused.vi, refused.en);
      if (input.version !== row.version) throw errors.stale();
      const { values, details, note } = await changes(row, input);
      const at = deps.now();
      await inTransaction(db, async (trx) => {
        if (!(await repo.updateCase(trx, id, input.version, values, at))) throw errors.stale();
        if (input.action === 'set_team') await repo.replaceTeam(trx, id, input.members, at);
        await repo.addEvent(trx, { caseId: id, at, action: input.action, actorStaffId: actor.staffId, actorName: actor.fullName, note, details });
        await recordAudit(trx, ctx, {
          action: `inspection.case_${input.action as 'classify' | 'accept' | 'refuse' | 'start_verification' | 'extend' | 'conclude' | 'publish' | 'set_team'}`,
          entity: 'insp_case', entityId: id, unitId: row.handling_unit_id, before: { status: row.status }, after: { status: values.status ?? row.status },
        });
      });
      return get(ctx, id);
    },
  };
}
export type CasesService = ReturnType<typeof createCasesService>;
