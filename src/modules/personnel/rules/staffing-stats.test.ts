import { describe, expect, it } from 'vitest';
import {
  DIMENSION_LABELS, STAFFING_COLUMNS, ageBand, ageOn, breakdown, ethnicityClass, gradeBand, politicalTheoryLevel, qualification,
  staffingTable, stateManagementLevel, type Dimension, type StaffingCounts, type StaffingPerson,
} from './staffing-stats.js';

let nextId = 1;
function person(over: Partial<StaffingPerson> = {}): StaffingPerson {
  return {
    personId: nextId++, unitId: 1, unitName: 'Sở Nội vụ', gradeCode: '01.003', gradeName: 'Chuyên viên', birthDate: '1990-05-10', sex: 'male',
    ethnicity: 'Kinh', highestQualification: 'Đại học', politicalTheory: null, stateManagement: null, category: 'professional', partyMember: false,
    ...over,
  };
}
const dimensions = Object.keys(DIMENSION_LABELS) as Dimension[];
const sumOf = (o: object) => Object.values(o as Record<string, number>).reduce((a, n) => a + n, 0);

describe('age on the reference day', () => {
  it('adds the year on the birthday itself, not the day before', () => {
    expect(ageOn('1995-06-15', '2026-06-14')).toBe(30);
    expect(ageOn('1995-06-15', '2026-06-15')).toBe(31);
    expect(ageBand(ageOn('1995-06-15', '2026-06-14'))).toBe('upTo30');
    expect(ageBand(ageOn('1995-06-15', '2026-06-15'))).toBe('from31To40');
  });

  it('turns a 29 February birthday over on 1 March in a common year, on 29 February in a leap year', () => {
    expect(ageOn('2000-02-29', '2025-02-28')).toBe(24);
    expect(ageOn('2000-02-29', '2025-03-01')).toBe(25);
    expect(ageOn('2000-02-29', '2028-02-29')).toBe(28);
  });

  it('puts the band edges where the form does: 30 and 60 in, 31 and 61 out', () => {
    expect([30, 31, 40, 41, 50, 51, 60, 61].map(ageBand)).toEqual(['upTo30', 'from31To40', 'from31To40', 'from41To50', 'from41To50', 'from51To60', 'from51To60', 'over60']);
  });

  it('knows no age for a missing, malformed or future birth date', () => {
    expect(ageOn(null, '2026-01-01')).toBeNull();
    expect(ageOn('10/05/1990', '2026-01-01')).toBeNull();
    expect(ageOn('1990-13-01', '2026-01-01')).toBeNull();
    expect(ageOn('2026-01-02', '2026-01-01')).toBeNull();
    expect(ageBand(null)).toBe('unknown');
  });
});

describe('grade mapping', () => {
  it('reads the general grades from their codes, with or without the dot, before the name', () => {
    expect(['01.001', '01.002', '01.003', '01.004', '01.005'].map((gradeCode) => gradeBand({ gradeCode, gradeName: null })))
      .toEqual(['senior_principal', 'principal', 'specialist', 'officer', 'clerk']);
    expect(gradeBand({ gradeCode: '01002', gradeName: null })).toBe('principal');
    expect(gradeBand({ gradeCode: '01.004', gradeName: 'Chuyên viên chính' })).toBe('officer');
  });

  it('reads the name when the code is unknown, sector grades by their rank words only', () => {
    expect(gradeBand({ gradeCode: null, gradeName: 'CHUYÊN VIÊN CAO CẤP' })).toBe('senior_principal');
    expect(gradeBand({ gradeCode: null, gradeName: 'chuyen vien chinh' })).toBe('principal');
    expect(gradeBand({ gradeCode: null, gradeName: 'Chuyên viên' })).toBe('specialist');
    expect(gradeBand({ gradeCode: null, gradeName: 'Cán sự' })).toBe('officer');
    expect(gradeBand({ gradeCode: null, gradeName: 'Nhân viên' })).toBe('clerk');
    expect(gradeBand({ gradeCode: '04.023', gradeName: 'Thanh tra viên cao cấp' })).toBe('senior_principal');
    expect(gradeBand({ gradeCode: '06.030', gradeName: 'Kế toán viên chính' })).toBe('principal');
    // Lower sector tiers are not guessed; a province maps their codes.
    expect(gradeBand({ gradeCode: '06.032', gradeName: 'Kế toán viên trung cấp' })).toBe('other');
    expect(gradeBand({ gradeCode: '06.032', gradeName: 'Kế toán viên trung cấp' }, { '06.032': 'officer' })).toBe('officer');
  });

  it('puts chuyên gia cao cấp, blanks and unknown grades in other', () => {
    expect(gradeBand({ gradeCode: null, gradeName: 'Chuyên gia cao cấp' })).toBe('other');
    expect(gradeBand({ gradeCode: null, gradeName: null })).toBe('other');
    expect(gradeBand({ gradeCode: '99.999', gradeName: 'Thanh tra viên' })).toBe('other');
  });
});

describe('qualifications and certificates as typed', () => {
  it('matches free text without diacritics, the highest level named first', () => {
    const cases: [string | null, string][] = [
      ['Tiến sỹ Kinh tế', 'doctorate'], ['TS. Luật', 'doctorate'], ['THẠC SĨ Quản lý công', 'master'], ['ThS', 'master'],
      ['Thạc sĩ Luật (cử nhân Kinh tế)', 'master'], ['Đại học Luật', 'university'], ['ĐH', 'university'], ['Cử nhân Kinh tế', 'university'],
      ['Kỹ sư xây dựng', 'university'], ['Dược sĩ trung cấp', 'vocational'], ['Cử nhân cao đẳng', 'college'], ['cao dang', 'college'],
      ['Trung cấp Văn thư', 'vocational'], ['12/12', 'other'], [null, 'other'], ['', 'other'],
    ];
    expect(cases.map(([text]) => qualification(text))).toEqual(cases.map(([, level]) => level));
    // Decomposed input (NFD, as some keyboards and pasted PDFs give) folds the same way.
    expect(qualification('Thạc sĩ'.normalize('NFD'))).toBe('master');
  });

  it('reads political theory and state management levels, other courses as none', () => {
    expect(['Cao cấp', 'Cử nhân chính trị', 'Trung cấp LLCT', 'TC', 'Sơ cấp', null, 'Bồi dưỡng'].map(politicalTheoryLevel))
      .toEqual(['advanced', 'advanced', 'intermediate', 'intermediate', 'elementary', 'none', 'none']);
    expect(['Chuyên viên cao cấp', 'QLNN ngạch chuyên viên chính', 'CV', 'cvcc', 'Lãnh đạo cấp phòng', null].map(stateManagementLevel))
      .toEqual(['senior_principal', 'principal', 'specialist', 'senior_principal', 'none', 'none']);
  });

  it('counts ethnic minorities, never a blank', () => {
    expect(['Kinh', 'kinh', 'Việt', 'Thái', 'Mông', 'H\'Mông', null, '', '  ', 'Không rõ'].map(ethnicityClass))
      .toEqual(['kinh', 'kinh', 'kinh', 'minority', 'minority', 'minority', 'unknown', 'unknown', 'unknown', 'unknown']);
  });
});

describe('the staffing table', () => {
  const asOf = '2026-12-31';
  const people = [
    person({ unitId: 1, sex: 'female', ethnicity: 'Thái', partyMember: true, gradeCode: '01.002', highestQualification: 'Thạc sĩ', politicalTheory: 'Cao cấp', stateManagement: 'Chuyên viên chính', birthDate: '1975-03-01' }),
    person({ unitId: 1, sex: 'male', ethnicity: null, birthDate: '1997-01-01' }),
    person({ unitId: 2, unitName: 'Sở Tài chính', sex: 'female', ethnicity: 'Mông', gradeCode: null, gradeName: null, birthDate: null, category: null }),
    person({ unitId: 2, unitName: 'Sở Tài chính', sex: null, ethnicity: 'Kinh', gradeCode: '01.005', highestQualification: 'Trung cấp', birthDate: '1964-06-01' }),
    person({ unitId: 3, unitName: 'UBND xã Bản Lang', partyMember: true, gradeCode: '01.001', highestQualification: 'Tiến sĩ', birthDate: '1966-01-01' }),
  ];
  const table = staffingTable(people, asOf);

  it('fills a unit row with the form\'s columns', () => {
    const row = table.rows.find((r) => r.unitId === 1)!.counts;
    expect(row.total).toBe(2);
    expect(row.sex.female).toBe(1);
    expect(row.ethnicity).toEqual({ kinh: 0, minority: 1, unknown: 1 });
    expect(row.party.member).toBe(1);
    expect(row.grade).toMatchObject({ principal: 1, specialist: 1 });
    expect(row.qualification).toMatchObject({ master: 1, university: 1 });
    expect(row.politicalTheory).toEqual({ advanced: 1, intermediate: 0, elementary: 0, none: 1 });
    expect(row.stateManagement.principal).toBe(1);
    // Born 1/3/1975: 51; born 1/1/1997: 29 on 31/12/2026.
    expect(row.age).toEqual({ upTo30: 1, from31To40: 0, from41To50: 0, from51To60: 1, over60: 0, unknown: 0 });
  });

  it('makes the total the sum of the rows, column by column and class by class', () => {
    for (const c of STAFFING_COLUMNS) expect(c.value(table.total), c.name).toBe(table.rows.reduce((a, r) => a + c.value(r.counts), 0));
    for (const d of dimensions) {
      for (const k of Object.keys(DIMENSION_LABELS[d])) {
        const total = (table.total[d] as Record<string, number>)[k];
        expect(total, `${d}.${k}`).toBe(table.rows.reduce((a, r) => a + (r.counts[d] as Record<string, number>)[k]!, 0));
      }
    }
    expect(table.total.total).toBe(5);
    expect(table.total.ethnicity).toEqual({ kinh: 2, minority: 2, unknown: 1 });
    expect(table.total.grade).toEqual({ senior_principal: 1, principal: 1, specialist: 1, officer: 0, clerk: 1, other: 1 });
    // Born 1/1/1966: 60 on the day, still in 51–60; born 1/6/1964: 62.
    expect(table.total.age).toEqual({ upTo30: 1, from31To40: 0, from41To50: 0, from51To60: 2, over60: 1, unknown: 1 });
  });

  it('splits everyone once in every dimension, blanks included', () => {
    const check = (c: StaffingCounts) => { for (const d of dimensions) expect(sumOf(c[d]), d).toBe(c.total); };
    check(table.total);
    table.rows.forEach((r) => check(r.counts));
  });

  it('counts a person listed twice once, in the first unit', () => {
    const twice = staffingTable([person({ personId: 900, unitId: 1 }), person({ personId: 900, unitId: 2, unitName: 'Sở Tài chính' })], asOf);
    expect(twice.total.total).toBe(1);
    expect(twice.rows.map((r) => [r.unitId, r.counts.total])).toEqual([[1, 1]]);
  });

  it('lists the given units in their order, with a row for a unit that has nobody', () => {
    const t = staffingTable(people, asOf, { units: [{ unitId: 3, unitName: 'UBND xã Bản Lang' }, { unitId: 9, unitName: 'Sở Y tế' }] });
    expect(t.rows.map((r) => r.unitId)).toEqual([3, 9, 1, 2]);
    expect(t.rows[1]!.counts.total).toBe(0);
  });

  it('answers an empty list with no rows and zeros', () => {
    const t = staffingTable([], asOf);
    expect(t.rows).toEqual([]);
    expect(STAFFING_COLUMNS.map((c) => c.value(t.total)).every((n) => n === 0)).toBe(true);
    expect(breakdown(t, 'unit')).toEqual([]);
    expect(breakdown(t, 'age').every((e) => e.count === 0)).toBe(true);
  });

  it('refuses a reference day that is not YYYY-MM-DD', () => {
    expect(() => staffingTable(people, '31/12/2026')).toThrow(RangeError);
  });
});

describe('breakdown for charts', () => {
  const table = staffingTable([person({ sex: 'female' }), person({ sex: 'female', unitId: 2, unitName: 'Sở Tài chính' }), person({ sex: null })], '2026-01-01');

  it('gives every class of a dimension in a fixed order, zeros kept, summing to the headcount', () => {
    expect(breakdown(table, 'sex')).toEqual([{ key: 'male', label: 'Nam', count: 0 }, { key: 'female', label: 'Nữ', count: 2 }, { key: 'unknown', label: 'Chưa rõ', count: 1 }]);
    for (const d of dimensions) expect(breakdown(table, d).reduce((a, e) => a + e.count, 0), d).toBe(3);
  });

  it('counts by unit in the table\'s order', () => {
    expect(breakdown(table, 'unit')).toEqual([{ key: '1', label: 'Sở Nội vụ', count: 2 }, { key: '2', label: 'Sở Tài chính', count: 1 }]);
  });
});
