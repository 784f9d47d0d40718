import type { ReviewForm as FullReviewForm, ReviewQuestion } from '../../../../src/modules/procedure-review/rules/review-form';
import type { Review } from './types';

/**
 * The review form as the server builds it (rules/review-form.ts): each question also has its printed
 * number, the answer that asks it (the annex's "Nếu câu trả lời a là CÓ…") and the answer that ends the
 * form (question 4, "not needed"). types.ts's `ReviewForm` keeps only the contract's fields of API.md.
 */
export type { FullReviewForm, ReviewQuestion };
export const formOf = (r: Review): FullReviewForm => r.form as unknown as FullReviewForm;
