import { describe, expect, it } from 'vitest';
import { denunciationRulesOn, extensionProblem, intakeDue, longestResolutionDue, resolutionDue, DENUNCIATION_RULES } from './denunciations.js';
import { isWorking } from './test-calendar.js';

// Weekends and Tết 2027 (5–11/2/2027) off, see test-calendar.ts. 30/6/2026 is a Tuesday, 1/7/2026 a Wednesday.

describe('which rule set a denunciation gets', () => {
  it('switches on 1/7/2026 to the unverified copy of the 2018 periods', () => {
    expect(denunciationRulesOn('2026-06-30')).toMatchObject({ effectiveFrom: '2019-01-01', verified: true });
    expect(denunciationRulesOn('2026-07-01')).toMatchObject({ effectiveFrom: '2026-07-01', verified: false });
    expect(() => denunciationRulesOn('2018-12-31')).toThrow();
  });
});

describe('intake within 7 working days, 10 when checks span several places [?]', () => {
  it('counts working days from receipt, on both sides of 1/7/2026', () => {
    expect(intakeDue({ receivedOn: '2026-06-30' }, isWorking)).toMatchObject({ dueOn: '2026-07-09', verified: true });
    expect(intakeDue({ receivedOn: '2026-06-30', severalPlaces: true }, isWorking).dueOn).toBe('2026-07-14');
    expect(intakeDue({ receivedOn: '2026-07-01' }, isWorking)).toMatchObject({ dueOn: '2026-07-10', verified: false });
    expect(intakeDue({ receivedOn: '2026-07-01', severalPlaces: true }, isWorking).dueOn).toBe('2026-07-15');
  });

  it('skips the whole of Tết 2027, unlike a calendar-day period', () => {
    expect(intakeDue({ receivedOn: '2027-02-02' }, isWorking)).toMatchObject({ dueOn: '2027-02-18', period: { days: 7, kind: 'working' } });
    expect(intakeDue({ receivedOn: '2027-02-02', severalPlaces: true }, isWorking).dueOn).toBe('2027-02-23');
  });
});

describe('resolution within 30 days of acceptance, with extensions (art. 30)', () => {
  it('gives 30 days to a normal case on both sides of 1/7/2026', () => {
    expect(resolutionDue({ acceptedOn: '2026-06-30', complexity: 'normal' }, isWorking)).toMatchObject({ dueOn: '2026-07-30', rulesFrom: '2019-01-01' });
    expect(resolutionDue({ acceptedOn: '2026-07-01', complexity: 'normal' }, isWorking)).toMatchObject({ dueOn: '2026-07-31', rulesFrom: '2026-07-01' });
  });

  it('adds one extension of up to 30 days to a complex case', () => {
    expect(resolutionDue({ acceptedOn: '2026-06-30', complexity: 'complex', extensions: [20] }, isWorking).dueOn).toBe('2026-08-19');
    expect(resolutionDue({ acceptedOn: '2026-07-01', complexity: 'complex', extensions: [20] }, isWorking).dueOn).toBe('2026-08-20');
    expect(longestResolutionDue({ acceptedOn: '2026-06-30', complexity: 'complex' }, isWorking)).toMatchObject({ dueOn: '2026-08-31', period: { days: 60 } });
  });

  it('adds two extensions of up to 30 days each to an especially complex case', () => {
    expect(resolutionDue({ acceptedOn: '2026-06-30', complexity: 'especially_complex', extensions: [30, 30] }, isWorking).dueOn).toBe('2026-09-28');
    expect(longestResolutionDue({ acceptedOn: '2026-07-01', complexity: 'especially_complex' }, isWorking)).toMatchObject({ dueOn: '2026-09-29', period: { days: 90 } });
  });

  it('counts an extension from acceptance, not from a base end moved off a weekend', () => {
    // Base end Sat 1/8/2026 (would move to Mon 3/8); 60 days from 2/7 end on Mon 31/8, not 2/9.
    expect(resolutionDue({ acceptedOn: '2026-07-02', complexity: 'normal' }, isWorking).dueOn).toBe('2026-08-03');
    expect(resolutionDue({ acceptedOn: '2026-07-02', complexity: 'complex', extensions: [30] }, isWorking).dueOn).toBe('2026-08-31');
  });

  it('ends after Tết when day 30 falls in it', () => {
    expect(resolutionDue({ acceptedOn: '2027-01-12', complexity: 'normal' }, isWorking).dueOn).toBe('2027-02-12'); // Thu 11/2
  });

  it('refuses extensions the case does not allow', () => {
    const rules = DENUNCIATION_RULES[0]!.rules;
    expect(extensionProblem('normal', [10], rules)).toMatch(/allows 0/);
    expect(extensionProblem('complex', [10, 10], rules)).toMatch(/allows 1/);
    expect(extensionProblem('especially_complex', [30, 31], rules)).toMatch(/1 to 30/);
    expect(extensionProblem('complex', [0], rules)).toMatch(/1 to 30/);
    expect(extensionProblem('especially_complex', [30, 30], rules)).toBeNull();
    expect(() => resolutionDue({ acceptedOn: '2026-07-01', complexity: 'normal', extensions: [30] }, isWorking)).toThrow(/allows 0/);
  });
});
