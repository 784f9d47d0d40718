/**
 * Staffing statistics of civil servants (pure; DOMAIN-MANAGEMENT §C5): the number and quality table the
 * Department of Home Affairs sends on the legacy BM01/BNV layout (TT 11/2012/TT-BNV) until the forms of
 * TT 18/2025/TT-BNV are known — one row per unit, a total, and the people split by sex, ethnicity, Party
 * membership, grade (Law 80/2025 Art. 24), qualification, political theory, state management and age.
 *
 * Every dimension is a partition: each person falls in exactly one of its classes, blanks included
 * ("unknown", "none", "other"), so each dimension sums to the headcount and a chart of it adds up.
 * Free text in records (qualifications, certificates, ethnicity) is typed by hand in many spellings,
 * so it is matched on words folded to ASCII (no diacritics, "đ" = "d", lower case).
 */
import type { PositionCategory } from './positions.js';

export type StaffingPerson = {
  personId: number;
  unitId: number;
  unitName: string;
  gradeCode: string | null;
  gradeName: string | null;
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  ethnicity: string | null;
  highestQualification: string | null;
  politicalTheory: string | null;
  stateManagement: string | null;
  category: PositionCategory | null;
  partyMember: boolean;
};

export const GRADE_BANDS = ['senior_principal', 'principal', 'specialist', 'officer', 'clerk', 'other'] as const;
export type GradeBand = (typeof GRADE_BANDS)[number];

/**
 * The general administrative grades by their codes (01.001–01.005, as HR systems use them; the circular
 * behind them is not in DOMAIN-MANAGEMENT [?]): codes are fixed by the Ministry, names are typed by HR,
 * so a code decides before a name. A province maps its sector grades' codes
 * (inspectors, accountants, tax and customs controllers…) through `StaffingOptions.gradeCodes`.
 */
export const GENERAL_GRADE_CODES: Readonly<Record<string, GradeBand>> = {
  '01.001': 'senior_principal',
  '01.002': 'principal',
  '01.003': 'specialist',
  '01.004': 'officer',
  '01.005': 'clerk',
};

export type StaffingOptions = {
  /** Units in the order the form lists them; a unit with nobody still gets its row. */
  units?: readonly { unitId: number; unitName: string }[];
  /** Extra grade codes (e.g. "04.023" → senior_principal), read before the general ones. */
  gradeCodes?: Readonly<Record<string, GradeBand>>;
};

/** Folds free text to space-separated ASCII words, padded with spaces so a phrase is found as whole words only (the abbreviation "ts" never matches inside another word). */
export function fold(text: string | null | undefined): string {
  const words = (text ?? '').normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return words ? ` ${words} ` : '';
}
const hasAny = (folded: string, phrases: readonly string[]) => phrases.some((p) => folded.includes(` ${p} `));

function gradeCodeKey(code: string | null): string {
  const c = (code ?? '').replace(/\s+/g, '');
  return /^\d{5}$/.test(c) ? `${c.slice(0, 2)}.${c.slice(2)}` : c;
}

/**
 * Code first; then the name. The general grades are recognised by name. For sector grades only the rank
 * words that mean the same tier in every sector are read: "…viên cao cấp" counts with chuyên viên cao cấp
 * and "…viên chính" with chuyên viên chính (the "và tương đương" of the legacy form [?]). Lower sector tiers are not
 * guessed from names, because their words disagree ("Chấp hành viên trung cấp" sits at the principal tier,
 * "Kế toán viên trung cấp" at the officer tier): they count as other until their code is mapped.
 * Chuyên gia cao cấp (Art. 24) ranks above chuyên viên cao cấp and the form has no column for it: other.
 */
export function gradeBand(p: Pick<StaffingPerson, 'gradeCode' | 'gradeName'>, extraCodes: Readonly<Record<string, GradeBand>> = {}): GradeBand {
  const code = gradeCodeKey(p.gradeCode);
  const byCode = extraCodes[code] ?? GENERAL_GRADE_CODES[code];
  if (byCode) return byCode;
  const name = fold(p.gradeName);
  if (!name || name.includes(' chuyen gia ')) return 'other';
  // " vien cao cap " covers chuyên viên cao cấp and its sector equivalents alike; so does " vien chinh ".
  if (name.includes(' vien cao cap ')) return 'senior_principal';
  if (name.includes(' vien chinh ')) return 'principal';
  if (name.startsWith(' chuyen vien ')) return 'specialist';
  if (name.startsWith(' can su ')) return 'officer';
  if (name.startsWith(' nhan vien ')) return 'clerk';
  return 'other';
}

export const QUALIFICATIONS = ['doctorate', 'master', 'university', 'college', 'vocational', 'other'] as const;
export type Qualification = (typeof QUALIFICATIONS)[number];

/**
 * The highest level named wins, so "Thạc sĩ Luật (cử nhân Kinh tế)" is a master. Level words come before
 * the degree titles of a university course (cử nhân, kỹ sư, bác sĩ…), because a title can carry a lower
 * level: "Dược sĩ trung cấp" is trung cấp, "Cử nhân cao đẳng" cao đẳng. Blank or unrecognised: other.
 */
export function qualification(text: string | null): Qualification {
  const t = fold(text);
  if (hasAny(t, ['tien si', 'tien sy', 'ts', 'tskh', 'phd'])) return 'doctorate';
  if (hasAny(t, ['thac si', 'thac sy', 'ths'])) return 'master';
  if (hasAny(t, ['dai hoc', 'dh'])) return 'university';
  if (hasAny(t, ['cao dang', 'cd'])) return 'college';
  if (hasAny(t, ['trung cap'])) return 'vocational';
  if (hasAny(t, ['cu nhan', 'ky su', 'kien truc su', 'bac si', 'bac sy', 'duoc si', 'duoc sy'])) return 'university';
  return 'other';
}

export const THEORY_LEVELS = ['advanced', 'intermediate', 'elementary', 'none'] as const;
export type TheoryLevel = (typeof THEORY_LEVELS)[number];

/**
 * Political theory: cao cấp, trung cấp, sơ cấp. A "cử nhân chính trị" degree is counted with cao cấp,
 * which personnel records treat it as equal to (practice; no source in DOMAIN-MANAGEMENT [?]). The field
 * holds nothing else, so the short forms HR sheets use (CC, TC, SC) are safe here.
 */
export function politicalTheoryLevel(text: string | null): TheoryLevel {
  const t = fold(text);
  if (hasAny(t, ['cao cap', 'cu nhan', 'cc'])) return 'advanced';
  if (hasAny(t, ['trung cap', 'tc'])) return 'intermediate';
  if (hasAny(t, ['so cap', 'sc'])) return 'elementary';
  return 'none';
}

export const STATE_MANAGEMENT_LEVELS = ['senior_principal', 'principal', 'specialist', 'none'] as const;
export type StateManagementLevel = (typeof STATE_MANAGEMENT_LEVELS)[number];

/** The state-management programme completed, named after the grade it prepares for; other courses: none. */
export function stateManagementLevel(text: string | null): StateManagementLevel {
  const t = fold(text);
  if (hasAny(t, ['chuyen vien cao cap', 'cvcc'])) return 'senior_principal';
  if (hasAny(t, ['chuyen vien chinh', 'cvc'])) return 'principal';
  if (hasAny(t, ['chuyen vien', 'cv'])) return 'specialist';
  return 'none';
}

export type Ethnicity = 'kinh' | 'minority' | 'unknown';

/** "Kinh" (also written "Việt") is the majority; a blank or "không rõ" is unknown, never a minority. */
export function ethnicityClass(text: string | null): Ethnicity {
  const t = fold(text);
  if (!t || hasAny(t, ['khong ro', 'chua ro', 'khong xac dinh'])) return 'unknown';
  return hasAny(t, ['kinh']) || t === ' viet ' ? 'kinh' : 'minority';
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const validMonthDay = (m: string, d: string) => Number(m) >= 1 && Number(m) <= 12 && Number(d) >= 1 && Number(d) <= 31;

/**
 * Full years on `day`: a year is added on the birthday itself. Someone born on 29 February turns a year
 * older on 1 March in a common year (the day after 28 February), as a plain comparison of month and day
 * gives. null for a missing, malformed or future birth date.
 */
export function ageOn(birthDate: string | null, day: string): number | null {
  const b = DAY.exec(birthDate ?? '');
  const d = DAY.exec(day);
  if (!b || !d || birthDate! > day || !validMonthDay(b[2]!, b[3]!)) return null;
  return Number(d[1]) - Number(b[1]) - (`${d[2]}-${d[3]}` < `${b[2]}-${b[3]}` ? 1 : 0);
}

export const AGE_BANDS = ['upTo30', 'from31To40', 'from41To50', 'from51To60', 'over60', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export function ageBand(age: number | null): AgeBand {
  if (age === null) return 'unknown';
  if (age <= 30) return 'upTo30';
  if (age <= 40) return 'from31To40';
  if (age <= 50) return 'from41To50';
  if (age <= 60) return 'from51To60';
  return 'over60';
}

/** Each dimension: its classes in the order the form and charts show them, with their Vietnamese labels. */
export const DIMENSION_LABELS = {
  sex: { male: 'Nam', female: 'Nữ', unknown: 'Chưa rõ' },
  ethnicity: { kinh: 'Kinh', minority: 'Dân tộc thiểu số', unknown: 'Chưa rõ' },
  party: { member: 'Đảng viên', nonMember: 'Chưa là đảng viên' },
  grade: { senior_principal: 'Chuyên viên cao cấp và tương đương', principal: 'Chuyên viên chính và tương đương', specialist: 'Chuyên viên và tương đương', officer: 'Cán sự và tương đương', clerk: 'Nhân viên', other: 'Ngạch khác, chưa xếp ngạch' },
  qualification: { doctorate: 'Tiến sĩ', master: 'Thạc sĩ', university: 'Đại học', college: 'Cao đẳng', vocational: 'Trung cấp', other: 'Khác' },
  politicalTheory: { advanced: 'Cao cấp', intermediate: 'Trung cấp', elementary: 'Sơ cấp', none: 'Chưa qua đào tạo' },
  stateManagement: { senior_principal: 'Chuyên viên cao cấp', principal: 'Chuyên viên chính', specialist: 'Chuyên viên', none: 'Chưa qua bồi dưỡng' },
  age: { upTo30: 'Đến 30', from31To40: 'Từ 31 đến 40', from41To50: 'Từ 41 đến 50', from51To60: 'Từ 51 đến 60', over60: 'Trên 60', unknown: 'Chưa rõ' },
  category: { leadership: 'Lãnh đạo, quản lý', professional: 'Chuyên môn, nghiệp vụ', support: 'Hỗ trợ, phục vụ', unknown: 'Chưa xác định' },
} as const;
export type Dimension = keyof typeof DIMENSION_LABELS;

export type StaffingCounts = { total: number } & { [D in Dimension]: Record<keyof (typeof DIMENSION_LABELS)[D], number> };
export type StaffingRow = { unitId: number; unitName: string; counts: StaffingCounts };
export type StaffingTable = { asOf: string; rows: StaffingRow[]; total: StaffingCounts };

const dimensions = Object.keys(DIMENSION_LABELS) as Dimension[];

function emptyCounts(): StaffingCounts {
  const out: Record<string, unknown> = { total: 0 };
  for (const d of dimensions) out[d] = Object.fromEntries(Object.keys(DIMENSION_LABELS[d]).map((k) => [k, 0]));
  return out as StaffingCounts;
}

function classify(p: StaffingPerson, asOf: string, codes: Readonly<Record<string, GradeBand>>): { [D in Dimension]: keyof (typeof DIMENSION_LABELS)[D] } {
  return {
    sex: p.sex ?? 'unknown',
    ethnicity: ethnicityClass(p.ethnicity),
    party: p.partyMember ? 'member' : 'nonMember',
    grade: gradeBand(p, codes),
    qualification: qualification(p.highestQualification),
    politicalTheory: politicalTheoryLevel(p.politicalTheory),
    stateManagement: stateManagementLevel(p.stateManagement),
    age: ageBand(ageOn(p.birthDate, asOf)),
    category: p.category ?? 'unknown',
  };
}

function add(into: StaffingCounts, classes: ReturnType<typeof classify>): void {
  into.total++;
  for (const d of dimensions) (into[d] as Record<string, number>)[classes[d] as string]!++;
}

/**
 * The table on `asOf` (YYYY-MM-DD, the form's "tính đến ngày"). A person is counted once, in the unit of
 * their first appearance: a list joined from placements can repeat someone, and a headcount must not.
 * The total is summed from the rows, so it cannot disagree with them.
 */
export function staffingTable(people: readonly StaffingPerson[], asOf: string, options: StaffingOptions = {}): StaffingTable {
  if (!DAY.test(asOf)) throw new RangeError(`asOf must be YYYY-MM-DD, got "${asOf}"`);
  const rows = new Map<number, StaffingRow>();
  for (const u of options.units ?? []) if (!rows.has(u.unitId)) rows.set(u.unitId, { unitId: u.unitId, unitName: u.unitName, counts: emptyCounts() });
  const seen = new Set<number>();
  for (const p of people) {
    if (seen.has(p.personId)) continue;
    seen.add(p.personId);
    let row = rows.get(p.unitId);
    if (!row) rows.set(p.unitId, (row = { unitId: p.unitId, unitName: p.unitName, counts: emptyCounts() }));
    add(row.counts, classify(p, asOf, options.gradeCodes ?? {}));
  }
  const total = emptyCounts();
  for (const { counts } of rows.values()) {
    total.total += counts.total;
    for (const d of dimensions) {
      const into = total[d] as Record<string, number>;
      for (const [k, n] of Object.entries(counts[d] as Record<string, number>)) into[k]! += n;
    }
  }
  return { asOf, rows: [...rows.values()], total };
}

export type BreakdownEntry = { key: string; label: string; count: number };

/**
 * Counts by one dimension of the total, or by unit, for a chart: every class in a fixed order, zeros
 * kept, so colours stay put from one date to the next and the entries sum to the headcount.
 */
export function breakdown(table: StaffingTable, by: Dimension | 'unit'): BreakdownEntry[] {
  if (by === 'unit') return table.rows.map((r) => ({ key: String(r.unitId), label: r.unitName, count: r.counts.total }));
  const labels = DIMENSION_LABELS[by] as Record<string, string>;
  const counts = table.total[by] as Record<string, number>;
  return Object.keys(labels).map((key) => ({ key, label: labels[key]!, count: counts[key] ?? 0 }));
}

/** A figure column of the BM01-style table: its group header (null: the column stands alone over both header rows). */
export type StaffingColumn = { group: string | null; name: string; value: (c: StaffingCounts) => number };

const pick = <D extends Dimension>(group: string, d: D, keys: readonly (keyof (typeof DIMENSION_LABELS)[D])[], names?: readonly string[]): StaffingColumn[] =>
  keys.map((k, i) => ({ group, name: names?.[i] ?? (DIMENSION_LABELS[d][k] as string), value: (c) => (c[d] as Record<PropertyKey, number>)[k as PropertyKey] ?? 0 }));

/** The columns in the form's order; "other"/"none" classes of the training dimensions are not printed. */
export const STAFFING_COLUMNS: readonly StaffingColumn[] = [
  { group: null, name: 'Tổng số', value: (c) => c.total },
  ...pick('Giới tính', 'sex', ['female']),
  { group: null, name: 'Dân tộc thiểu số', value: (c) => c.ethnicity.minority },
  { group: null, name: 'Đảng viên', value: (c) => c.party.member },
  ...pick('Ngạch', 'grade', GRADE_BANDS, ['Chuyên viên cao cấp', 'Chuyên viên chính', 'Chuyên viên', 'Cán sự', 'Nhân viên', 'Khác']),
  ...pick('Trình độ chuyên môn', 'qualification', QUALIFICATIONS),
  ...pick('Lý luận chính trị', 'politicalTheory', ['advanced', 'intermediate', 'elementary']),
  ...pick('Quản lý nhà nước', 'stateManagement', ['senior_principal', 'principal', 'specialist']),
  ...pick('Độ tuổi', 'age', ['upTo30', 'from31To40', 'from41To50', 'from51To60', 'over60']),
];
