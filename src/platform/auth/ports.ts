/** What sign-in needs to know about staff and the unit tree; the org module provides it. */
export type StaffSummary = { staffId: number; fullName: string; unitId: number; unitName: string; unitCode: string | null; active: boolean };

export interface StaffDirectory {
  findStaffSummary(staffId: number): Promise<StaffSummary | undefined>;
  /** For each unit id, the unit and all its descendants. */
  subtrees(unitIds: number[]): Promise<Map<number, number[]>>;
  unitNames(unitIds: number[]): Promise<Map<number, string>>;
  /** Name and parent of each unit (a unit without a parent is a root: the province). */
  units(unitIds: number[]): Promise<Map<number, { name: string; parentId: number | null }>>;
}
