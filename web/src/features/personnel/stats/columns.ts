import type { StaffingCounts } from '../api-evaluations';

/**
 * The figure columns of the staffing table in the order of the XLSX (rules/staffing-stats.ts
 * STAFFING_COLUMNS), named here in both languages: the server's column names are Vietnamese only.
 */
export type Dim = Exclude<keyof StaffingCounts, 'total'>;
type Alone = 'stats.col.total' | 'stats.col.female' | 'stats.col.minority' | 'stats.col.party';
export interface StatsColumn { dim: Dim; key: string; group: Dim | null; alone?: Alone; value: (c: StaffingCounts) => number }

const KEYS: Record<Dim, readonly string[]> = {
  sex: ['male', 'female', 'unknown'],
  ethnicity: ['kinh', 'minority', 'unknown'],
  party: ['member', 'nonMember'],
  grade: ['senior_principal', 'principal', 'specialist', 'officer', 'clerk', 'other'],
  qualification: ['doctorate', 'master', 'university', 'college', 'vocational', 'other'],
  politicalTheory: ['advanced', 'intermediate', 'elementary', 'none'],
  stateManagement: ['senior_principal', 'principal', 'specialist', 'none'],
  age: ['upTo30', 'from31To40', 'from41To50', 'from51To60', 'over60', 'unknown'],
  category: ['leadership', 'professional', 'support', 'unknown'],
};
export const dimKeys = (d: Dim) => KEYS[d];

const of = (dim: Dim, key: string) => (c: StaffingCounts) => (c[dim] as Record<string, number>)[key] ?? 0;
const group = (dim: Dim, keys: readonly string[]): StatsColumn[] => keys.map((key) => ({ dim, key, group: dim, value: of(dim, key) }));

export const STATS_COLUMNS: readonly StatsColumn[] = [
  { dim: 'sex', key: 'total', group: null, alone: 'stats.col.total', value: (c) => c.total },
  { dim: 'sex', key: 'female', group: null, alone: 'stats.col.female', value: of('sex', 'female') },
  { dim: 'ethnicity', key: 'minority', group: null, alone: 'stats.col.minority', value: of('ethnicity', 'minority') },
  { dim: 'party', key: 'member', group: null, alone: 'stats.col.party', value: of('party', 'member') },
  ...group('grade', KEYS.grade),
  ...group('qualification', KEYS.qualification),
  ...group('politicalTheory', ['advanced', 'intermediate', 'elementary']),
  ...group('stateManagement', ['senior_principal', 'principal', 'specialist']),
  ...group('age', ['upTo30', 'from31To40', 'from41To50', 'from51To60', 'over60']),
];
