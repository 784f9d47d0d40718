import { describe, expect, it } from 'vitest';
import { provinceInterAgencyProcedure } from '../../../../test/support/procedure-factory.js';
import type { ProcedureContent } from '../../catalog/schema.js';
import { REVIEW_FORM_CODE, askedQuestions, missingAnswers, reviewForm, yearlyTakings, type Answers, type ReviewForm } from './review-form.js';
import type { CostSheet, ProcedureFacts } from './types.js';

const content: ProcedureContent = {
  ...provinceInterAgencyProcedure(),
  description: 'Cấp phép để quản lý trật tự xây dựng',
  coordinatingAgencies: [{ name: 'Thuế tỉnh Lai Châu' }],
  channels: [{ kind: 'desk', time: { amount: 20, unit: 'calendar_days' } }, { kind: 'online', time: { amount: 15, unit: 'calendar_days' } }],
  onlineMode: 'partial',
  // Out of order on purpose: the form lists the steps by their order.
  steps: [
    { order: 2, title: 'Thẩm định hồ sơ', where: 'Sở Xây dựng', who: 'Chuyên viên', what: 'Thẩm định' },
    { order: 1, title: 'Nộp hồ sơ', where: 'Trung tâm Phục vụ hành chính công tỉnh', who: 'Chủ đầu tư', what: 'Nộp hồ sơ' },
  ],
  documents: [
    { name: 'Đơn đề nghị cấp giấy phép', originals: 1, copies: 0, certifiedCopies: 0, presentOnly: false, optional: false, reusableFromNationalDb: false, formTemplate: 'don.docx' },
    { name: 'Giấy tờ về quyền sử dụng đất', originals: 0, copies: 1, certifiedCopies: 2, presentOnly: false, optional: false, reusableFromNationalDb: true },
    { name: 'Bản vẽ thiết kế', originals: 2, copies: 3, certifiedCopies: 0, presentOnly: false, optional: true, reusableFromNationalDb: false },
  ],
  fees: [
    { name: 'Lệ phí cấp giấy phép xây dựng', kind: 'charge', amount: 150_000, exemptions: [] },
    { name: 'Phí thẩm định thiết kế', kind: 'fee', amount: 50_000, exemptions: [] },
    { name: 'Phí thẩm định dự toán', kind: 'fee', formula: '0,1% giá trị dự toán', exemptions: [] },
  ],
} as ProcedureContent;

const facts: ProcedureFacts = {
  procedureCode: content.code, procedureName: content.name, dossiers: 40, online: 10, post: 2, desk: 28,
  supplementDossiers: 6, supplementTrips: 4, supplementOnline: 2, completed: 40, late: 3, resultsReturned: 38, resultsAtDesk: 30,
};

const sheet = {
  wage: { year: 2026, monthlyIncomeVnd: 5_400_000, workingDaysPerMonth: 22, hoursPerDay: 8, source: 'GSO 2024', hourlyRateVnd: 30_681.82 },
  lines: [],
  perDossier: { hours: 6.5, workVnd: 199_432, directVnd: 280_000, totalVnd: 479_432 },
  yearlyDossiers: 120,
  yearly: { workVnd: 23_931_818, directVnd: 33_600_000, totalVnd: 57_531_818 },
} as CostSheet;

const period = { from: '2025-03-01', to: '2026-02-28' };
const form = reviewForm({ content, facts, sheet, period });
const question = (f: ReviewForm, key: string) => f.sections.flatMap((s) => s.questions).find((q) => q.key === key)!;
const prefill = (key: string) => question(form, key).prefill ?? '';

describe('the form as data', () => {
  it('has the four parts of Decree 63/2010 Annex I with questions 1–17 in order', () => {
    expect(form.code).toBe(REVIEW_FORM_CODE);
    expect(reviewForm({ content, facts, sheet, code: 'X/Y' }).code).toBe('X/Y');
    expect(form.title).toBe('PHIẾU RÀ SOÁT, ĐÁNH GIÁ THỦ TỤC HÀNH CHÍNH');
    expect(form.basis).toContain('63/2010/NĐ-CP');
    expect(form.sections.map((s) => s.key)).toEqual(['necessity', 'reasonableness', 'legality', 'cost']);
    const numbers = form.sections.map((s) => s.questions.filter((q) => !q.number.includes('.')).map((q) => Number(q.number)));
    expect(numbers).toEqual([[1, 2, 3, 4], [5, 6, 7, 8, 9, 10, 11, 12], [13, 14, 15], [16, 17]]);
    expect(question(form, 'q4')).toMatchObject({ kind: 'yesno', endsFormWhen: 'no' });
    expect(question(form, 'q9c')).toMatchObject({ kind: 'yesno_text', askedWhen: { key: 'q9', choice: 'yes' } });
    expect(question(form, 'q17').kind).toBe('text');
    expect(new Set(form.sections.flatMap((s) => s.questions.map((q) => q.key))).size).toBe(form.sections.flatMap((s) => s.questions).length);
  });
});

describe('prefills from the data', () => {
  it('states the goal from the description, the results and who applies (Q1)', () => {
    expect(prefill('q1')).toBe('Mô tả: Cấp phép để quản lý trật tự xây dựng. Kết quả thực hiện: Giấy khai sinh. Đối tượng thực hiện: công dân.');
  });

  it('lists the steps in their order, the channels and the real channel shares (Q7)', () => {
    const q7 = prefill('q7');
    expect(q7).toContain('Trình tự (2 bước): 1. Nộp hồ sơ; 2. Thẩm định hồ sơ.');
    expect(q7).toContain('Cách thức: trực tiếp, trực tuyến; mức độ: dịch vụ công trực tuyến một phần.');
    expect(q7).toContain('trực tuyến 10/40 (25%), bưu chính 2/40 (5%), trực tiếp 28/40 (70%)');
    expect(q7).toContain('từ 01/03/2025 đến 28/02/2026');
  });

  it('lists every document with its copies and counts the copies and the supplements (Q8)', () => {
    const q8 = prefill('q8');
    expect(q8).toContain('(3 loại giấy tờ)');
    expect(q8).toContain('1. Đơn đề nghị cấp giấy phép: 1 bản chính (theo mẫu đơn, tờ khai)');
    expect(q8).toContain('2. Giấy tờ về quyền sử dụng đất: 1 bản sao, 2 bản sao chứng thực (khai thác được từ cơ sở dữ liệu)');
    expect(q8).toContain('3. Bản vẽ thiết kế: 2 bản chính, 3 bản sao (không bắt buộc)');
    expect(q8).toContain(`Tổng số bản sao: ${1 + 3}; bản sao chứng thực: 2.`);
    expect(q8).toContain('Hồ sơ phải bổ sung từ 01/03/2025 đến 28/02/2026: 6/40 (15%).');
  });

  it('gives the time limit of each channel and the real late rate (Q9)', () => {
    expect(prefill('q9')).toBe('Thời hạn giải quyết: 20 ngày (trực tiếp); 15 ngày (trực tuyến). Tỷ lệ trễ hạn thực tế từ 01/03/2025 đến 28/02/2026: 3/40 (7,5%) hồ sơ đã giải quyết.');
  });

  it('names the coordinating agencies and the inter-agency steps (Q11) and the legal basis (Q13)', () => {
    expect(prefill('q11')).toBe('Cơ quan phối hợp: Thuế tỉnh Lai Châu. Bước liên thông trong quy trình nội bộ: Xác định nghĩa vụ tài chính.');
    expect(prefill('q13')).toBe('Căn cứ pháp lý: 60/2014/QH13 ngày 20/11/2014 của Quốc hội.');
    expect(prefill('q3')).toBe('Giấy tờ khai thác được từ cơ sở dữ liệu, không cần người dân nộp lại: Giấy tờ về quyền sử dụng đất.');
  });

  it('sums the fixed fees times the yearly dossiers as the yearly takings, naming fees set by a formula (Q16)', () => {
    const fixed = 150_000 + 50_000;
    expect(yearlyTakings(content, 120)).toEqual({ perDossierVnd: fixed, yearlyVnd: fixed * 120, byFormula: ['Phí thẩm định dự toán'] });
    const q16 = prefill('q16');
    expect(q16).toContain('Lệ phí cấp giấy phép xây dựng (lệ phí): 150.000 đồng; Phí thẩm định thiết kế (phí): 50.000 đồng; Phí thẩm định dự toán (phí): 0,1% giá trị dự toán.');
    expect(q16).toContain('Tổng mức thu ước tính một năm: 200.000 đồng × 120 hồ sơ = 24.000.000 đồng.');
    expect(q16).toContain('Khoản thu theo cách tính, chưa cộng: Phí thẩm định dự toán.');
  });

  it('states the compliance cost per dossier and per year from the sheet (Q17)', () => {
    expect(prefill('q17')).toBe('Chi phí tuân thủ một hồ sơ: 479.432 đồng (thời gian 6,5 giờ × 30.681,82 đồng/giờ = 199.432 đồng; chi phí trực tiếp 280.000 đồng). '
      + 'Số hồ sơ một năm: 120. Chi phí tuân thủ một năm: 57.531.818 đồng.');
  });

  it('says what is not known when there are no dossiers and no cost sheet', () => {
    const empty = reviewForm({ content: { ...content, fees: [], coordinatingAgencies: [], internalProcesses: [] }, facts: null, sheet: null, period });
    const p = (key: string) => question(empty, key).prefill;
    expect(p('q2')).toBe('Chưa có hồ sơ nào được tiếp nhận từ 01/03/2025 đến 28/02/2026.');
    expect(p('q9')).toContain('Chưa có hồ sơ được giải quyết từ 01/03/2025 đến 28/02/2026 để tính tỷ lệ trễ hạn.');
    expect(p('q7')).not.toContain('Hồ sơ');
    expect(p('q16')).toBe('Thủ tục không quy định phí, lệ phí.');
    expect(p('q17')).toContain('Chưa tính được chi phí tuân thủ');
    expect(p('q11')).toBeNull();
    expect(p('q5')).toBeNull();
  });
});

describe('missing answers', () => {
  const keys = (list: { key: string }[]) => list.map((q) => q.key);
  const unansweredAtFirst = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10', 'q11', 'q12', 'q13', 'q14', 'q15', 'q16'];

  it('lists every yes/no question first asked, in order, never the follow-ups nor a text question', () => {
    expect(keys(missingAnswers(form, {}))).toEqual(unansweredAtFirst);
  });

  it('asks a follow-up only after the answer that leads to it', () => {
    expect(keys(missingAnswers(form, { q9: { choice: 'yes' } }))).toContain('q9c');
    expect(keys(missingAnswers(form, { q9: { choice: 'no' } }))).not.toContain('q9c');
    expect(keys(missingAnswers(form, { q16: { choice: 'yes', text: '' } }))).toContain('q16c');
  });

  it('stops at question 4 when the procedure is not needed: parts II–IV are not answered', () => {
    const answers: Answers = { q1: { choice: 'no' }, q2: { choice: 'no' }, q3: { choice: 'yes', text: 'Thay bằng thông báo' }, q4: { choice: 'no' } };
    expect(missingAnswers(form, answers)).toEqual([]);
    expect(keys(askedQuestions(form, answers))).toEqual(['q1', 'q2', 'q3', 'q4']);
    expect(keys(missingAnswers(form, { ...answers, q4: { choice: 'yes' } }))).toEqual(unansweredAtFirst.slice(4));
  });

  it('counts a text alone as no answer to a yes/no question, and is empty once everything is answered', () => {
    expect(keys(missingAnswers(form, { q1: { text: 'Quản lý trật tự xây dựng' } }))).toContain('q1');
    const all: Answers = Object.fromEntries(unansweredAtFirst.map((k) => [k, { choice: 'yes' as const }]));
    expect(keys(missingAnswers(form, all))).toEqual(['q9c', 'q10c', 'q11b', 'q16c']);
    expect(missingAnswers(form, { ...all, q9c: { choice: 'no' }, q10c: { choice: 'yes' }, q11b: { choice: 'no' }, q16c: { choice: 'yes' } })).toEqual([]);
  });
});
