import { can, type Actor, type Permission } from '../../platform/access/policy.js';
import { errors } from '../../platform/http/app-error.js';
import * as files from './files.repository.js';
import { agencyOf, invalid, type RegistryDeps } from './registry.context.js';
import * as repo from './registry.repository.js';

/**
 * Who sees and keeps an agency's files (RULES-files.md "Who does what"): its readers (`document.read`)
 * see the list and its files, and the person responsible for a file sees that file; the records office
 * (`document.register`) keeps the list; the head (`document.sign`) approves the list, a unit's keeping
 * of a file and disposal. A file the caller may not see answers 404, one they may not change 403.
 */
export const fileNotFound = () => errors.notFound('hồ sơ', 'file');
export const agencyNotFound = () => errors.notFound('cơ quan có văn thư', 'agency');
export const listNotFound = () => errors.notFound('danh mục hồ sơ', 'file list');
export const disposalNotFound = () => errors.notFound('danh mục hồ sơ, tài liệu hết giá trị', 'disposal list');
export const staleFile = () => errors.conflict('VERSION_CONFLICT', 'Hồ sơ đã được người khác cập nhật. Hãy tải lại trang rồi thao tác lại.', 'The file was changed by someone else; reload and try again.');
export const conflict = (r: { code: string; vi: string; en: string }) => errors.conflict(r.code, r.vi, r.en);

/** An agency (a unit with records-office settings) whose files the caller may read; 404 otherwise. */
export async function loadAgency(deps: RegistryDeps, actor: Actor, unitId: number) {
  const settings = await repo.settingsOf(deps.db, unitId);
  if (!settings || !can(actor, 'document.read', unitId)) throw agencyNotFound();
  return settings;
}

/** 403 when the caller sees the agency but lacks `permission` there (the agency was already checked readable). */
export function requirePermission(actor: Actor, permission: Permission, unitId: number, orResponsibleOf?: { responsible_staff_id: number | null }) {
  if (can(actor, permission, unitId)) return;
  if (orResponsibleOf && orResponsibleOf.responsible_staff_id === actor.staffId) return;
  throw errors.forbidden();
}

export const mayReadFile = (actor: Actor, row: { unit_id: number; responsible_staff_id: number | null }) =>
  can(actor, 'document.read', row.unit_id) || row.responsible_staff_id === actor.staffId;

export async function loadFile(deps: RegistryDeps, actor: Actor, id: number) {
  const row = await files.findFile(deps.db, id);
  if (!row || row.status === 'removed' || !mayReadFile(actor, row)) throw fileNotFound();
  return row;
}

/**
 * The person and the section responsible for a file (Appendix V "người lập hồ sơ") must work for this
 * agency: their unit's nearest agency is it (a section below a department that keeps its own registers
 * belongs to that department).
 */
export async function checkResponsible(deps: RegistryDeps, agencyId: number, staffId: number | null | undefined, unitId: number | null | undefined, prefix = '') {
  if (!staffId && !unitId) return;
  const [units, agencies] = await Promise.all([deps.org.allUnits(), repo.agencyIds(deps.db)]);
  if (unitId) {
    if (!units.some((u) => u.id === unitId) || agencyOf(unitId, units, agencies) !== agencyId) {
      throw invalid(`${prefix}responsibleUnitId`, 'Đơn vị lập hồ sơ phải là một đơn vị của cơ quan.', 'The responsible unit must belong to the agency.');
    }
  }
  if (staffId) {
    const [person] = await deps.org.staffNamesByIds([staffId]);
    if (!person || agencyOf(person.unitId, units, agencies) !== agencyId) {
      throw invalid(`${prefix}responsibleStaffId`, 'Người lập hồ sơ phải là công chức của cơ quan.', 'The responsible person must work for the agency.');
    }
  }
}
