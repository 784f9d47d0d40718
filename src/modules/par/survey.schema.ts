import { z } from 'zod';
import { BLOCKS, MAX_INVITATIONS, RESPONDENT_CHOICES, RESPONDENT_LABELS, RESPONDENT_TEXT_FIELDS } from './labels.js';

export { MAX_INVITATIONS, RESPONDENT_CHOICES, RESPONDENT_LABELS, RESPONDENT_TEXT_FIELDS } from './labels.js';

/**
 * Inputs of the sociological survey (điều tra xã hội học, issue 16 item 4), shared with the web app.
 * DOMAIN-MANAGEMENT §A3 step 5: Yên Bái's Phiếu 01–06, one per respondent group, questions with options
 * A–E, slips on paper or online, and the respondent's sex, age, level, unit and position.
 */
const id = z.number().int().positive().max(2_147_483_647);
const text = (label: string, max: number, min = 1) =>
  z.string().trim().min(min, `${label}: bắt buộc phải nhập.`).max(max, `${label}: tối đa ${max.toLocaleString('vi-VN')} ký tự.`);

/** A one-letter option key (A–E in the forms seen; up to H so that a province may add its own). */
export const OPTION_KEY = /^[A-H]$/;
const choice = <K extends keyof typeof RESPONDENT_CHOICES>(field: K) =>
  z.enum(Object.keys(RESPONDENT_CHOICES[field]) as [string, ...string[]], { message: `${RESPONDENT_LABELS[field].vi}: lựa chọn không hợp lệ.` }).nullish();

/** Every field optional (a respondent may leave any blank); unknown fields are refused. */
export const respondentInput = z.object({
  sex: choice('sex'),
  ageGroup: choice('ageGroup'),
  level: choice('level'),
  unit: z.string().trim().max(200, 'Cơ quan, đơn vị công tác: tối đa 200 ký tự.').nullish(),
  position: z.string().trim().max(200, 'Chức vụ: tối đa 200 ký tự.').nullish(),
}).strict();
export type RespondentInput = z.infer<typeof respondentInput>;

/**
 * Question id → the chosen option key, or null (left blank). A question left out is blank too; the
 * service checks the ids and keys against the form.
 */
export const answersInput = z.record(
  z.string().regex(/^[A-Za-z0-9._-]{1,20}$/, 'Mã câu hỏi không hợp lệ.'),
  z.string().trim().toUpperCase().regex(OPTION_KEY, 'Phương án trả lời không hợp lệ.').nullable(),
);

const option = z.object({ key: z.string().trim().toUpperCase().regex(OPTION_KEY, 'Phương án: chỉ một chữ cái từ A đến H.'), text: text('Nội dung phương án', 300) }).strict();

export const surveyQuestionInput = z.object({
  id: z.string().trim().regex(/^[A-Za-z0-9._-]{1,20}$/, 'Mã câu hỏi: 1–20 ký tự chữ, số, dấu chấm, gạch.'),
  text: text('Nội dung câu hỏi', 1000, 2),
  criterionCode: z.string().trim().min(1, 'Tiêu chí: bắt buộc phải chọn.').max(20),
  options: z.array(option).min(2, 'Mỗi câu hỏi cần ít nhất 2 phương án.').max(8, 'Mỗi câu hỏi tối đa 8 phương án.')
    .refine((os) => new Set(os.map((o) => o.key)).size === os.length, 'Các phương án của một câu hỏi phải khác nhau.'),
  /** How much this question counts among the criterion's questions (docs/PAR.md: positive). */
  weight: z.number({ message: 'Trọng số câu hỏi: phải là một số.' }).finite().gt(0, 'Trọng số câu hỏi phải lớn hơn 0.').max(100, 'Trọng số câu hỏi: tối đa 100.').optional(),
}).strict();
export type SurveyQuestion = z.infer<typeof surveyQuestionInput>;

const formFields = {
  code: z.string().trim().regex(/^[A-Za-z0-9._-]{1,20}$/, 'Mã phiếu: 1–20 ký tự chữ, số, dấu chấm, gạch (ví dụ 01).'),
  name: text('Tên phiếu', 300, 2),
  respondentGroup: text('Đối tượng khảo sát', 300, 2),
  blocks: z.array(z.enum(BLOCKS, { message: 'Khối không hợp lệ (so, phuong, xa).' })).min(1, 'Chọn ít nhất một khối được đánh giá.').max(3)
    .refine((b) => new Set(b).size === b.length, 'Một khối chỉ chọn một lần.'),
  questions: z.array(surveyQuestionInput).min(1, 'Phiếu cần ít nhất một câu hỏi.').max(100, 'Mỗi phiếu tối đa 100 câu hỏi.')
    .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, 'Mã câu hỏi bị trùng trong phiếu.'),
};

/** Create a form (no `version`) or edit one (`version` of the form as read). */
export const surveyFormCreateBody = z.object(formFields).strict();
export const surveyFormEditBody = z.object({ version: z.number().int().positive(), ...formFields }).strict();
export type SurveyFormInput = z.infer<typeof surveyFormCreateBody>;

export const invitationBody = z.object({
  unitId: id,
  count: z.number({ message: 'Số mã: phải là một số.' }).int('Số mã: phải là số nguyên.').min(1, 'Số mã: ít nhất 1.').max(MAX_INVITATIONS, `Số mã: tối đa ${MAX_INVITATIONS} mỗi lần.`),
}).strict();

export const paperSlipBody = z.object({ unitId: id, respondent: respondentInput.default({}), answers: answersInput }).strict();
export const publicAnswerBody = z.object({ respondent: respondentInput.default({}), answers: answersInput }).strict();
export type SlipInput = { respondent: RespondentInput; answers: Record<string, string | null> };

/** The code as printed or typed: the readable alphabet, dashes and spaces allowed. */
export const surveyCodeParam = z.string().trim().min(10).max(40).regex(/^[A-Za-z0-9 -]+$/);
