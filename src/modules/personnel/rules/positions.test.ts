import { describe, expect, it } from 'vitest';
import { headcountGaps, placementProgress, placementState, type ApprovedPosition, type Placement } from './positions.js';

const positions: ApprovedPosition[] = [
  { positionId: 1, name: 'Giám đốc', category: 'leadership', quota: 1 },
  { positionId: 2, name: 'Chuyên viên về cải cách hành chính', category: 'professional', quota: 3 },
  { positionId: 3, name: 'Văn thư', category: 'support', quota: 1 },
];
const placements: Placement[] = [
  { personId: 10, positionId: 1, from: '2025-07-01', to: null },
  { personId: 11, positionId: 2, from: '2025-07-01', to: '2026-03-31' },
  { personId: 12, positionId: 2, from: '2025-09-01', to: null },
  { personId: 13, positionId: 3, from: '2026-01-05', to: null },
  { personId: 14, positionId: 3, from: '2026-02-01', to: null },
];

describe('headcount against the approved positions', () => {
  it('counts who holds each position on the day: vacancies and positions over their number', () => {
    const g = headcountGaps(positions, placements, '2026-06-30');
    expect(g.rows.map((r) => [r.positionId, r.filled, r.vacant, r.over])).toEqual([[1, 1, 0, 0], [2, 1, 2, 0], [3, 2, 0, 1]]);
    expect(g.totals).toEqual({ quota: 5, filled: 4, vacant: 2, over: 1 });
  });

  it('counts a person on the last day of their placement, not the day after', () => {
    expect(headcountGaps(positions, placements, '2026-03-31').rows[1]!.filled).toBe(2);
    expect(headcountGaps(positions, placements, '2026-04-01').rows[1]!.filled).toBe(1);
  });
});

describe('the 1/7/2027 placement deadline (Law 80/2025 Art. 45(2))', () => {
  it('is pending before the deadline, overdue from it, and not required for those recruited from 1/7/2025', () => {
    expect(placementState({ recruitedOn: '2015-03-01', placedOn: null }, '2027-06-30')).toBe('pending');
    expect(placementState({ recruitedOn: '2015-03-01', placedOn: null }, '2027-07-01')).toBe('overdue');
    expect(placementState({ recruitedOn: '2015-03-01', placedOn: '2026-10-01' }, '2027-07-01')).toBe('placed');
    expect(placementState({ recruitedOn: '2015-03-01', placedOn: '2026-10-01' }, '2026-09-30')).toBe('pending');
    expect(placementState({ recruitedOn: '2025-07-01', placedOn: null }, '2027-08-01')).toBe('not_required');
  });

  it('sums per unit', () => {
    const p = placementProgress([
      { unitId: 1, recruitedOn: '2010-01-01', placedOn: '2026-01-01' },
      { unitId: 1, recruitedOn: '2010-01-01', placedOn: null },
      { unitId: 2, recruitedOn: '2026-01-01', placedOn: null },
    ], '2026-12-05');
    expect(p.get(1)).toEqual({ placed: 1, pending: 1, overdue: 0, not_required: 0 });
    expect(p.get(2)).toEqual({ placed: 0, pending: 0, overdue: 0, not_required: 1 });
  });
});
