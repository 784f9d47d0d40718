import { authorize, can, hasAnywhere, reachable, requireActor, type Role } from '../../platform/access/policy.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { StaffDirectory, StaffSummary } from '../../platform/auth/ports.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { translateDbError } from '../../platform/db/db-errors.js';
import { inTransaction, type Db, type Tx } from '../../platform/db/transaction.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { agencyCodeProblem } from './agency-code.js';
import * as repo from './org.repository.js';
import type { CreatePositionInput, CreateStaffInput, CreateUnitInput, PositionView, StaffView, UnitView, UpdatePositionInput, UpdateStaffInput, UpdateUnitInput } from './schema.js';

const unitNotFound = () => errors.notFound('đơn vị', 'Unit', 'UNIT_NOT_FOUND');
const staffNotFound = () => errors.notFound('cán bộ', 'Staff member', 'STAFF_NOT_FOUND');
const positionNotFound = () => errors.notFound('vị trí việc làm', 'Job position', 'POSITION_NOT_FOUND');

const uniqueErrors = {
  org_units_code_key: new AppError('UNIT_CODE_TAKEN', 409, 'Mã định danh đã được dùng cho đơn vị khác.', 'The agency code is already used by another unit.', [{ path: 'code', message: 'Mã định danh đã được dùng cho đơn vị khác.', messageEn: 'Already used.' }]),
  org_staff_badge_key: new AppError('BADGE_TAKEN', 409, 'Số thẻ đã được cấp cho cán bộ khác.', 'The badge number is already used.', [{ path: 'badgeNumber', message: 'Số thẻ đã được cấp cho cán bộ khác.', messageEn: 'Already used.' }]),
  auth_accounts_username_key: new AppError('USERNAME_TAKEN', 409, 'Tên đăng nhập đã tồn tại.', 'The username is taken.', [{ path: 'username', message: 'Tên đăng nhập đã tồn tại.', messageEn: 'Taken.' }]),
  org_positions_unit_code_key: new AppError('POSITION_CODE_TAKEN', 409, 'Mã vị trí việc làm đã có trong đơn vị.', 'The job position code already exists in the unit.', [{ path: 'code', message: 'Mã vị trí đã có trong đơn vị.', messageEn: 'Already exists.' }]),
};

function checkCode(code: string | null | undefined): void {
  if (!code) return;
  const problem = agencyCodeProblem(code);
  if (problem) throw errors.validation([{ path: 'code', message: `Mã định danh: ${problem.vi}`, messageEn: `Agency code: ${problem.en}` }]);
}

function checkDates(from: string | null | undefined, to: string | null | undefined, path: string): void {
  if (from && to && to < from) throw errors.validation([{ path, message: 'Ngày kết thúc phải sau ngày bắt đầu.', messageEn: 'The end date must not be before the start date.' }]);
}

export type OrgService = ReturnType<typeof createOrgService>;

export function createOrgService(db: Db) {
  async function versionedUpdate(trx: Tx, table: 'org_units' | 'org_staff' | 'org_positions', id: number, version: number, values: Record<string, unknown>): Promise<void> {
    const result = await trx.updateTable(table).set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: new Date() } as never))
      .where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw errors.stale();
  }

  const service = {
    async listUnits(ctx: RequestContext): Promise<UnitView[]> {
      return repo.listUnits(db, reachable(requireActor(ctx.actor), 'org.read'));
    },

    async getUnit(ctx: RequestContext, id: number): Promise<UnitView> {
      const unit = await repo.findUnit(db, id);
      if (!unit) throw unitNotFound();
      authorize(ctx.actor, 'org.read', id, 'org.read', unitNotFound);
      return unit;
    },

    async createUnit(ctx: RequestContext, input: CreateUnitInput): Promise<UnitView> {
      checkCode(input.code);
      checkDates(input.effectiveFrom, input.effectiveTo, 'effectiveTo');
      if (ctx.system) {
        // the CLI and the demo seeder act for the installation itself
      } else if (input.parentId === null) {
        const actor = requireActor(ctx.actor);
        // A new root is a new province tree: only someone who manages every existing root may add one.
        const roots = (await repo.listUnits(db)).filter((u) => u.parentId === null);
        if (roots.some((r) => !can(actor, 'org.manage', r.id)) || !hasAnywhere(actor, 'org.manage')) throw errors.forbidden();
      } else {
        authorize(ctx.actor, 'org.manage', input.parentId, 'org.read', unitNotFound);
      }
      return inTransaction(db, async (trx) => {
        const row = await trx.insertInto('org_units').values({
          parent_id: input.parentId, code: input.code, name: input.name, short_name: input.shortName, kind: input.kind,
          function: input.function, effective_from: input.effectiveFrom, effective_to: input.effectiveTo, phone: input.phone ?? null,
        }).returning('id').executeTakeFirstOrThrow().catch((e) => translateDbError(e, uniqueErrors));
        const unit = (await repo.findUnit(trx, row.id))!;
        await recordAudit(trx, ctx, { action: 'org.unit.created', entity: 'unit', entityId: unit.id, unitId: unit.id, after: unit });
        // A grant covers the whole subtree, including units created during this request (an import
        // creates parents, then their children).
        for (const set of ctx.actor?.reach.values() ?? []) if (input.parentId !== null && set.has(input.parentId)) (set as Set<number>).add(unit.id);
        return unit;
      });
    },

    async updateUnit(ctx: RequestContext, id: number, input: UpdateUnitInput): Promise<UnitView> {
      const actor = requireActor(ctx.actor);
      const before = await repo.findUnit(db, id);
      if (!before) throw unitNotFound();
      authorize(actor, 'org.manage', id, 'org.read', unitNotFound);
      checkCode(input.code);
      checkDates(input.effectiveFrom ?? before.effectiveFrom, input.effectiveTo ?? before.effectiveTo, 'effectiveTo');
      if (input.parentId !== undefined && input.parentId !== before.parentId) {
        if (input.parentId === null) throw errors.badRequest('Không thể biến đơn vị thành gốc của cây.', 'A unit cannot be made a root.');
        authorize(actor, 'org.manage', input.parentId, 'org.read', unitNotFound);
        if (input.parentId === id || (await repo.ancestorIds(db, input.parentId)).includes(id)) {
          throw errors.validation([{ path: 'parentId', message: 'Không thể chuyển đơn vị vào chính đơn vị con của nó.', messageEn: 'A unit cannot move under its own descendant.' }]);
        }
      }
      return inTransaction(db, async (trx) => {
        const values: Record<string, unknown> = {};
        const map: Record<string, string> = { parentId: 'parent_id', code: 'code', name: 'name', shortName: 'short_name', kind: 'kind', function: 'function', effectiveFrom: 'effective_from', effectiveTo: 'effective_to', phone: 'phone' };
        for (const [k, col] of Object.entries(map)) if ((input as Record<string, unknown>)[k] !== undefined) values[col] = (input as Record<string, unknown>)[k];
        await versionedUpdate(trx, 'org_units', id, input.version, values).catch((e) => translateDbError(e, uniqueErrors));
        const after = (await repo.findUnit(trx, id))!;
        await recordAudit(trx, ctx, { action: 'org.unit.updated', entity: 'unit', entityId: id, unitId: id, before, after });
        return after;
      });
    },

    async searchStaff(ctx: RequestContext, q: { unitId?: number; q?: string; page: number; pageSize: number; ids?: number[] }) {
      const actor = requireActor(ctx.actor);
      let unitIds = reachable(actor, 'staff.read');
      if (q.unitId) {
        if (!unitIds.includes(q.unitId)) throw unitNotFound();
        const sub = (await repo.subtrees(db, [q.unitId])).get(q.unitId) ?? [];
        unitIds = sub.filter((u) => unitIds.includes(u));
      }
      return repo.searchStaff(db, { unitIds, q: q.q, ids: q.ids, page: q.page, pageSize: q.pageSize });
    },

    async getStaff(ctx: RequestContext, id: number): Promise<StaffView> {
      const staff = await repo.findStaff(db, id);
      if (!staff) throw staffNotFound();
      if (!ctx.system) authorize(ctx.actor, 'staff.read', staff.unitId, 'staff.read', staffNotFound);
      return staff;
    },

    async createStaff(ctx: RequestContext, input: CreateStaffInput, opts: { demoPassword?: boolean } = {}): Promise<StaffView> {
      if (!ctx.system) {
        authorize(ctx.actor, 'staff.manage', input.unitId, 'staff.read', unitNotFound);
        for (const grant of input.roles) authorize(ctx.actor, 'org.manage', grant.unitId, 'org.read', unitNotFound);
      }
      checkDates(input.secondedFrom, input.secondedTo, 'secondedTo');
      if (input.roles.length && !input.username) {
        throw errors.validation([{ path: 'username', message: 'Cần tên đăng nhập để cấp vai trò.', messageEn: 'A username is needed to grant roles.' }]);
      }
      if (input.username && !input.password) {
        throw errors.validation([{ path: 'password', message: 'Cần mật khẩu ban đầu cho tài khoản.', messageEn: 'An initial password is needed.' }]);
      }
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      return inTransaction(db, async (trx) => {
        const row = await trx.insertInto('org_staff').values({
          full_name: input.fullName, position: input.position, unit_id: input.unitId, job_position_id: input.jobPositionId,
          badge_number: input.badgeNumber, phone: input.phone, email: input.email, active: input.active,
          seconded_from: input.secondedFrom, seconded_to: input.secondedTo,
        }).returning('id').executeTakeFirstOrThrow().catch((e) => translateDbError(e, uniqueErrors));
        if (input.username && passwordHash) {
          await trx.insertInto('auth_accounts').values({
            staff_id: row.id, username: input.username, password_hash: passwordHash,
            demo_password: opts.demoPassword ?? false, must_change_password: !opts.demoPassword,
          }).execute().catch((e) => translateDbError(e, uniqueErrors));
        }
        for (const grant of input.roles) {
          await trx.insertInto('access_grants').values({ staff_id: row.id, role: grant.role, unit_id: grant.unitId }).onConflict((oc) => oc.doNothing()).execute();
        }
        const staff = (await repo.findStaff(trx, row.id))!;
        await recordAudit(trx, ctx, { action: 'org.staff.created', entity: 'staff', entityId: staff.id, unitId: staff.unitId, after: { ...staff, roles: input.roles } });
        return staff;
      });
    },

    async updateStaff(ctx: RequestContext, id: number, input: UpdateStaffInput): Promise<StaffView> {
      const before = await repo.findStaff(db, id);
      if (!before) throw staffNotFound();
      authorize(ctx.actor, 'staff.manage', before.unitId, 'staff.read', staffNotFound);
      if (input.unitId !== undefined && input.unitId !== before.unitId) authorize(ctx.actor, 'staff.manage', input.unitId, 'staff.read', unitNotFound);
      checkDates(input.secondedFrom ?? before.secondedFrom, input.secondedTo ?? before.secondedTo, 'secondedTo');
      return inTransaction(db, async (trx) => {
        const map: Record<string, string> = { fullName: 'full_name', position: 'position', unitId: 'unit_id', jobPositionId: 'job_position_id', badgeNumber: 'badge_number', phone: 'phone', email: 'email', active: 'active', secondedFrom: 'seconded_from', secondedTo: 'seconded_to' };
        const values: Record<string, unknown> = {};
        for (const [k, col] of Object.entries(map)) if ((input as Record<string, unknown>)[k] !== undefined) values[col] = (input as Record<string, unknown>)[k];
        await versionedUpdate(trx, 'org_staff', id, input.version, values).catch((e) => translateDbError(e, uniqueErrors));
        const after = (await repo.findStaff(trx, id))!;
        await recordAudit(trx, ctx, { action: 'org.staff.updated', entity: 'staff', entityId: id, unitId: after.unitId, before, after });
        return after;
      });
    },

    async setStaffPhoto(ctx: RequestContext, id: number, photoKey: string): Promise<StaffView> {
      const staff = await service.getStaff(ctx, id);
      authorize(ctx.actor, 'staff.manage', staff.unitId, 'staff.read', staffNotFound);
      return inTransaction(db, async (trx) => {
        await trx.updateTable('org_staff').set((eb) => ({ photo_key: photoKey, version: eb('version', '+', 1), updated_at: new Date() })).where('id', '=', id).execute();
        await recordAudit(trx, ctx, { action: 'org.staff.photo_changed', entity: 'staff', entityId: id, unitId: staff.unitId });
        return (await repo.findStaff(trx, id))!;
      });
    },

    async findPublicStaff(publicId: string) {
      return repo.findStaffByPublicId(db, publicId);
    },

    async listPositions(ctx: RequestContext, unitId?: number): Promise<PositionView[]> {
      const ids = reachable(requireActor(ctx.actor), 'org.read');
      return repo.listPositions(db, unitId ? ids.filter((u) => u === unitId) : ids);
    },

    async createPosition(ctx: RequestContext, input: CreatePositionInput): Promise<PositionView> {
      authorize(ctx.actor, 'org.manage', input.unitId, 'org.read', unitNotFound);
      return inTransaction(db, async (trx) => {
        const row = await trx.insertInto('org_positions').values({ unit_id: input.unitId, code: input.code, name: input.name, grade: input.grade, quota: input.quota })
          .returning('id').executeTakeFirstOrThrow().catch((e) => translateDbError(e, uniqueErrors));
        const view = (await repo.listPositions(trx, [input.unitId])).find((p) => p.id === row.id)!;
        await recordAudit(trx, ctx, { action: 'org.position.created', entity: 'position', entityId: row.id, unitId: input.unitId, after: view });
        return view;
      });
    },

    async updatePosition(ctx: RequestContext, id: number, input: UpdatePositionInput): Promise<PositionView> {
      const current = await db.selectFrom('org_positions').select(['unit_id']).where('id', '=', id).executeTakeFirst();
      if (!current) throw positionNotFound();
      authorize(ctx.actor, 'org.manage', current.unit_id, 'org.read', positionNotFound);
      if (input.unitId !== undefined) authorize(ctx.actor, 'org.manage', input.unitId, 'org.read', unitNotFound);
      return inTransaction(db, async (trx) => {
        const before = (await repo.listPositions(trx, [current.unit_id])).find((p) => p.id === id);
        const values: Record<string, unknown> = {};
        for (const [k, col] of Object.entries({ unitId: 'unit_id', code: 'code', name: 'name', grade: 'grade', quota: 'quota' })) {
          if ((input as Record<string, unknown>)[k] !== undefined) values[col] = (input as Record<string, unknown>)[k];
        }
        await versionedUpdate(trx, 'org_positions', id, input.version, values).catch((e) => translateDbError(e, uniqueErrors));
        const unitId = input.unitId ?? current.unit_id;
        const after = (await repo.listPositions(trx, [unitId])).find((p) => p.id === id)!;
        await recordAudit(trx, ctx, { action: 'org.position.updated', entity: 'position', entityId: id, unitId, before, after });
        return after;
      });
    },

    async grantRole(ctx: RequestContext, staffId: number, role: Role, unitId: number): Promise<void> {
      const staff = await service.getStaff(ctx, staffId);
      authorize(ctx.actor, 'org.manage', unitId, 'org.read', unitNotFound);
      await inTransaction(db, async (trx) => {
        await trx.insertInto('access_grants').values({ staff_id: staffId, role, unit_id: unitId }).onConflict((oc) => oc.doNothing()).execute();
        await recordAudit(trx, ctx, { action: 'access.granted', entity: 'staff', entityId: staffId, unitId: staff.unitId, after: { role, unitId } });
      });
    },

    /**
     * A staff member's unit, title and active flag as the personnel module decides them (a transfer, a
     * leaving), inside that module's transaction and beside its own audit event; the org audit records the change too.
     */
    async applyPersonnelMove(trx: Tx, ctx: RequestContext, staffId: number, values: { unitId?: number; position?: string | null; active?: boolean; secondedFrom?: string | null; secondedTo?: string | null }): Promise<void> {
      const before = await repo.findStaff(trx, staffId);
      if (!before) throw staffNotFound();
      const set: Record<string, unknown> = {};
      if (values.unitId !== undefined) set.unit_id = values.unitId;
      if (values.position !== undefined) set.position = values.position;
      if (values.active !== undefined) set.active = values.active;
      if (values.secondedFrom !== undefined) set.seconded_from = values.secondedFrom;
      if (values.secondedTo !== undefined) set.seconded_to = values.secondedTo;
      if (!Object.keys(set).length) return;
      await trx.updateTable('org_staff').set((eb) => ({ ...set, version: eb('version', '+', 1), updated_at: new Date() })).where('id', '=', staffId).execute();
      const after = (await repo.findStaff(trx, staffId))!;
      await recordAudit(trx, ctx, { action: 'org.staff.updated', entity: 'staff', entityId: staffId, unitId: after.unitId, before, after });
    },

    /** The StaffDirectory port that sign-in uses. */
    directory: {
      async findStaffSummary(staffId: number): Promise<StaffSummary | undefined> {
        const s = await repo.findStaff(db, staffId);
        if (!s) return undefined;
        const unit = await repo.findUnit(db, s.unitId);
        return { staffId: s.id, fullName: s.fullName, unitId: s.unitId, unitName: s.unitName, unitCode: unit?.code ?? null, active: s.active };
      },
      subtrees: (unitIds: number[]) => repo.subtrees(db, unitIds),
      async unitNames(unitIds: number[]) {
        return new Map((await repo.listUnits(db, unitIds)).map((u) => [u.id, u.name]));
      },
      async units(unitIds: number[]) {
        return new Map((await repo.listUnits(db, unitIds)).map((u) => [u.id, { name: u.name, parentId: u.parentId }]));
      },
    } satisfies StaffDirectory,

    /**
     * Names and positions of the active staff of some units, for modules that decide themselves who
     * may see them (the dossier module shows a dossier's route to those who can act on it).
     */
    staffNames: (unitIds: number[]) => repo.listStaffNames(db, unitIds),
    staffNamesByIds: (ids: number[]) => repo.staffNamesByIds(db, ids),
    findUnitByCode: (code: string) => repo.findUnitByCode(db, code),
    subtrees: (unitIds: number[]) => repo.subtrees(db, unitIds),
    allUnits: () => repo.listUnits(db),
  };
  return service;
}
