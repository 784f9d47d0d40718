import { describe, expect, it } from 'vitest';
import { addMonths, deskSecondmentProblems, termMonths } from './movements.js';

describe('movements: dates and the one-stop desk secondment rule (Decree 118 Art. 11)', () => {
  it('adds months, falling to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-15', 12)).toBe('2027-03-15');
  });

  it('counts the whole months of a term whose last day is included', () => {
    expect(termMonths('2026-01-01', '2026-12-31')).toBe(12);
    expect(termMonths('2026-01-01', '2026-12-30')).toBe(11);
    expect(termMonths('2026-03-15', '2029-03-14')).toBe(36);
  });

  it('accepts 12 to 36 months for someone with two years in the field', () => {
    expect(deskSecondmentProblems({ on: '2026-01-01', until: '2026-12-31', recruitedOn: '2020-05-01' })).toEqual([]);
    expect(deskSecondmentProblems({ on: '2026-01-01', until: '2028-12-31', recruitedOn: '2020-05-01' })).toEqual([]);
  });

  it('refuses a term shorter than 12 or longer than 36 months, and someone with less than two years', () => {
    expect(deskSecondmentProblems({ on: '2026-01-01', until: '2026-06-30', recruitedOn: '2020-05-01' })[0]).toContain('tối thiểu 12 tháng (đang là 6 tháng)');
    expect(deskSecondmentProblems({ on: '2026-01-01', until: '2029-01-01', recruitedOn: '2020-05-01' })[0]).toContain('tối đa 36 tháng');
    expect(deskSecondmentProblems({ on: '2026-01-01', until: '2026-12-31', recruitedOn: '2024-01-02' })[0]).toContain('ít nhất 2 năm');
    expect(deskSecondmentProblems({ on: '2026-01-01', until: '2026-12-31', recruitedOn: '2024-01-01' })).toEqual([]);
  });
});
