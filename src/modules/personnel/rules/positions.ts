/**
 * Job positions against the people placed in them (pure): Law 80/2025 Art. 23 (three categories; each
 * position with its grade, description and competency framework) and Art. 45(2): every civil servant
 * recruited before 1/7/2025 is placed in a job position by 1/7/2027 (DOMAIN-MANAGEMENT §C1, §C2).
 */

export const POSITION_CATEGORIES = ['leadership', 'professional', 'support'] as const;
export type PositionCategory = (typeof POSITION_CATEGORIES)[number];
export const POSITION_CATEGORY_LABELS: Record<PositionCategory, { vi: string; en: string }> = {
  leadership: { vi: 'Lãnh đạo, quản lý', en: 'Leadership and management' },
  professional: { vi: 'Chuyên môn, nghiệp vụ', en: 'Professional' },
  support: { vi: 'Hỗ trợ, phục vụ', en: 'Support and service' },
};

/** The placement deadline of Law 80/2025 Art. 45(2); a date of the law, kept here as the law's own. */
export const PLACEMENT_DEADLINE = '2027-07-01';

export type ApprovedPosition = { positionId: number; name: string; category: PositionCategory; quota: number };
export type Placement = { personId: number; positionId: number; from: string; to: string | null };

export type PositionGap = { positionId: number; name: string; category: PositionCategory; quota: number; filled: number; vacant: number; over: number };

/** People in a position on `day`: placed on or before it and not yet moved out (`to` is the last day). */
export function placedOn(placements: readonly Placement[], day: string): Placement[] {
  return placements.filter((p) => p.from <= day && (p.to === null || p.to >= day));
}

/**
 * Approved against filled, per position: vacancies to recruit for and positions filled beyond their
 * approved number (which the scheme's approval must resolve). A person counts once per position.
 */
export function headcountGaps(positions: readonly ApprovedPosition[], placements: readonly Placement[], day: string): { rows: PositionGap[]; totals: { quota: number; filled: number; vacant: number; over: number } } {
  const current = placedOn(placements, day);
  const rows = positions.map((p) => {
    const filled = new Set(current.filter((c) => c.positionId === p.positionId).map((c) => c.personId)).size;
    return { positionId: p.positionId, name: p.name, category: p.category, quota: p.quota, filled, vacant: Math.max(0, p.quota - filled), over: Math.max(0, filled - p.quota) };
  });
  const sum = (k: 'quota' | 'filled' | 'vacant' | 'over') => rows.reduce((a, r) => a + r[k], 0);
  return { rows, totals: { quota: sum('quota'), filled: sum('filled'), vacant: sum('vacant'), over: sum('over') } };
}

export type PlacementState = 'placed' | 'pending' | 'overdue' | 'not_required';

/**
 * Where one civil servant stands against the placement deadline on `day`: recruited on or after
 * 1/7/2025 they were recruited into a position (not required); otherwise placed, pending before the
 * deadline, or overdue from it.
 */
export function placementState(person: { recruitedOn: string; placedOn: string | null }, day: string): PlacementState {
  if (person.recruitedOn >= '2025-07-01') return 'not_required';
  if (person.placedOn !== null && person.placedOn <= day) return 'placed';
  return day >= PLACEMENT_DEADLINE ? 'overdue' : 'pending';
}

/** Per unit: how many are placed, pending and overdue, for the Department of Home Affairs' board. */
export function placementProgress(people: readonly { unitId: number; recruitedOn: string; placedOn: string | null }[], day: string): Map<number, Record<PlacementState, number>> {
  const out = new Map<number, Record<PlacementState, number>>();
  for (const p of people) {
    const row = out.get(p.unitId) ?? { placed: 0, pending: 0, overdue: 0, not_required: 0 };
    row[placementState(p, day)]++;
    out.set(p.unitId, row);
  }
  return out;
}
