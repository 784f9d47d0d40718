/**
 * Points of one leaf under each scoring type of the set (pure), with the sentence the scoring sheet shows
 * to say how they were reached; and the score layers of the appraisal (DOMAIN-MANAGEMENT §A3 step 4).
 * Inputs that cannot be scored are refused with a code, never clamped: a self-score above the maximum is
 * an error the unit must see, not a silent "max".
 */
import type { RatioRule, Scoring, TieredRule } from './criteria.js';
import { fmt, round2 } from './numbers.js';

export type ScoreErrorCode = 'MISSING_INPUT' | 'NOT_A_NUMBER' | 'NEGATIVE' | 'OVER_MAX' | 'RATIO_OUT_OF_RANGE' | 'WRONG_INPUT_TYPE';
export type Scored = { ok: true; points: number; explanation: string };
export type ScoreRefusal = { ok: false; code: ScoreErrorCode; message: string };
export type ScoreResult = Scored | ScoreRefusal;

const refuse = (code: ScoreErrorCode, message: string): ScoreRefusal => ({ ok: false, code, message });
const scored = (points: number, explanation: string): Scored => ({ ok: true, points: round2(points), explanation });
/** Tolerance for "over max": inputs typed with two decimals must not fail on float noise. */
const EPS = 1e-9;

/** A number input, or the reason it is not one. */
function numberInput(value: unknown, what: string): number | ScoreRefusal {
  if (value === null || value === undefined) return refuse('MISSING_INPUT', `Chưa có ${what}`);
  if (typeof value !== 'number') return refuse('WRONG_INPUT_TYPE', `${what} phải là một số`);
  if (!Number.isFinite(value)) return refuse('NOT_A_NUMBER', `${what} không phải là số hợp lệ`);
  if (value < 0) return refuse('NEGATIVE', `${what} không được âm`);
  return value;
}

/** Points typed by a person (self-score, appraisal): 0 to max. */
function typedPoints(max: number, value: unknown, what: string): number | ScoreRefusal {
  const v = numberInput(value, what);
  if (typeof v !== 'number') return v;
  if (v > max + EPS) return refuse('OVER_MAX', `${what} (${fmt(v)}) vượt điểm tối đa (${fmt(max)})`);
  return v;
}

export function scoreManual(max: number, points: unknown): ScoreResult {
  const v = typedPoints(max, points, 'Điểm');
  return typeof v === 'number' ? scored(v, `Chấm ${fmt(round2(v))}/${fmt(max)} điểm`) : v;
}

export function scoreBinary(max: number, done: unknown): ScoreResult {
  if (done === null || done === undefined) return refuse('MISSING_INPUT', 'Chưa xác định đã thực hiện hay chưa');
  if (typeof done !== 'boolean') return refuse('WRONG_INPUT_TYPE', 'Chỉ chọn "Đã thực hiện" hoặc "Chưa thực hiện"');
  return done ? scored(max, `Đã thực hiện: ${fmt(max)}/${fmt(max)} điểm`) : scored(0, `Chưa thực hiện: 0/${fmt(max)} điểm`);
}

export function scoreTiered(max: number, rule: TieredRule, value: unknown): ScoreResult {
  const v = numberInput(value, 'Giá trị');
  if (typeof v !== 'number') return v;
  let best: { threshold: number; points: number } | undefined;
  for (const t of rule.tiers) {
    const reached = rule.better === 'higher' ? v >= t.threshold : v <= t.threshold;
    const closer = !best || (rule.better === 'higher' ? t.threshold > best.threshold : t.threshold < best.threshold);
    if (reached && closer) best = t;
  }
  if (!best) return scored(0, `Giá trị ${fmt(v)} chưa đạt mức nào: 0/${fmt(max)} điểm`);
  const points = Math.min(best.points, max);
  const sign = rule.better === 'higher' ? '≥' : '≤';
  return scored(points, `Giá trị ${fmt(v)} đạt mức ${sign} ${fmt(best.threshold)}: ${fmt(points)}/${fmt(max)} điểm`);
}

/** A share 0–1 from a count, or null when the denominator is 0 (no figure is not a 0 score, §B3). */
export function ratioOf(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

const pct = (share: number) => `${fmt(round2(share * 100))}%`;

export function scoreRatio(max: number, rule: RatioRule, ratio: unknown): ScoreResult {
  const r = numberInput(ratio, 'Tỷ lệ');
  if (typeof r !== 'number') return r;
  if (r > 1 + EPS) return refuse('RATIO_OUT_OF_RANGE', `Tỷ lệ (${pct(r)}) không được lớn hơn 100%`);
  const t = rule.target;
  if (t === undefined) return scored(r * max, `Tỷ lệ ${pct(r)} × ${fmt(max)} điểm = ${fmt(round2(r * max))} điểm`);
  if (r >= t) return scored(max, `Tỷ lệ ${pct(r)} đạt chỉ tiêu ${pct(t)}: ${fmt(max)}/${fmt(max)} điểm`);
  const points = (r / t) * max;
  return scored(points, `Tỷ lệ ${pct(r)} chưa đạt chỉ tiêu ${pct(t)}: ${pct(r)} / ${pct(t)} × ${fmt(max)} = ${fmt(round2(points))} điểm`);
}

/** `percent` is the criterion's survey result 0–100 (survey.ts). */
export function scoreSurvey(max: number, percent: unknown): ScoreResult {
  const p = numberInput(percent, 'Kết quả điều tra xã hội học');
  if (typeof p !== 'number') return p;
  if (p > 100 + EPS) return refuse('RATIO_OUT_OF_RANGE', `Kết quả điều tra (${fmt(p)}%) không được lớn hơn 100%`);
  const points = (p / 100) * max;
  return scored(points, `Điều tra xã hội học đạt ${fmt(round2(p))}% × ${fmt(max)} điểm = ${fmt(round2(points))} điểm`);
}

/** Bonus points awarded, 0 to the item's maximum; the set-wide cap is applied in index.ts. */
export function scoreBonus(max: number, points: unknown): ScoreResult {
  const v = typedPoints(max, points, 'Điểm thưởng');
  return typeof v === 'number' ? scored(v, `Cộng ${fmt(round2(v))} điểm thưởng (tối đa ${fmt(max)})`) : v;
}

/**
 * Penalty points deducted, given and returned as a positive amount (0 to the item's maximum): a
 * negative entry is refused like everywhere else, and index.ts subtracts the total within its cap.
 */
export function scorePenalty(max: number, points: unknown): ScoreResult {
  const v = typedPoints(max, points, 'Điểm trừ');
  return typeof v === 'number' ? scored(v, `Trừ ${fmt(round2(v))} điểm (tối đa ${fmt(max)})`) : v;
}

/** A value fed by another module, with its inputs as the sheet shows them ("45/50 hồ sơ đúng hạn"). */
export type ComputedInput = { value: number | null; inputs?: string };

export function scoreComputed(max: number, rule: { source: string; conversion: TieredRule | RatioRule }, input: ComputedInput | null | undefined): ScoreResult {
  if (!input || input.value === null) return refuse('MISSING_INPUT', `Chưa có số liệu từ nguồn "${rule.source}"`);
  const r = rule.conversion.kind === 'ratio' ? scoreRatio(max, rule.conversion, input.value) : scoreTiered(max, rule.conversion, input.value);
  if (!r.ok) return r;
  const from = input.inputs ? `Tự động từ "${rule.source}" (${input.inputs})` : `Tự động từ "${rule.source}"`;
  return { ...r, explanation: `${from}. ${r.explanation}` };
}

/** What a leaf is scored from: points, done/not done, a value or share, a survey %, or a fed value. */
export type LeafInput = number | boolean | ComputedInput | null | undefined;

/** One entry point for a leaf, whatever its type. */
export function scoreLeaf(scoring: Scoring, max: number, input: LeafInput): ScoreResult {
  switch (scoring.kind) {
    case 'manual':
      return scoreManual(max, input);
    case 'binary':
      return scoreBinary(max, input);
    case 'tiered':
      return scoreTiered(max, scoring, input);
    case 'ratio':
      return scoreRatio(max, scoring, input);
    case 'survey':
      return scoreSurvey(max, input);
    case 'bonus':
      return scoreBonus(max, input);
    case 'penalty':
      return scorePenalty(max, input);
    case 'computed':
      if (input !== null && input !== undefined && typeof input !== 'object') {
        return refuse('WRONG_INPUT_TYPE', 'Mục này được tính tự động từ số liệu, không nhập tay');
      }
      return scoreComputed(max, scoring, input);
  }
}

// ── score layers ──────────────────────────────────────────────────────────────────────────────────

/**
 * The layers of a leaf's score in process order (§A3 step 4; a real app's `diemtuchamlan1`,
 * `diemthamdinhlan1`, `chotdiemgiaitrinh`, `diemthamdinhlan2`): self-score, appraisal round 1, the
 * unit's score after explaining, appraisal round 2, the council's decision.
 */
export const SCORE_LAYERS = ['self', 'appraisal1', 'explanation', 'appraisal2', 'council'] as const;
export type ScoreLayer = (typeof SCORE_LAYERS)[number];
export const SCORE_LAYER_LABELS: Record<ScoreLayer, string> = {
  self: 'Tự chấm',
  appraisal1: 'Thẩm định lần 1',
  explanation: 'Sau giải trình',
  appraisal2: 'Thẩm định lần 2',
  council: 'Hội đồng thẩm định',
};

/** A layer's points with who set them and why; null points = the layer was opened but left blank. */
export type LayerEntry = { points: number | null; reason?: string; author?: string };
export type LeafLayers = Partial<Record<ScoreLayer, LayerEntry>>;

/**
 * The score that counts: the latest layer in process order that holds points. Order, not timestamps,
 * decides — a late correction to the self-score never overrides an appraisal. Null when no layer has
 * points yet.
 */
export function scoreThatCounts(layers: LeafLayers): { layer: ScoreLayer; points: number } | null {
  for (let i = SCORE_LAYERS.length - 1; i >= 0; i--) {
    const layer = SCORE_LAYERS[i]!;
    const p = layers[layer]?.points;
    if (p !== null && p !== undefined) return { layer, points: p };
  }
  return null;
}

/**
 * Checks points an appraiser or the council writes into a layer: appraisers adjust points, not the
 * inputs, so whatever the leaf's type the layer holds 0 to max.
 */
export function checkLayerPoints(max: number, points: unknown): ScoreResult {
  return scoreManual(max, points);
}
