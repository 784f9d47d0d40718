import type { Updateable } from 'kysely';
import { authorize, can, reachable, type Actor, type Permission } from '../../platform/access/policy.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import {
  councilErrors, decisionValidity, DISCIPLINE_ACTION_PERMISSION, excludedIntervals, FORM_VI, limitationFacts, STEP_AFTER, STEP_COLUMN, stepDay, stepRefusal,
  type DisciplineAction, type DisciplineRow,
} from './discipline-rules.js';
import { deferralsAsIntervals, disciplineDetail, disciplineSummary, laterEffectiveOn, priorInForce } from './discipline-view.js';
import * as repo from './discipline.repository.js';
import * as casesRepo from './cases.repository.js';
import { actorOf, disciplineNotFound, invalid, loadNames, notAfterToday, notBefore, requireStaff, requireUnit, todayOf, type InspectionDeps } from './inspection.context.js';
import type { InspDisciplineCasesTable } from './inspection.tables.js';
import { councilProblems, DISCIPLINE_RULES, formsFor, limitationEnd, withinLimitation, type Form } from './rules/discipline.js';
import type { DisciplineActionInput, DisciplineCreateInput } from './schema.js';

const FIRST_RULE_DAY = DISCIPLINE_RULES[0]!.effectiveFrom;
const vnDate = (d: string) => d.split('-').reverse().join('/');

/**
 * Discipline cases (issue 18 scope 3, Decree 172/2025): opened by HR or the head of the disciplining
 * authority's unit, through the notice, review meeting and report, the council (three members, no
 * relative, nobody involved) and its secret ballot, the recommendation and the decision, with deferrals
 * that stop the clocks. Each change is one transaction with its event and audit row under the version.
 */
export function createDisciplineService(deps: InspectionDeps) {
  const { db } = deps;

  /** Readable with discipline.read at the case's unit, or by the person under discipline. */
  async function load(actor: Actor, id: number) {
    const row = await repo.findCase(db, id);
    if (!row) throw disciplineNotFound();
    const reader = can(actor, 'discipline.read', row.unit_id);
    const subject = row.subject_staff_id === actor.staffId;
    if (!reader && !subject) throw disciplineNotFound();
    return { row, reader, subject };
  }

  async function get(ctx: RequestContext, id: number) {
    const actor = actorOf(ctx);
    const { row, subject } = await load(actor, id);
    const deferrals = await repo.deferralsOf(db, [id]);
    const council = await repo.councilOf(db, id);
    const events = await repo.eventsOf(db, id);
    const decided = await repo.decidedOf(db, row.subject_staff_id);
    const names = await loadNames(deps, [row.subject_staff_id, ...council.map((m) => m.staffId)]);
    const deferred = deferrals.some((x) => x.to_date === null);
    const may = (p: Permission) => !subject && can(actor, p, row.unit_id);
    // While deferred nothing moves but the end of the deferral (or closing the case).
    const possible: DisciplineAction[] = row.status !== 'open' ? [] : deferred ? ['resume', 'close']
      : ['record_step', 'defer', 'set_council', 'record_ballot', 'decide', 'close'];
    const allowed = possible.filter((a) => may(DISCIPLINE_ACTION_PERMISSION[a]));
    return disciplineDetail(row, {
      names, deferrals, decided, council, events, deliberations: !subject, standing: subject ? 'subject' : 'reader', allowedActions: allowed,
      isWorking: await deps.workingDays(), today: todayOf(deps),
    });
  }

  /** The row changes an action makes; throws the refusal. Reads here use the pool: this runs before the transaction. */
  async function changes(row: DisciplineRow, input: DisciplineActionInput, openDeferral: boolean): Promise<{ values: Updateable<InspDisciplineCasesTable>; details: Record<string, unknown>; note: string | null }> {
    const today = todayOf(deps);
    if (openDeferral && input.action !== 'resume' && input.action !== 'close') {
      throw errors.conflict('CASE_DEFERRED', 'Vụ việc đang tạm hoãn xem xét kỷ luật; hãy ghi nhận ngày kết thúc tạm hoãn trước.', 'The case is deferred.');
    }
    switch (input.action) {
      case 'record_step': {
        const refused = stepRefusal(row, input.step);
        if (refused) throw errors.conflict(refused.code, refused.vi, refused.en);
        const before = STEP_AFTER[input.step].step;
        notBefore('on', input.on, before ? stepDay(row, before) : row.discovered_on, before ? `bước ${STEP_AFTER[before].vi}` : 'ngày phát hiện');
        notAfterToday(deps, 'on', input.on);
        if (input.step === 'notice') {
          // No discipline once the limitation has run out (art. 5(1)): the notice is the act it runs to.
          const excluded = excludedIntervals(deferralsAsIntervals(await repo.deferralsOf(db, [row.id])), today);
          const isWorking = await deps.workingDays();
          if (!withinLimitation(input.on, limitationFacts(row, excluded), isWorking)) {
            const end = limitationEnd(limitationFacts(row, excluded), isWorking)!;
            throw errors.conflict('LIMITATION_EXPIRED', `Đã hết thời hiệu xử lý kỷ luật (hết ngày ${vnDate(end)}); không thể thông báo xem xét kỷ luật.`, `The limitation ended on ${end}.`);
          }
        }
        if (input.step === 'recommendation' && (!row.ballot || row.ballot.yes <= row.ballot.no)) {
          throw errors.conflict('NO_BALLOT', 'Chưa có kết quả bỏ phiếu kín đề nghị kỷ luật; nếu hội đồng không đề nghị kỷ luật, hãy kết thúc vụ việc.', 'No ballot in favour of discipline.');
        }
        return { values: { [STEP_COLUMN[input.step]]: input.on }, details: { step: input.step, on: input.on }, note: null };
      }
      case 'defer': {
        notBefore('from', input.from, row.discovered_on, 'ngày phát hiện');
        notAfterToday(deps, 'from', input.from);
        notAfterToday(deps, 'to', input.to);
        const existing = await repo.deferralsOf(db, [row.id]);
        if (existing.some((x) => input.from <= (x.to_date ?? '9999-12-31') && (input.to ?? '9999-12-31') >= x.from_date)) {
          throw invalid('from', 'Khoảng tạm hoãn trùng với một khoảng đã ghi nhận.', 'Overlaps a recorded deferral.');
        }
        return { values: {}, details: { from: input.from, to: input.to ?? null, reason: input.reason }, note: input.note || null };
      }
      case 'resume': {
        const current = (await repo.deferralsOf(db, [row.id])).find((x) => x.to_date === null);
        if (!current) throw errors.conflict('NOT_DEFERRED', 'Vụ việc không đang tạm hoãn.', 'The case is not deferred.');
        notBefore('lastDeferredDay', input.lastDeferredDay, current.from_date, 'ngày bắt đầu tạm hoãn');
        notAfterToday(deps, 'lastDeferredDay', input.lastDeferredDay);
        return { values: {}, details: { from: current.from_date, to: input.lastDeferredDay }, note: null };
      }
      case 'set_council': {
        const refused = stepRefusal(row, 'council_set_up');
        if (refused) throw errors.conflict(refused.code, refused.vi, refused.en);
        notBefore('on', input.on, row.review_report_on, 'ngày báo cáo kết quả kiểm điểm');
        notAfterToday(deps, 'on', input.on);
        await requireStaff(deps, input.members.map((m) => m.staffId), 'members');
        const problems = councilProblems(input.members.map((m) => ({ personId: String(m.staffId), role: m.role })), {
          personId: String(row.subject_staff_id), relatives: input.relatives.map((r) => ({ personId: String(r.staffId), kind: r.kind })), involved: input.involved.map(String),
        });
        if (problems.length) throw errors.validation(councilErrors(problems));
        // The relations declared are the basis of the check: kept in the event, where a reviewer finds them.
        return { values: { council_set_up_on: input.on }, details: { members: input.members, relatives: input.relatives, involved: input.involved }, note: null };
      }
      case 'record_ballot': {
        if (!row.council_meeting_on) throw errors.conflict('STEP_ORDER', 'Chưa ghi nhận ngày họp hội đồng kỷ luật.', 'Record the council meeting first.');
        if (row.ballot) throw errors.conflict('BALLOT_RECORDED', 'Đã ghi nhận kết quả bỏ phiếu.', 'The ballot is recorded.');
        // Art. 18(2)(a): the council meets only with its three members, so every ballot counts three votes.
        if (input.yes + input.no !== 3) throw invalid('yes', 'Tổng số phiếu phải bằng 3 (hội đồng họp đủ 3 thành viên).', 'Three votes in all.');
        const counts = Object.entries(input.forms).filter(([, n]) => (n ?? 0) > 0) as [Form, number][];
        const allowed = formsFor(row.person_kind, row.holds_post);
        if (input.yes > input.no) {
          if (counts.some(([f]) => !allowed.includes(f))) throw invalid('forms', 'Có hình thức kỷ luật không áp dụng cho người này.', 'A form does not apply to this person.');
          if (counts.reduce((a, [, n]) => a + n, 0) !== 3) throw invalid('forms', 'Tổng số phiếu về hình thức kỷ luật phải bằng 3.', 'Three votes on the form.');
          const top = Math.max(...counts.map(([, n]) => n));
          if (!input.recommendedForm || (input.forms[input.recommendedForm] ?? 0) !== top) throw invalid('recommendedForm', 'Hình thức đề nghị phải là hình thức có nhiều phiếu nhất.', 'The recommended form has the most votes.');
        } else if (counts.length || input.recommendedForm) {
          throw invalid('forms', 'Đa số không đồng ý kỷ luật: không bỏ phiếu về hình thức.', 'No form when the majority votes against discipline.');
        }
        const ballot = { present: 3, yes: input.yes, no: input.no, forms: Object.fromEntries(counts) };
        // The counts and minutes stay on the case row; the event says only that the ballot was held.
        return { values: { ballot: JSON.stringify(ballot), council_minutes: input.minutes, recommended_form: input.yes > input.no ? input.recommendedForm! : null }, details: {}, note: null };
      }
      case 'decide': {
        if (!row.notice_on) throw errors.conflict('NOTICE_MISSING', 'Chưa có thông báo bằng văn bản về việc xem xét xử lý kỷ luật.', 'No written notice yet.');
        if (!input.shortcut && !(row.recommendation_on && row.recommended_form)) {
          throw errors.conflict('NO_RECOMMENDATION', 'Chưa có kiến nghị của hội đồng kỷ luật (hoặc nêu căn cứ không qua hội đồng).', 'No council recommendation.');
        }
        notBefore('decisionDate', input.decisionDate, input.shortcut ? row.notice_on : row.recommendation_on, input.shortcut ? 'ngày thông báo' : 'ngày kiến nghị');
        notAfterToday(deps, 'decisionDate', input.decisionDate);
        if (!formsFor(row.person_kind, row.holds_post).includes(input.form)) throw invalid('form', `Hình thức ${FORM_VI[input.form]} không áp dụng cho người này.`, 'That form does not apply.');
        const prior = priorInForce(row, await repo.decidedOf(db, row.subject_staff_id), await deps.workingDays());
        if (prior?.minimumForm) {
          const ladder = formsFor(row.person_kind, row.holds_post);
          if (ladder.indexOf(input.form) < ladder.indexOf(prior.minimumForm)) {
            throw invalid('form', `Vi phạm trong thời gian chấp hành kỷ luật ${FORM_VI[prior.form]}: áp dụng hình thức cao hơn một mức, ít nhất ${FORM_VI[prior.minimumForm]} (điều 2 khoản 3).`, 'One level above the decision in force.');
          }
        }
        return {
          values: { status: 'decided', decision_form: input.form, decision_no: input.decisionNo, decision_date: input.decisionDate, effective_on: input.effectiveOn, party_decision_effective_on: input.partyDecisionEffectiveOn ?? null },
          details: { form: input.form, decisionNo: input.decisionNo, decisionDate: input.decisionDate, effectiveOn: input.effectiveOn, shortcut: input.shortcut ?? null }, note: null,
        };
      }
      case 'close':
        return { values: { status: 'closed', closed_on: today, closed_reason: input.reason }, details: {}, note: input.reason };
    }
  }

  /**
   * A source case is a concluded denunciation or complaint found (partly) true about this very person,
   * which the caller reads or which was about a unit of the disciplining agency (the conclusion is sent
   * to the employing agency). Anything else is refused as if it did not exist.
   */
  async function checkSource(actor: Actor, sourceId: number, subjectStaffId: number, subtree: number[]): Promise<void> {
    const src = await casesRepo.findCase(db, sourceId);
    const reads = !!src && (can(actor, 'complaint.read', src.handling_unit_id) || subtree.includes(src.subject_unit_id));
    if (!src || !reads) throw invalid('sourceCaseId', 'Không tìm thấy vụ việc khiếu nại, tố cáo này.', 'No such case.');
    if (src.status !== 'concluded' || (src.outcome !== 'founded' && src.outcome !== 'partly_founded')) {
      throw invalid('sourceCaseId', 'Chỉ lập hồ sơ kỷ luật từ vụ việc đã kết luận tố cáo, khiếu nại là đúng hoặc đúng một phần.', 'The case is not concluded as founded.');
    }
    if (src.subject_staff_id !== subjectStaffId) throw invalid('sourceCaseId', 'Vụ việc này không phải về người bị xem xét kỷ luật.', 'The case is about someone else.');
  }

  return {
    get,

    async open(ctx: RequestContext, input: DisciplineCreateInput) {
      const actor = actorOf(ctx);
      authorize(actor, 'discipline.manage', input.unitId, 'discipline.read', () => errors.notFound('đơn vị', 'unit'));
      await requireUnit(deps, input.unitId, 'unitId');
      const subject = (await requireStaff(deps, [input.subjectStaffId], 'subjectStaffId')).get(input.subjectStaffId)!;
      const subtree = (await deps.org.subtrees([input.unitId])).get(input.unitId) ?? [input.unitId];
      if (!subtree.includes(subject.unitId)) throw invalid('subjectStaffId', 'Người bị xem xét kỷ luật không công tác tại đơn vị này.', 'The person does not work at this unit.');
      if (subject.id === actor.staffId) throw invalid('subjectStaffId', 'Không tự lập hồ sơ xem xét kỷ luật của chính mình.', 'Not your own case.');
      if (input.discoveredOn < FIRST_RULE_DAY) throw invalid('discoveredOn', `Nghị định 172/2025/NĐ-CP áp dụng cho vụ việc phát hiện từ ${vnDate(FIRST_RULE_DAY)}.`, `Decree 172 applies from ${FIRST_RULE_DAY}.`);
      for (const [path, day] of [['discoveredOn', input.discoveredOn], ['offenceEndedOn', input.offenceEndedOn], ['offenceConcludedOn', input.offenceConcludedOn], ...input.laterOffences.map((l) => ['laterOffences', l])] as [string, string | undefined][]) notAfterToday(deps, path, day);
      if (input.offenceEndedOn && input.offenceEndedOn > input.discoveredOn) throw invalid('offenceEndedOn', 'Hành vi vi phạm không thể chấm dứt sau ngày phát hiện.', 'The offence ended after its discovery.');
      if (input.sourceCaseId) await checkSource(actor, input.sourceCaseId, input.subjectStaffId, subtree);
      const at = deps.now();
      const id = await inTransaction(db, async (trx) => {
        const caseId = await repo.insertCase(trx, {
          unit_id: input.unitId, subject_staff_id: input.subjectStaffId, person_kind: input.personKind, holds_post: input.holdsPost, offence_summary: input.offenceSummary,
          offence_ended_on: input.offenceEndedOn ?? null, offence_concluded_on: input.offenceConcludedOn ?? null, later_offences: [...input.laterOffences].sort(),
          limitation_class: input.limitationClass, discovered_on: input.discoveredOn, complex: input.complex, created_by_staff_id: actor.staffId,
          source_case_id: input.sourceCaseId ?? null,
        });
        await repo.addEvent(trx, { caseId, at, action: 'opened', actorStaffId: actor.staffId, actorName: actor.fullName, details: { discoveredOn: input.discoveredOn, limitationClass: input.limitationClass, sourceCaseId: input.sourceCaseId ?? null } });
        await recordAudit(trx, ctx, { action: 'inspection.discipline_opened', entity: 'insp_discipline_case', entityId: caseId, unitId: input.unitId, after: { subjectStaffId: input.subjectStaffId, discoveredOn: input.discoveredOn } });
        return caseId;
      });
      return get(ctx, id);
    },

    async list(ctx: RequestContext, q: { status?: string; unitId?: number; cursor?: number; limit: number }) {
      const actor = actorOf(ctx);
      const rows = await repo.listCases(db, { units: reachable(actor, 'discipline.read'), staffId: actor.staffId, ...q });
      const [names, deferrals] = [await loadNames(deps, rows.map((r) => r.subject_staff_id)), await repo.deferralsOf(db, rows.map((r) => r.id))];
      const decided = await repo.decidedFor(db, [...new Set(rows.map((r) => r.subject_staff_id))], '2100-12-31');
      const isWorking = await deps.workingDays();
      const today = todayOf(deps);
      return { cases: rows.map((r) => disciplineSummary(r, { names, deferrals, decided: decided.filter((o) => o.subject_staff_id === r.subject_staff_id), isWorking, today })), nextCursor: rows.length === q.limit ? rows[rows.length - 1]!.id : null };
    },

    async act(ctx: RequestContext, id: number, input: DisciplineActionInput) {
      const actor = actorOf(ctx);
      const { row, subject } = await load(actor, id);
      // The person under discipline takes no step in their own case, whatever their role.
      if (subject || !can(actor, DISCIPLINE_ACTION_PERMISSION[input.action], row.unit_id)) throw errors.forbidden();
      if (row.status !== 'open') throw errors.conflict('CASE_STATE', 'Vụ việc đã có quyết định hoặc đã kết thúc.', 'The case is decided or closed.');
      if (input.version !== row.version) throw errors.stale();
      const openDeferral = (await repo.deferralsOf(db, [id])).some((x) => x.to_date === null);
      if (input.action === 'defer' && openDeferral) throw errors.conflict('CASE_DEFERRED', 'Vụ việc đang tạm hoãn.', 'Already deferred.');
      const { values, details, note } = await changes(row, input, openDeferral);
      const at = deps.now();
      await inTransaction(db, async (trx) => {
        if (!(await repo.updateCase(trx, id, input.version, values, at))) throw errors.stale();
        if (input.action === 'defer') await repo.insertDeferral(trx, { case_id: id, from_date: input.from, to_date: input.to ?? null, reason: input.reason, note: input.note || null });
        if (input.action === 'resume') await repo.closeDeferral(trx, id, input.lastDeferredDay);
        if (input.action === 'set_council') await repo.setCouncil(trx, id, input.members);
        await repo.addEvent(trx, { caseId: id, at, action: input.action, actorStaffId: actor.staffId, actorName: actor.fullName, note, details });
        await recordAudit(trx, ctx, {
          action: `inspection.discipline_${input.action as 'record_step' | 'defer' | 'resume' | 'set_council' | 'record_ballot' | 'decide' | 'close'}`,
          entity: 'insp_discipline_case', entityId: id, unitId: row.unit_id, before: { status: row.status }, after: { status: values.status ?? row.status, ...('step' in input ? { step: input.step } : {}) },
        });
      });
      return get(ctx, id);
    },

    /**
     * The flags other modules read (Law 80 art. 38: no appointment, promotion, transfer or training while a
     * discipline decision is in force): for each person, the decision in force on `day`, if any.
     */
    async inForceFor(staffIds: number[], day: string) {
      const decided = await repo.decidedFor(db, staffIds, day);
      const isWorking = await deps.workingDays();
      const out = new Map<number, { caseId: number; form: Form; effectiveOn: string; lapsesOn: string }>();
      for (const row of decided) {
        const v = decisionValidity(row, laterEffectiveOn(row, decided.filter((o) => o.subject_staff_id === row.subject_staff_id)), isWorking, day);
        if (v?.inForce) out.set(row.subject_staff_id, { caseId: row.id, form: row.decision_form!, effectiveOn: row.effective_on!, lapsesOn: v.lapsesOn });
      }
      return out;
    },

    /**
     * What blocks a movement of this person on `day` (Law 80/2025 art. 38): a decision in force, or a case
     * under review (opened, neither decided nor closed). Read by the personnel module; null when nothing does.
     */
    async blockingOn(staffId: number, day: string): Promise<{ kind: 'in_force'; caseId: number; form: Form; formName: string; lapsesOn: string } | { kind: 'under_review'; caseId: number } | null> {
      const inForce = (await this.inForceFor([staffId], day)).get(staffId);
      if (inForce) return { kind: 'in_force', caseId: inForce.caseId, form: inForce.form, formName: FORM_VI[inForce.form], lapsesOn: inForce.lapsesOn };
      const open = await db.selectFrom('insp_discipline_cases').select('id').where('subject_staff_id', '=', staffId).where('status', '=', 'open')
        .where('discovered_on', '<=', day).orderBy('id').executeTakeFirst();
      return open ? { kind: 'under_review', caseId: open.id } : null;
    },
  };
}
export type DisciplineService = ReturnType<typeof createDisciplineService>;
