import { can, reachable } from '../../platform/access/policy.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { staffingXlsx } from './exports/staffing-xlsx.js';
import { actorOf, agencyOf, homeAffairsUnit, vnDay, type PersonnelDeps } from './personnel.context.js';
import type { PersonRecord } from './record-fields.js';
import { breakdown, staffingTable, type StaffingPerson } from './rules/staffing-stats.js';

/**
 * Staffing statistics (issue 17 item 6): the civil servants serving on a day, one row per agency for the
 * whole province (departments, communes and wards) or per unit directly under a chosen unit, counted by the
 * rules in rules/staffing-stats.ts; the table as the BM01-style workbook the Department sends on.
 */
export function createStatsService(deps: PersonnelDeps) {
  const { db } = deps;

  async function table(ctx: RequestContext, q: { unitId?: number; day?: string }) {
    const actor = actorOf(ctx);
    const day = q.day ?? vnDay(deps.now());
    const units = await deps.org.allUnits();
    const ha = await homeAffairsUnit(deps.org);
    const all = can(actor, 'personnel.manage', ha.id) || can(actor, 'personnel.approve', ha.id);
    const reach = new Set(all ? units.map((u) => u.id) : reachable(actor, 'personnel.read'));
    const scope = q.unitId ? units.find((u) => u.id === q.unitId) : units.find((u) => u.parentId === null);
    if (!scope || (q.unitId && !reach.has(scope.id))) throw errors.notFound('đơn vị', 'unit');
    const parent = new Map(units.map((u) => [u.id, u.parentId]));
    /** The unit directly under the scope that holds `unitId`, or the scope itself; undefined when outside it. */
    // The province as scope: one row per agency (department, commune), wherever the tree puts it.
    const byAgency = !q.unitId;
    const rowOf = (unitId: number): number | undefined => byAgency ? agencyOf(units, unitId) : underScope(unitId);
    const underScope = (unitId: number): number | undefined => {
      let at: number | null | undefined = unitId;
      while (at != null) {
        if (at === scope.id) return unitId === scope.id ? scope.id : undefined;
        if (parent.get(at) === scope.id) return at;
        at = parent.get(at);
      }
      return undefined;
    };
    const people = await db.selectFrom('hr_people').select(['id', 'staff_id', 'record', 'recruited_on']).where('status', '=', 'serving').where('recruited_on', '<=', day).execute();
    const staff = new Map((await deps.org.staffNamesByIds(people.map((p) => p.staff_id))).map((s) => [s.id, s]));
    const name = new Map(units.map((u) => [u.id, u.name]));
    const rows: StaffingPerson[] = [];
    for (const p of people) {
      const s = staff.get(p.staff_id);
      if (!s || !reach.has(s.unitId)) continue;
      const row = rowOf(s.unitId);
      if (row === undefined) continue;
      const r = p.record as PersonRecord;
      const salary = (r.salary ?? []).filter((x) => x.month <= day.slice(0, 7)).at(-1);
      rows.push({
        personId: p.id, unitId: row, unitName: name.get(row) ?? '', gradeCode: salary?.gradeCode || null, gradeName: salary?.gradeName || null,
        birthDate: r.birthDate ?? null, sex: r.sex ?? null, ethnicity: r.ethnicity ?? null, highestQualification: r.highestQualification ?? null,
        politicalTheory: r.politicalTheory ?? null, stateManagement: r.stateManagement ?? null, category: null, partyMember: !!r.partyJoinedOn && r.partyJoinedOn <= day,
      });
    }
    const order = units.filter((u) => (byAgency ? agencyOf(units, u.id) === u.id && u.id !== scope.id && u.kind !== 'people_committee' : parent.get(u.id) === scope.id) && reach.has(u.id) && !u.effectiveTo)
      .map((u) => ({ unitId: u.id, unitName: u.name }));
    const result = staffingTable(rows, day, { units: rows.some((r) => r.unitId === scope.id) ? [{ unitId: scope.id, unitName: scope.name }, ...order] : order });
    return { scope: { id: scope.id, name: scope.name }, table: result };
  }

  return {
    async summary(ctx: RequestContext, q: { unitId?: number; day?: string }) {
      const { scope, table: t } = await table(ctx, q);
      return {
        scope, asOf: t.asOf, rows: t.rows, total: t.total,
        charts: { grade: breakdown(t, 'grade'), age: breakdown(t, 'age'), qualification: breakdown(t, 'qualification'), sex: breakdown(t, 'sex') },
      };
    },
    async xlsx(ctx: RequestContext, q: { unitId?: number; day?: string }) {
      const { scope, table: t } = await table(ctx, q);
      const content = await staffingXlsx(t, { title: 'Báo cáo số lượng, chất lượng cán bộ, công chức', asOf: t.asOf, unitName: scope.name });
      return { name: `thong-ke-cong-chuc-${t.asOf}.xlsx`, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content };
    },
  };
}
