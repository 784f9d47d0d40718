/**
 * Which time limit an item gets (DOMAIN §7): the category's working days from receipt, or the
 * category's coordination limit when the handling unit says cross-sector coordination is needed
 * (e.g. Q&A: 5 working days, 7 with coordination). The calendar module turns days into an instant.
 */
export type CategoryLimits = { deadlineDays: number; coordinationDeadlineDays: number | null };

export function deadlineDays(category: CategoryLimits, coordination: boolean): number {
  return coordination && category.coordinationDeadlineDays ? category.coordinationDeadlineDays : category.deadlineDays;
}

/** Answered on time: the answer was given on or before the due instant (unknown without a due date). */
export function answeredOnTime(dueAt: Date | null, answeredAt: Date | null): boolean | null {
  if (!dueAt || !answeredAt) return null;
  return answeredAt.getTime() <= dueAt.getTime();
}
