import { z } from 'zod';

/**
 * The service-quality index of Decision 766/QĐ-TTg (DOMAIN §6.1, docs/reports.md "Chỉ số phục vụ"):
 * what is configuration and the pure rules over it. The groups, the indicators, their points, their
 * formula text and their thresholds are the province's reading of the decision and live in versioned
 * definitions (table report_index_versions, defaults in demo/service-index/); the code only knows the
 * measures it can compute (MEASURES below) and the ways a value turns into points (Scoring).
 */

/** What the code computes, each a share 0–1 over a numerator and a denominator (docs/reports.md). */
export const MEASURES = [
  'on_time_rate', 'online_submission_rate', 'fully_online_rate', 'online_procedures_rate', 'online_services_used_rate',
  'fee_procedures_paid_online_rate', 'paid_online_rate', 'result_digitised_rate', 'digitised_rate', 'satisfaction_rate',
  'feedback_on_time_rate',
  /** No source in motcua yet: the value is null and the points 0 ("chưa có dữ liệu"), never a made-up figure. */
  'none',
] as const;
export type Measure = (typeof MEASURES)[number];

/** Measures whose numerator and denominator are dossiers, so the dossiers behind them can be listed. */
export const DOSSIER_MEASURES: ReadonlySet<Measure> = new Set([
  'on_time_rate', 'online_submission_rate', 'fully_online_rate', 'paid_online_rate', 'result_digitised_rate', 'digitised_rate', 'satisfaction_rate',
]);

const share = (what: string) => z.number({ error: `${what} phải là một số từ 0 đến 1 (ví dụ 0.8 là 80%)` }).gt(0, `${what} phải lớn hơn 0`).max(1, `${what} không được lớn hơn 1 (100%)`);

export const scoringSchema = z.discriminatedUnion('kind', [
  /** points = value × max */
  z.strictObject({ kind: z.literal('ratio') }),
  /** points = max when value ≥ threshold, else `below` */
  z.strictObject({ kind: z.literal('step'), threshold: share('Ngưỡng'), below: z.number({ error: 'Điểm khi chưa đạt ngưỡng phải là số' }).min(0, 'Điểm khi chưa đạt ngưỡng không được âm') }),
  /** points = max when value ≥ target, else value / target × max (DOMAIN-MANAGEMENT B3) */
  z.strictObject({ kind: z.literal('target'), target: share('Chỉ tiêu') }),
], { error: 'Cách cho điểm phải là ratio (tỷ lệ × điểm tối đa), step (đạt ngưỡng) hoặc target (theo chỉ tiêu)' });
export type Scoring = z.infer<typeof scoringSchema>;

const code = z.string({ error: 'Mã phải là chuỗi' }).trim().min(1, 'Mã không được để trống').max(20, 'Mã dài tối đa 20 ký tự').regex(/^[0-9A-Za-z.]+$/, 'Mã chỉ gồm chữ, số và dấu chấm');
const name = z.string({ error: 'Tên phải là chuỗi' }).trim().min(1, 'Tên không được để trống').max(300, 'Tên dài tối đa 300 ký tự');
const points = (what: string) => z.number({ error: `${what} phải là số` }).min(0, `${what} không được âm`).max(100, `${what} không quá 100`);

export const indicatorSchema = z.strictObject({
  code,
  name,
  nameEn: z.string().trim().max(300).optional(),
  measure: z.enum(MEASURES, { error: `Nguồn số liệu phải là một trong: ${MEASURES.join(', ')}` }),
  max: points('Điểm tối đa của chỉ tiêu'),
  scoring: scoringSchema,
  formula: z.string({ error: 'Công thức phải là chuỗi' }).trim().min(1, 'Công thức (diễn giải) không được để trống').max(1000, 'Công thức dài tối đa 1000 ký tự'),
});

export const groupSchema = z.strictObject({
  code,
  name,
  nameEn: z.string().trim().max(300).optional(),
  max: points('Điểm tối đa của nhóm'),
  indicators: z.array(indicatorSchema).min(1, 'Mỗi nhóm phải có ít nhất một chỉ tiêu').max(40),
});

const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/** A definition of the index, as imported by an administrator (JSON) and shipped in demo/. */
export const definitionSchema = z.strictObject({
  label: name,
  /** Where the reading comes from and how sure it is ("provincial reading, may differ from the official appendix"). */
  note: z.string().trim().max(2000).default(''),
  groups: z.array(groupSchema).min(1, 'Bộ chỉ số phải có ít nhất một nhóm').max(20),
}).superRefine((d, ctx) => {
  const seen = new Set<string>();
  d.groups.forEach((g, gi) => {
    if (seen.has(g.code)) ctx.addIssue({ code: 'custom', path: ['groups', gi, 'code'], message: `Mã "${g.code}" bị trùng`, params: { en: `Duplicate code "${g.code}"` } });
    seen.add(g.code);
    const sum = g.indicators.reduce((a, i) => a + i.max, 0);
    if (!near(sum, g.max)) ctx.addIssue({ code: 'custom', path: ['groups', gi, 'max'], message: `Nhóm "${g.name}": điểm tối đa ${g.max} khác tổng điểm các chỉ tiêu (${sum})`, params: { en: `Group "${g.code}": max ${g.max} is not the sum of its indicators (${sum})` } });
    g.indicators.forEach((i, ii) => {
      if (seen.has(i.code)) ctx.addIssue({ code: 'custom', path: ['groups', gi, 'indicators', ii, 'code'], message: `Mã "${i.code}" bị trùng`, params: { en: `Duplicate code "${i.code}"` } });
      seen.add(i.code);
      if (i.scoring.kind === 'step' && i.scoring.below > i.max) {
        ctx.addIssue({ code: 'custom', path: ['groups', gi, 'indicators', ii, 'scoring', 'below'], message: `Chỉ tiêu "${i.code}": điểm khi chưa đạt ngưỡng (${i.scoring.below}) lớn hơn điểm tối đa (${i.max})`, params: { en: `Indicator "${i.code}": points below the threshold exceed its max` } });
      }
    });
  });
  const total = d.groups.reduce((a, g) => a + g.max, 0);
  if (!near(total, 100)) ctx.addIssue({ code: 'custom', path: ['groups'], message: `Tổng điểm tối đa của các nhóm phải là 100 (hiện là ${total})`, params: { en: `The groups' maxima must add up to 100 (now ${total})` } });
});
export type IndexDefinition = z.infer<typeof definitionSchema>;

export type IndexVersion = { effectiveFrom: string; definition: IndexDefinition };

/** The version in force on a day (YYYY-MM-DD): the one with the latest effective date on or before it. */
export function versionInForce<V extends { effectiveFrom: string }>(versions: readonly V[], day: string): V | undefined {
  let best: V | undefined;
  for (const v of versions) if (v.effectiveFrom <= day && (!best || v.effectiveFrom > best.effectiveFrom)) best = v;
  return best;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Points of a value (a share 0–1, or null when there is no figure) under a scoring rule; rounded to 2 decimals. */
export function pointsFor(value: number | null, max: number, scoring: Scoring): number {
  if (value === null) return 0;
  const v = Math.min(Math.max(value, 0), 1);
  switch (scoring.kind) {
    case 'ratio':
      return round2(v * max);
    case 'step':
      return round2(v >= scoring.threshold ? max : scoring.below);
    case 'target':
      return round2(v >= scoring.target ? max : (v / scoring.target) * max);
  }
}

/** A measure's figure: numerator over denominator, or null with the reason shown to people. */
export type MeasureValue = { numerator: number; denominator: number } | { missing: 'no_source' | 'empty' };

export type ScoredIndicator = {
  code: string; name: string; nameEn: string | null; measure: Measure;
  /** Percentage 0–100 (2 decimals), or null: no source yet, or nothing to count in the period. */
  value: number | null;
  numerator: number | null; denominator: number | null;
  points: number; max: number; formula: string; scoring: Scoring;
  note: string | null;
  /** The dossiers behind the value can be listed (GET /reports/service-index/dossiers). */
  dossiers: boolean;
};

export const NOTES = {
  no_source: { vi: 'Chưa có dữ liệu', en: 'No data yet' },
  empty: { vi: 'Không phát sinh trong kỳ', en: 'Nothing to count in the period' },
} as const;

/** Scores a definition given each measure's figure: the groups and total of the API contract. */
export function scoreIndex(def: IndexDefinition, figures: ReadonlyMap<Measure, MeasureValue>) {
  const groups = def.groups.map((g) => {
    const indicators: ScoredIndicator[] = g.indicators.map((i) => {
      const f: MeasureValue = i.measure === 'none' ? { missing: 'no_source' } : figures.get(i.measure) ?? { missing: 'no_source' };
      const ratio = 'missing' in f ? null : f.denominator > 0 ? f.numerator / f.denominator : null;
      const note = 'missing' in f ? NOTES[f.missing].vi : f.denominator === 0 ? NOTES.empty.vi : null;
      return {
        code: i.code, name: i.name, nameEn: i.nameEn ?? null, measure: i.measure,
        value: ratio === null ? null : round2(ratio * 100),
        numerator: 'missing' in f ? null : f.numerator, denominator: 'missing' in f ? null : f.denominator,
        points: pointsFor(ratio, i.max, i.scoring), max: i.max, formula: i.formula, scoring: i.scoring, note,
        dossiers: DOSSIER_MEASURES.has(i.measure),
      };
    });
    return { code: g.code, name: g.name, nameEn: g.nameEn ?? null, points: round2(indicators.reduce((a, i) => a + i.points, 0)), max: g.max, indicators };
  });
  return { total: round2(groups.reduce((a, g) => a + g.points, 0)), max: round2(groups.reduce((a, g) => a + g.max, 0)), groups };
}
