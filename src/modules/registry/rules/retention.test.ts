import { describe, expect, it } from 'vitest';
import { closeProblem, filingRefusal, workDay } from './filing.js';
import {
  addYears, daysBetween, disposalRefusal, handoverDueOn, handoverRequired, handoverState, keepDecision, keepLimit,
  retentionExpired, retentionExpiresOn, retentionLabel,
} from './retention.js';

describe('retention (Appendix V: permanent or a number of years)', () => {
  it('never expires for a permanent file, nor for a file still open', () => {
    expect(retentionExpiresOn(null, '2020-06-30')).toBeNull();
    expect(retentionExpired(null, '1990-01-01', '2100-12-31')).toBe(false);
    expect(retentionExpiresOn(10, null)).toBeNull();
    expect(retentionExpired(10, null, '2100-12-31')).toBe(false);
  });

  it('counts N years from the end of the year the work ended, whatever its day', () => {
    expect(retentionExpiresOn(10, '2026-01-02')).toBe('2036-12-31');
    expect(retentionExpiresOn(10, '2026-12-31')).toBe('2036-12-31');
    expect(retentionExpired(10, '2026-03-15', '2036-12-31')).toBe(false);
    expect(retentionExpired(10, '2026-03-15', '2037-01-01')).toBe(true);
    expect(retentionExpired(5, '2025-12-31', '2030-12-31')).toBe(false);
    expect(retentionExpired(5, '2025-12-31', '2031-01-01')).toBe(true);
  });

  it('prints the way the file list does', () => {
    expect(retentionLabel(null)).toBe('Vĩnh viễn');
    expect(retentionLabel(20)).toBe('20 năm');
  });
});

describe('handover to the agency archive (art. 30.2.b, 31.3.c–d, Appendix VI 30-day reminder)', () => {
  const closed = { status: 'closed' as const, retentionYears: 10, endedOn: '2025-12-31', keptUntil: null };

  it('falls due one year after the end of the work; 29 February falls back to 28 February', () => {
    expect(handoverDueOn('2025-12-31')).toBe('2026-12-31');
    expect(handoverDueOn('2024-02-29')).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('is required for permanent files and 5 years or more, not for shorter ones', () => {
    expect([null, 5, 70].map(handoverRequired)).toEqual([true, true, true]);
    expect([1, 2, 4].map(handoverRequired)).toEqual([false, false, false]);
    expect(handoverState({ ...closed, retentionYears: 3 }, '2030-01-01')).toMatchObject({ required: false, dueOn: null, overdue: false, dueSoon: false });
  });

  it('is due soon from 30 days before the deadline, overdue the day after it, and neither once handed over', () => {
    expect(handoverState(closed, '2026-12-01')).toMatchObject({ dueOn: '2026-12-31', deadline: '2026-12-31', dueSoon: true, overdue: false, daysLeft: 30 });
    expect(handoverState(closed, '2026-11-30')).toMatchObject({ dueSoon: false, overdue: false, daysLeft: 31 });
    expect(handoverState(closed, '2026-12-31')).toMatchObject({ dueSoon: true, overdue: false, daysLeft: 0 });
    expect(handoverState(closed, '2027-01-01')).toMatchObject({ dueSoon: false, overdue: true, daysLeft: -1 });
    expect(handoverState({ ...closed, status: 'handed_over' }, '2027-06-01')).toMatchObject({ required: true, dueOn: '2026-12-31', overdue: false, dueSoon: false });
    expect(handoverState({ ...closed, status: 'open', endedOn: null }, '2030-01-01')).toMatchObject({ dueOn: null, overdue: false });
  });

  it('moves to the kept-until day when the head lets the unit keep the file, at most 2 more years', () => {
    expect(keepLimit('2026-12-31')).toBe('2028-12-31');
    expect(keepDecision(closed, undefined)).toEqual({ until: '2028-12-31' });
    expect(keepDecision(closed, '2027-06-30')).toEqual({ until: '2027-06-30' });
    expect(keepDecision(closed, '2029-01-01')).toMatchObject({ problem: { path: 'until' } });
    expect(keepDecision(closed, '2026-12-31')).toMatchObject({ problem: { path: 'until' } });
    expect(keepDecision({ ...closed, retentionYears: 2 }, undefined)).toMatchObject({ refusal: { code: 'HANDOVER_NOT_REQUIRED' } });
    expect(keepDecision({ ...closed, status: 'handed_over' }, undefined)).toMatchObject({ refusal: { code: 'FILE_NOT_CLOSED' } });
    const kept = { ...closed, keptUntil: '2028-12-31' };
    expect(handoverState(kept, '2027-01-01')).toMatchObject({ dueOn: '2026-12-31', deadline: '2028-12-31', overdue: false, dueSoon: false });
    expect(handoverState(kept, '2028-12-15')).toMatchObject({ dueSoon: true, overdue: false });
    expect(handoverState(kept, '2029-01-01')).toMatchObject({ overdue: true });
    expect(daysBetween('2026-12-31', '2028-12-31')).toBe(731);
  });
});

describe('disposal eligibility', () => {
  const f = { status: 'closed' as const, retentionYears: 5, endedOn: '2026-03-01', disposalId: null };

  it('needs a closed file past its retention, never a permanent one', () => {
    expect(disposalRefusal(f, '2031-12-31')?.code).toBe('RETENTION_NOT_EXPIRED');
    expect(disposalRefusal(f, '2032-01-01')).toBeNull();
    expect(disposalRefusal({ ...f, status: 'handed_over' }, '2032-01-01')).toBeNull();
    expect(disposalRefusal({ ...f, retentionYears: null }, '2300-01-01')?.code).toBe('RETENTION_PERMANENT');
    expect(disposalRefusal({ ...f, status: 'open', endedOn: null }, '2300-01-01')?.code).toBe('FILE_NOT_CLOSED');
    expect(disposalRefusal({ ...f, status: 'disposed', disposalId: 3 }, '2300-01-01')?.code).toBe('FILE_DISPOSED');
  });

  it('refuses a file already on another list, not on the list being edited', () => {
    expect(disposalRefusal({ ...f, disposalId: 7 }, '2032-01-01')?.code).toBe('FILE_ON_DISPOSAL_LIST');
    expect(disposalRefusal({ ...f, disposalId: 7 }, '2032-01-01', 7)).toBeNull();
  });
});

describe('filing and closing (art. 29)', () => {
  const file = { unit_id: 1, year: 2025, status: 'open' as const };
  const incoming = { unit_id: 1, direction: 'in' as const, status: 'registered' as const, issued_on: '2024-12-30', arrival_on: '2025-01-03' };
  const outgoing = { unit_id: 1, direction: 'out' as const, status: 'released' as const, issued_on: '2025-05-04', arrival_on: null };

  it('takes a registered incoming or released outgoing document of the same agency and year', () => {
    expect(filingRefusal(incoming, file)).toBeNull();
    expect(filingRefusal(outgoing, file)).toBeNull();
    expect(workDay(incoming)).toBe('2025-01-03');
    expect(filingRefusal({ ...incoming, status: 'arrived', arrival_on: null }, file)?.code).toBe('DOCUMENT_NOT_FILEABLE');
    expect(filingRefusal({ ...outgoing, status: 'approved' }, file)?.code).toBe('DOCUMENT_NOT_FILEABLE');
    expect(filingRefusal({ ...outgoing, unit_id: 2 }, file)?.code).toBe('DOCUMENT_OTHER_AGENCY');
    expect(filingRefusal({ ...outgoing, issued_on: '2026-01-02' }, file)?.code).toBe('DOCUMENT_OTHER_YEAR');
    expect(filingRefusal(outgoing, { ...file, status: 'closed' })?.code).toBe('FILE_NOT_OPEN');
  });

  it('closes on a day not in the future and not before the latest document', () => {
    expect(closeProblem('2025-12-31', '2026-03-02', 2025, '2025-11-20')).toBeNull();
    expect(closeProblem('2026-03-03', '2026-03-02', 2025, null)?.path).toBe('endedOn');
    expect(closeProblem('2025-11-19', '2026-03-02', 2025, '2025-11-20')?.vi).toContain('20/11/2025');
    expect(closeProblem('2024-12-31', '2026-03-02', 2025, null)?.path).toBe('endedOn');
  });
});
