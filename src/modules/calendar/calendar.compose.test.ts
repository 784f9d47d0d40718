import { describe, expect, it } from 'vitest';
import { composeYear, defaultDays, kindProblem, type Layer } from './calendar.compose.js';
import type { Notice } from './rules/index.js';

const defaults = defaultDays(2026, { tetDaysBefore: 1, nationalDayAdjacent: 'before' });

const swap: Notice = {
  document: 'CV 1/TEST', date: '2025-10-01', title: 'Hoán đổi Quốc khánh',
  covers: ['national_day'],
  days: [
    { date: '2026-08-31', kind: 'swap_off', name: 'Nghỉ hoán đổi' },
    { date: '2026-08-22', kind: 'makeup_workday', name: 'Làm bù' },
    { date: '2026-09-01', kind: 'holiday', name: 'Quốc khánh (1/9)', occasion: 'national_day' },
    { date: '2026-09-02', kind: 'holiday', name: 'Quốc khánh (2/9)', occasion: 'national_day' },
  ],
};

const notice = (id: number, seq: number, n: Notice): Layer => ({ type: 'notice', id, seq, notice: n });
const edit = (id: number, seq: number, date: string, kind: 'holiday' | null, reason: string): Layer =>
  ({ type: 'edit', id, seq, edit: { date, kind, name: kind ? 'Nghỉ riêng của tỉnh' : null, basis: null, reason } });

describe('composeYear', () => {
  it('is the Labour Code defaults when nothing was recorded', () => {
    const y = composeYear(2026, defaults, []);
    expect(y.days.map((d) => d.date)).toEqual(defaults.map((d) => d.date));
    expect(y.days.every((d) => d.source === 'default')).toBe(true);
    expect(y.changes).toEqual([]);
  });

  it('lists what a notice changes against the defaults, with the notice as basis', () => {
    const y = composeYear(2026, defaults, [notice(7, 1, swap)]);
    expect(y.changes.map((c) => `${c.date} ${c.change}`)).toEqual([
      '2026-08-22 added', '2026-08-31 added', '2026-09-01 confirmed', '2026-09-02 confirmed',
    ]);
    expect(y.days.find((d) => d.date === '2026-08-31')).toMatchObject({ source: 'notice', noticeId: 7, basis: { document: 'CV 1/TEST', date: '2025-10-01' } });
    expect(y.days.find((d) => d.date === '2026-01-01')).toMatchObject({ source: 'default' });
  });

  it('applies notices and edits in recording order: the later one wins on the same date', () => {
    const editFirst = composeYear(2026, defaults, [edit(1, 1, '2026-08-31', null, 'thử'), notice(7, 2, swap)]);
    expect(editFirst.days.find((d) => d.date === '2026-08-31')?.source).toBe('notice');
    const noticeFirst = composeYear(2026, defaults, [notice(7, 1, swap), edit(1, 2, '2026-08-31', null, 'Tỉnh không áp dụng hoán đổi')]);
    expect(noticeFirst.days.find((d) => d.date === '2026-08-31')).toBeUndefined();
    // Added by the notice, removed by the edit: no difference from the defaults remains.
    expect(noticeFirst.changes.find((c) => c.date === '2026-08-31')).toBeUndefined();
  });

  it('records a removed default holiday with the reason', () => {
    const y = composeYear(2026, defaults, [edit(3, 1, '2026-05-01', null, 'Thử bỏ ngày lễ')]);
    expect(y.changes).toEqual([expect.objectContaining({ date: '2026-05-01', change: 'removed', source: 'manual', reason: 'Thử bỏ ngày lễ' })]);
    expect(y.changes[0]!.note).toContain('lý do: Thử bỏ ngày lễ');
  });
});

describe('kindProblem', () => {
  it('accepts make-up days on weekends and days off on weekdays only', () => {
    expect(kindProblem('2026-08-22', 'makeup_workday', false)).toBeNull(); // Saturday
    expect(kindProblem('2026-08-24', 'makeup_workday', false)).toContain('ngày làm bù');
    expect(kindProblem('2026-08-22', 'makeup_workday', true)).toContain('ngày làm bù'); // Saturdays worked anyway
    expect(kindProblem('2026-08-23', 'swap_off', false)).toContain('nghỉ hằng tuần');
    expect(kindProblem('2026-04-26', 'holiday', false)).toBeNull(); // Giỗ Tổ on a Sunday is still the holiday
  });
});
