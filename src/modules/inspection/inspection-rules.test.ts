import { describe, expect, it } from 'vitest';
import {
  allClosed, allowedInspectionActions, allowedRecommendationActions, dueFromWorkingDays, inspectionRefusal, mayAct, recommendationClock, recommendationRefusal, statusAfterConclusion,
} from './inspection-rules.js';
import { isWorking } from './rules/test-calendar.js';

// Weekends, 1/1/2027 and Tết 2027 (Friday 5/2 to Thursday 11/2/2027) off: rules/test-calendar.ts.
const team = { onTeam: true, manage: false, conclude: false };
const inspector = { onTeam: false, manage: true, conclude: false };
const head = { onTeam: false, manage: true, conclude: true };

describe('who moves an inspection, and when', () => {
  it('lets the organiser prepare, the team keep the record, the head sign', () => {
    expect(allowedInspectionActions('planned', inspector)).toEqual(['edit', 'set_team', 'start', 'cancel']);
    // A team member without any grant starts the work at the unit, but does not change the decision or the team.
    expect(allowedInspectionActions('planned', team)).toEqual(['start']);
    expect(allowedInspectionActions('in_progress', team)).toEqual(['refresh_checklist', 'set_verdicts', 'add_finding', 'update_finding', 'remove_finding']);
    // An inspector of the same unit who is not on the team organises, but does not write the team's record.
    expect(allowedInspectionActions('in_progress', inspector)).toEqual(['edit', 'set_team']);
    expect(allowedInspectionActions('in_progress', head)).toContain('conclude');
    expect(allowedInspectionActions('in_progress', head)).toContain('add_finding');
    expect(mayAct('conclude', team)).toBe(false);
  });

  it('closes the record at the conclusion and refuses what comes out of order', () => {
    for (const s of ['concluded', 'closed', 'cancelled'] as const) expect(allowedInspectionActions(s, { onTeam: true, manage: true, conclude: true })).toEqual([]);
    expect(inspectionRefusal('planned', 'add_finding')?.vi).toContain('chưa tiến hành');
    expect(inspectionRefusal('in_progress', 'start')).not.toBeNull();
    expect(inspectionRefusal('in_progress', 'cancel')).not.toBeNull();
    expect(inspectionRefusal('planned', 'cancel')).toBeNull();
  });

  it('closes an inspection at once when its conclusion has no recommendation, else when every one is closed', () => {
    expect(statusAfterConclusion(0)).toBe('closed');
    expect(statusAfterConclusion(2)).toBe('concluded');
    expect(allClosed(['closed', 'closed'])).toBe(true);
    expect(allClosed(['closed', 'reported'])).toBe(false);
    expect(allClosed([])).toBe(false);
  });
});

describe('a recommendation followed up', () => {
  it('is reported by the responsible unit and accepted or returned by the inspecting unit', () => {
    expect(allowedRecommendationActions('open', { report: true, review: false })).toEqual(['report']);
    expect(allowedRecommendationActions('reported', { report: false, review: true })).toEqual(['accept', 'return']);
    // The inspecting unit may accept what it checked itself, without a report.
    expect(allowedRecommendationActions('open', { report: false, review: true })).toEqual(['accept']);
    expect(allowedRecommendationActions('closed', { report: true, review: true })).toEqual([]);
    expect(recommendationRefusal('open', 'return')?.vi).toContain('đã báo cáo');
    expect(recommendationRefusal('closed', 'report')?.vi).toContain('hoàn thành');
  });

  it('counts a deadline in working days from the conclusion, across Tết', () => {
    // Concluded Wednesday 3/2/2027: 4/2, then Tết to 11/2, then 12, 15, 16/2.
    expect(dueFromWorkingDays('2027-02-03', 4, isWorking)).toBe('2027-02-16');
    expect(dueFromWorkingDays('2026-06-30', 10, isWorking)).toBe('2026-07-14');
  });

  it('is overdue from the day after its due day, a day off moving the due day to the next working day', () => {
    // Due Saturday 6/2/2027 (Tết): the deadline really ends on Friday 12/2.
    const open = { status: 'open' as const, dueOn: '2027-02-06', closedOn: null };
    expect(recommendationClock(open, '2027-02-12', isWorking)).toMatchObject({ state: 'near_due', dueDay: '2027-02-12', workingDaysLeft: 0 });
    expect(recommendationClock(open, '2027-02-15', isWorking)).toMatchObject({ state: 'overdue', workingDaysLate: 1 });
    expect(recommendationClock(open, '2027-01-25', isWorking)).toMatchObject({ state: 'on_track', workingDaysLeft: 9 });
    // A report does not stop the clock; only the acceptance does.
    expect(recommendationClock({ ...open, status: 'reported' }, '2027-02-16', isWorking)).toMatchObject({ state: 'overdue', workingDaysLate: 2 });
    expect(recommendationClock({ status: 'closed', dueOn: '2027-02-06', closedOn: '2027-02-12' }, '2027-03-01', isWorking)).toMatchObject({ state: 'closed_on_time' });
    expect(recommendationClock({ status: 'closed', dueOn: '2027-02-06', closedOn: '2027-02-16' }, '2027-03-01', isWorking)).toMatchObject({ state: 'closed_late', workingDaysLate: 2 });
  });
});
