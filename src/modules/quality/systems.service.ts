import type { Updateable } from 'kysely';
import { authorize, can } from '../../platform/access/policy.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { UnitView } from '../org/schema.js';
import { createDeclarationsService } from './declarations.service.js';
import { currentObjectiveYear, readingsOf } from './objectives.readings.js';
import {
  accessFrom, actorOf, addEvent, eventsOf, invalid, loadSystem, recordNotFound, staleVersion, todayOf, type IsoDay, type QualityDeps, type SystemAccess, type SystemRow,
} from './quality.context.js';
import type { Obligation, QmsSystemsTable } from './quality.tables.js';
import type { SystemCreateInput, SystemUpdateInput } from './systems.schema.js';
import { declarationsWithStatus, mayOf, staffNamer, systemView } from './systems.view.js';

const unitNotFound = () => recordNotFound('đơn vị', 'unit');
const qmsExists = () => errors.conflict('QMS_EXISTS', 'Cơ quan này đã có hệ thống quản lý chất lượng.', 'This agency already has a quality management system.');
const secretaryByHead = () => new AppError('FORBIDDEN', 403, 'Chỉ người đứng đầu cơ quan phân công thư ký ISO.', 'Only the head of the agency appoints the ISO secretary.');

const inForce = (u: Pick<UnitView, 'effectiveFrom' | 'effectiveTo'>, today: IsoDay) => (!u.effectiveFrom || u.effectiveFrom <= today) && (!u.effectiveTo || u.effectiveTo >= today);

/**
 * Decision 19/2014/QĐ-TTg art. 2: mandatory for the province's agencies, encouraged for communes (a
 * unit inside a commune follows it). Only the default: the head may record otherwise.
 */
function defaultObligation(unitId: number, units: readonly UnitView[]): Obligation {
  const byId = new Map(units.map((u) => [u.id, u]));
  for (let u = byId.get(unitId), guard = 0; u && guard < 64; u = u.parentId === null ? undefined : byId.get(u.parentId), guard++) {
    if (u.kind === 'commune') return 'encouraged';
  }
  return 'mandatory';
}

/**
 * Quality management systems (Part A of API.md): one per agency, with its scope, exclusions, policy,
 * ISO secretary and announcement of conformity. Each change is one transaction with its history row
 * (qms_events) and audit row; org and every other read happen before it.
 */
export function createSystemsService(deps: QualityDeps) {
  const { db } = deps;
  const staffNames = (unitIds: number[]) => deps.org.staffNames(unitIds);

  async function detailOf(ctx: RequestContext, qmsId: number) {
    const { system, access } = await loadSystem(deps, ctx, qmsId, 'read');
    const [units, declarations, history] = await Promise.all([deps.org.allUnits(), declarationsWithStatus(deps, system), eventsOf(db, 'system', qmsId)]);
    const name = await staffNamer(deps, [system.policy_approved_by, system.iso_secretary_staff_id]);
    const agencyName = units.find((u) => u.id === system.agency_unit_id)?.name ?? '';
    return { ...systemView(system, agencyName, name), may: mayOf(access), declaration: declarations[0] ?? null, history };
  }

  async function list(ctx: RequestContext) {
    const actor = actorOf(ctx);
    const today = todayOf(deps);
    const [rows, units] = await Promise.all([db.selectFrom('qms_systems').selectAll().execute(), deps.org.allUnits()]);
    const order = new Map(units.map((u, i) => [u.id, i]));
    const agencies = new Set(rows.map((r) => r.agency_unit_id));
    const readable: { row: SystemRow; access: SystemAccess }[] = [];
    for (const row of rows) {
      const access = accessFrom(actor, row, units, agencies);
      if (access.read) readable.push({ row, access });
    }
    readable.sort((a, b) => (order.get(a.row.agency_unit_id) ?? 0) - (order.get(b.row.agency_unit_id) ?? 0));
    const openCounts = readable.length === 0 ? [] : await db.selectFrom('qms_nonconformities').select(['qms_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('qms_id', 'in', readable.map((r) => r.row.id)).where('status', '<>', 'closed').groupBy('qms_id').execute();
    const open = new Map(openCounts.map((c) => [c.qms_id, Number(c.n)]));
    const year = currentObjectiveYear(today);
    const items = [];
    for (const { row, access } of readable) {
      const objectives = (await readingsOf(deps, row, year)).filter((o) => o.active);
      items.push({
        id: row.id, agencyUnitId: row.agency_unit_id, agencyName: units.find((u) => u.id === row.agency_unit_id)?.name ?? '',
        obligation: row.obligation, standard: row.standard,
        objectives: { year, met: objectives.filter((o) => o.reading.met === true).length, total: objectives.length },
        openNonconformities: open.get(row.id) ?? 0, may: mayOf(access),
      });
    }
    const existing = new Set(rows.map((r) => r.agency_unit_id));
    const creatable = units.filter((u) => u.kind !== 'section' && inForce(u, today) && !existing.has(u.id) && can(actor, 'qms.approve', u.id))
      .map((u) => ({ unitId: u.id, name: u.name }));
    return { items, creatable };
  }

  async function create(ctx: RequestContext, input: SystemCreateInput) {
    const actor = actorOf(ctx);
    const today = todayOf(deps);
    const units = await deps.org.allUnits();
    const unit = units.find((u) => u.id === input.agencyUnitId);
    if (!unit) throw unitNotFound();
    authorize(actor, 'qms.approve', unit.id, 'qms.read', unitNotFound);
    if (unit.kind === 'section') throw invalid('agencyUnitId', 'Hệ thống quản lý chất lượng được xây dựng cho cả cơ quan, không cho riêng một phòng, ban.', 'A QMS is built for the whole agency, not one of its sections.');
    if (!inForce(unit, today)) throw invalid('agencyUnitId', 'Đơn vị không còn (hoặc chưa) hoạt động.', 'The unit is not in existence today.');
    if (await db.selectFrom('qms_systems').select('id').where('agency_unit_id', '=', unit.id).executeTakeFirst()) throw qmsExists();
    const values = { agency_unit_id: unit.id, obligation: input.obligation ?? defaultObligation(unit.id, units), standard: input.standard ?? 'TCVN ISO 9001:2015' };
    const at = deps.now();
    const id = await inTransaction(db, async (trx) => {
      const row = await trx.insertInto('qms_systems').values({ ...values, exclusions: '[]', settings: '{}', created_at: at, updated_at: at })
        .returning('id').executeTakeFirstOrThrow()
        .catch((e) => { throw isUniqueViolation(e) ? qmsExists() : e; });
      await addEvent(trx, ctx, at, { qmsId: row.id, record: 'system', entityId: row.id, action: 'created', details: { obligation: values.obligation, standard: values.standard } });
      await recordAudit(trx, ctx, { action: 'quality.system_created', entity: 'qms_system', entityId: row.id, unitId: unit.id, after: values });
      return row.id;
    });
    return detailOf(ctx, id);
  }

  /** The agency's active staff (its whole subtree), for the pickers. */
  async function peopleOf(system: SystemRow) {
    const ids = (await deps.org.subtrees([system.agency_unit_id])).get(system.agency_unit_id) ?? [system.agency_unit_id];
    return (await staffNames(ids)).map((s) => ({ staffId: s.id, name: s.fullName, position: s.position, unitId: s.unitId, unitName: s.unitName }));
  }

  async function people(ctx: RequestContext, qmsId: number) {
    const { system } = await loadSystem(deps, ctx, qmsId, 'read');
    return { items: await peopleOf(system) };
  }

  async function update(ctx: RequestContext, qmsId: number, input: SystemUpdateInput) {
    const { system, access } = await loadSystem(deps, ctx, qmsId, 'manage');
    const secretaryChanges = input.isoSecretaryStaffId !== undefined && input.isoSecretaryStaffId !== system.iso_secretary_staff_id;
    // The secretary gains the right to keep the QMS: appointing one is the head's decision, not a peer's.
    if (secretaryChanges && !access.approve) throw secretaryByHead();
    if (input.version !== system.version) throw staleVersion();
    if (secretaryChanges && input.isoSecretaryStaffId != null && !(await peopleOf(system)).some((p) => p.staffId === input.isoSecretaryStaffId)) {
      throw invalid('isoSecretaryStaffId', 'Thư ký ISO phải là cán bộ đang công tác tại cơ quan.', 'The ISO secretary must be a current staff member of the agency.');
    }
    const values: Updateable<QmsSystemsTable> = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const change = (column: keyof SystemRow, next: unknown, stored: unknown = next) => {
      const same = JSON.stringify(system[column]) === JSON.stringify(next);
      if (next === undefined || same) return;
      before[column] = system[column];
      after[column] = next;
      (values as Record<string, unknown>)[column] = stored;
    };
    change('obligation', input.obligation);
    change('standard', input.standard);
    change('scope_text', input.scopeText);
    change('exclusions', input.exclusions, input.exclusions && JSON.stringify(input.exclusions));
    change('policy_text', input.policyText);
    change('iso_secretary_staff_id', input.isoSecretaryStaffId);
    if (Object.keys(values).length === 0) return detailOf(ctx, qmsId);
    // An approved policy is the text the head signed: another text needs approving again.
    const approvalCleared = values.policy_text !== undefined && system.policy_approved_on !== null;
    if (approvalCleared) Object.assign(values, { policy_approved_by: null, policy_approved_on: null });
    const at = deps.now();
    await inTransaction(db, async (trx) => {
      const updated = await trx.updateTable('qms_systems').set({ ...values, version: system.version + 1, updated_at: at })
        .where('id', '=', qmsId).where('version', '=', input.version).returning('id').executeTakeFirst();
      if (!updated) throw staleVersion();
      const details = { changed: Object.keys(after), before, after, ...(approvalCleared ? { policyApprovalCleared: true } : {}) };
      await addEvent(trx, ctx, at, { qmsId, record: 'system', entityId: qmsId, action: 'updated', details });
      await recordAudit(trx, ctx, { action: 'quality.system_updated', entity: 'qms_system', entityId: qmsId, unitId: system.agency_unit_id, before, after: details.after });
    });
    return detailOf(ctx, qmsId);
  }

  async function approvePolicy(ctx: RequestContext, qmsId: number, input: { version: number }) {
    const { system, actor } = await loadSystem(deps, ctx, qmsId, 'approve');
    if (input.version !== system.version) throw staleVersion();
    if (!system.policy_text.trim()) throw errors.conflict('QMS_POLICY_EMPTY', 'Chưa có nội dung chính sách chất lượng để phê duyệt.', 'There is no quality policy text to approve.');
    if (system.policy_approved_on) throw errors.conflict('QMS_POLICY_ALREADY_APPROVED', 'Chính sách chất lượng này đã được phê duyệt.', 'This quality policy is already approved.');
    const today = todayOf(deps);
    const at = deps.now();
    await inTransaction(db, async (trx) => {
      const updated = await trx.updateTable('qms_systems').set({ policy_approved_by: actor.staffId, policy_approved_on: today, version: system.version + 1, updated_at: at })
        .where('id', '=', qmsId).where('version', '=', input.version).returning('id').executeTakeFirst();
      if (!updated) throw staleVersion();
      await addEvent(trx, ctx, at, { qmsId, record: 'system', entityId: qmsId, action: 'policy_approved', details: { on: today } });
      await recordAudit(trx, ctx, { action: 'quality.policy_approved', entity: 'qms_system', entityId: qmsId, unitId: system.agency_unit_id, after: { on: today, policyLength: system.policy_text.length } });
    });
    return detailOf(ctx, qmsId);
  }

  return { list, create, get: detailOf, update, approvePolicy, people, declarations: createDeclarationsService(deps, detailOf) };
}
export type SystemsService = ReturnType<typeof createSystemsService>;
