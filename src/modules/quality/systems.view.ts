import type { Db } from '../../platform/db/transaction.js';
import type { QualityDeps, SystemAccess, SystemRow } from './quality.context.js';
import { declarationViews, type DeclarationRow } from './declarations.view.js';
import { OBLIGATION_LABELS } from './systems.schema.js';

/** Codes of the processes in the QMS's scope now (an announcement's snapshot is compared with them). */
export async function activeProcessCodes(db: Db, qmsId: number): Promise<string[]> {
  const rows = await db.selectFrom('qms_processes').select('code').where('qms_id', '=', qmsId).where('active', '=', true).orderBy('code').execute();
  return rows.map((r) => r.code);
}

export const declarationsOf = (db: Db, qmsId: number): Promise<DeclarationRow[]> =>
  db.selectFrom('qms_declarations').selectAll().where('qms_id', '=', qmsId).execute();

/** Names of staff by id (past staff keep their name in a record), read once per answer. */
export async function staffNamer(deps: Pick<QualityDeps, 'org'>, ids: readonly (number | null)[]): Promise<(id: number | null) => string | null> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  const names = new Map((await deps.org.staffNamesByIds(wanted)).map((s) => [s.id, s.fullName]));
  return (id) => (id === null ? null : names.get(id) ?? null);
}

/** The announcements of a QMS with their status against its processes and standard today. */
export async function declarationsWithStatus(deps: Pick<QualityDeps, 'db' | 'org'>, system: SystemRow) {
  const [rows, activeCodes] = await Promise.all([declarationsOf(deps.db, system.id), activeProcessCodes(deps.db, system.id)]);
  const name = await staffNamer(deps, rows.map((r) => r.recorded_by));
  return declarationViews(rows, { standard: system.standard, activeCodes }, name);
}

export const mayOf = (access: SystemAccess) => ({ manage: access.manage, approve: access.approve });

export function systemView(system: SystemRow, agencyName: string, name: (id: number | null) => string | null) {
  return {
    id: system.id, agencyUnitId: system.agency_unit_id, agencyName,
    obligation: system.obligation, obligationLabel: OBLIGATION_LABELS[system.obligation], standard: system.standard,
    scopeText: system.scope_text, exclusions: system.exclusions, policyText: system.policy_text,
    policyApproved: system.policy_approved_on && system.policy_approved_by !== null
      ? { on: system.policy_approved_on, byName: name(system.policy_approved_by) ?? '' } : null,
    isoSecretary: system.iso_secretary_staff_id === null ? null : { staffId: system.iso_secretary_staff_id, name: name(system.iso_secretary_staff_id) ?? '' },
    settings: system.settings, version: system.version,
  };
}
