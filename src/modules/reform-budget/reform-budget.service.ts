import { can, reachable, requireActor, type Actor } from '../../platform/access/policy.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction, type Db } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { OrgService } from '../org/org.service.js';
import * as repo from './reform-budget.repository.js';
import type { LineCreateInput, LineUpdateInput } from './reform-budget.schema.js';
import { amountOf, diff, fieldsOf, lineView, type LineFields } from './reform-budget.view.js';
import { summaryXlsx, type SummaryView } from './reform-budget.xlsx.js';
import { ACTIVITY_KINDS, ACTIVITY_LABELS, budgetLineProblems, yearSummary, type BudgetLine } from './rules/budget.js';

export type ReformBudgetDeps = { db: Db; org: Pick<OrgService, 'allUnits' | 'subtrees' | 'staffNamesByIds'>; now: () => Date };

type Unit = Awaited<ReturnType<ReformBudgetDeps['org']['allUnits']>>[number];

const unitNotFound = () => errors.notFound('đơn vị', 'unit');
const lineNotFound = () => errors.notFound('dòng kinh phí cải cách hành chính', 'reform budget line');
const staleVersion = () => errors.conflict('VERSION_CONFLICT', 'Dòng kinh phí đã được người khác cập nhật. Hãy tải lại trang rồi thao tác lại.', 'The budget line was changed by someone else; reload and try again.');
const sectionRefused = () => errors.validation([{ path: 'unitId', message: 'Kinh phí cải cách hành chính được lập theo cơ quan, đơn vị; phòng, ban thuộc đơn vị không có dòng kinh phí riêng.', messageEn: 'Reform budget lines belong to agencies, not to their sections.' }]);

/** The rules' problems (Vietnamese) with an English line each, as every 400 carries both. */
const EN: Record<string, string> = {
  unitId: 'Choose a unit.', year: 'The budget year is not valid.', activityKind: 'The activity kind is not valid.', title: 'Describe the activity.',
  plannedVnd: 'The planned amount must be a whole, non-negative number of đồng.', allocatedVnd: 'The allocated amount must be a whole, non-negative number of đồng.',
  spentVnd: 'Spending exceeds the allocation; flag the line as overspent and give the reason.', overspendReason: 'Give the reason for the overspend.',
};
function refuse(line: BudgetLine): void {
  const problems = budgetLineProblems(line);
  if (problems.length) throw errors.validation(problems.map((p) => ({ path: p.path, message: p.vi, messageEn: EN[p.path] ?? p.vi })));
}

/**
 * The reform budget (Directive 16 item 7e; issue 20 scope 5; RULES.md beside this file): lines per unit
 * and year, each change kept in reform_budget_changes with its reason, and the yearly summary over the
 * units the caller reads. A unit the caller may not read answers as if it did not exist.
 */
export function createReformBudgetService(deps: ReformBudgetDeps) {
  const { db } = deps;
  const today = () => new Date(deps.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

  async function unitFor(actor: Actor, unitId: number, need: 'read' | 'manage'): Promise<Unit> {
    const unit = (await deps.org.allUnits()).find((u) => u.id === unitId);
    if (!unit || !can(actor, 'budget.read', unitId)) throw unitNotFound();
    if (need === 'manage' && !can(actor, 'budget.manage', unitId)) throw errors.forbidden();
    return unit;
  }

  async function lineFor(actor: Actor, id: number, need: 'read' | 'manage') {
    const row = await repo.findLine(db, id);
    if (!row || !can(actor, 'budget.read', row.unit_id)) throw lineNotFound();
    if (need === 'manage' && !can(actor, 'budget.manage', row.unit_id)) throw errors.forbidden();
    const unit = (await deps.org.allUnits()).find((u) => u.id === row.unit_id);
    return { row, unitName: unit?.name ?? '' };
  }

  async function get(ctx: RequestContext, id: number) {
    const { row, unitName } = await lineFor(requireActor(ctx.actor), id, 'read');
    return lineView(row, unitName);
  }

  /** Lines as the rules read them; a line stored as overspent was accepted with its reason then. */
  const asRule = (r: repo.LineRow): BudgetLine => {
    const f = fieldsOf(r);
    return { unitId: r.unit_id, year: r.year, activityKind: f.activityKind, title: f.title, plannedVnd: f.plannedVnd, allocatedVnd: f.allocatedVnd, spentVnd: f.spentVnd, overspend: f.spentVnd > f.allocatedVnd, overspendReason: f.overspendReason ?? '—' };
  };

  async function summaryOf(actor: Actor, year: number): Promise<SummaryView> {
    const units = await deps.org.allUnits();
    const names = new Map(units.map((u) => [u.id, u.name]));
    const rows = await repo.linesOf(db, reachable(actor, 'budget.read'), year);
    const s = yearSummary(rows.map(asRule), year);
    return {
      year, asOf: today(),
      activities: ACTIVITY_KINDS.map((kind) => ({ kind, label: ACTIVITY_LABELS[kind] })),
      units: s.units.map((u) => ({ ...u, unitName: names.get(u.unitId) ?? '' })),
      byKind: s.byKind, total: s.total, isoShareOfAllocated: s.isoShareOfAllocated,
      overspentLines: rows.filter((r) => amountOf(r.spent_vnd) > amountOf(r.allocated_vnd)).map((r) => lineView(r, names.get(r.unit_id) ?? '')),
      lines: rows.map((r) => lineView(r, names.get(r.unit_id) ?? '')),
    };
  }

  return {
    /** Units (not sections) whose budget the caller reads, for the page's picker. */
    async units(ctx: RequestContext) {
      const actor = requireActor(ctx.actor);
      const day = today();
      const items = (await deps.org.allUnits())
        .filter((u) => u.kind !== 'section' && (!u.effectiveTo || u.effectiveTo >= day) && can(actor, 'budget.read', u.id))
        .map((u) => ({ unitId: u.id, name: u.name, mayManage: can(actor, 'budget.manage', u.id) }));
      return { items };
    },

    async lines(ctx: RequestContext, q: { unitId: number; year: number }) {
      const actor = requireActor(ctx.actor);
      const unit = await unitFor(actor, q.unitId, 'read');
      const rows = await repo.linesOf(db, [unit.id], q.year);
      const s = yearSummary(rows.map(asRule), q.year);
      return {
        unitId: unit.id, unitName: unit.name, year: q.year,
        items: rows.map((r) => lineView(r, unit.name)),
        summary: s.units[0] ?? { unitId: unit.id, byKind: s.byKind, total: s.total },
        may: { manage: can(actor, 'budget.manage', unit.id) && unit.kind !== 'section' },
      };
    },

    get,

    async create(ctx: RequestContext, input: LineCreateInput) {
      const actor = requireActor(ctx.actor);
      const unit = await unitFor(actor, input.unitId, 'manage');
      if (unit.kind === 'section') throw sectionRefused();
      // An estimate is drafted during the year before; further ahead is a typing mistake.
      if (input.year > Number(today().slice(0, 4)) + 1) throw errors.validation([{ path: 'year', message: 'Chỉ lập dự toán kinh phí đến năm sau.', messageEn: 'Budget lines can be drafted at most for next year.' }]);
      const f: LineFields = {
        activityKind: input.activityKind, title: input.title, fundingSource: input.fundingSource ?? 'state_budget',
        plannedVnd: input.plannedVnd, allocatedVnd: input.allocatedVnd ?? 0, spentVnd: input.spentVnd ?? 0,
        overspendReason: input.overspendReason?.trim() || null, allocationDecisionNo: input.allocationDecisionNo?.trim() || null, note: input.note?.trim() || null,
      };
      refuse({ unitId: unit.id, year: input.year, ...f, overspend: (input.overspend ?? false) && f.spentVnd > f.allocatedVnd });
      // The reason belongs to an overspent line only; kept nowhere else so the summary's list stays true.
      if (f.spentVnd <= f.allocatedVnd) f.overspendReason = null;
      const at = deps.now();
      const id = await inTransaction(db, async (trx) => {
        const lineId = await repo.insertLine(trx, {
          unit_id: unit.id, year: input.year, activity_kind: f.activityKind, title: f.title, funding_source: f.fundingSource,
          planned_vnd: f.plannedVnd, allocated_vnd: f.allocatedVnd, spent_vnd: f.spentVnd, overspend_reason: f.overspendReason,
          allocation_decision_no: f.allocationDecisionNo, note: f.note, created_by: actor.staffId, created_at: at, updated_at: at,
        });
        await repo.insertChange(trx, { lineId, at, actorStaffId: actor.staffId, actorName: actor.fullName, changes: diff({}, f), reason: null });
        await recordAudit(trx, ctx, { action: 'reform_budget.line_created', entity: 'reform_budget_line', entityId: lineId, unitId: unit.id, after: { year: input.year, ...f } });
        return lineId;
      });
      return get(ctx, id);
    },

    async update(ctx: RequestContext, id: number, input: LineUpdateInput) {
      const actor = requireActor(ctx.actor);
      const { row } = await lineFor(actor, id, 'manage');
      if (row.version !== input.version) throw staleVersion();
      const before = fieldsOf(row);
      const pick = <K extends keyof LineFields>(k: K, v: LineFields[K] | undefined): LineFields[K] => (v === undefined ? before[k] : v);
      const clean = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() || null);
      const after: LineFields = {
        activityKind: pick('activityKind', input.activityKind), title: pick('title', input.title), fundingSource: pick('fundingSource', input.fundingSource),
        plannedVnd: pick('plannedVnd', input.plannedVnd), allocatedVnd: pick('allocatedVnd', input.allocatedVnd), spentVnd: pick('spentVnd', input.spentVnd),
        overspendReason: pick('overspendReason', clean(input.overspendReason)), allocationDecisionNo: pick('allocationDecisionNo', clean(input.allocationDecisionNo)), note: pick('note', clean(input.note)),
      };
      // A line accepted as overspent stays so until the officer says otherwise.
      refuse({ unitId: row.unit_id, year: row.year, ...after, overspend: (input.overspend ?? before.overspendReason !== null) && after.spentVnd > after.allocatedVnd });
      if (after.spentVnd <= after.allocatedVnd) after.overspendReason = null;
      const changes = diff(before, after);
      if (Object.keys(changes).length === 0) return get(ctx, id);
      const at = deps.now();
      const reason = input.reason?.trim() || null;
      await inTransaction(db, async (trx) => {
        const updated = await repo.updateLine(trx, id, input.version, {
          activity_kind: after.activityKind, title: after.title, funding_source: after.fundingSource, planned_vnd: after.plannedVnd,
          allocated_vnd: after.allocatedVnd, spent_vnd: after.spentVnd, overspend_reason: after.overspendReason,
          allocation_decision_no: after.allocationDecisionNo, note: after.note,
        }, at);
        if (!updated) throw staleVersion();
        await repo.insertChange(trx, { lineId: id, at, actorStaffId: actor.staffId, actorName: actor.fullName, changes, reason });
        await recordAudit(trx, ctx, { action: 'reform_budget.line_updated', entity: 'reform_budget_line', entityId: id, unitId: row.unit_id, after: { changes, reason }, note: reason ?? undefined });
      });
      return get(ctx, id);
    },

    async changes(ctx: RequestContext, id: number) {
      await lineFor(requireActor(ctx.actor), id, 'read');
      const rows = await repo.changesOf(db, id);
      return { items: rows.map((r) => ({ at: r.at.toISOString(), actorName: r.actor_name, changes: r.changes, reason: r.reason })) };
    },

    async summary(ctx: RequestContext, year: number) {
      const { lines: _lines, ...rest } = await summaryOf(requireActor(ctx.actor), year);
      return rest;
    },

    async summaryXlsx(ctx: RequestContext, year: number) {
      const s = await summaryOf(requireActor(ctx.actor), year);
      return { xlsx: await summaryXlsx(s), fileName: `kinh-phi-cchc-${year}.xlsx` };
    },
  };
}
export type ReformBudgetService = ReturnType<typeof createReformBudgetService>;
