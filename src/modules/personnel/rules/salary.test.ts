import { describe, expect, it } from 'vitest';
import { CIRCULAR_08_2013, nextStep, stepsDue } from './salary.js';

describe('the next regular salary step', () => {
  it('comes 36 months after the current step for chuyên viên and higher, 24 months below', () => {
    expect(nextStep(CIRCULAR_08_2013, { gradeCode: '01.003', step: 2, maxStep: 9, since: '2024-07-01', discipline: [] })).toEqual({ kind: 'regular', on: '2027-07-01', delayedMonths: 0 });
    expect(nextStep(CIRCULAR_08_2013, { gradeCode: '01.005', step: 3, maxStep: 12, since: '2024-07-01', discipline: [] })).toEqual({ kind: 'regular', on: '2026-07-01', delayedMonths: 0 });
  });

  it('is delayed by the heaviest discipline within the period, not by one before it', () => {
    const warned = nextStep(CIRCULAR_08_2013, { gradeCode: '01.003', step: 2, maxStep: 9, since: '2024-07-01', discipline: [{ on: '2025-02-10', form: 'Cảnh cáo' }] });
    expect(warned).toEqual({ kind: 'regular', on: '2028-01-01', delayedMonths: 6 });
    const both = nextStep(CIRCULAR_08_2013, { gradeCode: '01.002', step: 2, maxStep: 8, since: '2024-07-01', discipline: [{ on: '2025-02-10', form: 'Khiển trách' }, { on: '2026-01-05', form: 'Cách chức' }] });
    expect(both).toEqual({ kind: 'regular', on: '2028-07-01', delayedMonths: 12 });
    const before = nextStep(CIRCULAR_08_2013, { gradeCode: '01.003', step: 2, maxStep: 9, since: '2024-07-01', discipline: [{ on: '2024-06-30', form: 'Cảnh cáo' }] });
    expect(before).toEqual({ kind: 'regular', on: '2027-07-01', delayedMonths: 0 });
  });

  it('stops at the last step of the grade', () => {
    expect(nextStep(CIRCULAR_08_2013, { gradeCode: '01.003', step: 9, maxStep: 9, since: '2020-01-01', discipline: [] }).kind).toBe('top');
  });

  it('lists the steps due in a window, soonest first', () => {
    const due = stepsDue([{ id: 1, nextOn: '2027-03-01' }, { id: 2, nextOn: '2026-12-31' }, { id: 3, nextOn: null }, { id: 4, nextOn: '2027-07-02' }], '2026-12-01', '2027-06-30');
    expect(due.map((d) => d.id)).toEqual([2, 1]);
  });
});
