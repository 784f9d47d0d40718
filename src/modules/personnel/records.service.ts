import { can, reachable } from '../../platform/access/policy.js';
import { grantsOf } from '../../platform/access/grants.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { actorOf, vnDay, loadPerson, personNotFound, requireHr, standingOf, type PersonnelDeps, type PersonRow, type Standing } from './personnel.context.js';
import type { PersonRecord, RecordHeader } from './record-fields.js';
import { changeDiff, currentRecord, mayDecide, type Decision } from './rules/record-changes.js';
import { CIRCULAR_08_2013, MAX_STEPS, nextStep, stepsDue } from './rules/salary.js';

/**
 * The civil-servant record (issue 17 item 2): HR opens it for a staff member; the person or HR proposes
 * changes that apply only once HR approves them (Law 80/2025 Art. 42); every view by someone other than
 * the person and HR carries a reason and is logged, in the same transaction as the read it allows.
 */
const PAGE = 50;
const changeNotFound = () => errors.notFound('đề nghị thay đổi hồ sơ', 'record change');

export function createRecordsService(deps: PersonnelDeps) {
  const { db } = deps;

  /** The record as the caller may see it; a reader must give a reason, and the view is logged. */
  async function open(ctx: RequestContext, id: number, what: string, reason?: string): Promise<{ person: PersonRow; standing: Standing; viewLogged: boolean }> {
    const actor = actorOf(ctx);
    const person = await loadPerson(deps, db, id);
    const standing = standingOf(actor, person);
    if (standing === 'none') throw personNotFound();
    if (standing !== 'reader') return { person, standing, viewLogged: false };
    if (!reason) throw new AppError('PERSONNEL_VIEW_REASON_REQUIRED', 400, 'Xem hồ sơ của người khác cần nêu lý do; lượt xem được ghi lại.', 'Viewing another person\'s record needs a reason; the view is logged.');
    await inTransaction(db, async (trx) => {
      await trx.insertInto('hr_record_views').values({ person_id: id, viewer_staff_id: actor.staffId, reason, what, viewed_at: deps.now() }).execute();
      await recordAudit(trx, ctx, { action: 'personnel.record_viewed', entity: 'hr_person', entityId: id, unitId: person.unitId, after: { what, reason } });
    });
    return { person, standing, viewLogged: true };
  }

  async function changesOf(personIds: number[], status?: string) {
    if (!personIds.length && !status) return [];
    let q = db.selectFrom('hr_record_changes').selectAll().orderBy('id', 'desc');
    if (personIds.length) q = q.where('person_id', 'in', personIds);
    if (status) q = q.where('status', '=', status as never);
    const rows = await q.limit(500).execute();
    const names = new Map((await deps.org.staffNamesByIds([...new Set(rows.flatMap((r) => [r.proposed_by_staff_id, r.decided_by_staff_id ?? 0]))])).map((s) => [s.id, s.fullName]));
    return rows.map((r) => ({
      id: r.id, personId: r.person_id, set: r.set_fields as Record<string, unknown>, reason: r.reason, status: r.status,
      proposedBy: names.get(r.proposed_by_staff_id) ?? '', proposedAt: r.proposed_at, decidedBy: r.decided_by_staff_id ? names.get(r.decided_by_staff_id) ?? '' : null,
      decidedAt: r.decided_at, decisionNote: r.decision_note, before: r.before_fields as Record<string, unknown> | null,
    }));
  }

  const service = {
    async list(ctx: RequestContext, q: { unitId?: number; q?: string; page: number }) {
      const actor = actorOf(ctx);
      const reach = new Set(reachable(actor, 'personnel.read'));
      const people = await db.selectFrom('hr_people').select(['id', 'staff_id', 'civil_servant_no', 'recruited_on', 'status', 'record']).orderBy('id').execute();
      const staff = new Map((await deps.org.staffNamesByIds(people.map((p) => p.staff_id))).map((s) => [s.id, s]));
      const unitFilter = q.unitId ? new Set((await deps.org.subtrees([q.unitId])).get(q.unitId) ?? [q.unitId]) : undefined;
      const needle = q.q ? fold(q.q) : undefined;
      const rows = people.map((p) => ({ p, s: staff.get(p.staff_id) }))
        .filter(({ s }) => s && reach.has(s.unitId) && (!unitFilter || unitFilter.has(s.unitId)))
        .filter(({ p, s }) => !needle || fold(`${s!.fullName} ${p.civil_servant_no ?? ''}`).includes(needle))
        .sort((a, b) => a.s!.fullName.localeCompare(b.s!.fullName, 'vi') || a.p.id - b.p.id);
      const page = rows.slice((q.page - 1) * PAGE, q.page * PAGE);
      const placements = await currentPlacements(page.map((r) => r.p.id));
      return {
        total: rows.length, page: q.page, pageSize: PAGE,
        items: page.map(({ p, s }) => {
          const salary = ((p.record as PersonRecord).salary ?? []).at(-1);
          return { id: p.id, staffId: p.staff_id, fullName: s!.fullName, unitId: s!.unitId, unitName: s!.unitName, position: s!.position, civilServantNo: p.civil_servant_no,
            positionName: placements.get(p.id)?.position_name ?? null, gradeName: salary?.gradeName || null, status: p.status, recruitedOn: p.recruited_on };
        }),
      };
    },

    /** HR's list of regular step raises falling due in a window, for the units it keeps. */
    async stepsDue(ctx: RequestContext, q: { from: string; to: string }) {
      const actor = actorOf(ctx);
      const keep = new Set(reachable(actor, 'personnel.manage'));
      const people = await db.selectFrom('hr_people').select(['id', 'staff_id', 'record']).where('status', '=', 'serving').execute();
      const staff = new Map((await deps.org.staffNamesByIds(people.map((p) => p.staff_id))).map((s) => [s.id, s]));
      const rows = people.flatMap((p) => {
        const s = staff.get(p.staff_id);
        const r = p.record as PersonRecord;
        const last = (r.salary ?? []).at(-1);
        if (!s || !keep.has(s.unitId) || !last) return [];
        const next = nextStep(CIRCULAR_08_2013, { gradeCode: last.gradeCode, step: last.step, maxStep: MAX_STEPS[last.gradeCode] ?? 99, since: `${last.month}-01`, discipline: r.discipline ?? [] });
        return [{ personId: p.id, fullName: s.fullName, unitName: s.unitName, gradeCode: last.gradeCode, gradeName: last.gradeName, step: last.step,
          nextOn: next.kind === 'regular' ? next.on : null, delayedMonths: next.kind === 'regular' ? next.delayedMonths : 0, top: next.kind === 'top' }];
      });
      return stepsDue(rows, q.from, q.to);
    },

    async create(ctx: RequestContext, input: { staffId: number; civilServantNo?: string; recruitedOn: string; record: PersonRecord }) {
      const actor = actorOf(ctx);
      const [staff] = await deps.org.staffNamesByIds([input.staffId]);
      if (!staff || !can(actor, 'personnel.read', staff.unitId)) throw errors.notFound('cán bộ', 'staff member');
      if (!can(actor, 'personnel.manage', staff.unitId)) throw errors.forbidden();
      const exists = await db.selectFrom('hr_people').select('id').where('staff_id', '=', input.staffId).executeTakeFirst();
      if (exists) throw errors.conflict('PERSON_EXISTS', 'Cán bộ này đã có hồ sơ công chức.', 'This staff member already has a record.', { personId: exists.id });
      const created = await inTransaction(db, async (trx) => {
        const row = await trx.insertInto('hr_people').values({ staff_id: input.staffId, civil_servant_no: input.civilServantNo || null, recruited_on: input.recruitedOn, record: JSON.stringify(input.record) })
          .returning('id').executeTakeFirstOrThrow()
          .catch((e: { code?: string }) => { if (e.code === '23505') throw errors.conflict('CIVIL_SERVANT_NO_TAKEN', 'Số hiệu công chức đã được dùng cho người khác.', 'The civil-servant number is taken.'); throw e; });
        await recordAudit(trx, ctx, { action: 'personnel.record_opened', entity: 'hr_person', entityId: row.id, unitId: staff.unitId, after: { staffId: input.staffId, civilServantNo: input.civilServantNo ?? null } });
        return row.id;
      });
      return loadPerson(deps, db, created);
    },

    async me(ctx: RequestContext) {
      const actor = actorOf(ctx);
      const row = await db.selectFrom('hr_people').select('id').where('staff_id', '=', actor.staffId).executeTakeFirst();
      if (!row) throw errors.notFound('hồ sơ công chức của bạn', 'your civil-servant record');
      return service.get(ctx, row.id);
    },

    async get(ctx: RequestContext, id: number, reason?: string) {
      const { person, standing, viewLogged } = await open(ctx, id, 'record', reason);
      const [changes, movements, placements, grants, evaluations] = await Promise.all([
        changesOf([id]),
        db.selectFrom('hr_movements').selectAll().where('person_id', '=', id).orderBy('on_date').orderBy('id').execute(),
        db.selectFrom('hr_placements').selectAll().where('person_id', '=', id).orderBy('from_date').orderBy('id').execute(),
        grantsOf(db, person.staffId),
        db.selectFrom('hr_evaluations').select(['year', 'status', 'points', 'rating', 'demoted']).where('person_id', '=', id).orderBy('year', 'desc').execute(),
      ]);
      const units = await deps.org.directory.unitNames([...new Set([...movements.flatMap((m) => [m.from_unit_id ?? 0, m.to_unit_id ?? 0]), ...placements.map((p) => p.unit_id), ...grants.map((g) => g.unitId)])]);
      return {
        person: { ...person, record: undefined }, record: person.record, standing, viewLogged,
        changes: changes.map((c) => ({ ...c, diff: c.status === 'proposed' ? changeDiff(person.record, c) : changeDiff(c.before ?? {}, c) })),
        movements: movements.map((m) => ({ id: m.id, kind: m.kind, on: m.on_date, until: m.until_date, fromUnitName: m.from_unit_id ? units.get(m.from_unit_id) ?? '' : null, toUnitName: m.to_unit_id ? units.get(m.to_unit_id) ?? '' : null,
          positionCode: m.position_code, positionName: m.position_name, decisionNo: m.decision_no, decisionDate: m.decision_date, signer: m.signer, note: m.note })),
        placements: placements.map((p) => ({ id: p.id, unitId: p.unit_id, unitName: units.get(p.unit_id) ?? '', positionCode: p.position_code, positionName: p.position_name, from: p.from_date, to: p.to_date })),
        grants: grants.map((g) => ({ ...g, unitName: units.get(g.unitId) ?? '' })),
        evaluations: evaluations.map((e) => ({ year: e.year, status: e.status, points: e.points === null ? null : Number(e.points), rating: e.rating, demoted: e.demoted })),
      };
    },

    /** The header and record the official form prints (same viewing rule as the record). */
    async form(ctx: RequestContext, id: number, reason?: string): Promise<{ header: RecordHeader; record: PersonRecord; fullName: string; printedOn: string }> {
      const { person } = await open(ctx, id, 'form', reason);
      const units = await deps.org.allUnits();
      const unit = units.find((u) => u.id === person.unitId);
      const parent = unit?.parentId ? units.find((u) => u.id === unit.parentId) : undefined;
      const salary = (person.record.salary ?? []).at(-1);
      const placed = (await currentPlacements([id])).get(id);
      return {
        fullName: person.fullName, record: person.record, printedOn: vnDay(deps.now()),
        header: { fullName: person.fullName, civilServantNo: person.civilServantNo, managingBody: parent?.name ?? unit?.name ?? '', employingUnit: person.unitName,
          position: placed?.position_name ?? person.position, gradeName: salary?.gradeName || null, gradeCode: salary?.gradeCode || null, recruitedOn: person.recruitedOn, photo: null },
      };
    },

    async views(ctx: RequestContext, id: number) {
      const actor = actorOf(ctx);
      const person = await loadPerson(deps, db, id);
      const standing = standingOf(actor, person);
      if (standing === 'none') throw personNotFound();
      if (standing === 'reader') throw errors.forbidden();
      const rows = await db.selectFrom('hr_record_views').selectAll().where('person_id', '=', id).orderBy('viewed_at', 'desc').limit(500).execute();
      const names = new Map((await deps.org.staffNamesByIds([...new Set(rows.map((r) => r.viewer_staff_id))])).map((s) => [s.id, s]));
      return rows.map((r) => ({ id: r.id, viewer: names.get(r.viewer_staff_id)?.fullName ?? '', viewerUnit: names.get(r.viewer_staff_id)?.unitName ?? '', reason: r.reason, what: r.what, at: r.viewed_at }));
    },

    async propose(ctx: RequestContext, id: number, input: { set: Record<string, unknown>; reason: string }) {
      const actor = actorOf(ctx);
      const person = await loadPerson(deps, db, id);
      const standing = standingOf(actor, person);
      if (standing === 'none') throw personNotFound();
      if (standing === 'reader') throw errors.forbidden();
      // Only the fields that differ are kept: an unchanged field sent along must not undo a later approved change.
      const diff = changeDiff(person.record, input);
      if (!diff.length) throw errors.badRequest('Đề nghị không thay đổi gì so với hồ sơ hiện tại.', 'The change changes nothing.');
      input = { ...input, set: Object.fromEntries(diff.map((d) => [d.field, d.after])) };
      return inTransaction(db, async (trx) => {
        const row = await trx.insertInto('hr_record_changes').values({ person_id: id, set_fields: JSON.stringify(input.set), reason: input.reason, proposed_by_staff_id: actor.staffId, proposed_at: deps.now() })
          .returning('id').executeTakeFirstOrThrow();
        await recordAudit(trx, ctx, { action: 'personnel.change_proposed', entity: 'hr_person', entityId: id, unitId: person.unitId, after: { changeId: row.id, fields: Object.keys(input.set), reason: input.reason } });
        return { id: row.id, status: 'proposed' as const, diff: changeDiff(person.record, input) };
      });
    },

    /** HR's queue: changes of the people in the units it keeps. */
    async queue(ctx: RequestContext, status: string) {
      const actor = actorOf(ctx);
      const keep = new Set(reachable(actor, 'personnel.manage'));
      const rows = await changesOf([], status);
      const people = await db.selectFrom('hr_people').select(['id', 'staff_id', 'record']).where('id', 'in', rows.length ? [...new Set(rows.map((r) => r.personId))] : [0]).execute();
      const staff = new Map((await deps.org.staffNamesByIds(people.map((p) => p.staff_id))).map((s) => [s.id, s]));
      const byId = new Map(people.map((p) => [p.id, { record: p.record as PersonRecord, staff: staff.get(p.staff_id) }]));
      return rows.filter((r) => { const s = byId.get(r.personId)?.staff; return s && keep.has(s.unitId); })
        .map((r) => ({ ...r, fullName: byId.get(r.personId)!.staff!.fullName, unitName: byId.get(r.personId)!.staff!.unitName, diff: changeDiff(r.status === 'proposed' ? byId.get(r.personId)!.record : r.before ?? {}, r) }));
    },

    async decide(ctx: RequestContext, changeId: number, input: { decision: Decision; note: string }) {
      const actor = actorOf(ctx);
      const change = await db.selectFrom('hr_record_changes').selectAll().where('id', '=', changeId).executeTakeFirst();
      if (!change) throw changeNotFound();
      const person = await loadPerson(deps, db, change.person_id);
      const standing = standingOf(actor, person);
      if (standing === 'none') throw changeNotFound();
      const allowed = mayDecide({ status: change.status }, input.decision, { isOwner: change.proposed_by_staff_id === actor.staffId, isHr: standing === 'hr' });
      if (!allowed.ok) throw change.status !== 'proposed' ? errors.conflict('CHANGE_DECIDED', allowed.message, 'The change was already decided.') : errors.forbidden();
      return inTransaction(db, async (trx: Tx) => {
        // The person row is locked so two approvals never apply over each other.
        const current = await trx.selectFrom('hr_people').select(['record', 'version']).where('id', '=', person.id).forUpdate().executeTakeFirstOrThrow();
        const status = { approve: 'approved', reject: 'rejected', withdraw: 'withdrawn' }[input.decision] as 'approved' | 'rejected' | 'withdrawn';
        const moved = await trx.updateTable('hr_record_changes').set({ status, decided_by_staff_id: actor.staffId, decided_at: deps.now(), decision_note: input.note || null,
          before_fields: input.decision === 'approve' ? JSON.stringify(Object.fromEntries(Object.keys(change.set_fields as object).map((k) => [k, (current.record as Record<string, unknown>)[k] ?? null]))) : null })
          .where('id', '=', changeId).where('status', '=', 'proposed').executeTakeFirst();
        if (Number(moved.numUpdatedRows) === 0) throw errors.stale();
        if (input.decision === 'approve') {
          const next = currentRecord(current.record as Record<string, unknown>, [{ id: changeId, set: change.set_fields as Record<string, unknown>, status: 'approved', decidedAt: deps.now().toISOString() }]);
          for (const [k, v] of Object.entries(next)) if (v === null) delete next[k];
          await trx.updateTable('hr_people').set((eb) => ({ record: JSON.stringify(next), version: eb('version', '+', 1), updated_at: deps.now() })).where('id', '=', person.id).execute();
        }
        await recordAudit(trx, ctx, { action: `personnel.change_${status}`, entity: 'hr_person', entityId: person.id, unitId: person.unitId, after: { changeId, note: input.note || null } });
        return { id: changeId, status };
      });
    },
  };

  async function currentPlacements(personIds: number[]) {
    if (!personIds.length) return new Map<number, { position_name: string; unit_id: number }>();
    const rows = await db.selectFrom('hr_placements').select(['person_id', 'position_name', 'unit_id', 'from_date']).where('person_id', 'in', personIds).where('to_date', 'is', null).orderBy('from_date').execute();
    return new Map(rows.map((r) => [r.person_id, r]));
  }
  return service;
}

/** Lower case without diacritics, for a search that works without typing them. */
export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase();
export type RecordsService = ReturnType<typeof createRecordsService>;
