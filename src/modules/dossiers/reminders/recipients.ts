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
 * `unit_head` at the nearest unit above it (itself included) with an active holder.
 */
export type Directory = {
  staff(id: number | null): Promise<StaffRecipient | undefined>;
  /** The unit heads answering for `unitId`. */
  headsOf(unitId: number | null): Promise<StaffRecipient[]>;
  /** The one-stop desk behind a receiving unit: its desk officers and its head. */
  serviceCentreOf(unitId: number): Promise<StaffRecipient[]>;
  unitName(unitId: number | null): string | null;
};

export async function loadDirectory(db: Db, org: OrgService): Promise<Directory> {
  const units = await org.allUnits();
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  const names = new Map(units.map((u) => [u.id, u.name]));
  const grants = await db.selectFrom('access_grants').select(['staff_id', 'role', 'unit_id']).where('role', 'in', ['unit_head', 'desk_officer']).execute();
  const holders = new Map<string, number[]>();
  for (const g of grants) holders.set(`${g.role}:${g.unit_id}`, [...(holders.get(`${g.role}:${g.unit_id}`) ?? []), g.staff_id]);

  // Contacts are fetched only for the people actually chosen, once each.
  const contacts = new Map<number, Promise<StaffRecipient | undefined>>();
  const staff = (id: number | null): Promise<StaffRecipient | undefined> => {
    if (id == null) return Promise.resolve(undefined);
    let found = contacts.get(id);
    if (!found) {
      found = org.getStaff(systemContext('reminders'), id)
        .then((s) => (s.active ? { staffId: s.id, fullName: s.fullName, email: s.email } : undefined))
        .catch(() => undefined);
      contacts.set(id, found);
    }
    return found;
  };
  const nearest = async (role: string, unitId: number | null): Promise<StaffRecipient[]> => {
    for (let u = unitId, depth = 0; u != null && depth < 100; u = parent.get(u) ?? null, depth++) {
      const ids = holders.get(`${role}:${u}`) ?? [];
      const active = uniqueStaff(await Promise.all(ids.map(staff)));
      if (active.length) return active;
    }
    return [];
  };
  return {
    staff,
    headsOf: (unitId) => nearest('unit_head', unitId),
    serviceCentreOf: async (unitId) => uniqueStaff([...await nearest('desk_officer', unitId), ...await nearest('unit_head', unitId)]),
    unitName: (unitId) => (unitId == null ? null : names.get(unitId) ?? null),
  };
}

export function uniqueStaff(list: (StaffRecipient | undefined)[]): StaffRecipient[] {
  const seen = new Map<number, StaffRecipient>();
  for (const s of list) if (s && !seen.has(s.staffId)) seen.set(s.staffId, s);
  return [...seen.values()];
}
