import { describe, expect, it } from 'vitest';

import { procedure, step } from '../testing.js';
import {
  guaranteedWorkingDays,
  limitHours,
  resolveInternalProcess,
  resolveProcessingTime,
  validateInternalProcess,
} from './internal-process.js';

const days = (amount: number, unit = 'working_days') => ({ amount, unit });

describe('validateInternalProcess', () => {
  it('accepts budgets that add up to the limit of every channel', () => {
    expect(validateInternalProcess(procedure())).toEqual([]);
  });

  it('reports a budget short of the statutory time once for all channels it concerns', () => {
    const p = procedure({ internalProcesses: [{ steps: [step(1, 8), step(2, 8)] }] });
    const problems = validateInternalProcess(p);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: 'BUDGET_MISMATCH',
      channels: ['desk', 'online'],
      budgetHours: 16,
      limitHours: 24,
      path: ['internalProcesses', 0, 'steps'],
    });
    expect(problems[0]?.message).toBe(
      'Tổng thời gian các bước (16 giờ làm việc) khác thời hạn giải quyết (3 ngày làm việc = 24 giờ): thiếu 8 giờ — ' +
        'Quy trình nội bộ, cách thức trực tiếp, trực tuyến.',
    );
  });

  it('reports a budget exceeding the statutory time and counts day budgets as 8 hours', () => {
    const p = procedure({
      internalProcesses: [{ steps: [step(1, 4), { ...step(2, 0), budget: days(3) }] }],
    });
    const [problem] = validateInternalProcess(p);
    expect(problem?.message).toMatch(/\(28 giờ làm việc\).*thừa 4 giờ/);
  });

  it('validates each channel against its own limit and its own process', () => {
    const channels = [
      { kind: 'desk', time: days(1) },
      { kind: 'online', time: days(4, 'working_hours') },
    ];
    const good = procedure({
      channels,
      internalProcesses: [
        { channels: ['desk'], steps: [step(1, 2), step(2, 6)] },
        { channels: ['online'], steps: [step(1, 1), step(2, 3)] },
      ],
    });
    expect(validateInternalProcess(good)).toEqual([]);

    const shared = procedure({ channels, internalProcesses: [{ steps: [step(1, 2), step(2, 6)] }] });
    const problems = validateInternalProcess(shared);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ channels: ['online'], budgetHours: 8, limitHours: 4 });
    expect(problems[0]?.message).toContain('(4 giờ làm việc)');
  });

  it('checks a sub-case with its own time against its own process', () => {
    const cases = [
      {
        code: 'can_xac_minh',
        name: 'Cần xác minh',
        channels: [
          { kind: 'desk', time: days(5) },
          { kind: 'online', time: days(5) },
        ],
        internalProcesses: [{ steps: [step(1, 8), step(2, 24), step(3, 8)] }],
      },
    ];
    expect(validateInternalProcess(procedure({ cases }))).toEqual([]);

    const short = [{ ...cases[0], internalProcesses: [{ steps: [step(1, 8), step(2, 24)] }] }];
    const problems = validateInternalProcess(procedure({ cases: short }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      caseCode: 'can_xac_minh',
      path: ['cases', 0, 'internalProcesses', 0, 'steps'],
      budgetHours: 32,
      limitHours: 40,
    });
    expect(problems[0]?.message).toContain('trường hợp "can_xac_minh"');
  });

  it('flags a sub-case that has its own time but runs the procedure process', () => {
    const cases = [{ code: 'gap', name: 'Gấp', channels: [{ kind: 'desk', time: days(2) }] }];
    const problems = validateInternalProcess(procedure({ cases }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ caseCode: 'gap', channels: ['desk'], path: ['internalProcesses', 0, 'steps'] });
  });

  it('ignores a sub-case that differs only by documents or fees', () => {
    const cases = [{ code: 'khac', name: 'Khác', fees: [{ name: 'Phí', kind: 'fee', amount: 5000 }] }];
    expect(validateInternalProcess(procedure({ cases }))).toEqual([]);
  });

  it('lets calendar-day limits through when the budgets fit any window without holidays', () => {
    const channels = [{ kind: 'desk', time: days(15, 'calendar_days') }];
    const fits = procedure({ channels, onlineMode: 'none', internalProcesses: [{ steps: [step(1, 8), { ...step(2, 0), budget: days(9) }] }] });
    expect(validateInternalProcess(fits)).toEqual([]);

    const over = procedure({ channels, onlineMode: 'none', internalProcesses: [{ steps: [step(1, 8), { ...step(2, 0), budget: days(10) }] }] });
    const [problem] = validateInternalProcess(over);
    expect(problem?.code).toBe('BUDGET_EXCEEDS_CALENDAR_LIMIT');
    expect(problem?.message).toBe(
      'Tổng thời gian các bước (88 giờ làm việc) vượt số ngày làm việc chắc chắn có trong thời hạn 15 ngày ' +
        '(10 ngày làm việc = 80 giờ) — Quy trình nội bộ, cách thức trực tiếp.',
    );
  });

  it('reports a missing process, per channel not covered', () => {
    expect(validateInternalProcess(procedure({ internalProcesses: [] }))).toEqual([
      expect.objectContaining({ code: 'MISSING_PROCESS', channels: ['desk', 'online'] }),
    ]);
    const deskOnly = procedure({ internalProcesses: [{ channels: ['desk'], steps: [step(1, 24)] }] });
    expect(validateInternalProcess(deskOnly)).toEqual([
      expect.objectContaining({ code: 'MISSING_PROCESS', channels: ['online'] }),
    ]);
  });

  it('reports processes that overlap, name a channel not offered, or skip a step number', () => {
    const overlap = procedure({ internalProcesses: [{ steps: [step(1, 24)] }, { steps: [step(1, 24)] }] });
    expect(validateInternalProcess(overlap).map((p) => p.code)).toEqual(['OVERLAPPING_PROCESSES']);

    const post = procedure({
      internalProcesses: [{ steps: [step(1, 24)] }, { channels: ['post'], steps: [step(1, 24)] }],
    });
    expect(validateInternalProcess(post).map((p) => p.code)).toEqual(['UNKNOWN_CHANNEL']);

    const gap = procedure({ internalProcesses: [{ steps: [step(1, 12), step(3, 12)] }] });
    const problems = validateInternalProcess(gap);
    expect(problems.map((p) => p.code)).toEqual(['STEP_ORDER']);
    expect(problems[0]?.message).toContain('từ 1 đến 2 (hiện là 1, 3)');
  });
});

describe('helpers', () => {
  it.each([
    [1, 0],
    [3, 1],
    [5, 3],
    [7, 5],
    [10, 6],
    [15, 10],
    [20, 14],
    [30, 20],
  ])('%i calendar days always hold %i working days', (n, expected) => {
    expect(guaranteedWorkingDays(n)).toBe(expected);
  });

  it('gives no hour equivalent for calendar days', () => {
    expect(limitHours({ amount: 10, unit: 'calendar_days' })).toBeUndefined();
    expect(limitHours({ amount: 2, unit: 'working_days' })).toBe(16);
  });

  it('resolves the case time and process before the procedure ones', () => {
    const caseProcess = { steps: [step(1, 40)] };
    const p = procedure({
      cases: [{ code: 'c', name: 'C', channels: [{ kind: 'desk', time: days(5) }], internalProcesses: [caseProcess] }],
    });
    expect(resolveProcessingTime(p, 'desk', 'c')).toEqual({ amount: 5, unit: 'working_days' });
    expect(resolveProcessingTime(p, 'online', 'c')).toEqual({ amount: 3, unit: 'working_days' });
    expect(resolveProcessingTime(p, 'post')).toBeUndefined();
    expect(resolveInternalProcess(p, 'desk', 'c')?.steps[0]?.budget.amount).toBe(40);
    expect(resolveInternalProcess(p, 'desk')?.steps).toHaveLength(4);
  });
});
