import { describe, expect, it } from 'vitest';
import { dayNumber, weekday } from './dates.js';
import { CalendarRuleError } from './errors.js';
import {
  LABOUR_CODE_ART_111_3,
  LABOUR_CODE_ART_112,
  applyNotice,
  defaultHolidays,
  type CalendarDay,
  type Notice,
} from './holidays.js';

const brief = (days: CalendarDay[]) => days.map((d) => `${d.date} ${d.kind}`);

describe('defaultHolidays (Labour Code 2019 art. 112 and 111(3))', () => {
  it('2026: 11 holidays; Giỗ Tổ on Sunday 26/4 gives Monday 27/4 off', () => {
    const days = defaultHolidays(2026);
    expect(brief(days)).toEqual([
      '2026-01-01 holiday',
      '2026-02-16 holiday', // 29 tháng Chạp: one day before mùng 1 by default
      '2026-02-17 holiday',
      '2026-02-18 holiday',
      '2026-02-19 holiday',
      '2026-02-20 holiday',
      '2026-04-26 holiday',
      '2026-04-27 compensatory',
      '2026-04-30 holiday',
      '2026-05-01 holiday',
      '2026-09-01 holiday',
      '2026-09-02 holiday',
    ]);
    expect(days.filter((d) => d.kind === 'holiday').every((d) => d.basis === LABOUR_CODE_ART_112)).toBe(true);
    const comp = days.find((d) => d.kind === 'compensatory');
    expect(comp?.basis).toEqual(LABOUR_CODE_ART_111_3);
    expect(comp?.occasion).toBe('hung_kings');
    expect(comp?.name).toContain('Giỗ Tổ Hùng Vương');
    expect(days.find((d) => d.date === '2026-02-17')?.name).toBe('Tết Nguyên đán (mùng 1 tháng Giêng)');
    expect(days.find((d) => d.date === '2026-02-16')?.name).toBe('Tết Nguyên đán (29 tháng Chạp)');
  });

  it('the Tết pattern is an option; a Tết day on Sunday is made up after the block', () => {
    const tet = defaultHolidays(2026, { tetDaysBefore: 2 }).filter((d) => d.occasion === 'tet');
    expect(brief(tet)).toEqual([
      '2026-02-15 holiday', // Sunday, 28 tháng Chạp
      '2026-02-16 holiday',
      '2026-02-17 holiday',
      '2026-02-18 holiday',
      '2026-02-19 holiday',
      '2026-02-20 compensatory',
    ]);
    expect(defaultHolidays(2026, { tetDaysBefore: 0 }).filter((d) => d.occasion === 'tet')[0]?.date).toBe('2026-02-17');
    expect(() => defaultHolidays(2026, { tetDaysBefore: 5 })).toThrow(CalendarRuleError);
  });

  it('the day next to 2/9 is before by default, after on request', () => {
    const after = defaultHolidays(2026, { nationalDayAdjacent: 'after' }).filter((d) => d.occasion === 'national_day');
    expect(brief(after)).toEqual(['2026-09-02 holiday', '2026-09-03 holiday']);
  });

  it('chains: 30/4 Saturday and 1/5 Sunday 2022 are made up on Monday 2/5 and Tuesday 3/5', () => {
    const spring = defaultHolidays(2022).filter((d) => d.date >= '2022-04-01' && d.date <= '2022-05-31');
    expect(brief(spring)).toEqual([
      '2022-04-10 holiday', // Giỗ Tổ on a Sunday
      '2022-04-11 compensatory',
      '2022-04-30 holiday',
      '2022-05-01 holiday',
      '2022-05-02 compensatory',
      '2022-05-03 compensatory',
    ]);
  });

  it('2023: Giỗ Tổ Saturday 29/4, 30/4 Sunday, 1/5 Monday → off 29/4 to 3/5 as announced that year', () => {
    const spring = defaultHolidays(2023).filter((d) => d.date >= '2023-04-28' && d.date <= '2023-05-05');
    expect(brief(spring)).toEqual([
      '2023-04-29 holiday',
      '2023-04-30 holiday',
      '2023-05-01 holiday',
      '2023-05-02 compensatory',
      '2023-05-03 compensatory',
    ]);
  });

  it('with Saturdays worked, a Saturday holiday gives no compensatory day', () => {
    // 1/5/2027 is a Saturday.
    expect(defaultHolidays(2027).some((d) => d.date === '2027-05-03' && d.kind === 'compensatory')).toBe(true);
    expect(defaultHolidays(2027, { saturdayWorking: true }).some((d) => d.kind === 'compensatory' && d.date.startsWith('2027-05'))).toBe(false);
  });

  it('two holidays on one date are one day off with both names (30/4/1947 was also 10/3 âm lịch)', () => {
    const day = defaultHolidays(1947).find((d) => d.date === '1947-04-30');
    expect(day?.name).toBe('Giỗ Tổ Hùng Vương (10/3 âm lịch); Ngày Chiến thắng (30/4)');
  });

  it('every year 1900–2100: unique dates, compensatory days on weekdays that are not holidays', () => {
    for (let year = 1900; year <= 2100; year++) {
      const days = defaultHolidays(year);
      expect(new Set(days.map((d) => d.date)).size).toBe(days.length);
      const holidays = new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date));
      expect(holidays.size).toBeGreaterThanOrEqual(10);
      const onWeekend = [...holidays].filter((d) => [0, 6].includes(weekday(dayNumber(d)))).length;
      const comps = days.filter((d) => d.kind === 'compensatory');
      expect(comps.length).toBe(onWeekend);
      for (const c of comps) expect([0, 6]).not.toContain(weekday(dayNumber(c.date)));
    }
  });
});

describe('applyNotice', () => {
  // CV 8726/VPCP-KGVX (26/11/2024): official Tết days 27/1–31/1/2025, swap 2/5 ↔ 26/4/2025.
  const notice2025: Notice = {
    document: 'Công văn 8726/VPCP-KGVX',
    date: '2024-11-26',
    title: 'Nghỉ Tết Âm lịch và hoán đổi ngày làm việc năm 2025',
    covers: ['tet'],
    days: [
      { date: '2025-01-27', kind: 'holiday', name: 'Tết Nguyên đán (28 tháng Chạp)', occasion: 'tet' },
      { date: '2025-01-28', kind: 'holiday', name: 'Tết Nguyên đán (29 tháng Chạp)', occasion: 'tet' },
      { date: '2025-01-29', kind: 'holiday', name: 'Tết Nguyên đán (mùng 1 tháng Giêng)', occasion: 'tet' },
      { date: '2025-01-30', kind: 'holiday', name: 'Tết Nguyên đán (mùng 2 tháng Giêng)', occasion: 'tet' },
      { date: '2025-01-31', kind: 'holiday', name: 'Tết Nguyên đán (mùng 3 tháng Giêng)', occasion: 'tet' },
      { date: '2025-04-26', kind: 'makeup_workday', name: 'Làm bù cho thứ Sáu 02/5/2025' },
      { date: '2025-05-02', kind: 'swap_off', name: 'Nghỉ hoán đổi sang thứ Bảy 26/4/2025' },
    ],
  };

  it('replaces the default Tết (28/1 – Saturday 1/2, made up Monday 3/2) and says what changed', () => {
    const defaults = defaultHolidays(2025);
    expect(brief(defaults.filter((d) => d.occasion === 'tet'))).toEqual([
      '2025-01-28 holiday',
      '2025-01-29 holiday',
      '2025-01-30 holiday',
      '2025-01-31 holiday',
      '2025-02-01 holiday',
      '2025-02-03 compensatory',
    ]);
    const { days, changes } = applyNotice(defaults, notice2025);
    expect(brief(days.filter((d) => d.date < '2025-03-01'))).toEqual([
      '2025-01-01 holiday',
      '2025-01-27 holiday',
      '2025-01-28 holiday',
      '2025-01-29 holiday',
      '2025-01-30 holiday',
      '2025-01-31 holiday',
    ]);
    expect(changes.map((c) => `${c.date} ${c.change}`)).toEqual([
      '2025-01-27 added',
      '2025-01-28 confirmed',
      '2025-01-29 confirmed',
      '2025-01-30 confirmed',
      '2025-01-31 confirmed',
      '2025-02-01 removed',
      '2025-02-03 removed',
      '2025-04-26 added',
      '2025-05-02 added',
    ]);
    for (const c of changes) expect(c.basis).toEqual({ document: 'Công văn 8726/VPCP-KGVX', date: '2024-11-26' });
    expect(changes.find((c) => c.date === '2025-02-01')?.note).toBe(
      '01/02/2025: bỏ ngày nghỉ lễ, tết "Tết Nguyên đán (mùng 4 tháng Giêng)" (mặc định), trở lại ngày thường theo Công văn 8726/VPCP-KGVX ngày 26/11/2024.',
    );
    expect(days.find((d) => d.date === '2025-05-02')?.basis).toEqual({ document: 'Công văn 8726/VPCP-KGVX', date: '2024-11-26' });
    // occasions the notice does not cover keep their Labour Code basis
    expect(days.find((d) => d.date === '2025-04-07')?.basis).toEqual(LABOUR_CODE_ART_112);
  });

  it('a day given another kind is reported as replaced', () => {
    const notice: Notice = {
      document: 'CV 1/TEST',
      date: '2026-01-05',
      title: 'test',
      days: [{ date: '2026-04-27', kind: 'swap_off', name: 'Nghỉ hoán đổi' }],
    };
    const { changes } = applyNotice(defaultHolidays(2026), notice);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.change).toBe('replaced');
    expect(changes[0]?.before?.kind).toBe('compensatory');
    expect(changes[0]?.after?.kind).toBe('swap_off');
  });

  it('removes a default day by date, and refuses to remove a day that is not there', () => {
    const base = { document: 'CV 2/TEST', date: '2026-01-05', title: 'test', days: [] };
    const { days, changes } = applyNotice(defaultHolidays(2026), { ...base, removes: ['2026-04-27'] });
    expect(days.some((d) => d.date === '2026-04-27')).toBe(false);
    expect(changes.map((c) => c.change)).toEqual(['removed']);
    expect(() => applyNotice(defaultHolidays(2026), { ...base, removes: ['2026-04-28'] })).toThrow(/not in the calendar/);
  });

  it('rejects malformed notices', () => {
    const ok: Notice = { document: 'CV 3/TEST', date: '2026-01-05', title: 't', days: [] };
    const day = { date: '2026-03-02', kind: 'holiday' as const, name: 'x' };
    const bad: Notice[] = [
      { ...ok, document: ' ' },
      { ...ok, date: '05/01/2026' },
      { ...ok, days: [day, day] },
      { ...ok, days: [{ ...day, date: '2026-02-30' }] },
      { ...ok, days: [{ ...day, kind: 'day_off' as never }] },
      { ...ok, days: [day], removes: ['2026-03-02'] },
    ];
    for (const notice of bad) {
      expect(() => applyNotice([], notice)).toThrow(expect.objectContaining({ code: 'NOTICE_INVALID' }));
    }
  });

  it('applying the same notice twice changes no day and only confirms', () => {
    const once = applyNotice(defaultHolidays(2025), notice2025);
    const twice = applyNotice(once.days, notice2025);
    expect(twice.days).toEqual(once.days);
    expect(new Set(twice.changes.map((c) => c.change))).toEqual(new Set(['confirmed']));
  });
});
