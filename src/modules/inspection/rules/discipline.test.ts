import { describe, expect, it } from 'vitest';
import {
  councilProblems, decisionDeadline, disciplineRulesOn, escalate, formForOffenceDuringValidity, formsFor, inForce,
  lapsesOn, latestSummonsDay, limitationEnd, offenceMoment, stepDue, withinLimitation, type CouncilMember,
} from './discipline.js';
import { isWorking } from './test-calendar.js';

// Weekends and Tết 2027 (5–11/2/2027) off, see test-calendar.ts. Cases are taken up after 1/7/2025.
const taken = '2025-08-01';

describe('rule set', () => {
  it('exists from 1/7/2025 (Decree 172) and not before', () => {
    expect(disciplineRulesOn('2025-07-01').verified).toBe(true);
    expect(() => disciplineRulesOn('2025-06-30')).toThrow();
  });
});

describe('limitation (art. 5(1)–(4))', () => {
  const reprimand = { offenceOn: '2020-03-18', discoveredOn: taken, limitationClass: 'reprimand_level' as const };

  it('dates the offence by its end, or by the conclusion when the end is unknown', () => {
    expect(offenceMoment({ endedOn: '2020-03-18', concludedOn: '2021-01-05' })).toBe('2020-03-18');
    expect(offenceMoment({ concludedOn: '2021-01-05' })).toBe('2021-01-05');
    expect(() => offenceMoment({})).toThrow();
  });

  it('runs 5 years for a reprimand-level offence and 10 years for others, to the written notice', () => {
    expect(limitationEnd(reprimand, isWorking)).toBe('2025-03-18');
    expect(withinLimitation('2025-03-18', reprimand, isWorking)).toBe(true);
    expect(withinLimitation('2025-03-19', reprimand, isWorking)).toBe(false);
    expect(limitationEnd({ ...reprimand, limitationClass: 'other' }, isWorking)).toBe('2030-03-18');
  });

  it('has no end for the offences art. 5(4) lists (fake diplomas and others)', () => {
    const diploma = { ...reprimand, limitationClass: 'no_limitation' as const };
    expect(limitationEnd(diploma, isWorking)).toBeNull();
    expect(withinLimitation('2045-01-02', diploma, isWorking)).toBe(true);
  });

  it('does not count a deferral such as maternity leave (art. 5(6)(a))', () => {
    const deferred = { ...reprimand, excluded: [{ from: '2021-01-04', to: '2021-07-03' }] }; // 181 days
    expect(limitationEnd(deferred, isWorking)).toBe('2025-09-15');
    expect(withinLimitation('2025-09-15', deferred, isWorking)).toBe(true);
    expect(withinLimitation('2025-09-16', deferred, isWorking)).toBe(false);
  });

  it('restarts on a new offence within the running limitation, not on one after it ran out', () => {
    expect(limitationEnd({ ...reprimand, laterOffences: ['2024-06-10'] }, isWorking)).toBe('2029-06-11'); // Sun 10/6/2029
    expect(limitationEnd({ ...reprimand, laterOffences: ['2025-05-01'] }, isWorking)).toBe('2025-03-18');
  });
});

describe('time to decide (art. 5(5)–(6))', () => {
  it('gives 90 days from discovery, 150 if complex', () => {
    expect(decisionDeadline({ discoveredOn: '2026-03-02' }, isWorking)).toBe('2026-06-01'); // Sun 31/5
    expect(decisionDeadline({ discoveredOn: '2026-03-02', complex: true }, isWorking)).toBe('2026-07-30');
  });

  it('excludes a deferral interval from the count', () => {
    const excluded = [{ from: '2026-04-06', to: '2026-04-25' }]; // 20 days in hospital
    expect(decisionDeadline({ discoveredOn: '2026-03-02', excluded }, isWorking)).toBe('2026-06-22'); // Sat 20/6
  });
});

describe('step timers in working days (arts 17–21)', () => {
  const r = '2026-12-01'; // the case's discovery day selects the rules

  it('counts each step outside holidays', () => {
    expect(stepDue('review_report', '2026-07-01', r, isWorking)).toBe('2026-07-06');
    expect(stepDue('decision', '2026-07-01', r, isWorking)).toBe('2026-07-08');
  });

  it('skips Tết 2027 in every step', () => {
    expect(stepDue('review_report', '2027-02-03', r, isWorking)).toBe('2027-02-15'); // 4, 12, 15
    expect(stepDue('council_set_up', '2027-02-04', r, isWorking)).toBe('2027-02-18');
    expect(stepDue('recommendation', '2027-02-04', r, isWorking)).toBe('2027-02-18');
    expect(stepDue('decision', '2027-02-15', r, isWorking)).toBe('2027-02-22');
    expect(stepDue('termination_after_judgment', '2027-02-01', r, isWorking)).toBe('2027-03-01');
  });

  it('requires the summons at least 5 working days before the meeting', () => {
    expect(latestSummonsDay('2027-02-16', r, isWorking)).toBe('2027-02-02'); // 15, 12, 4, 3, 2
    expect(latestSummonsDay('2026-07-13', r, isWorking)).toBe('2026-07-06');
  });
});

describe('forms and escalation (arts 2(3), 7, 11)', () => {
  it('offers no demotion and gives cán bộ removal instead of forced termination', () => {
    expect(formsFor('cong_chuc', true)).toEqual(['khien_trach', 'canh_cao', 'cach_chuc', 'buoc_thoi_viec']);
    expect(formsFor('cong_chuc', false)).toEqual(['khien_trach', 'canh_cao', 'buoc_thoi_viec']);
    expect(formsFor('can_bo', true)).toEqual(['khien_trach', 'canh_cao', 'cach_chuc', 'bai_nhiem']);
    expect(formsFor('can_bo', false)).not.toContain('cach_chuc');
  });

  it('goes one level up, skipping dismissal from a post the person does not hold', () => {
    expect(escalate('khien_trach', 'cong_chuc', false)).toBe('canh_cao');
    expect(escalate('canh_cao', 'cong_chuc', true)).toBe('cach_chuc');
    expect(escalate('canh_cao', 'cong_chuc', false)).toBe('buoc_thoi_viec');
    expect(escalate('cach_chuc', 'can_bo', true)).toBe('bai_nhiem');
    expect(escalate('buoc_thoi_viec', 'cong_chuc', true)).toBeNull();
    expect(() => escalate('cach_chuc', 'cong_chuc', false)).toThrow();
  });

  it('for an offence during validity, goes up from the heavier of the current and the deserved form', () => {
    expect(formForOffenceDuringValidity('canh_cao', 'khien_trach', 'cong_chuc', true)).toBe('cach_chuc');
    expect(formForOffenceDuringValidity('khien_trach', 'khien_trach', 'cong_chuc', true)).toBe('canh_cao');
    expect(formForOffenceDuringValidity('khien_trach', 'cach_chuc', 'cong_chuc', true)).toBe('buoc_thoi_viec');
  });
});

describe('validity of 12 months, lapsing by itself (art. 2(9))', () => {
  it('is in force from its effective day through the same date a year on', () => {
    const d = { effectiveOn: '2026-03-16' };
    expect(lapsesOn(d, isWorking)).toBe('2027-03-17');
    expect(inForce(d, '2026-03-15', isWorking)).toBe(false);
    expect(inForce(d, '2026-03-16', isWorking)).toBe(true);
    expect(inForce(d, '2027-03-16', isWorking)).toBe(true);
    expect(inForce(d, '2027-03-17', isWorking)).toBe(false);
  });

  it('does not stretch validity over a weekend, and handles 29 February', () => {
    expect(lapsesOn({ effectiveOn: '2026-03-13' }, isWorking)).toBe('2027-03-14'); // last day Sat 13/3/2027
    expect(lapsesOn({ effectiveOn: '2028-02-29' }, isWorking)).toBe('2029-03-01');
  });

  it('runs from an earlier Party decision, and ends when a new decision takes effect', () => {
    expect(lapsesOn({ effectiveOn: '2026-03-02', partyDecisionEffectiveOn: '2026-02-10' }, isWorking)).toBe('2027-02-11');
    const superseded = { effectiveOn: '2026-03-16', supersededOn: '2026-09-01' };
    expect(inForce(superseded, '2026-08-31', isWorking)).toBe(true);
    expect(inForce(superseded, '2026-09-01', isWorking)).toBe(false);
  });
});

describe('council composition (arts 2(11), 19)', () => {
  const council: CouncilMember[] = [
    { personId: 'dir', role: 'chair' }, { personId: 'head', role: 'employing_unit_leader' }, { personId: 'hr', role: 'personnel' },
  ];
  const subject = { personId: 'cc1', relatives: [{ personId: 'cousin', kind: 'cousin' }, { personId: 'bro-in-law', kind: 'spouse_sibling' }] };

  it('accepts three members in the three roles with no relative of the person', () => {
    expect(councilProblems(council, subject)).toEqual([]);
  });

  it('requires exactly three members, one per role', () => {
    expect(councilProblems(council.slice(0, 2), subject)).toEqual([{ code: 'MEMBER_COUNT', count: 2 }, { code: 'ROLE_MISSING', role: 'personnel' }]);
    const twoChairs = [...council.slice(0, 2), { personId: 'dep', role: 'chair' as const }];
    expect(councilProblems(twoChairs, subject)).toEqual([{ code: 'ROLE_REPEATED', role: 'chair' }, { code: 'ROLE_MISSING', role: 'personnel' }]);
  });

  it('bars the person, relatives on the decree\'s list and people involved, but not a cousin', () => {
    const withKin = [council[0]!, { personId: 'bro-in-law', role: 'employing_unit_leader' as const }, { personId: 'cousin', role: 'personnel' as const }];
    expect(councilProblems(withKin, subject)).toEqual([{ code: 'MEMBER_IS_RELATIVE', personId: 'bro-in-law', kind: 'spouse_sibling' }]);
    expect(councilProblems([{ personId: 'cc1', role: 'chair' }, ...council.slice(1)], subject)).toEqual([{ code: 'MEMBER_IS_SUBJECT', personId: 'cc1' }]);
    expect(councilProblems(council, { ...subject, involved: ['hr'] })).toEqual([{ code: 'MEMBER_INVOLVED', personId: 'hr' }]);
  });
});
