import { describe, expect, it } from 'vitest';
import {
  calendarParts,
  formatDong,
  formatViDate,
  formatViDateTime,
  formatViDateTimeShort,
  officialDate,
  officialPlaceDate,
} from './vi-format.js';

describe('officialPlaceDate (Decree 30: leading 0 for days < 10 and months 1–2)', () => {
  it('pads a day below 10 and January', () => {
    expect(officialPlaceDate('Lai Châu', '2026-01-05')).toBe('Lai Châu, ngày 05 tháng 01 năm 2026');
  });

  it('pads February but not March to December', () => {
    expect(officialDate('2026-02-28')).toBe('ngày 28 tháng 02 năm 2026');
    expect(officialDate('2026-03-09')).toBe('ngày 09 tháng 3 năm 2026');
    expect(officialDate('2014-12-31')).toBe('ngày 31 tháng 12 năm 2014');
  });

  it('uses the date in Vietnam, not the server clock: 20:00 UTC on 4 January is already 5 January', () => {
    expect(officialPlaceDate('Lai Châu', new Date('2026-01-04T20:00:00Z'))).toBe('Lai Châu, ngày 05 tháng 01 năm 2026');
    expect(officialDate('2026-01-04T16:59:00Z')).toBe('ngày 04 tháng 01 năm 2026');
  });

  it('trims the place and rejects impossible dates', () => {
    expect(officialPlaceDate('  Phong Thổ ', '2026-10-10')).toBe('Phong Thổ, ngày 10 tháng 10 năm 2026');
    expect(() => officialDate('2026-02-30')).toThrow(RangeError);
    expect(() => officialDate('not a date')).toThrow(RangeError);
  });
});

describe('date and time wording', () => {
  it('formatViDateTime writes hours and minutes then the official date', () => {
    expect(formatViDateTime(new Date('2026-02-13T02:10:00Z'))).toBe('09 giờ 10 phút, ngày 13 tháng 02 năm 2026');
    expect(formatViDateTime('2026-07-01T23:05:00+07:00')).toBe('23 giờ 05 phút, ngày 01 tháng 7 năm 2026');
  });

  it('dd/mm/yyyy pads everything', () => {
    expect(formatViDate('2026-03-09')).toBe('09/03/2026');
    expect(formatViDate(new Date('2025-12-31T17:30:00Z'))).toBe('01/01/2026');
    expect(formatViDateTimeShort(new Date('2025-12-31T17:30:00Z'))).toBe('01/01/2026 00:30');
  });

  it('calendarParts keeps a date-only value on its day', () => {
    expect(calendarParts('2026-04-30')).toEqual({ year: 2026, month: 4, day: 30, hour: 0, minute: 0 });
  });
});

describe('formatDong', () => {
  it('groups thousands with dots', () => {
    expect(formatDong(50000)).toBe('50.000 đồng');
    expect(formatDong(0)).toBe('0 đồng');
    expect(formatDong(999)).toBe('999 đồng');
    expect(formatDong(1250000)).toBe('1.250.000 đồng');
    expect(formatDong(12345678901234567890n)).toBe('12.345.678.901.234.567.890 đồng');
  });

  it('reads numeric strings (pg numeric) and rounds to whole đồng', () => {
    expect(formatDong('150000.00')).toBe('150.000 đồng');
    expect(formatDong(2499.5)).toBe('2.500 đồng');
    expect(formatDong(-1500)).toBe('-1.500 đồng');
  });

  it('rejects what is not an amount', () => {
    expect(() => formatDong('abc')).toThrow(RangeError);
    expect(() => formatDong('')).toThrow(RangeError);
    expect(() => formatDong(Number.NaN)).toThrow(RangeError);
  });
});
