import { can, hasProvinceWide } from '../../platform/access/policy.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { actorOf, loadPerson, personNotFound, standingOf, type PersonnelDeps } from './personnel.context.js';
import { applyExcellentQuota, rate, type EvaluationFacts, type EvaluationRule, type Rated, type Rating } from './rules/evaluation.js';

/**
 * The annual evaluation (issue 17 item 5; Law 80/2025 Arts 25–27, a provincial rule such as
 * DOMAIN-MANAGEMENT §C4): the person's self-assessment, the manager's review with the meeting minutes
 * and the points, then the competent level's approval of the whole unit, where the province's quota on
 * "excellent" applies. The rule is the province's data (hr_evaluation_rules), by the year it applies from.
 */
type SelfInput = { selfAssessment: string; generalPoints: number; taskPoints: number; tasks: EvaluationFacts['tasks']; criteria: EvaluationFacts['criteria'] };
type ReviewInput = { version: number; managerComment: string; meetingMinutes: string; generalPoints: number; taskPoints: number };
const sheetNotFound = () => errors.notFound('phiếu đánh giá', 'evaluation sheet');

export function createEvaluationsService(deps: PersonnelDeps) {
  const { db } = deps;

  async function ruleFor(year: number): Promise<{ fromYear: number; name: string; rule: EvaluationRule; version: number } | undefined> {
    const row = await db.selectFrom('hr_evaluation_rules').selectAll().where('from_year', '<=', year).orderBy('from_year', 'desc').limit(1).executeTakeFirst();
    return row ? { fromYear: row.from_year, name: row.name, rule: row.rule as EvaluationRule, version: row.version } : undefined;
  }
  async function requireRule(year: number) {
    const r = await ruleFor(year);
    if (!r) throw errors.conflict('NO_EVALUATION_RULE', `Chưa có quy định đánh giá, xếp loại áp dụng cho năm ${year}.`, `No evaluation rule applies to ${year}.`);
    return r;
  }

  /** Discipline in force during the year, read from the record (the discipline module will feed it too). */
  function disciplinedIn(record: { discipline?: { on: string }[] }, year: number): boolean {
    return (record.discipline ?? []).some((d) => d.on.startsWith(`${year}-`));
  }

  const view = (r: Awaited<ReturnType<typeof sheetRow>>) => r && ({
    year: r.year, status: r.status, selfAssessment: r.self_assessment, selfFacts: r.self_facts, managerComment: r.manager_comment, meetingMinutes: r.meeting_minutes,
    facts: r.facts, points: r.points === null ? null : Number(r.points), proposedRating: r.proposed_rating, rating: r.rating, demoted: r.demoted, reasons: r.reasons,
    reviewedAt: r.reviewed_at, approvedAt: r.approved_at, version: r.version,
  });
  const sheetRow = (personId: number, year: number) => db.selectFrom('hr_evaluations').selectAll().where('person_id', '=', personId).where('year', '=', year).executeTakeFirst();

  const service = {
    async getRule(ctx: RequestContext, year: number) {
      actorOf(ctx);
      return (await ruleFor(year)) ?? null;
    },

    async putRule(ctx: RequestContext, input: { version: number; fromYear: number; name: string; rule: EvaluationRule }) {
      const actor = actorOf(ctx);
      if (!hasProvinceWide(actor, 'personnel.manage')) throw errors.forbidden();
      await inTransaction(db, async (trx) => {
        const before = await trx.selectFrom('hr_evaluation_rules').selectAll().where('from_year', '=', input.fromYear).forUpdate().executeTakeFirst();
        if ((before?.version ?? 0) !== input.version) throw errors.stale();
        if (before) await trx.updateTable('hr_evaluation_rules').set({ name: input.name, rule: JSON.stringify(input.rule), version: before.version + 1, updated_at: deps.now() }).where('from_year', '=', input.fromYear).execute();
        else await trx.insertInto('hr_evaluation_rules').values({ from_year: input.fromYear, name: input.name, rule: JSON.stringify(input.rule) }).execute();
        await recordAudit(trx, ctx, { action: 'personnel.rule_set', entity: 'hr_evaluation_rule', entityId: input.fromYear, before: before ? { name: before.name, rule: before.rule } : undefined, after: { name: input.name, rule: input.rule } });
      });
      return (await ruleFor(input.fromYear))!;
    },

    /** A unit's sheets for the year: everyone serving there, with or without a sheet yet. */
    async list(ctx: RequestContext, unitId: number, year: number) {
      const actor = actorOf(ctx);
      if (!can(actor, 'personnel.read', unitId)) throw errors.notFound('đơn vị', 'unit');
      const subtree = new Set((await deps.org.subtrees([unitId])).get(unitId) ?? [unitId]);
      const people = await db.selectFrom('hr_people').select(['id', 'staff_id', 'status']).execute();
      const staff = new Map((await deps.org.staffNamesByIds(people.map((p) => p.staff_id))).map((s) => [s.id, s]));
      const inUnit = people.filter((p) => p.status === 'serving' && subtree.has(staff.get(p.staff_id)?.unitId ?? 0));
      const sheets = new Map((await db.selectFrom('hr_evaluations').selectAll().where('year', '=', year).where('person_id', 'in', inUnit.length ? inUnit.map((p) => p.id) : [0]).execute()).map((r) => [r.person_id, r]));
      const rule = await ruleFor(year);
      return {
        year, rule: rule ? { name: rule.name, fromYear: rule.fromYear, excellentQuota: rule.rule.excellentQuota } : null,
        items: inUnit.map((p) => {
          const s = staff.get(p.staff_id)!;
          const e = sheets.get(p.id);
          return { personId: p.id, fullName: s.fullName, position: s.position, unitName: s.unitName, status: e?.status ?? 'not_started', points: e?.points == null ? null : Number(e.points),
            proposedRating: e?.proposed_rating ?? null, rating: e?.rating ?? null, demoted: e?.demoted ?? false, version: e?.version ?? null };
        }).sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi')),
      };
    },

    async sheet(ctx: RequestContext, personId: number, year: number) {
      const actor = actorOf(ctx);
      const person = await loadPerson(deps, db, personId);
      const standing = standingOf(actor, person);
      if (standing === 'none') throw personNotFound();
      const isHead = /trưởng|giám đốc|chủ tịch/i.test(person.position ?? '');
      const from = new Date(`${year}-01-01T00:00:00+07:00`);
      const systemFacts = await deps.feeds.systemFacts(person.staffId, person.unitId, year, isHead).catch(() => null);
      const rule = await ruleFor(year);
      return { person: { id: person.id, fullName: person.fullName, unitName: person.unitName, position: person.position }, year, from: from.toISOString(),
        canSelf: standing === 'self', canReview: standing !== 'self' && can(actor, 'personnel.approve', person.unitId), rule, systemFacts,
        disciplined: disciplinedIn(person.record, year), sheet: view(await sheetRow(personId, year)) ?? null };
    },

    async self(ctx: RequestContext, personId: number, year: number, input: SelfInput) {
      const actor = actorOf(ctx);
      const person = await loadPerson(deps, db, personId);
      const standing = standingOf(actor, person);
      if (standing === 'none') throw personNotFound();
      if (standing !== 'self') throw errors.forbidden();
      const { rule } = await requireRule(year);
      const check = rate(rule, { ...input, disciplined: false });
      if (!check.ok) throw errors.badRequest(check.message, 'The figures do not add up.');
      const facts = JSON.stringify({ generalPoints: input.generalPoints, taskPoints: input.taskPoints, tasks: input.tasks, criteria: input.criteria });
      return inTransaction(db, async (trx) => {
        const existing = await trx.selectFrom('hr_evaluations').select(['id', 'status']).where('person_id', '=', personId).where('year', '=', year).forUpdate().executeTakeFirst();
        if (existing && existing.status !== 'self') throw errors.conflict('EVALUATION_REVIEWED', 'Phiếu đã được người quản lý nhận xét; không sửa phần tự đánh giá được nữa.', 'The sheet was already reviewed.');
        if (existing) await trx.updateTable('hr_evaluations').set((eb) => ({ self_assessment: input.selfAssessment, self_facts: facts, version: eb('version', '+', 1), updated_at: deps.now() })).where('id', '=', existing.id).execute();
        else await trx.insertInto('hr_evaluations').values({ person_id: personId, year, unit_id: person.unitId, self_assessment: input.selfAssessment, self_facts: facts }).execute();
        await recordAudit(trx, ctx, { action: 'personnel.self_assessed', entity: 'hr_person', entityId: personId, unitId: person.unitId, after: { year, points: input.generalPoints + input.taskPoints } });
        return view(await trx.selectFrom('hr_evaluations').selectAll().where('person_id', '=', personId).where('year', '=', year).executeTakeFirstOrThrow());
      });
    },

    async review(ctx: RequestContext, personId: number, year: number, input: ReviewInput) {
      const actor = actorOf(ctx);
      const person = await loadPerson(deps, db, personId);
      const standing = standingOf(actor, person);
      if (standing === 'none') throw personNotFound();
      if (standing === 'self' || !can(actor, 'personnel.approve', person.unitId)) throw errors.forbidden();
      const row = await sheetRow(personId, year);
      if (!row) throw errors.conflict('NO_SELF_ASSESSMENT', 'Người được đánh giá chưa tự đánh giá.', 'No self-assessment yet.');
      if (row.status === 'approved') throw errors.conflict('EVALUATION_APPROVED', 'Kết quả đã được phê duyệt.', 'Already approved.');
      const { rule } = await requireRule(year);
      const self = row.self_facts as { tasks: EvaluationFacts['tasks']; criteria: EvaluationFacts['criteria'] };
      const facts: EvaluationFacts = { generalPoints: input.generalPoints, taskPoints: input.taskPoints, tasks: self.tasks, criteria: self.criteria, disciplined: disciplinedIn(person.record, year) };
      const result = rate(rule, facts);
      if (!result.ok) throw errors.badRequest(result.message, 'The figures do not add up.');
      await inTransaction(db, async (trx) => {
        const res = await trx.updateTable('hr_evaluations').set((eb) => ({
          status: 'reviewed', manager_comment: input.managerComment, meeting_minutes: input.meetingMinutes, facts: JSON.stringify(facts), points: result.points,
          proposed_rating: result.rating, reasons: JSON.stringify(result.reasons), reviewed_by_staff_id: actor.staffId, reviewed_at: deps.now(), version: eb('version', '+', 1), updated_at: deps.now(),
        })).where('id', '=', row.id).where('version', '=', input.version).executeTakeFirst();
        if (Number(res.numUpdatedRows) === 0) throw errors.stale();
        await recordAudit(trx, ctx, { action: 'personnel.reviewed', entity: 'hr_person', entityId: personId, unitId: person.unitId, after: { year, points: result.points, proposedRating: result.rating } });
      });
      return view(await sheetRow(personId, year));
    },

    /** The competent level rates the unit's reviewed sheets, the quota applied across everyone rated in the unit that year. */
    async approve(ctx: RequestContext, unitId: number, year: number) {
      const actor = actorOf(ctx);
      if (!can(actor, 'personnel.approve', unitId)) throw can(actor, 'personnel.read', unitId) ? errors.forbidden() : sheetNotFound();
      const { rule } = await requireRule(year);
      // The unit and its sections are rated together: the quota is the agency's, not each section's.
      const subtree = (await deps.org.subtrees([unitId])).get(unitId) ?? [unitId];
      return inTransaction(db, async (trx) => {
        // The approver's own sheet is not theirs to approve: their superior rates them.
        const me = await trx.selectFrom('hr_people').select('id').where('staff_id', '=', actor.staffId).executeTakeFirst();
        const rows = (await trx.selectFrom('hr_evaluations').selectAll().where('unit_id', 'in', subtree).where('year', '=', year).forUpdate().execute()).filter((r) => r.person_id !== me?.id);
        if (!rows.length) throw errors.conflict('NO_EVALUATIONS', 'Đơn vị chưa có phiếu đánh giá nào trong năm.', 'No sheets for the unit this year.');
        const pending = rows.filter((r) => r.status === 'self');
        if (pending.length) throw errors.conflict('EVALUATIONS_NOT_REVIEWED', `Còn ${pending.length} phiếu chưa được người quản lý nhận xét.`, `${pending.length} sheets are not reviewed yet.`);
        const rated: Rated[] = rows.map((r) => ({ personId: r.person_id, points: Number(r.points), rating: (r.proposed_rating ?? 'not_completed') as Rating }));
        const outcome = applyExcellentQuota(rule, rated);
        let approved = 0;
        for (const o of outcome) {
          const r = rows.find((x) => x.person_id === o.personId)!;
          const reasons = [...((r.reasons as string[] | null) ?? []), ...(o.demoted ? [`Vượt tỷ lệ "Hoàn thành xuất sắc" của đơn vị (${Math.round(rule.excellentQuota!.share * 100)}%): xếp "Hoàn thành tốt".`] : [])];
          await trx.updateTable('hr_evaluations').set((eb) => ({ status: 'approved', rating: o.rating, demoted: o.demoted, reasons: JSON.stringify(reasons), approved_by_staff_id: actor.staffId, approved_at: deps.now(), version: eb('version', '+', 1), updated_at: deps.now() }))
            .where('id', '=', r.id).execute();
          approved++;
        }
        await recordAudit(trx, ctx, { action: 'personnel.evaluations_approved', entity: 'unit', entityId: unitId, unitId, after: { year, approved, demoted: outcome.filter((o) => o.demoted).length } });
        return { approved, demoted: outcome.filter((o) => o.demoted).map((o) => o.personId) };
      });
    },
  };
  return service;
}
export type EvaluationsService = ReturnType<typeof createEvaluationsService>;
