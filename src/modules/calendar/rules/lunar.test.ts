// Sources of the expected dates (each table row names its source):
// [HND]   Hồ Ngọc Đức, "Âm lịch Việt Nam" and "Thuật toán tính âm lịch",
//         https://www.informatik.uni-leipzig.de/~duc/amlich/ — the years where the Vietnamese and
//         Chinese calendars differ (Tết 1985, 2007, 2030, 2053), Tết 1968 in the North (29/1) and the
//         South (30/1), and the UTC+7 convention of his tables.
// [HKO]   Hong Kong Observatory, Gregorian–Lunar Calendar Conversion Tables — the Chinese side of
//         those years, Chinese New Year 1900 and 1965, and the leap 11th month of 2033.
// [TB2020] Tết Canh Tý notice as republished by Sở Công Thương Đắk Lắk on 7/1/2020: off from
//         23/1/2020 (29 tháng Chạp Kỷ Hợi) to 29/1/2020 (mùng 5 tháng Giêng Canh Tý).
// [CV8726] Văn phòng Chính phủ CV 8726/VPCP-KGVX of 26/11/2024: Tết Ất Tỵ off from 25/1/2025
//         (26 tháng Chạp) to 2/2/2025 (mùng 5 tháng Giêng).
// [CV9859] Văn phòng Chính phủ CV 9859/VPCP-KGVX of 13/10/2025: Tết Bính Ngọ off from 14/2/2026
//         (27 tháng Chạp Ất Tỵ) to 22/2/2026 (mùng 6 tháng Giêng).
// [CV6620] UBND tỉnh Lai Châu CV 6620/UBND-VX of 24/10/2025: Tết days 16/2/2026 (29 tháng Chạp)
//         to 20/2/2026 (mùng 4 tháng Giêng).
// [DOMAIN] shared/DOMAIN.md §3.3: Tết and Giỗ Tổ 2025–2030.
// [LVN]   Vietnamese printed calendars (lịch vạn niên) and HND's tables for leap months:
//         tháng 4 nhuận Canh Tý from 23/5/2020, tháng 2 nhuận Quý Mão from 22/3/2023 (hence Giỗ Tổ
//         on 29/4/2023, the start of that year's 29/4–3/5 break), tháng 6 nhuận Ất Tỵ from 25/7/2025.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, isoDateOf } from './dates.js';
import { CalendarRuleError } from './errors.js';
import { lunarToSolar, solarToLunar, type LunarDate, type LunarMeridian } from './lunar.js';

const lunar = (day: number, month: number, year: number, leap = false): LunarDate => ({ day, month, year, leap });

function expectCode(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CalendarRuleError);
    expect((e as CalendarRuleError).code).toBe(code);
    return;
  }
  throw new Error(`expected ${code}`);
}

describe('Tết (mùng 1 tháng Giêng) in the Vietnamese calendar', () => {
  it.each([
    [1968, '1968-01-29', 'HND: the North, UTC+7 from 1968 (the South: 30/1)'],
    [1985, '1985-01-21', 'HND: China 20/2/1985'],
    [2007, '2007-02-17', 'HND: China 18/2/2007'],
    [2020, '2020-01-25', 'TB2020'],
    [2025, '2025-01-29', 'DOMAIN, CV8726'],
    [2026, '2026-02-17', 'DOMAIN, CV9859'],
    [2027, '2027-02-06', 'DOMAIN'],
    [2028, '2028-01-26', 'DOMAIN'],
    [2029, '2029-02-13', 'DOMAIN'],
    [2030, '2030-02-02', 'DOMAIN, HND: China 3/2/2030'],
    [2053, '2053-02-18', 'HND: China 19/2/2053'],
  ])('%i → %s (%s)', (year, solar) => {
    expect(lunarToSolar(lunar(1, 1, year))).toBe(solar);
    expect(solarToLunar(solar)).toEqual(lunar(1, 1, year));
  });

  it.each([
    ['1985-02-20', lunar(1, 2, 1985)],
    ['2007-02-18', lunar(2, 1, 2007)],
    ['2030-02-03', lunar(2, 1, 2030)],
    ['2053-02-19', lunar(2, 1, 2053)],
  ])('the Chinese New Year %s is not Tết in Vietnam (HKO vs HND)', (solar, expected) => {
    expect(solarToLunar(solar)).toEqual(expected);
  });
});

describe('Giỗ Tổ Hùng Vương (10/3 âm lịch), DOMAIN §3.3', () => {
  it.each([
    [2023, '2023-04-29'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
    [2028, '2028-04-04'],
    [2029, '2029-04-23'],
    [2030, '2030-04-12'],
  ])('%i → %s', (year, solar) => {
    expect(lunarToSolar(lunar(10, 3, year))).toBe(solar);
  });
});

describe('lunar dates printed in holiday notices', () => {
  it.each([
    ['2020-01-23', lunar(29, 12, 2019), 'TB2020'],
    ['2020-01-29', lunar(5, 1, 2020), 'TB2020'],
    ['2025-01-25', lunar(26, 12, 2024), 'CV8726'],
    ['2025-02-02', lunar(5, 1, 2025), 'CV8726'],
    ['2026-02-14', lunar(27, 12, 2025), 'CV9859'],
    ['2026-02-22', lunar(6, 1, 2026), 'CV9859'],
    ['2026-02-16', lunar(29, 12, 2025), 'CV6620'],
    ['2026-02-20', lunar(4, 1, 2026), 'CV6620'],
  ])('%s = %o (%s)', (solar, expected) => {
    expect(solarToLunar(solar)).toEqual(expected);
    expect(lunarToSolar(expected)).toBe(solar);
  });

  it('tháng Chạp Ất Tỵ has 29 days, so 30 tháng Chạp 2025 does not exist (CV6620: 29 Chạp is followed by Tết)', () => {
    expectCode(() => lunarToSolar(lunar(30, 12, 2025)), 'LUNAR_DATE_NOT_FOUND');
  });
});

describe('leap months (LVN)', () => {
  it.each([
    [2020, 4, '2020-05-23'],
    [2023, 2, '2023-03-22'],
    [2025, 6, '2025-07-25'],
    [2033, 11, '2033-12-22'], // HKO; date-chinese alone numbers 2033 wrongly
  ])('%i has a leap month %i starting %s', (year, month, solar) => {
    expect(lunarToSolar(lunar(1, month, year, true))).toBe(solar);
    expect(solarToLunar(solar)).toEqual(lunar(1, month, year, true));
    // the ordinary month of the same number comes first
    const ordinary = dayNumber(lunarToSolar(lunar(1, month, year)));
    expect(dayNumber(solar) - ordinary).toBeGreaterThanOrEqual(29);
    expect(dayNumber(solar) - ordinary).toBeLessThanOrEqual(30);
  });

  it('a leap month the year does not have is refused', () => {
    expectCode(() => lunarToSolar(lunar(1, 5, 2020, true)), 'LUNAR_DATE_NOT_FOUND');
    expectCode(() => lunarToSolar(lunar(1, 7, 2023, true)), 'LUNAR_DATE_NOT_FOUND');
    for (let month = 1; month <= 12; month++) {
      expectCode(() => lunarToSolar(lunar(1, month, 2026, true)), 'LUNAR_DATE_NOT_FOUND');
    }
  });

  it('2033 has months 9, 10 and 11 in order before the leap 11th (date-chinese 2.1.4 says 8 leap, 9, 10)', () => {
    expect(solarToLunar('2033-09-23')).toEqual(lunar(1, 9, 2033));
    expect(solarToLunar('2033-10-23')).toEqual(lunar(1, 10, 2033));
    expect(solarToLunar('2033-11-22')).toEqual(lunar(1, 11, 2033));
    expect(solarToLunar('2034-01-20')).toEqual(lunar(1, 12, 2033));
  });
});

describe('meridian before 1968', () => {
  it('Tết 1965: 2/2 in the calendars of the time (UTC+8, as China, HKO), 1/2 in HND tables (UTC+7)', () => {
    expect(lunarToSolar(lunar(1, 1, 1965))).toBe('1965-02-02');
    expect(lunarToSolar(lunar(1, 1, 1965), { meridian: 'utc7' })).toBe('1965-02-01');
    expect(solarToLunar('1965-02-01')).toEqual(lunar(30, 12, 1964));
  });

  it('both meridians agree from 1968 on', () => {
    for (const year of [1968, 1985, 2007, 2030, 2053, 2100]) {
      expect(lunarToSolar(lunar(1, 1, year), { meridian: 'utc7' })).toBe(lunarToSolar(lunar(1, 1, year)));
    }
  });
});

describe('range and input checks', () => {
  it('covers 1900-01-01 to 2100-12-31', () => {
    expect(solarToLunar('1900-01-01')).toEqual(lunar(1, 12, 1899));
    expect(lunarToSolar(lunar(1, 1, 1900))).toBe('1900-01-31'); // HKO
    expect(solarToLunar('2100-12-31').year).toBe(2100);
    expectCode(() => solarToLunar('1899-12-31'), 'DATE_OUT_OF_RANGE');
    expectCode(() => solarToLunar('2101-01-01'), 'DATE_OUT_OF_RANGE');
    expectCode(() => lunarToSolar(lunar(1, 1, 2101)), 'LUNAR_DATE_INVALID');
  });

  it('rejects malformed input', () => {
    expectCode(() => solarToLunar('2026-02-30'), 'DATE_INVALID');
    expectCode(() => solarToLunar('17/2/2026'), 'DATE_INVALID');
    expectCode(() => lunarToSolar(lunar(0, 1, 2026)), 'LUNAR_DATE_INVALID');
    expectCode(() => lunarToSolar(lunar(31, 1, 2026)), 'LUNAR_DATE_INVALID');
    expectCode(() => lunarToSolar(lunar(1, 13, 2026)), 'LUNAR_DATE_INVALID');
    expectCode(() => lunarToSolar(lunar(1.5, 1, 2026)), 'LUNAR_DATE_INVALID');
  });
});

describe('properties over 1900–2100', () => {
  const first = dayNumber('1900-01-01');
  const last = dayNumber('2100-12-31');
  const meridian = fc.constantFrom<LunarMeridian>('historical', 'utc7');

  it('solar → lunar → solar is the identity', () => {
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), meridian, (day, m) => {
        const iso = isoDateOf(day);
        expect(lunarToSolar(solarToLunar(iso, { meridian: m }), { meridian: m })).toBe(iso);
      }),
      { numRuns: 400 },
    );
  });

  it('consecutive days are consecutive lunar days; months have 29 or 30 days and run in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: first, max: last - 70 }), meridian, (start, m) => {
        let prev = solarToLunar(isoDateOf(start), { meridian: m });
        for (let day = start + 1; day <= start + 70; day++) {
          const cur = solarToLunar(isoDateOf(day), { meridian: m });
          if (cur.day !== 1) {
            expect(cur).toEqual({ ...prev, day: prev.day + 1 });
          } else {
            expect([29, 30]).toContain(prev.day);
            const leapOfPrev = cur.leap && !prev.leap && cur.month === prev.month && cur.year === prev.year;
            const nextMonth =
              !cur.leap && cur.month === (prev.month % 12) + 1 && cur.year === prev.year + (cur.month === 1 ? 1 : 0);
            expect(leapOfPrev || nextMonth).toBe(true);
          }
          prev = cur;
        }
      }),
      { numRuns: 60 },
    );
  });
});
