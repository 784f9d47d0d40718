import { describe, expect, it } from 'vitest';
import { periodsToKeep } from './archive.js';

describe('the statutory periods kept when they end', () => {
  it('keeps month 12 (15/11–14/12), Q4 and the year from 00:00 on 15/12, Vietnamese time', () => {
    expect(periodsToKeep(new Date('2026-12-14T16:59:00Z')).map((p) => p.code)).not.toContain('2026-Y');
    const after = periodsToKeep(new Date('2026-12-14T17:00:00Z')).map((p) => p.code);
    expect(after).toEqual(expect.arrayContaining(['2026-M12', '2026-Q4', '2026-Y']));
    // Still within the look-back: month 11 ended on 14/11.
    expect(after).toContain('2026-M11');
    expect(after).not.toContain('2027-M01');
  });

  it('does not draw a period that ended before the look-back', () => {
    const kept = periodsToKeep(new Date('2026-07-20T03:00:00+07:00')).map((p) => p.code);
    expect(kept).toEqual(['2026-H1', '2026-Q2', '2026-M06', '2026-M07']); // by last day, the longest first
    expect(periodsToKeep(new Date('2026-07-20T03:00:00+07:00'), 10).map((p) => p.code)).toEqual(['2026-M07']);
  });
});
