import type { Db } from '../../../platform/db/transaction.js';
import { systemContext } from '../../../platform/http/context.js';
import type { StaffRecipient } from '../../../platform/notify/outbox.js';
import type { OrgService } from '../../org/org.service.js';

/**
 * Who is told about a dossier. Read before any transaction (PGlite has one connection): the unit
 * tree and staff contacts through the org service, the role grants from the platform's
 * `access_grants` table — the one place that says who heads a unit.
 *
 * A role covers its unit's subtree (DESIGN "Access"), so the head of a section is whoever holds
 * `unit_head` at the nearest unit above it (itself included) that has one.
 */
export type Directory = {
  staff(id: number | null): StaffRecipient | undefined;
  /** The unit heads answering for `unitId`. */
  headsOf(unitId: number | null): StaffRecipient[];
  /** The one-stop desk behind a receiving unit: its desk officers and its head. */
  serviceCentreOf(unitId: number): StaffRecipient[];
  unitName(unitId: number | null): string | null;
};

export async function loadDirectory(db: Db, org: OrgService, extraStaffIds: number[] = []): Promise<Directory> {
  const units = await org.allUnits();
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  const names = new Map(units.map((u) => [u.id, u.name]));
  const grants = await db.selectFrom('access_grants').select(['staff_id', 'role', 'unit_id']).where('role', 'in', ['unit_head', 'desk_officer']).execute();
  const ids = [...new Set([...grants.map((g) => g.staff_id), ...extraStaffIds])];
  const contacts = new Map<number, StaffRecipient>();
  for (const id of ids) {
    const s = await org.getStaff(systemContext('reminders'), id).catch(() => undefined);
    if (s?.active) contacts.set(id, { staffId: s.id, fullName: s.fullName, email: s.email });
  }
  const byRoleUnit = new Map<string, StaffRecipient[]>();
  for (const g of grants) {
    const c = contacts.get(g.staff_id);
    if (!c) continue;
    const key = `${g.role}:${g.unit_id}`;
    byRoleUnit.set(key, [...(byRoleUnit.get(key) ?? []), c]);
  }
  const nearest = (role: string, unitId: number | null): StaffRecipient[] => {
    for (let u = unitId, depth = 0; u != null && depth < 100; u = parent.get(u) ?? null, depth++) {
      const found = byRoleUnit.get(`${role}:${u}`);
      if (found?.length) return found;
    }
    return [];
  };
  return {
    staff: (id) => (id == null ? undefined : contacts.get(id)),
    headsOf: (unitId) => nearest('unit_head', unitId),
    serviceCentreOf: (unitId) => uniqueStaff([...nearest('desk_officer', unitId), ...nearest('unit_head', unitId)]),
    unitName: (unitId) => (unitId == null ? null : names.get(unitId) ?? null),
  };
}

export function uniqueStaff(list: (StaffRecipient | undefined)[]): StaffRecipient[] {
  const seen = new Map<number, StaffRecipient>();
  for (const s of list) if (s && !seen.has(s.staffId)) seen.set(s.staffId, s);
  return [...seen.values()];
}
