/**
 * Sociological survey (điều tra xã hội học) answers turned into a survey criterion's result per unit
 * (pure). DOMAIN-MANAGEMENT §A3 step 5: each question has options whose weights are A = 100 %,
 * B = 60 %, C = 20 %, D = 0 % (Yên Bái's software; configurable per set). Options outside the weights
 * (e.g. E "không biết / không trả lời") and blank answers are left out of the average, not scored 0:
 * a respondent who did not judge has not judged badly.
 */
import { round2 } from './numbers.js';

export type AnswerWeights = Readonly<Record<string, number>>;
export const DEFAULT_ANSWER_WEIGHTS: AnswerWeights = { A: 100, B: 60, C: 20, D: 0 };

export function validateWeights(weights: AnswerWeights): string[] {
  const out: string[] = [];
  const entries = Object.entries(weights);
  if (entries.length === 0) out.push('Phải có ít nhất một phương án được tính điểm');
  for (const [option, w] of entries) {
    if (!option.trim()) out.push('Tên phương án không được để trống');
    if (!(Number.isFinite(w) && w >= 0 && w <= 100)) out.push(`Trọng số của phương án ${option} phải từ 0 đến 100`);
  }
  return out;
}

export type SurveyAnswer = { unitId: number; questionId: string; option: string | null };
/** A survey criterion and the questions mapped to it; `weight` lets a set count one question more. */
export type SurveyCriterion = { code: string; questions: readonly { questionId: string; weight?: number }[] };

export type QuestionResult = { questionId: string; counted: number; skipped: number; percent: number | null };
export type SurveyResult = {
  code: string;
  unitId: number;
  /** 0–100, what scoring.ts `scoreSurvey` turns into points; null when no question had a counted answer. */
  percent: number | null;
  questions: QuestionResult[];
};

/**
 * The survey result of one criterion for one unit. Each question is averaged on its own, then the
 * questions are averaged (by their weights): a question many respondents answered must not outweigh
 * the others in the criterion. Rounded to 2 decimals at the end only.
 */
export function surveyResult(criterion: SurveyCriterion, unitId: number, answers: readonly SurveyAnswer[], weights: AnswerWeights = DEFAULT_ANSWER_WEIGHTS): SurveyResult {
  const questions: QuestionResult[] = [];
  let weighted = 0;
  let weightSum = 0;
  for (const q of criterion.questions) {
    let sum = 0;
    let counted = 0;
    let skipped = 0;
    for (const a of answers) {
      if (a.unitId !== unitId || a.questionId !== q.questionId) continue;
      const w = a.option === null ? undefined : weights[a.option.trim().toUpperCase()];
      if (w === undefined) skipped++;
      else {
        sum += w;
        counted++;
      }
    }
    const percent = counted > 0 ? sum / counted : null;
    questions.push({ questionId: q.questionId, counted, skipped, percent: percent === null ? null : round2(percent) });
    if (percent !== null) {
      const qw = q.weight ?? 1;
      weighted += percent * qw;
      weightSum += qw;
    }
  }
  return { code: criterion.code, unitId, percent: weightSum > 0 ? round2(weighted / weightSum) : null, questions };
}

/** Every survey criterion for every unit: unitId → criterion code → result. */
export function aggregateSurvey(criteria: readonly SurveyCriterion[], unitIds: readonly number[], answers: readonly SurveyAnswer[], weights: AnswerWeights = DEFAULT_ANSWER_WEIGHTS): Map<number, Map<string, SurveyResult>> {
  const byUnit = new Map<number, SurveyAnswer[]>();
  for (const a of answers) byUnit.set(a.unitId, [...(byUnit.get(a.unitId) ?? []), a]);
  const out = new Map<number, Map<string, SurveyResult>>();
  for (const u of unitIds) {
    const mine = byUnit.get(u) ?? [];
    out.set(u, new Map(criteria.map((c) => [c.code, surveyResult(c, u, mine, weights)])));
  }
  return out;
}
