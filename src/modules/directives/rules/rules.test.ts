import { describe, expect, it } from 'vitest';
import { addWorkingDays, deadlineState, effectiveDueDay, isOverdue, occurrenceDue, vnDay, workingDaysAfter } from './deadlines.js';
import { currentReportingPeriod } from './current-period.js';
import { fanOut } from './fan-out.js';
import { allowedActions, mayAct, nextStatus, refusal, type Standing } from './task-state.js';

// A week of 2026 with a holiday: Thursday 30/4 and Friday 1/5 off (Reunification Day, Labour Day),
// weekends off; everything else worked.
const OFF = new Set(['2026-04-30', '2026-05-01']);
const isWorking = (d: string) => {
  const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6 && !OFF.has(d);
};

describe('deadlines in the province\'s working days', () => {
  it('moves a deadline that falls on a day off to the next working day (Civil Code art. 148(5))', () => {
    expect(effectiveDueDay('2026-04-28', isWorking)).toBe('2026-04-28');
    expect(effectiveDueDay('2026-04-30', isWorking)).toBe('2026-05-04'); // Thu holiday, Fri holiday, weekend
    expect(effectiveDueDay('2026-05-02', isWorking)).toBe('2026-05-04'); // Saturday
  });

  it('counts "within n working days" from the day after, skipping days off', () => {
    expect(addWorkingDays('2026-04-28', 1, isWorking)).toBe('2026-04-29');
    expect(addWorkingDays('2026-04-28', 2, isWorking)).toBe('2026-05-04');
    expect(addWorkingDays('2026-04-24', 5, isWorking)).toBe('2026-05-05'); // from Fri: Mon, Tue, Wed, (Thu, Fri off), Mon, Tue
    expect(() => addWorkingDays('2026-04-28', 0, isWorking)).toThrow();
    expect(workingDaysAfter('2026-04-28', '2026-05-05', isWorking)).toBe(3); // 29/4, 4/5, 5/5
    expect(workingDaysAfter('2026-05-05', '2026-04-28', isWorking)).toBe(0);
  });

  it('derives overdue from the moved due day and counts the delay in working days', () => {
    const open = { status: 'in_progress', dueOn: '2026-04-30', doneOn: null };
    // Due on a holiday: still on time on Monday 4/5, overdue from Tuesday.
    expect(deadlineState(open, '2026-05-04', isWorking)).toEqual({ state: 'near_due', dueDay: '2026-05-04', workingDaysLate: 0 });
    expect(deadlineState(open, '2026-05-05', isWorking)).toEqual({ state: 'overdue', dueDay: '2026-05-04', workingDaysLate: 1 });
    expect(deadlineState(open, '2026-05-11', isWorking).workingDaysLate).toBe(5);
    expect(isOverdue(open, '2026-05-04', isWorking)).toBe(false);
    // Near due within 3 working days (the holidays are not counted), on track before.
    expect(deadlineState(open, '2026-04-29', isWorking).state).toBe('near_due');
    expect(deadlineState(open, '2026-04-24', isWorking).state).toBe('on_track');
    // Done: measured on the day the lead unit reported it done, not the approval.
    expect(deadlineState({ status: 'completed', dueOn: '2026-04-30', doneOn: '2026-05-04' }, '2026-06-01', isWorking).state).toBe('done_on_time');
    expect(deadlineState({ status: 'completed', dueOn: '2026-04-30', doneOn: '2026-05-06' }, '2026-06-01', isWorking)).toEqual({ state: 'done_late', dueDay: '2026-05-04', workingDaysLate: 2 });
    // No deadline, or cancelled: never overdue.
    expect(deadlineState({ status: 'in_progress', dueOn: null, doneOn: null }, '2030-01-01', isWorking).state).toBe('none');
    expect(deadlineState({ status: 'cancelled', dueOn: '2026-01-01', doneOn: null }, '2030-01-01', isWorking).state).toBe('cancelled');
  });

  it('reads the day in Vietnam, whatever the server\'s zone', () => {
    expect(vnDay(new Date('2026-06-30T16:59:59Z'))).toBe('2026-06-30');
    expect(vnDay(new Date('2026-06-30T17:00:00Z'))).toBe('2026-07-01');
  });

  it('puts each occurrence of a recurring task on the first one\'s day of the month, without drift', () => {
    expect(occurrenceDue('2026-06-15', 'half_yearly', 0)).toBe('2026-06-15');
    expect(occurrenceDue('2026-06-15', 'half_yearly', 1)).toBe('2026-12-15');
    expect(occurrenceDue('2026-06-15', 'half_yearly', 3)).toBe('2027-12-15');
    expect(occurrenceDue('2026-12-15', 'yearly', 2)).toBe('2028-12-15');
    expect(occurrenceDue('2026-03-31', 'quarterly', 1)).toBe('2026-06-30');
    expect(occurrenceDue('2026-01-31', 'monthly', 1)).toBe('2026-02-28');
    expect(occurrenceDue('2026-01-31', 'monthly', 2)).toBe('2026-03-31'); // not 28/3: computed from the first
    expect(occurrenceDue('2027-11-30', 'quarterly', 1)).toBe('2028-02-29');
  });
});

describe('fan-out: one lead unit per task', () => {
  it('gives each unit of a group, and each unit named, its own task; a named unit once; never its own coordinator', () => {
    const { tasks, problems } = fanOut([
      { ref: '1', content: 'Kiểm tra CCHC', leads: [{ group: 'departments', unitIds: [11, 12, 13] }, { group: 'communes', unitIds: [51, 52] }] },
      { ref: '7.g', content: 'Tuyên truyền', leads: [{ unitId: 91 }, { unitId: 92 }, { unitId: 91 }], coordinatingUnitIds: [92, 11] },
      { ref: '7.a', content: 'Tham mưu', leads: [{ group: 'departments', unitIds: [11, 12] }, { unitId: 12 }] },
    ]);
    expect(problems).toEqual([]);
    expect(tasks.filter((t) => t.ref === '1').map((t) => [t.leadUnitId, t.fanOutKey])).toEqual([[11, 'departments'], [12, 'departments'], [13, 'departments'], [51, 'communes'], [52, 'communes']]);
    expect(tasks.filter((t) => t.ref === '7.g').map((t) => [t.leadUnitId, t.coordinatingUnitIds])).toEqual([[91, [92, 11]], [92, [11]]]);
    // Named and in the group: named (no fan-out key), first.
    expect(tasks.filter((t) => t.ref === '7.a').map((t) => [t.leadUnitId, t.fanOutKey])).toEqual([[12, null], [11, 'departments']]);
    expect(tasks.every((t) => t.content.length > 0)).toBe(true);
  });

  it('reports an item with no lead unit instead of dropping it', () => {
    const { tasks, problems } = fanOut([{ ref: '2', content: 'x', leads: [] }, { ref: '3', content: 'y', leads: [{ group: 'communes', unitIds: [] }] }]);
    expect(tasks).toEqual([]);
    expect(problems).toEqual([{ index: 0, code: 'NO_LEAD' }, { index: 1, code: 'NO_LEAD' }]);
  });
});

describe('the task\'s state machine and who may move it', () => {
  const none: Standing = { assignee: false, leadHead: false, ownerRegister: false, ownerApprove: false };
  const head = { ...none, leadHead: true };
  const officer = { ...none, assignee: true };
  const assigner = { ...none, ownerRegister: true, ownerApprove: true };

  it('runs assign → progress → request → approve, with a return in between', () => {
    let s = nextStatus('new', 'assign');
    expect(s).toBe('assigned');
    s = nextStatus(s, 'progress');
    expect(s).toBe('in_progress');
    expect(nextStatus(s, 'assign')).toBe('in_progress'); // reassigning keeps the status
    s = nextStatus(s, 'request_completion');
    expect(s).toBe('completion_requested');
    expect(nextStatus(s, 'return')).toBe('in_progress');
    expect(nextStatus(s, 'approve')).toBe('completed');
    // A recurring task's accepted occurrence opens the next one.
    expect(nextStatus(s, 'approve', true)).toBe('in_progress');
    expect(nextStatus('in_progress', 'change_lead')).toBe('new');
  });

  it('lets each party do only its part', () => {
    expect(allowedActions('new', head)).toEqual(['assign', 'note']);
    expect(allowedActions('in_progress', officer)).toEqual(['progress', 'note']);
    expect(allowedActions('in_progress', head)).toEqual(['assign', 'progress', 'request_completion', 'note']);
    expect(allowedActions('completion_requested', head)).toEqual(['note']);
    expect(allowedActions('completion_requested', assigner)).toEqual(['approve', 'return', 'cancel', 'note']);
    expect(allowedActions('in_progress', assigner)).toEqual(['cancel', 'change_lead', 'edit', 'note']);
    expect(allowedActions('completed', assigner)).toEqual(['note']);
    expect(allowedActions('in_progress', none)).toEqual([]);
    // The person in charge does not ask for completion on the unit's behalf, nor approve their own work.
    expect(mayAct('request_completion', officer)).toBe(false);
    expect(mayAct('approve', { ...head, assignee: true })).toBe(false);
  });

  it('explains a refusal by the status in Vietnamese', () => {
    expect(refusal('in_progress', 'progress')).toBeNull();
    expect(refusal('new', 'progress')?.code).toBe('TASK_NOT_ASSIGNED');
    expect(refusal('in_progress', 'approve')?.vi).toContain('chưa đề nghị công nhận hoàn thành');
    expect(refusal('completed', 'assign')?.vi).toBe('Không thể thực hiện thao tác này khi nhiệm vụ đã hoàn thành.');
  });
});

describe('the reporting period a day falls in', () => {
  it('follows the cut-offs: 15/12 opens the next year\'s first half, 15/6 the year\'s report', () => {
    expect(currentReportingPeriod('2026-01-10')).toEqual({ kind: 'half', year: 2026 });
    expect(currentReportingPeriod('2026-06-14')).toEqual({ kind: 'half', year: 2026 });
    expect(currentReportingPeriod('2026-06-15')).toEqual({ kind: 'year', year: 2026 });
    expect(currentReportingPeriod('2026-12-14')).toEqual({ kind: 'year', year: 2026 });
    expect(currentReportingPeriod('2026-12-15')).toEqual({ kind: 'half', year: 2027 });
  });
});
