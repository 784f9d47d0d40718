import { describe, expect, it } from 'vitest';
import {
  allowedSteps, completeProblems, judgeEffectiveness, lastDoneOn, ncTransition, periodDays, planProblems, verificationRefusal,
  verificationState, verificationWindow, type NcRole, type NcStatus, type NcStep,
} from './corrective-actions.js';
import type { ProcedureSignals } from './nonconformity-proposals.js';

describe('life cycle and who may take each step', () => {
  it.each<[NcStatus, NcStep, NcRole[], NcStatus | string]>([
    ['open', 'plan', ['owner'], 'action_planned'],
    ['open', 'plan', ['iso_secretary'], 'action_planned'],
    ['open', 'plan', ['auditor'], 'NC_NOT_ALLOWED'],
    ['open', 'plan', [], 'NC_NOT_ALLOWED'],
    ['action_planned', 'plan', ['owner'], 'action_planned'], // revising the plan
    ['open', 'complete', ['owner'], 'NC_WRONG_STATUS'],
    ['action_planned', 'complete', ['owner'], 'actions_done'],
    ['action_planned', 'complete', ['head'], 'NC_NOT_ALLOWED'],
    ['actions_done', 'verify_effective', ['iso_secretary'], 'verified_effective'],
    ['actions_done', 'verify_effective', ['auditor'], 'verified_effective'],
    ['actions_done', 'verify_effective', ['head'], 'verified_effective'],
    ['actions_done', 'verify_effective', ['owner'], 'NC_OWN_ACTION'],
    ['actions_done', 'verify_effective', ['owner', 'iso_secretary'], 'NC_OWN_ACTION'], // never one's own action
    ['actions_done', 'verify_not_effective', ['auditor'], 'action_planned'],          // back for new actions
    ['action_planned', 'verify_effective', ['iso_secretary'], 'NC_WRONG_STATUS'],
    ['verified_effective', 'close', ['head'], 'closed'],
    ['verified_effective', 'close', ['iso_secretary'], 'closed'],
    ['verified_effective', 'close', ['auditor'], 'NC_NOT_ALLOWED'],
    ['actions_done', 'close', ['head'], 'NC_WRONG_STATUS'],
    ['closed', 'plan', ['iso_secretary', 'head'], 'NC_WRONG_STATUS'],
  ])('%s + %s by %j → %s', (status, step, roles, expected) => {
    const r = ncTransition(status, step, roles);
    expect('status' in r ? r.status : r.refusal.code).toBe(expected);
  });

  it('gives Vietnamese reasons', () => {
    expect(ncTransition('closed', 'plan', ['owner'])).toEqual({ refusal: { code: 'NC_WRONG_STATUS', vi: 'Không thể lập kế hoạch khắc phục khi phiếu ở trạng thái "Đã đóng".' } });
  });

  it('lists the buttons an actor has', () => {
    expect(allowedSteps('actions_done', ['iso_secretary'])).toEqual(['verify_effective', 'verify_not_effective']);
    expect(allowedSteps('actions_done', ['owner'])).toEqual([]);
    expect(allowedSteps('action_planned', ['owner'])).toEqual(['plan', 'complete']);
    expect(allowedSteps('closed', ['owner', 'iso_secretary', 'auditor', 'head'])).toEqual([]);
  });
});

describe('plan and completion need their records', () => {
  const action = { text: 'Rà soát danh mục giấy tờ', dueOn: '2026-07-15', doneOn: null };

  it('needs a root cause and an action with a due date', () => {
    expect(planProblems({ rootCause: 'Danh mục giấy tờ không rõ', actions: [action] })).toEqual([]);
    expect(planProblems({ rootCause: '  ', actions: [] }).map((p) => p.path)).toEqual(['rootCause', 'actions']);
    expect(planProblems({ rootCause: 'x', actions: [{ ...action, dueOn: null }] }).map((p) => p.path)).toEqual(['actions.0.dueOn']);
  });

  it('is complete only when every action is done, and the clock starts from the last one', () => {
    const actions = [{ ...action, doneOn: '2026-07-10' }, { ...action, doneOn: null }];
    expect(completeProblems({ rootCause: 'x', actions }).map((p) => p.path)).toEqual(['actions.1.doneOn']);
    expect(lastDoneOn(actions)).toBeNull();
    expect(lastDoneOn([{ ...action, doneOn: '2026-07-10' }, { ...action, doneOn: '2026-07-02' }])).toBe('2026-07-10');
    expect(lastDoneOn([])).toBeNull();
  });
});

describe('the verification window', () => {
  const done = (doneOn: string | null) => [{ text: 'a', dueOn: '2026-07-31', doneOn }];

  it('opens the day the last action is done for an audit finding, due 30 days later', () => {
    const w = verificationWindow({ source: 'audit', actions: done('2026-07-10') });
    expect(w).toEqual({ remeasure: null, opensOn: '2026-07-10', dueOn: '2026-08-09' });
    expect(verificationRefusal(w, '2026-07-10')).toBeNull();
    expect(verificationState(w, '2026-08-09')).toBe('verifiable');
    expect(verificationState(w, '2026-08-10')).toBe('overdue');
    expect(verificationWindow({ source: 'manual', actions: done('2026-07-10') }, { waitDays: 14, dueDays: 30 })).toMatchObject({ opensOn: '2026-07-24', dueOn: '2026-08-23' });
  });

  it('re-measures a signal over as many days as it was detected in, and refuses to verify before', () => {
    const q2 = { from: '2026-04-01', to: '2026-06-30' };
    expect(periodDays(q2)).toBe(91);
    const w = verificationWindow({ source: 'overdue', detectionPeriod: q2, actions: done('2026-07-10') });
    expect(w).toEqual({ remeasure: { from: '2026-07-11', to: '2026-10-09' }, opensOn: '2026-10-10', dueOn: '2026-11-09' });
    expect(verificationState(w, '2026-10-09')).toBe('not_yet');
    expect(verificationRefusal(w, '2026-10-09')).toEqual({ code: 'NC_TOO_EARLY', vi: 'Chỉ xác nhận hiệu lực được từ ngày 10/10/2026.' });
    expect(verificationRefusal(w, '2026-10-10')).toBeNull();
    expect(() => verificationWindow({ source: 'apology', actions: done('2026-07-10') })).toThrow(RangeError);
  });

  it('does not open while an action is pending', () => {
    const w = verificationWindow({ source: 'audit', actions: done(null) });
    expect(w).toBeNull();
    expect(verificationState(w, '2030-01-01')).toBe('awaiting_actions');
    expect(verificationRefusal(w, '2030-01-01')?.code).toBe('NC_ACTIONS_PENDING');
  });
});

describe('effectiveness of a signal nonconformity', () => {
  const q2 = { from: '2026-04-01', to: '2026-06-30' };
  const w = verificationWindow({ source: 'overdue', detectionPeriod: q2, actions: [{ text: 'a', dueOn: '2026-07-31', doneOn: '2026-07-10' }] })!;
  const after = (dossiers: number, overdue: number): ProcedureSignals => ({
    procedureCode: '1.001234', period: w.remeasure!, asOf: '2026-10-10', dossiers, dossiersDone: dossiers, overdue, apologies: 0, supplementsRequested: 0,
  });

  it.each([
    [30, 2, 'effective'],      // under the minimum count
    [40, 3, 'effective'],      // 7,5 %, under the share
    [30, 3, 'not_effective'],  // still 10 % and 3
    [0, 0, 'no_data'],
  ])('%i dossiers, %i overdue after the actions → %s', (dossiers, overdue, result) => {
    expect(judgeEffectiveness('overdue', w, after(dossiers, overdue))).toBe(result);
  });

  it('a "not effective" judgement sends the nonconformity back for new actions', () => {
    expect(judgeEffectiveness('overdue', w, after(30, 5))).toBe('not_effective');
    expect(ncTransition('actions_done', 'verify_not_effective', ['iso_secretary'])).toEqual({ status: 'action_planned' });
  });

  it('refuses figures of another period', () => {
    expect(() => judgeEffectiveness('overdue', w, { ...after(30, 0), period: q2 })).toThrow(RangeError);
  });
});
