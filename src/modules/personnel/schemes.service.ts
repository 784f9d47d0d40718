import { can, reachable, type Actor } from '../../platform/access/policy.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction, type Db, type Tx } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { actorOf, agencyOf, homeAffairsUnit, vnDay, type PersonnelDeps } from './personnel.context.js';
import { headcountGaps, placementProgress, PLACEMENT_DEADLINE, type ApprovedPosition } from './rules/positions.js';
import type { SchemePosition } from './schema.js';
import type { SchemeStatus } from './personnel.tables.js';

/**
 * Job-position schemes (issue 17 item 1): a unit's HR proposes, the Department of Home Affairs appraises
 * (agree or return with a reason), and the approval decision puts the version in force from its date.
 * The positions of the version in force are what placements count against (rules/positions.ts).
 */
type SchemeRow = Awaited<ReturnType<typeof schemeRows>>[number];
const schemeRows = (db: Db | Tx) => db.selectFrom('hr_schemes').selectAll().orderBy('unit_id').orderBy('version_no', 'desc').execute();
const notFound = () => errors.notFound('đề án vị trí việc làm', 'job-position scheme');

export function createSchemesService(deps: PersonnelDeps) {
  const { db } = deps;

  async function view(r: SchemeRow, unitNames?: Map<number, string>) {
    const names = unitNames ?? await deps.org.directory.unitNames([r.unit_id]);
    return {
      id: r.id, unitId: r.unit_id, unitName: names.get(r.unit_id) ?? '', versionNo: r.version_no, status: r.status, effectiveFrom: r.effective_from,
      positions: r.positions as SchemePosition[], appraisalNote: r.appraisal_note, decisionNo: r.decision_no, decisionDate: r.decision_date, signer: r.signer,
      submittedAt: r.submitted_at, appraisedAt: r.appraised_at, approvedAt: r.approved_at, version: r.version,
    };
  }

  /** The Department's staff see every unit's schemes; others see those of the units they may read. */
  async function visibleUnits(actor: Actor): Promise<Set<number> | 'all'> {
    const ha = await homeAffairsUnit(deps.org);
    if (can(actor, 'personnel.manage', ha.id) || can(actor, 'personnel.approve', ha.id)) return 'all';
    return new Set(reachable(actor, 'personnel.read'));
  }

  async function load(ctx: RequestContext, id: number) {
    const actor = actorOf(ctx);
    const row = await db.selectFrom('hr_schemes').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    const units = await visibleUnits(actor);
    if (units !== 'all' && !units.has(row.unit_id)) throw notFound();
    return { actor, row };
  }

  async function transition(ctx: RequestContext, id: number, version: number, from: SchemeStatus[], check: (actor: Actor, row: SchemeRow, haId: number) => void, set: Record<string, unknown>, action: string) {
    const { actor, row } = await load(ctx, id);
    const ha = await homeAffairsUnit(deps.org);
    check(actor, row, ha.id);
    if (!from.includes(row.status)) throw errors.conflict('SCHEME_STATE', `Đề án đang ở trạng thái "${STATUS_VI[row.status]}", không thực hiện được thao tác này.`, `The scheme is ${row.status}.`);
    const after = await inTransaction(db, async (trx) => {
      const res = await trx.updateTable('hr_schemes').set((eb) => ({ ...set, version: eb('version', '+', 1), updated_at: deps.now() } as never))
        .where('id', '=', id).where('version', '=', version).executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw errors.stale();
      const after = (await trx.selectFrom('hr_schemes').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
      await recordAudit(trx, ctx, { action, entity: 'hr_scheme', entityId: id, unitId: row.unit_id, before: { status: row.status }, after: { status: after.status, note: after.appraisal_note, decisionNo: after.decision_no } });
      return after;
    });
    // Read outside the transaction: the embedded database has one connection, held by the transaction.
    return view(after);
  }

  const requireUnitHr = (actor: Actor, unitId: number) => {
    if (can(actor, 'personnel.manage', unitId)) return;
    if (can(actor, 'personnel.read', unitId)) throw errors.forbidden();
    throw notFound();
  };

  /** The approved version in force on `day`, or undefined. */
  async function inForce(unitId: number, day: string) {
    return db.selectFrom('hr_schemes').selectAll().where('unit_id', '=', unitId).where('status', '=', 'approved').where('effective_from', '<=', day)
      .orderBy('effective_from', 'desc').limit(1).executeTakeFirst();
  }

  async function gapsOf(unitId: number, day: string) {
    const scheme = await inForce(unitId, day);
    const positions = (scheme?.positions ?? []) as SchemePosition[];
    const placements = await db.selectFrom('hr_placements').select(['person_id', 'position_code', 'from_date', 'to_date']).where('unit_id', '=', unitId).execute();
    const index = new Map(positions.map((p, i) => [p.code.toLowerCase(), i]));
    const approved: ApprovedPosition[] = positions.map((p, i) => ({ positionId: i, name: p.name, category: p.category, quota: p.quota }));
    const mapped = placements.filter((p) => index.has(p.position_code.toLowerCase()))
      .map((p) => ({ personId: p.person_id, positionId: index.get(p.position_code.toLowerCase())!, from: p.from_date, to: p.to_date }));
    return { scheme, positions, placements: mapped, ...headcountGaps(approved, mapped, day) };
  }

  const service = {
    async list(ctx: RequestContext, unitId?: number) {
      const units = await visibleUnits(actorOf(ctx));
      const rows = (await schemeRows(db)).filter((r) => (units === 'all' || units.has(r.unit_id)) && (!unitId || r.unit_id === unitId));
      const names = await deps.org.directory.unitNames([...new Set(rows.map((r) => r.unit_id))]);
      return Promise.all(rows.map((r) => view(r, names)));
    },

    async get(ctx: RequestContext, id: number) {
      return view((await load(ctx, id)).row);
    },

    async create(ctx: RequestContext, input: { unitId: number; effectiveFrom: string; positions?: SchemePosition[] }) {
      const actor = actorOf(ctx);
      requireUnitHr(actor, input.unitId);
      let positions = input.positions;
      if (!positions) {
        const current = await inForce(input.unitId, '9999-12-31');
        if (!current) throw errors.badRequest('Đơn vị chưa có đề án được phê duyệt để sao chép; hãy nhập danh mục vị trí.', 'No approved scheme to copy: list the positions.');
        positions = current.positions as SchemePosition[];
      }
      const created = await inTransaction(db, async (trx) => {
        const last = await trx.selectFrom('hr_schemes').select((eb) => eb.fn.max('version_no').as('n')).where('unit_id', '=', input.unitId).executeTakeFirst();
        const row = await trx.insertInto('hr_schemes').values({
          unit_id: input.unitId, version_no: Number(last?.n ?? 0) + 1, effective_from: input.effectiveFrom, positions: JSON.stringify(positions), created_by_staff_id: actor.staffId,
        }).returning('id').executeTakeFirstOrThrow();
        const after = await trx.selectFrom('hr_schemes').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
        await recordAudit(trx, ctx, { action: 'personnel.scheme_created', entity: 'hr_scheme', entityId: row.id, unitId: input.unitId, after: { versionNo: after.version_no, positions: positions!.length } });
        return after;
      });
      return view(created);
    },

    async edit(ctx: RequestContext, id: number, input: { version: number; effectiveFrom?: string; positions?: SchemePosition[] }) {
      const set: Record<string, unknown> = {};
      if (input.effectiveFrom) set.effective_from = input.effectiveFrom;
      if (input.positions) set.positions = JSON.stringify(input.positions);
      return transition(ctx, id, input.version, ['draft', 'returned'], (a, r) => requireUnitHr(a, r.unit_id), set, 'personnel.scheme_edited');
    },

    async submit(ctx: RequestContext, id: number, version: number) {
      return transition(ctx, id, version, ['draft', 'returned'], (a, r) => requireUnitHr(a, r.unit_id), { status: 'submitted', submitted_at: deps.now() }, 'personnel.scheme_submitted');
    },

    async appraise(ctx: RequestContext, id: number, input: { version: number; outcome: 'agree' | 'return'; note: string }) {
      const actor = actorOf(ctx);
      return transition(ctx, id, input.version, ['submitted'], (a, _r, ha) => { if (!can(a, 'personnel.manage', ha)) throw errors.forbidden(); },
        { status: input.outcome === 'agree' ? 'appraised' : 'returned', appraisal_note: input.note || null, appraised_at: deps.now(), appraised_by_staff_id: actor.staffId },
        input.outcome === 'agree' ? 'personnel.scheme_appraised' : 'personnel.scheme_returned');
    },

    async approve(ctx: RequestContext, id: number, input: { version: number; decisionNo: string; decisionDate: string; signer: string }) {
      const actor = actorOf(ctx);
      const { row } = await load(ctx, id);
      const clash = await db.selectFrom('hr_schemes').select('id').where('unit_id', '=', row.unit_id).where('status', '=', 'approved').where('effective_from', '=', row.effective_from).executeTakeFirst();
      if (clash) throw errors.conflict('SCHEME_DATE_TAKEN', 'Đơn vị đã có đề án được phê duyệt có hiệu lực cùng ngày; hãy đổi ngày hiệu lực.', 'An approved scheme of the unit takes effect the same day.');
      return transition(ctx, id, input.version, ['appraised'], (a, _r, ha) => { if (!can(a, 'personnel.approve', ha)) throw errors.forbidden(); },
        { status: 'approved', decision_no: input.decisionNo, decision_date: input.decisionDate, signer: input.signer, approved_at: deps.now(), approved_by_staff_id: actor.staffId }, 'personnel.scheme_approved');
    },

    /** The positions in force at a unit on a day, with who holds each and the gaps. */
    async positions(ctx: RequestContext, unitId: number, day?: string) {
      const actor = actorOf(ctx);
      const units = await visibleUnits(actor);
      if (units !== 'all' && !units.has(unitId)) throw errors.notFound('đơn vị', 'unit');
      const on = day ?? vnDay(deps.now());
      // A section's positions are its agency's: the scheme is the department's or the commune's.
      const g = await gapsOf(agencyOf(await deps.org.allUnits(), unitId), on);
      const current = g.placements.filter((p) => p.from <= on && (p.to === null || p.to >= on));
      const people = await db.selectFrom('hr_people').select(['id', 'staff_id']).where('id', 'in', current.length ? current.map((c) => c.personId) : [0]).execute();
      const names = new Map((await deps.org.staffNamesByIds(people.map((p) => p.staff_id))).map((s) => [s.id, s.fullName]));
      const nameOf = new Map(people.map((p) => [p.id, names.get(p.staff_id) ?? '']));
      return {
        day: on, schemeId: g.scheme?.id ?? null, decisionNo: g.scheme?.decision_no ?? null, effectiveFrom: g.scheme?.effective_from ?? null, totals: g.totals,
        rows: g.rows.map((r, i) => ({ ...g.positions[i]!, ...r, holders: current.filter((c) => c.positionId === i).map((c) => ({ personId: c.personId, fullName: nameOf.get(c.personId) ?? '', from: c.from })) })),
      };
    },

    /** The Department's board: every visible unit's headcount against its scheme and its progress to the placement deadline. */
    async board(ctx: RequestContext, day?: string) {
      const actor = actorOf(ctx);
      const on = day ?? vnDay(deps.now());
      const visible = await visibleUnits(actor);
      const people = await db.selectFrom('hr_people').select(['id', 'staff_id', 'recruited_on']).where('status', '=', 'serving').execute();
      const staff = new Map((await deps.org.staffNamesByIds(people.map((p) => p.staff_id))).map((s) => [s.id, s]));
      const firstPlaced = new Map((await db.selectFrom('hr_placements').select(['person_id', (eb) => eb.fn.min('from_date').as('first')]).groupBy('person_id').execute()).map((r) => [r.person_id, String(r.first)]));
      const units = await deps.org.allUnits();
      // People count at their agency, where the scheme is: a section's staff are the department's.
      const inUnits = people.filter((p) => staff.has(p.staff_id))
        .map((p) => ({ unitId: agencyOf(units, staff.get(p.staff_id)!.unitId), recruitedOn: p.recruited_on, placedOn: firstPlaced.get(p.id) ?? null }))
        .filter((p) => visible === 'all' || visible.has(p.unitId));
      const progress = placementProgress(inUnits, on);
      const schemeUnits = [...new Set((await schemeRows(db)).filter((r) => r.status === 'approved').map((r) => r.unit_id))];
      const unitIds = [...new Set([...schemeUnits.filter((u) => visible === 'all' || visible.has(u)), ...progress.keys()])];
      const names = await deps.org.directory.unitNames(unitIds);
      const rows = [];
      for (const unitId of unitIds) {
        const g = await gapsOf(unitId, on);
        rows.push({ unitId, unitName: names.get(unitId) ?? '', schemeId: g.scheme?.id ?? null, ...g.totals, placement: progress.get(unitId) ?? { placed: 0, pending: 0, overdue: 0, not_required: 0 } });
      }
      rows.sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
      return { day: on, deadline: PLACEMENT_DEADLINE, rows };
    },

    inForce,
  };
  return service;
}

export const STATUS_VI: Record<SchemeStatus, string> = { draft: 'Dự thảo', submitted: 'Đã gửi thẩm định', returned: 'Bị trả lại', appraised: 'Đã thẩm định', approved: 'Đã phê duyệt' };
export type SchemesService = ReturnType<typeof createSchemesService>;
