import type { ProcedureContent } from '../../catalog/schema.js';
import { formatViInteger } from '../../../platform/documents/vi-format.js';
import type { CostSheet, ProcedureFacts } from './types.js';

/**
 * The review form (phiếu rà soát, đánh giá thủ tục hành chính) as data, with what the data already
 * says printed beside each question so the reviewer checks figures instead of looking them up.
 *
 * Structure: Decree 63/2010/NĐ-CP, Annex I "Biểu mẫu đánh giá thủ tục hành chính" (read in
 * docs/research/compliance-cost-method.md "Forms"): I. necessity (Q1–4, and when Q4 says the procedure
 * is not needed the rest is not answered), II. reasonableness (Q5–12), III. legality (Q13–15), IV. cost
 * (Q16 fees and charges). The compliance cost of Circular 02/2017/TT-VPCP art. 27 is added to part IV
 * (Q17). The questions are worded here in our own words, faithful to the annex; where the annex asks a
 * second yes/no inside one question (9c, 10c, 11b, 16c) it is its own question, asked only when the
 * first answer leads to it. Keep this file free of Node-only imports (the web app reads it).
 */

/**
 * The form's code. UNVERIFIED: recalled as "02/RS-KSTT" (the review form of the TTHC-control circulars),
 * but no stored copy of Circular 07/2014/TT-BTP or of 02/2017/TT-VPCP's appendix shows it, and no search
 * found the code anywhere (docs/research/compliance-cost-method.md "Forms", compliance-cost-form.md §2).
 * Data, not layout: change it here when the text is found.
 */
export const REVIEW_FORM_CODE = '02/RS-KSTT';
export const REVIEW_FORM_TITLE = 'PHIẾU RÀ SOÁT, ĐÁNH GIÁ THỦ TỤC HÀNH CHÍNH';
export const REVIEW_FORM_BASIS = 'Nghị định số 63/2010/NĐ-CP, Phụ lục I (sửa đổi, bổ sung bởi Nghị định số 48/2013/NĐ-CP và Nghị định số 92/2017/NĐ-CP); '
  + 'chi phí tuân thủ theo Điều 27 Thông tư số 02/2017/TT-VPCP';

export type QuestionKind = 'yesno' | 'text' | 'yesno_text';
export type Choice = 'yes' | 'no';
export type Answers = Record<string, { choice?: Choice; text?: string }>;

/** What the prefills read: the version reviewed, its dossiers' facts over the period, and its cost sheet. */
export type FormFacts = {
  content: ProcedureContent;
  facts: ProcedureFacts | null;
  sheet: CostSheet | null;
  period?: { from: string; to: string };
};

export type ReviewQuestion = {
  key: string;
  /** As printed: "9", or "9.c" for the annex's second yes/no inside question 9. */
  number: string;
  text: string;
  kind: QuestionKind;
  prefill: string | null;
  /** Asked only when another question was answered so (the annex's "Nếu câu trả lời a là CÓ…"). */
  askedWhen: { key: string; choice: Choice } | null;
  /** This answer ends the form: the later parts are not answered (question 4, "not needed"). */
  endsFormWhen: Choice | null;
};
export type ReviewSection = { key: string; title: string; questions: ReviewQuestion[] };
export type ReviewForm = { code: string; title: string; basis: string; sections: ReviewSection[] };

type QuestionDef = Omit<ReviewQuestion, 'prefill' | 'askedWhen' | 'endsFormWhen'> & {
  prefill?: (f: FormFacts) => string | null;
  askedWhen?: { key: string; choice: Choice };
  endsFormWhen?: Choice;
};

// ---- wording of figures -------------------------------------------------------------------------

const CHANNEL = { desk: 'trực tiếp', post: 'qua bưu chính', online: 'trực tuyến' } as const;
const TIME_UNIT = { working_days: 'ngày làm việc', calendar_days: 'ngày', working_hours: 'giờ làm việc' } as const;
const ONLINE_MODE = { full: 'dịch vụ công trực tuyến toàn trình', partial: 'dịch vụ công trực tuyến một phần', none: 'chưa cung cấp trực tuyến' } as const;
const APPLICANT = { citizen: 'công dân', organisation: 'tổ chức, doanh nghiệp' } as const;

export const vnd = (n: number): string => `${formatViInteger(n)} đồng`;
/** "30.681,82": thousands with dots and, when there are any, two decimals after a comma (the hourly rate). */
export function moneyDecimal(n: number): string {
  const cents = Math.round(n * 100);
  const whole = formatViInteger(Math.trunc(cents / 100));
  const rest = Math.abs(cents % 100);
  return rest ? `${whole},${String(rest).padStart(2, '0')}` : whole;
}
/** "1,25": a decimal as Vietnamese writes it, without trailing zeros. */
export const decimal = (n: number, places = 2): string => String(Math.round(n * 10 ** places) / 10 ** places).replace('.', ',');
const dayText = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
/** "3/40 (7,5%)": a count over its whole with the share to one decimal. */
function share(part: number, whole: number): string {
  return whole > 0 ? `${part}/${whole} (${decimal((part * 100) / whole, 1)}%)` : `${part}/0`;
}
const join = (parts: (string | null | false | undefined)[]) => parts.filter((p): p is string => !!p).join(' ') || null;
const periodText = (f: FormFacts) => (f.period ? ` từ ${dayText(f.period.from)} đến ${dayText(f.period.to)}` : '');
const hasDossiers = (f: FormFacts): f is FormFacts & { facts: ProcedureFacts } => !!f.facts && f.facts.dossiers > 0;

function timeLimits(c: ProcedureContent): string {
  return c.channels.map((ch) => `${ch.time.amount} ${TIME_UNIT[ch.time.unit]} (${CHANNEL[ch.kind]})`).join('; ');
}

function copiesOf(d: ProcedureContent['documents'][number]): string {
  const parts = [d.originals ? `${d.originals} bản chính` : null, d.copies ? `${d.copies} bản sao` : null, d.certifiedCopies ? `${d.certifiedCopies} bản sao chứng thực` : null];
  const notes = [d.presentOnly ? 'chỉ xuất trình để đối chiếu' : null, d.optional ? 'không bắt buộc' : null, d.formTemplate ? 'theo mẫu đơn, tờ khai' : null, d.reusableFromNationalDb ? 'khai thác được từ cơ sở dữ liệu' : null];
  const list = parts.filter(Boolean).join(', ');
  const extra = notes.filter(Boolean).join('; ');
  return extra ? `${list} (${extra})` : list;
}

/** Σ fixed fees × yearly dossiers: what the agency takes in a year (annex Q16(đ)); fees set by a formula are named, not summed. */
export function yearlyTakings(c: ProcedureContent, yearlyDossiers: number | null): { perDossierVnd: number; yearlyVnd: number | null; byFormula: string[] } {
  const perDossierVnd = c.fees.reduce((sum, f) => sum + (f.amount ?? 0), 0);
  return { perDossierVnd, yearlyVnd: yearlyDossiers === null ? null : perDossierVnd * yearlyDossiers, byFormula: c.fees.filter((f) => f.amount === undefined).map((f) => f.name) };
}

// ---- the prefills -------------------------------------------------------------------------------

function goal(f: FormFacts): string | null {
  const c = f.content;
  return join([
    c.description ? `Mô tả: ${c.description.trim().replace(/\.?$/, '.')}` : null,
    `Kết quả thực hiện: ${c.results.map((r) => r.name).join('; ')}.`,
    `Đối tượng thực hiện: ${c.applicants.map((a) => APPLICANT[a]).join(', ')}.`,
  ]);
}

function dossiersSeen(f: FormFacts): string {
  if (!hasDossiers(f)) return `Chưa có hồ sơ nào được tiếp nhận${periodText(f)}.`;
  const x = f.facts;
  const when = f.period ? `Từ ${dayText(f.period.from)} đến ${dayText(f.period.to)}` : 'Trong kỳ';
  return `${when}: tiếp nhận ${x.dossiers} hồ sơ, đã giải quyết ${x.completed} hồ sơ (trễ hạn ${x.late}).`;
}

function alternatives(f: FormFacts): string | null {
  const reusable = f.content.documents.filter((d) => d.reusableFromNationalDb).map((d) => d.name);
  return reusable.length ? `Giấy tờ khai thác được từ cơ sở dữ liệu, không cần người dân nộp lại: ${reusable.join('; ')}.` : null;
}

function agencies(f: FormFacts): string {
  const c = f.content;
  return join([
    `Cơ quan thực hiện: ${c.implementingAgency.name}.`,
    c.coordinatingAgencies.length ? `Cơ quan phối hợp: ${c.coordinatingAgencies.map((a) => a.name).join('; ')}.` : null,
  ])!;
}

function stepsAndChannels(f: FormFacts): string {
  const c = f.content;
  const steps = [...c.steps].sort((a, b) => a.order - b.order).map((s) => `${s.order}. ${s.title}`).join('; ');
  const x = f.facts;
  return join([
    `Trình tự (${c.steps.length} bước): ${steps}.`,
    `Cách thức: ${c.channels.map((ch) => CHANNEL[ch.kind]).join(', ')}; mức độ: ${ONLINE_MODE[c.onlineMode]}.`,
    hasDossiers(f) && x ? `Hồ sơ${periodText(f)}: trực tuyến ${share(x.online, x.dossiers)}, bưu chính ${share(x.post, x.dossiers)}, trực tiếp ${share(x.desk, x.dossiers)}.` : null,
  ])!;
}

function documents(f: FormFacts): string {
  const c = f.content;
  const list = c.documents.map((d, i) => `${i + 1}. ${d.name}: ${copiesOf(d)}`).join('; ');
  const copies = c.documents.reduce((n, d) => n + d.copies, 0);
  const certified = c.documents.reduce((n, d) => n + d.certifiedCopies, 0);
  const x = f.facts;
  return join([
    c.documents.length ? `Thành phần hồ sơ (${c.documents.length} loại giấy tờ): ${list}.` : 'Thủ tục không quy định thành phần hồ sơ.',
    c.documents.length ? `Tổng số bản sao: ${copies}; bản sao chứng thực: ${certified}.` : null,
    hasDossiers(f) && x ? `Hồ sơ phải bổ sung${periodText(f)}: ${share(x.supplementDossiers, x.dossiers)}.` : null,
  ])!;
}

function timeLimit(f: FormFacts): string {
  const x = f.facts;
  return join([
    `Thời hạn giải quyết: ${timeLimits(f.content)}.`,
    x && x.completed > 0 ? `Tỷ lệ trễ hạn thực tế${periodText(f)}: ${share(x.late, x.completed)} hồ sơ đã giải quyết.` : `Chưa có hồ sơ được giải quyết${periodText(f)} để tính tỷ lệ trễ hạn.`,
  ])!;
}

const results = (f: FormFacts) => `Kết quả thực hiện: ${f.content.results.map((r) => r.name).join('; ')}.`;

function linked(f: FormFacts): string | null {
  const steps = f.content.internalProcesses.flatMap((p) => p.steps).filter((s) => s.interAgency).map((s) => s.name);
  return join([
    f.content.coordinatingAgencies.length ? `Cơ quan phối hợp: ${f.content.coordinatingAgencies.map((a) => a.name).join('; ')}.` : null,
    steps.length ? `Bước liên thông trong quy trình nội bộ: ${[...new Set(steps)].join('; ')}.` : null,
  ]);
}

const legalBasis = (f: FormFacts) => `Căn cứ pháp lý: ${f.content.legalBasis.map((d) => `${d.number} ngày ${dayText(d.date)} của ${d.issuer}`).join('; ')}.`;

function fees(f: FormFacts): string {
  const c = f.content;
  if (!c.fees.length) return 'Thủ tục không quy định phí, lệ phí.';
  const list = c.fees.map((x) => `${x.name} (${x.kind === 'fee' ? 'phí' : 'lệ phí'}): ${x.amount !== undefined ? vnd(x.amount) : x.formula ?? ''}${x.per ? `/${x.per}` : ''}`).join('; ');
  const yearly = f.sheet ? f.sheet.yearlyDossiers : null;
  const t = yearlyTakings(c, yearly);
  return join([
    `Mức thu: ${list}.`,
    t.yearlyVnd !== null && t.perDossierVnd > 0 ? `Tổng mức thu ước tính một năm: ${vnd(t.perDossierVnd)} × ${formatViInteger(yearly!)} hồ sơ = ${vnd(t.yearlyVnd)}.` : null,
    t.byFormula.length ? `Khoản thu theo cách tính, chưa cộng: ${t.byFormula.join('; ')}.` : null,
  ])!;
}

function complianceCost(f: FormFacts): string {
  const s = f.sheet;
  if (!s) return 'Chưa tính được chi phí tuân thủ (chưa có tham số tiền công của năm).';
  return join([
    `Chi phí tuân thủ một hồ sơ: ${vnd(s.perDossier.totalVnd)} (thời gian ${decimal(s.perDossier.hours)} giờ × ${moneyDecimal(s.wage.hourlyRateVnd)} đồng/giờ = ${vnd(s.perDossier.workVnd)}; chi phí trực tiếp ${vnd(s.perDossier.directVnd)}).`,
    `Số hồ sơ một năm: ${formatViInteger(s.yearlyDossiers)}.`,
    `Chi phí tuân thủ một năm: ${vnd(s.yearly.totalVnd)}.`,
  ])!;
}

// ---- the form -----------------------------------------------------------------------------------

const SECTIONS: { key: string; title: string; questions: QuestionDef[] }[] = [
  {
    key: 'necessity', title: 'I. SỰ CẦN THIẾT CỦA THỦ TỤC HÀNH CHÍNH', questions: [
      { key: 'q1', number: '1', kind: 'yesno_text', text: 'Thủ tục hành chính được đặt ra để đạt mục tiêu gì? Mục tiêu đó có cần thiết không? Nêu mục tiêu và giải thích.', prefill: goal },
      { key: 'q2', number: '2', kind: 'yesno_text', text: 'Khi được thực hiện, thủ tục có đáp ứng được mục tiêu đặt ra không? Giải thích lý do.', prefill: dossiersSeen },
      { key: 'q3', number: '3', kind: 'yesno_text', text: 'Có biện pháp khác thay thế được thủ tục này mà vẫn bảo đảm mục tiêu không? Nếu có, nêu biện pháp thay thế và lý do.', prefill: alternatives },
      { key: 'q4', number: '4', kind: 'yesno', text: 'Từ các câu trả lời 1 – 3, thủ tục có cần thiết không? (Nếu không cần thiết thì không trả lời các phần II, III, IV.)', endsFormWhen: 'no' },
    ],
  },
  {
    key: 'reasonableness', title: 'II. TÍNH HỢP LÝ CỦA THỦ TỤC HÀNH CHÍNH', questions: [
      { key: 'q5', number: '5', kind: 'yesno_text', text: 'Thủ tục có đồng bộ, thống nhất với các thủ tục hành chính khác không? Nếu không, nêu thủ tục, văn bản chưa thống nhất và hướng xử lý.' },
      { key: 'q6', number: '6', kind: 'yesno_text', text: 'Thủ tục có xác định rõ cơ quan, tổ chức có trách nhiệm giải quyết không? Nếu không, nêu phương án sửa đổi.', prefill: agencies },
      { key: 'q7', number: '7', kind: 'yesno_text', text: 'Trình tự, cách thức thực hiện có được quy định rõ không? Nếu không, nêu lý do và phương án sửa đổi.', prefill: stepsAndChannels },
      { key: 'q8', number: '8', kind: 'yesno_text', text: 'Thành phần hồ sơ và số lượng bộ hồ sơ có rõ ràng, hợp lý không? Nếu không, đề xuất bớt giấy tờ, số bản để giảm gánh nặng cho người dân, doanh nghiệp.', prefill: documents },
      { key: 'q9', number: '9', kind: 'yesno_text', text: 'Thủ tục có quy định cụ thể thời hạn giải quyết của cơ quan thực hiện không? Nếu có, thời hạn là bao lâu; nếu không, thời hạn trả kết quả phù hợp là bao lâu?', prefill: timeLimit },
      { key: 'q9c', number: '9.c', kind: 'yesno_text', text: 'Có thể rút ngắn thời hạn giải quyết không? Nếu có, thời hạn bao lâu là phù hợp và vì sao?', askedWhen: { key: 'q9', choice: 'yes' } },
      { key: 'q10', number: '10', kind: 'yesno_text', text: 'Kết quả của thủ tục có quy định thời hạn hiệu lực không? Nếu có, thời hạn đó là bao lâu?', prefill: results },
      { key: 'q10c', number: '10.c', kind: 'yesno_text', text: 'Thời hạn hiệu lực đó có hợp lý không? Nếu không, nêu lý do và phương án sửa đổi.', askedWhen: { key: 'q10', choice: 'yes' } },
      { key: 'q11', number: '11', kind: 'yesno_text', text: 'Thủ tục có cần kết quả của thủ tục hành chính khác, hoặc kết quả của thủ tục này có là điều kiện để giải quyết thủ tục khác không?', prefill: linked },
      { key: 'q11b', number: '11.b', kind: 'yesno_text', text: 'Có thể giải quyết liên thông các thủ tục đó để giảm gánh nặng cho người dân, doanh nghiệp không? Nếu có, nêu các thủ tục liên thông, cách thực hiện và cơ quan đầu mối tiếp nhận.', askedWhen: { key: 'q11', choice: 'yes' } },
      { key: 'q12', number: '12', kind: 'yesno', text: 'Từ các câu trả lời 5 – 11, thủ tục có hợp lý, phù hợp không?' },
    ],
  },
  {
    key: 'legality', title: 'III. TÍNH HỢP PHÁP CỦA THỦ TỤC HÀNH CHÍNH', questions: [
      { key: 'q13', number: '13', kind: 'yesno_text', text: 'Thủ tục có được quy định đúng thẩm quyền không? Nếu toàn bộ hoặc một phần không đúng thẩm quyền (trình tự, cách thức; hồ sơ; thời hạn; cơ quan thực hiện; nội dung khác), nêu rõ nội dung và lý do.', prefill: legalBasis },
      { key: 'q14', number: '14', kind: 'yesno_text', text: 'Nội dung thủ tục có trái với quy định trong văn bản của cơ quan cấp trên không? Nếu có, nêu nội dung trái, điều khoản và tên, số, ngày của văn bản cấp trên tương ứng.' },
      { key: 'q15', number: '15', kind: 'yesno', text: 'Từ các câu trả lời 13 – 14, thủ tục có hợp pháp không?' },
    ],
  },
  {
    key: 'cost', title: 'IV. CHI PHÍ THỰC HIỆN THỦ TỤC HÀNH CHÍNH', questions: [
      { key: 'q16', number: '16', kind: 'yesno_text', text: 'Khi thực hiện thủ tục có phải nộp phí, lệ phí không? Nếu có, nêu mức thu và tổng số thu của cơ quan trong một năm.', prefill: fees },
      { key: 'q16c', number: '16.c', kind: 'yesno_text', text: 'Mức thu đó có hợp lý không? Nếu không, đề xuất mức thu cụ thể và lý do.', askedWhen: { key: 'q16', choice: 'yes' } },
      { key: 'q17', number: '17', kind: 'text', text: 'Chi phí tuân thủ thủ tục hành chính (Điều 27 Thông tư số 02/2017/TT-VPCP): chi phí một hồ sơ và cả năm theo bảng tính dưới đây; nhận xét của người rà soát.', prefill: complianceCost },
    ],
  },
];

/** The form of one procedure version, each question with the figures its prefill reads from the data. */
export function reviewForm(input: FormFacts & { code?: string }): ReviewForm {
  return {
    code: input.code ?? REVIEW_FORM_CODE,
    title: REVIEW_FORM_TITLE,
    basis: REVIEW_FORM_BASIS,
    sections: SECTIONS.map((s) => ({
      key: s.key,
      title: s.title,
      questions: s.questions.map((q) => ({
        key: q.key, number: q.number, text: q.text, kind: q.kind,
        prefill: q.prefill ? q.prefill(input) : null,
        askedWhen: q.askedWhen ?? null,
        endsFormWhen: q.endsFormWhen ?? null,
      })),
    })),
  };
}

/** Every question key of the form, in order. */
export const questionKeys = (form: ReviewForm): string[] => form.sections.flatMap((s) => s.questions.map((q) => q.key));

/** Whether a question is asked given the answers so far (its condition met, and no earlier answer ended the form). */
export function askedQuestions(form: ReviewForm, answers: Answers): ReviewQuestion[] {
  const out: ReviewQuestion[] = [];
  for (const q of form.sections.flatMap((s) => s.questions)) {
    if (q.askedWhen && answers[q.askedWhen.key]?.choice !== q.askedWhen.choice) continue;
    out.push(q);
    if (q.endsFormWhen && answers[q.key]?.choice === q.endsFormWhen) break;
  }
  return out;
}

/** The yes/no questions still to answer before the form can be submitted, in the form's order. */
export function missingAnswers(form: ReviewForm, answers: Answers): ReviewQuestion[] {
  return askedQuestions(form, answers).filter((q) => q.kind !== 'text' && answers[q.key]?.choice === undefined);
}
