import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultHolidays } from './holidays.js';
import { buildYear, parseNoticeFile, type HoursFile } from './notice.js';
import { WorkCalendar } from './working-time.js';

const demo = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../../demo/calendar/${path}`, import.meta.url), 'utf8'));

const brief = (days: { date: string; kind: string }[]) => days.map((d) => `${d.date} ${d.kind}`);

describe('demo province calendar files', () => {
  it('2026 as published: CV 6620/UBND-VX (Tết, Quốc khánh) and CV 12729/VPCP-KGVX (Tết Dương lịch)', () => {
    const file = parseNoticeFile(demo('notices/2026.json'));
    const year = buildYear(2026, {}, file.notices);
    expect(brief(year.days)).toEqual([
      '2026-01-01 holiday',
      '2026-01-02 swap_off',
      '2026-01-10 makeup_workday',
      '2026-02-16 holiday',
      '2026-02-17 holiday',
      '2026-02-18 holiday',
      '2026-02-19 holiday',
      '2026-02-20 holiday',
      '2026-04-26 holiday',
      '2026-04-27 compensatory',
      '2026-04-30 holiday',
      '2026-05-01 holiday',
      '2026-08-22 makeup_workday',
      '2026-08-31 swap_off',
      '2026-09-01 holiday',
      '2026-09-02 holiday',
    ]);
    const swap = year.days.find((d) => d.date === '2026-08-31');
    expect(swap?.basis).toEqual({ document: 'Công văn 6620/UBND-VX', date: '2025-10-24' });
    expect(year.changes.filter((c) => c.change === 'added').map((c) => c.date)).toEqual([
      '2026-01-02',
      '2026-01-10',
      '2026-08-22',
      '2026-08-31',
    ]);
    expect(year.changes.find((c) => c.date === '2026-08-22')?.note).toContain('Công văn 6620/UBND-VX ngày 24/10/2025');
  });

  it('2025 as published by CV 8726/VPCP-KGVX', () => {
    const year = buildYear(2025, {}, parseNoticeFile(demo('notices/2025.json')).notices);
    expect(brief(year.days)).toEqual([
      '2025-01-01 holiday',
      '2025-01-27 holiday',
      '2025-01-28 holiday',
      '2025-01-29 holiday',
      '2025-01-30 holiday',
      '2025-01-31 holiday',
      '2025-04-07 holiday',
      '2025-04-26 makeup_workday',
      '2025-04-30 holiday',
      '2025-05-01 holiday',
      '2025-05-02 swap_off',
      '2025-09-01 holiday',
      '2025-09-02 holiday',
    ]);
  });

  it('2027 has no notice: the defaults, said so in the file', () => {
    const file = parseNoticeFile(demo('notices/2027.json'));
    expect(file.notices).toEqual([]);
    expect(file.note).toMatch(/Chưa có thông báo/);
    const year = buildYear(2027, {}, file.notices);
    expect(year.days).toEqual(defaultHolidays(2027));
    expect(year.changes).toEqual([]);
  });

  it('hours.json builds a calendar with 8-hour days and Saturdays off', () => {
    const hours = demo('hours.json') as HoursFile;
    const cal = new WorkCalendar({ days: [], hours: hours.intervals, saturdayWorking: hours.saturdayWorking });
    expect(cal.dayLengthMs).toBe(8 * 3_600_000);
    expect(cal.isWorkingDay('2026-03-07').reason).toBe('saturday');
  });
});

describe('buildYear', () => {
  it('keeps only the days of the year asked for', () => {
    const notice = {
      document: 'CV 9/TEST',
      date: '2026-12-01',
      title: 'test',
      days: [
        { date: '2026-12-31', kind: 'swap_off' as const, name: 'a' },
        { date: '2027-01-09', kind: 'makeup_workday' as const, name: 'b' },
      ],
    };
    const year = buildYear(2026, {}, notice);
    expect(year.days.some((d) => d.date.startsWith('2027'))).toBe(false);
    expect(year.changes.map((c) => c.date)).toEqual(['2026-12-31']);
  });
});

describe('parseNoticeFile', () => {
  const notice = { document: 'CV 1/X', date: '2026-01-05', title: 't', days: [{ date: '2026-03-02', kind: 'holiday', name: 'x' }] };

  it('accepts a well-formed file and keeps optional fields', () => {
    const file = parseNoticeFile({
      year: 2026,
      notices: [{ ...notice, covers: ['tet'], removes: [], references: [{ document: 'CV 2/Y', date: '2026-01-01' }] }],
    });
    expect(file.notices[0]?.covers).toEqual(['tet']);
    expect(file.notices[0]?.references).toEqual([{ document: 'CV 2/Y', date: '2026-01-01' }]);
  });

  it.each([
    ['not an object', []],
    ['year missing', { notices: [] }],
    ['notices not a list', { year: 2026, notices: {} }],
    ['day without name', { year: 2026, notices: [{ ...notice, days: [{ date: '2026-03-02', kind: 'holiday' }] }] }],
    ['unknown kind', { year: 2026, notices: [{ ...notice, days: [{ date: '2026-03-02', kind: 'off', name: 'x' }] }] }],
    ['covers not strings', { year: 2026, notices: [{ ...notice, covers: [1] }] }],
    ['bad date', { year: 2026, notices: [{ ...notice, date: '2026-13-01' }] }],
  ])('rejects %s', (_what, raw) => {
    expect(() => parseNoticeFile(raw)).toThrow(expect.objectContaining({ code: 'NOTICE_INVALID' }));
  });
});
