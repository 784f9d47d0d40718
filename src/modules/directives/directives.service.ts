import { recordAudit } from '../../platform/audit/audit.service.js';
import { hasProvinceWide, requireActor } from '../../platform/access/policy.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { inTransaction, type Db } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { OrgService } from '../org/org.service.js';
import { proposeOutline, type GroupPhrase, type MatchableUnit, type Outline } from './rules/outline.js';
import type { AliasBody, OutlineBody } from './schema.js';
import type { DirectiveDeps } from './directives.context.js';
import { createDocumentService } from './documents.service.js';
import { createPeriodService, type PeriodsPort } from './periods.service.js';
import { createTaskService } from './tasks.service.js';
import { addDays, deadlineState, vnDay } from './rules/deadlines.js';

export type AgencyAlias = { id: number; unitId: number; unitName: string; alias: string; note: string | null };
export type GroupView = { key: string; label: string; phrases: string[]; unitKinds: string[]; unitIds: number[] };

/**
 * Directives and assigned tasks (issue 15): the outline a pasted document proposes, matched against
 * the org tree and the province's alias table, and that table's upkeep; the documents, their tasks and
 * the periodic implementation reports are the parts composed below.
 */
export function createDirectiveService(deps: Omit<DirectiveDeps, 'org'> & { org: OrgService; periods: PeriodsPort }) {
  const documents = createDocumentService(deps);
  const tasks = createTaskService(deps);
  const periods = createPeriodService(deps);
  async function groups(units: { id: number; kind: string }[]): Promise<GroupView[]> {
    const rows = await deps.db.selectFrom('directive_group_phrases').selectAll().orderBy('group_key').orderBy('id').execute();
    const out = new Map<string, GroupView>();
    for (const r of rows) {
      const g = out.get(r.group_key) ?? { key: r.group_key, label: r.label, phrases: [], unitKinds: r.unit_kinds, unitIds: units.filter((u) => r.unit_kinds.includes(u.kind)).map((u) => u.id) };
      g.phrases.push(r.phrase);
      out.set(r.group_key, g);
    }
    return [...out.values()];
  }

  async function aliases(units: { id: number; name: string }[]): Promise<AgencyAlias[]> {
    const rows = await deps.db.selectFrom('directive_agency_aliases').selectAll().orderBy('alias').execute();
    const names = new Map(units.map((u) => [u.id, u.name]));
    return rows.map((r) => ({ id: r.id, unitId: r.unit_id, unitName: names.get(r.unit_id) ?? '', alias: r.alias, note: r.note }));
  }

  function requireAliasAdmin(ctx: RequestContext) {
    // The names of the province's agencies are the province's: its organisation administrators keep them.
    if (!hasProvinceWide(requireActor(ctx.actor), 'org.manage')) throw errors.forbidden();
  }

  /** Tasks (not cancelled) whose moved due day falls within `from`..`to`, with their deadline state today. */
  async function dueIn(where: (q: ReturnType<typeof taskQuery>) => ReturnType<typeof taskQuery>, from: string, to: string) {
    const rows = await where(taskQuery()).where('due_on', '>=', addDays(from, -7)).where('due_on', '<=', to).execute();
    const isWorking = await deps.workingDays();
    const today = vnDay(deps.now());
    return rows.map((r) => ({ doneOn: r.done_on, today, state: deadlineState({ status: r.status, dueOn: r.due_on, doneOn: r.done_on }, today, isWorking) }))
      .filter((x) => !!x.state.dueDay && x.state.dueDay >= from && x.state.dueDay <= to);
  }
  const taskQuery = () => deps.db.selectFrom('directive_tasks').select(['status', 'due_on', 'done_on']).where('status', '!=', 'cancelled').where('due_on', 'is not', null);

  return {
    documents,
    tasks,
    periods,

    /**
     * For other modules (the PAR index): tasks led by the given units that fell due between `from` and
     * `to` (on their moved due day, and not after today), and how many were completed by it.
     */
    async dueTasksOnTime(unitIds: number[], from: string, to: string): Promise<{ due: number; onTime: number }> {
      if (unitIds.length === 0) return { due: 0, onTime: 0 };
      const tasks = await dueIn((q) => q.where('lead_unit_id', 'in', unitIds), from, to);
      const due = tasks.filter((x) => x.state.dueDay! < x.today || x.state.state === 'done_on_time');
      return { due: due.length, onTime: due.filter((x) => x.state.state === 'done_on_time').length };
    },

    /**
     * One person's tasks due within `from`..`to` (personnel: the annual evaluation's facts): how many,
     * how many completed, and how many completed by their due day. Cancelled tasks do not count.
     */
    async personTasks(staffId: number, from: string, to: string): Promise<{ total: number; done: number; onTime: number }> {
      const tasks = await dueIn((q) => q.where('assignee_staff_id', '=', staffId), from, to);
      return { total: tasks.length, done: tasks.filter((x) => x.doneOn).length, onTime: tasks.filter((x) => x.state.state === 'done_on_time').length };
    },

    /** POST /directives/outline: a proposal only; nothing is stored. */
    async outline(ctx: RequestContext, body: OutlineBody): Promise<Outline> {
      requireActor(ctx.actor);
      // Units in existence today (a merged department's old unit, closed, must not catch its old name:
      // the alias table sends that name to the unit that took over its work).
      const today = new Date(deps.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
      const all = (await deps.org.allUnits()).filter((u) => !u.effectiveTo || u.effectiveTo >= today);
      const byUnit = new Map<number, string[]>();
      for (const a of await deps.db.selectFrom('directive_agency_aliases').select(['unit_id', 'alias']).execute()) {
        byUnit.set(a.unit_id, [...(byUnit.get(a.unit_id) ?? []), a.alias]);
      }
      const units: MatchableUnit[] = all.map((u) => ({ id: u.id, name: u.name, kind: u.kind, parentId: u.parentId, aliases: [...(u.shortName ? [u.shortName] : []), ...(byUnit.get(u.id) ?? [])] }));
      const phrases: GroupPhrase[] = (await groups(all)).map((g) => ({ key: g.key, phrases: g.phrases, unitIds: g.unitIds }));
      return proposeOutline(body.text, units, phrases);
    },

    async aliases(ctx: RequestContext): Promise<{ aliases: AgencyAlias[]; groups: GroupView[] }> {
      requireActor(ctx.actor);
      const units = await deps.org.allUnits();
      return { aliases: await aliases(units), groups: await groups(units) };
    },

    async addAlias(ctx: RequestContext, body: AliasBody): Promise<AgencyAlias> {
      requireAliasAdmin(ctx);
      const unit = (await deps.org.allUnits()).find((u) => u.id === body.unitId);
      if (!unit) throw errors.validation([{ path: 'unitId', message: 'Đơn vị không tồn tại.', messageEn: 'No such unit.' }]);
      try {
        return await inTransaction(deps.db, async (trx) => {
          const row = await trx.insertInto('directive_agency_aliases').values({ unit_id: unit.id, alias: body.alias, note: body.note ?? null }).returningAll().executeTakeFirstOrThrow();
          await recordAudit(trx, ctx, { action: 'directive.alias_added', entity: 'directive_agency_alias', entityId: row.id, unitId: unit.id, after: { alias: row.alias, unit: unit.name } });
          return { id: row.id, unitId: unit.id, unitName: unit.name, alias: row.alias, note: row.note };
        });
      } catch (err) {
        if (isUniqueViolation(err, 'directive_agency_aliases_alias_key')) {
          throw errors.conflict('ALIAS_EXISTS', `Tên gọi "${body.alias}" đã được gán cho một cơ quan; xóa tên cũ trước khi gán lại.`, `The name "${body.alias}" is already given to an agency.`);
        }
        throw err;
      }
    },

    /** The demo's (or an import's) names in one transaction: aliases and group phrases, with one audit row. */
    async loadNames(ctx: RequestContext, names: { aliases: { unitId: number; alias: string; note: string | null }[]; groups: { key: string; label: string; unitKinds: string[]; phrases: string[] }[] }): Promise<void> {
      await inTransaction(deps.db, async (trx) => {
        if (names.aliases.length) await trx.insertInto('directive_agency_aliases').values(names.aliases.map((a) => ({ unit_id: a.unitId, alias: a.alias, note: a.note }))).execute();
        const phrases = names.groups.flatMap((g) => g.phrases.map((p) => ({ group_key: g.key, label: g.label, phrase: p, unit_kinds: g.unitKinds })));
        if (phrases.length) await trx.insertInto('directive_group_phrases').values(phrases).execute();
        await recordAudit(trx, ctx, { action: 'directive.names_loaded', entity: 'directive_agency_alias', after: { aliases: names.aliases.length, phrases: phrases.length } });
      });
    },

    async removeAlias(ctx: RequestContext, id: number): Promise<void> {
      requireAliasAdmin(ctx);
      await inTransaction(deps.db, async (trx) => {
        const row = await trx.deleteFrom('directive_agency_aliases').where('id', '=', id).returningAll().executeTakeFirst();
        if (!row) throw errors.notFound('tên gọi khác', 'alias');
        await recordAudit(trx, ctx, { action: 'directive.alias_removed', entity: 'directive_agency_alias', entityId: id, unitId: row.unit_id, before: { alias: row.alias } });
      });
    },
  };
}

export type DirectiveService = ReturnType<typeof createDirectiveService>;
