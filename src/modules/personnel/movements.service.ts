import { can, hasProvinceWide, type Role } from '../../platform/access/policy.js';
import { grantsOf, replaceGrants } from '../../platform/access/grants.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { disableAccountOf } from '../../platform/auth/account-status.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { actorOf, agencyOf, loadPerson, requireHr, vnDay, type DisciplineStanding, type PersonnelDeps } from './personnel.context.js';
import type { MovementKind } from './personnel.tables.js';
import { addDays, deskSecondmentProblems } from './rules/movements.js';
import type { SchemePosition } from './schema.js';
import type { SchemesService } from './schemes.service.js';

/**
 * Placements and movements (issue 17 item 3) and roles (item 4), each with its decision document, in
 * one transaction with its audit event: an appointment places the person in a position of the unit's
 * scheme in force; a transfer moves them to another unit and ends their placement; a secondment to a
 * one-stop desk follows Decree 118's term and experience rule; retirement and leaving end the placement
 * and disable the account at once.
 */
export type MovementInput = {
  version: number; kind: MovementKind; on: string; until?: string; toUnitId?: number; positionCode?: string;
  decisionNo: string; decisionDate: string; signer: string; note: string;
};

export function createMovementsService(deps: PersonnelDeps, schemes: SchemesService) {
  const { db } = deps;

  return {
    async record(ctx: RequestContext, personId: number, input: MovementInput) {
      const actor = actorOf(ctx);
      const person = await loadPerson(deps, db, personId);
      requireHr(actor, person);
      if (person.status === 'left') throw errors.conflict('PERSON_LEFT', 'Người này đã nghỉ việc; không ghi nhận thêm biến động.', 'This person has left the service.');
      const today = vnDay(deps.now());
      if ((input.kind === 'leaving' || input.kind === 'retirement') && input.on > today) {
        throw errors.badRequest('Ngày nghỉ chưa đến: hãy ghi nhận vào ngày quyết định có hiệu lực để tài khoản được khóa đúng ngày.', 'The leaving date is in the future: record it on the day it takes effect.');
      }
      const units = await deps.org.allUnits();
      const target = input.toUnitId ? units.find((u) => u.id === input.toUnitId) : undefined;
      if (input.toUnitId && !target) throw errors.validation([{ path: 'toUnitId', message: 'Đơn vị đến không tồn tại.', messageEn: 'Unknown unit.' }]);
      if (input.kind === 'transfer' && target && !can(actor, 'personnel.manage', target.id)) throw errors.forbidden();
      if (input.kind === 'transfer' && target?.id === person.unitId) throw errors.validation([{ path: 'toUnitId', message: 'Đơn vị đến trùng đơn vị hiện tại.', messageEn: 'Same unit.' }]);

      // Law 80/2025 art. 38: no appointment, transfer or secondment while a discipline decision is in force or a case is under review.
      if (input.kind === 'appointment' || input.kind === 'transfer' || input.kind === 'secondment') {
        const blocked = await deps.feeds.disciplineOn(person.staffId, input.on);
        if (blocked) throw errors.conflict('DISCIPLINE_BLOCKS', disciplineBlockVi(blocked), 'A discipline decision in force or a case under review blocks this movement (Law 80/2025 art. 38).');
      }
      let position: SchemePosition | undefined;
      const agency = agencyOf(units, person.unitId);
      if (input.kind === 'appointment') {
        const scheme = await schemes.inForce(agency, input.on);
        const agencyName = units.find((u) => u.id === agency)?.name ?? person.unitName;
        if (!scheme) throw errors.conflict('NO_SCHEME', `${agencyName} chưa có đề án vị trí việc làm được phê duyệt có hiệu lực vào ngày này.`, 'The agency has no approved scheme in force on that day.');
        position = (scheme.positions as SchemePosition[]).find((p) => p.code.toLowerCase() === input.positionCode!.toLowerCase());
        if (!position) throw errors.validation([{ path: 'positionCode', message: 'Vị trí việc làm không có trong đề án đang có hiệu lực của đơn vị.', messageEn: 'No such position in the scheme in force.' }]);
      }
      if (input.kind === 'secondment' && target?.kind === 'service_centre') {
        const problems = deskSecondmentProblems({ on: input.on, until: input.until!, recruitedOn: person.recruitedOn });
        if (problems.length) throw errors.validation(problems.map((m) => ({ path: 'until', message: m, messageEn: 'The one-stop desk secondment rule (Decree 118 Art. 11) is not met.' })));
      }

      return inTransaction(db, async (trx) => {
        const bumped = await trx.updateTable('hr_people').set((eb) => ({ version: eb('version', '+', 1), updated_at: deps.now() })).where('id', '=', personId).where('version', '=', input.version).executeTakeFirst();
        if (Number(bumped.numUpdatedRows) === 0) throw errors.stale();
        const open = await trx.selectFrom('hr_placements').selectAll().where('person_id', '=', personId).where('to_date', 'is', null).execute();
        if (open.some((p) => p.from_date > input.on) && input.kind !== 'secondment') throw errors.validation([{ path: 'on', message: 'Ngày có hiệu lực trước ngày bắt đầu vị trí hiện tại.', messageEn: 'Before the current placement began.' }]);
        const movement = await trx.insertInto('hr_movements').values({
          person_id: personId, kind: input.kind, on_date: input.on, until_date: input.until ?? null, from_unit_id: person.unitId, to_unit_id: target?.id ?? null,
          position_code: position?.code ?? null, position_name: position?.name ?? null, decision_no: input.decisionNo, decision_date: input.decisionDate,
          signer: input.signer || null, note: input.note || null, created_by_staff_id: actor.staffId,
        }).returning('id').executeTakeFirstOrThrow();
        // Everything but a secondment ends the current placement the day before it takes effect.
        if (input.kind !== 'secondment' && open.length) {
          await trx.updateTable('hr_placements').set({ to_date: addDays(input.on, -1) }).where('person_id', '=', personId).where('to_date', 'is', null).execute();
        }
        let accountDisabled = false;
        if (input.kind === 'appointment') {
          await trx.insertInto('hr_placements').values({ person_id: personId, unit_id: agency, position_code: position!.code, position_name: position!.name, from_date: input.on, movement_id: movement.id }).execute();
          await deps.org.applyPersonnelMove(trx, ctx, person.staffId, { position: position!.name });
        } else if (input.kind === 'transfer') {
          await deps.org.applyPersonnelMove(trx, ctx, person.staffId, { unitId: target!.id });
        } else if (input.kind === 'secondment') {
          await deps.org.applyPersonnelMove(trx, ctx, person.staffId, { secondedFrom: input.on, secondedTo: input.until! });
        } else {
          await trx.updateTable('hr_people').set({ status: 'left', left_on: input.on }).where('id', '=', personId).execute();
          await deps.org.applyPersonnelMove(trx, ctx, person.staffId, { active: false });
          accountDisabled = await disableAccountOf(trx, person.staffId);
        }
        await recordAudit(trx, ctx, { action: `personnel.${input.kind as 'appointment' | 'secondment' | 'transfer' | 'retirement' | 'leaving'}`, entity: 'hr_person', entityId: personId, unitId: person.unitId,
          after: { movementId: movement.id, on: input.on, until: input.until ?? null, toUnitId: target?.id ?? null, position: position?.name ?? null, decisionNo: input.decisionNo, accountDisabled } });
        return { id: movement.id, kind: input.kind, accountDisabled };
      });
    },

    /** Roles and unit scopes replaced as a whole, with the reason in the audit log. */
    async setGrants(ctx: RequestContext, personId: number, input: { grants: { role: Role; unitId: number }[]; reason: string }) {
      const actor = actorOf(ctx);
      const person = await loadPerson(deps, db, personId);
      requireHr(actor, person);
      if (person.staffId === actor.staffId) throw errors.badRequest('Không tự thay đổi vai trò của chính mình; đề nghị người có thẩm quyền khác thực hiện.', 'You cannot change your own roles.');
      if (person.status === 'left') throw errors.conflict('PERSON_LEFT', 'Người này đã nghỉ việc; tài khoản đã bị khóa.', 'This person has left the service.');
      for (const [i, g] of input.grants.entries()) {
        if (g.role === 'admin' && !hasProvinceWide(actor, 'org.manage')) throw errors.validation([{ path: `grants.${i}.role`, message: 'Chỉ quản trị hệ thống cấp tỉnh được cấp vai trò quản trị.', messageEn: 'Only the province administrator grants the administrator role.' }]);
        if (!can(actor, 'personnel.manage', g.unitId)) throw errors.validation([{ path: `grants.${i}.unitId`, message: 'Chỉ được cấp vai trò tại đơn vị mình quản lý nhân sự.', messageEn: 'Grants only at units whose staff you keep.' }]);
      }
      return inTransaction(db, async (trx) => {
        // Grants the caller does not manage (another agency's, the province administrator's) stay as they are.
        const outside = (await grantsOf(trx, person.staffId)).filter((g) => !can(actor, 'personnel.manage', g.unitId) || (g.role === 'admin' && !hasProvinceWide(actor, 'org.manage')));
        const { before, after } = await replaceGrants(trx, person.staffId, [...outside, ...input.grants]);
        await recordAudit(trx, ctx, { action: 'personnel.grants_changed', entity: 'hr_person', entityId: personId, unitId: person.unitId, before: { grants: before }, after: { grants: after, reason: input.reason } });
        return { grants: after };
      });
    },
  };
}
export type MovementsService = ReturnType<typeof createMovementsService>;

function disciplineBlockVi(b: DisciplineStanding): string {
  const vn = (d: string) => d.split('-').reverse().join('/');
  return b.kind === 'in_force'
    ? `Người này đang trong thời hạn kỷ luật ${b.formName} (đến hết ngày trước ${vn(b.lapsesOn)}): không bổ nhiệm, điều động, biệt phái (Luật Cán bộ, công chức 2025, điều 38).`
    : 'Người này đang bị xem xét xử lý kỷ luật: không bổ nhiệm, điều động, biệt phái cho đến khi có kết quả (Luật Cán bộ, công chức 2025, điều 38).';
}
