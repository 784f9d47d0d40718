import type { Actor } from '../../platform/access/policy.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import type { SystemAccess, SystemRow } from './quality.context.js';
import type { AuditTeamMember } from './quality.tables.js';
import { DEFAULT_VERIFICATION, type NcRole, type NcStep, type Refusal, type VerificationSettings } from './rules/corrective-actions.js';
import { DEFAULT_THRESHOLDS, type ProposalThresholds } from './rules/nonconformity-proposals.js';

type UnitLink = { id: number; parentId: number | null };

/** Whether a unit is `rootId` or lies under it (a section inside its department). */
export function unitInside(unitId: number, rootId: number, units: readonly UnitLink[]): boolean {
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  let at: number | null | undefined = unitId;
  for (let guard = 0; at != null && guard < 64; guard++) {
    if (at === rootId) return true;
    at = parent.get(at);
  }
  return false;
}

/**
 * The roles the caller holds on one nonconformity (API.md "Who"): `owner` — their own unit is the owner
 * unit or inside it, or they own one of its actions; `iso_secretary` — the QMS's secretary or anyone who
 * keeps the QMS; `auditor` — on the team of the audit that found it; `head` — approves for the agency.
 * rules/corrective-actions.ts decides what each may do, and that an owner never verifies.
 */
export function ncRoles(
  actor: Actor, access: SystemAccess,
  nc: { owner_unit_id: number }, actionOwners: readonly (number | null)[], team: readonly AuditTeamMember[], units: readonly UnitLink[],
): NcRole[] {
  const roles: NcRole[] = [];
  if (unitInside(actor.unitId, nc.owner_unit_id, units) || actionOwners.includes(actor.staffId)) roles.push('owner');
  if (access.manage || access.isoSecretary) roles.push('iso_secretary');
  if (team.some((m) => m.staffId === actor.staffId)) roles.push('auditor');
  if (access.approve) roles.push('head');
  return roles;
}

/** Steps that wait on the one who checks the work (verification, closure), not on the owner. */
export const CHECKING_STEPS: readonly NcStep[] = ['verify_effective', 'verify_not_effective', 'close'];

/** A refused step: not one's to take is 403; the wrong moment is 409 (reload and see). */
export function refused(r: Refusal | { code: string; vi: string }) {
  if (r.code === 'NC_NOT_ALLOWED' || r.code === 'NC_OWN_ACTION') {
    return new AppError(r.code, 403, r.vi, r.code === 'NC_OWN_ACTION' ? 'Whoever carried out the corrective action does not verify it.' : 'You may not take this step.');
  }
  return errors.conflict(r.code, r.vi, r.code === 'NC_TOO_EARLY' ? 'Too early to verify the corrective action.' : 'Not possible in the current status.');
}

const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : {});
const count = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback);

/** The QMS's thresholds (settings.thresholds, each value checked), the defaults for what is missing or wrong. */
export function thresholdsOf(system: Pick<SystemRow, 'settings'>): ProposalThresholds {
  const t = record(record(system.settings).thresholds);
  const d = DEFAULT_THRESHOLDS;
  const overdue = record(t.overdue);
  const apology = record(t.apology);
  const supplement = record(t.supplement);
  return {
    overdue: { minCount: count(overdue.minCount, d.overdue.minCount), minSharePercent: count(overdue.minSharePercent, d.overdue.minSharePercent) },
    apology: { minCount: count(apology.minCount, d.apology.minCount) },
    supplement: { minDossiers: count(supplement.minDossiers, d.supplement.minDossiers), minSharePercent: count(supplement.minSharePercent, d.supplement.minSharePercent) },
    worsenFactor: count(t.worsenFactor, d.worsenFactor) >= 1 ? count(t.worsenFactor, d.worsenFactor) : d.worsenFactor,
  };
}

/** The QMS's verification timing (settings.verification), the defaults for what is missing or wrong. */
export function verificationSettingsOf(system: Pick<SystemRow, 'settings'>): VerificationSettings {
  const v = record(record(system.settings).verification);
  const days = (x: unknown, d: number) => (Number.isSafeInteger(x) && (x as number) >= 0 && (x as number) <= 366 ? x as number : d);
  return { waitDays: days(v.waitDays, DEFAULT_VERIFICATION.waitDays), dueDays: days(v.dueDays, DEFAULT_VERIFICATION.dueDays) };
}
