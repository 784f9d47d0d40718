import { describe, expect, it } from 'vitest';
import { aggregateSurvey, DEFAULT_ANSWER_WEIGHTS, surveyResult, validateWeights, type SurveyAnswer } from './survey.js';

const answers = (unitId: number, questionId: string, options: string): SurveyAnswer[] =>
  [...options].map((o) => ({ unitId, questionId, option: o === '-' ? null : o }));

describe('PAR survey: answer weights', () => {
  it('defaults to A/B/C/D = 100/60/20/0 (§A3 step 5) and validates a configuration', () => {
    expect(DEFAULT_ANSWER_WEIGHTS).toEqual({ A: 100, B: 60, C: 20, D: 0 });
    expect(validateWeights(DEFAULT_ANSWER_WEIGHTS)).toEqual([]);
    expect(validateWeights({})).toEqual(['Phải có ít nhất một phương án được tính điểm']);
    expect(validateWeights({ A: 120, B: -1 })).toEqual(['Trọng số của phương án A phải từ 0 đến 100', 'Trọng số của phương án B phải từ 0 đến 100']);
  });
});

describe('PAR survey: one criterion for one unit', () => {
  const c = { code: '3.1', questions: [{ questionId: 'q1' }, { questionId: 'q2' }] };

  it('averages each question, then the questions', () => {
    // q1: A, B, C, D → (100 + 60 + 20 + 0) / 4 = 45; q2: A, A → 100; criterion (45 + 100) / 2 = 72.5
    const r = surveyResult(c, 7, [...answers(7, 'q1', 'ABCD'), ...answers(7, 'q2', 'AA')]);
    expect(r.questions.map((q) => q.percent)).toEqual([45, 100]);
    expect(r.percent).toBe(72.5);
  });

  it('skips blanks and options without a weight (E "không biết"), and other units\' answers', () => {
    // q1: A, E, blank, b (lower case typed on paper) → (100 + 60) / 2 = 80; q2: D → 0; criterion 40
    const r = surveyResult(c, 7, [...answers(7, 'q1', 'AE-b'), ...answers(7, 'q2', 'D'), ...answers(8, 'q2', 'AAAA')]);
    expect(r.questions[0]).toEqual({ questionId: 'q1', counted: 2, skipped: 2, percent: 80 });
    expect(r.percent).toBe(40);
  });

  it('a question nobody answered is left out; no answers at all gives no result (not 0)', () => {
    expect(surveyResult(c, 7, answers(7, 'q2', 'B')).percent).toBe(60);
    expect(surveyResult(c, 7, answers(7, 'q1', 'EE')).percent).toBeNull();
    expect(surveyResult(c, 7, []).percent).toBeNull();
  });

  it('question weights and configured answer weights', () => {
    const weighted = { code: '3.1', questions: [{ questionId: 'q1', weight: 3 }, { questionId: 'q2', weight: 1 }] };
    // q1 = 100, q2 = 0 → (100 × 3 + 0 × 1) / 4 = 75
    expect(surveyResult(weighted, 1, [...answers(1, 'q1', 'A'), ...answers(1, 'q2', 'D')]).percent).toBe(75);
    // A/B/C = 100/50/0, E counted as 25: (100 + 50 + 25) / 3 = 58.333… → 58.33
    expect(surveyResult(c, 1, answers(1, 'q1', 'ABE'), { A: 100, B: 50, C: 0, E: 25 }).percent).toBe(58.33);
  });
});

describe('PAR survey: every criterion for every unit', () => {
  it('keys results by unit and criterion; a unit without answers gets null results', () => {
    const criteria = [{ code: '3.1', questions: [{ questionId: 'q1' }] }, { code: '3.2', questions: [{ questionId: 'q2' }] }];
    const all = aggregateSurvey(criteria, [1, 2, 3], [...answers(1, 'q1', 'AB'), ...answers(1, 'q2', 'C'), ...answers(2, 'q2', 'AAD')]);
    expect(all.get(1)!.get('3.1')!.percent).toBe(80);
    expect(all.get(1)!.get('3.2')!.percent).toBe(20);
    expect(all.get(2)!.get('3.1')!.percent).toBeNull();
    expect(all.get(2)!.get('3.2')!.percent).toBe(66.67); // 200 / 3
    expect([...all.get(3)!.values()].map((r) => r.percent)).toEqual([null, null]);
  });
});
