import { describe, expect, it } from 'vitest';
import { workingDays } from './calendar.js';
import {
  COMPLAINT_RULES, acceptanceDue, complaintRulesOn, limitationEnd, resolutionDue, secondComplaintDue, withinLimitation,
  type ComplaintRules,
} from './complaints.js';
import type { RuleVersion } from './versions.js';
import { isWorking } from './test-calendar.js';

// Weekends and Tết 2027 (5–11/2/2027) off, see test-calendar.ts. 30/6/2026 is a Tuesday, 1/7/2026 a Wednesday.

describe('which rule set a complaint gets', () => {
  it('switches to the 2025 amendment for clocks starting on 1/7/2026, flagged unverified', () => {
    expect(complaintRulesOn('2026-06-30')).toMatchObject({ effectiveFrom: '2012-07-01', verified: true });
    expect(complaintRulesOn('2026-07-01')).toMatchObject({ effectiveFrom: '2026-07-01', verified: false });
    expect(() => complaintRulesOn('2012-06-30')).toThrow();
  });

  it('applies a changed period only to cases whose clock starts on or after the effective day', () => {
    // A hypothetical amendment with a 5-working-day acceptance proves the switch reaches the dates.
    const base = COMPLAINT_RULES[0]!;
    const changed: RuleVersion<ComplaintRules> = { ...base, effectiveFrom: '2026-07-01', verified: false, rules: { ...base.rules, acceptance: workingDays(5) } };
    const table = [base, changed];
    expect(acceptanceDue('2026-06-30', isWorking, table).dueOn).toBe('2026-07-10');
    expect(acceptanceDue('2026-07-01', isWorking, table).dueOn).toBe('2026-07-08');
  });
});

describe('acceptance within 10 days of receipt (art. 27)', () => {
  it('gives each side of 1/7/2026 its own set', () => {
    expect(acceptanceDue('2026-06-30', isWorking)).toEqual({ dueOn: '2026-07-10', period: { days: 10, kind: 'calendar' }, rulesFrom: '2012-07-01', verified: true });
    expect(acceptanceDue('2026-07-01', isWorking)).toEqual({ dueOn: '2026-07-13', period: { days: 10, kind: 'calendar' }, rulesFrom: '2026-07-01', verified: false });
  });

  it('counts calendar days across Tết 2027 and ends on the first working day after it', () => {
    expect(acceptanceDue('2027-01-26', isWorking).dueOn).toBe('2027-02-12'); // day 10 is Fri 5/2, Tết
    expect(acceptanceDue('2027-02-02', isWorking).dueOn).toBe('2027-02-12'); // 10 calendar days, 5 of them Tết
  });
});

describe('first-instance resolution (art. 28)', () => {
  const first = (acceptedOn: string, complex = false, remote = false) => resolutionDue({ instance: 'first', acceptedOn, complex, remote }, isWorking);

  it('gives 30 days, 45 if complex, accepted before 1/7/2026', () => {
    expect(first('2026-06-30').dueOn).toBe('2026-07-30');
    expect(first('2026-06-30', true).dueOn).toBe('2026-08-14');
  });

  it('gives 45 days, 60 if complex, in a remote area, accepted before 1/7/2026', () => {
    expect(first('2026-06-30', false, true).dueOn).toBe('2026-08-14');
    expect(first('2026-06-30', true, true).dueOn).toBe('2026-08-31'); // Sat 29/8 → Mon 31/8
  });

  it('gives the same lengths from 1/7/2026 under the unverified copy', () => {
    expect(first('2026-07-01')).toMatchObject({ dueOn: '2026-07-31', rulesFrom: '2026-07-01', verified: false });
    expect(first('2026-07-01', true).dueOn).toBe('2026-08-17'); // Sat 15/8 → Mon 17/8
    expect(first('2026-07-01', false, true).dueOn).toBe('2026-08-17');
    expect(first('2026-07-01', true, true)).toMatchObject({ dueOn: '2026-08-31', period: { days: 60 } }); // Sun 30/8
  });

  it('ends after Tết when day 30 falls in it', () => {
    expect(first('2027-01-06')).toMatchObject({ dueOn: '2027-02-12', period: { days: 30, kind: 'calendar' } });
  });
});

describe('second-instance resolution (art. 37)', () => {
  const second = (acceptedOn: string, complex = false, remote = false) => resolutionDue({ instance: 'second', acceptedOn, complex, remote }, isWorking);

  it('gives 45 / 60 days, and 60 / 70 in a remote area, accepted before 1/7/2026', () => {
    expect(second('2026-06-30').dueOn).toBe('2026-08-14');
    expect(second('2026-06-30', true).dueOn).toBe('2026-08-31');
    expect(second('2026-06-30', false, true).dueOn).toBe('2026-08-31');
    expect(second('2026-06-30', true, true).dueOn).toBe('2026-09-08');
  });

  it('gives the same lengths from 1/7/2026', () => {
    expect(second('2026-07-01')).toMatchObject({ dueOn: '2026-08-17', verified: false });
    expect(second('2026-07-01', true).dueOn).toBe('2026-08-31');
    expect(second('2026-07-01', false, true).dueOn).toBe('2026-08-31');
    expect(second('2026-07-01', true, true)).toMatchObject({ dueOn: '2026-09-09', period: { days: 70 } });
  });
});

describe('limitation of 90 days (art. 9)', () => {
  it('ends 90 days after the decision was received or learned of, on both sides of 1/7/2026', () => {
    expect(limitationEnd({ learnedOn: '2026-06-30' }, isWorking)).toMatchObject({ dueOn: '2026-09-28', verified: true });
    expect(limitationEnd({ learnedOn: '2026-07-01' }, isWorking)).toMatchObject({ dueOn: '2026-09-29', verified: false });
  });

  it('expires the day after its last day', () => {
    expect(withinLimitation('2026-09-28', { learnedOn: '2026-06-30' }, isWorking)).toBe(true);
    expect(withinLimitation('2026-09-29', { learnedOn: '2026-06-30' }, isWorking)).toBe(false);
  });

  it('does not count the days an obstacle (illness, disaster) kept the complainant from acting', () => {
    const obstacles = [{ from: '2026-07-10', to: '2026-07-19' }];
    expect(limitationEnd({ learnedOn: '2026-06-30', obstacles }, isWorking).dueOn).toBe('2026-10-08');
    expect(withinLimitation('2026-10-08', { learnedOn: '2026-06-30', obstacles }, isWorking)).toBe(true);
    expect(withinLimitation('2026-10-09', { learnedOn: '2026-06-30', obstacles }, isWorking)).toBe(false);
  });
});

describe('second complaint within 30 days, 45 in a remote area (art. 33)', () => {
  it('counts from the first-instance decision or deadline, on both sides of 1/7/2026', () => {
    expect(secondComplaintDue({ openedOn: '2026-06-30' }, isWorking).dueOn).toBe('2026-07-30');
    expect(secondComplaintDue({ openedOn: '2026-06-30', remote: true }, isWorking).dueOn).toBe('2026-08-14');
    expect(secondComplaintDue({ openedOn: '2026-07-01' }, isWorking)).toMatchObject({ dueOn: '2026-07-31', verified: false });
    expect(secondComplaintDue({ openedOn: '2026-07-01', remote: true }, isWorking).dueOn).toBe('2026-08-17');
  });

  it('runs past Tết when the window closes inside it', () => {
    expect(secondComplaintDue({ openedOn: '2027-01-07' }, isWorking).dueOn).toBe('2027-02-12'); // Sat 6/2
  });
});
