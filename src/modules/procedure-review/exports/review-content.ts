import { formatViDate, formatViInteger, officialPlaceDate } from '../../../platform/documents/vi-format.js';
import { slipAgency, type SlipAgency } from '../../org/agency-heading.js';
import { RECOMMENDATION_LABELS, type Review } from '../reviews.view.js';
import { askedQuestions, decimal, moneyDecimal, type Choice } from '../rules/review-form.js';

/**
 * The wording and the tables of the review form, shared by the DOCX and PDF builders so the two files
 * never say different things; each builder only decides how they look.
 */

export type DocQuestion = {
  number: string; text: string;
  /** A yes/no conclusion (questions 4, 12, 15) has no room for an explanation. */
  explains: boolean;
  /** null for a question that takes text only. */
  choice: { value: Choice | null } | null;
  /** Not asked: an earlier answer made it moot (the annex's "Nếu câu trả lời … là KHÔNG"). */
  skipped: boolean;
  prefill: string | null;
  answer: string | null;
};
export type DocTable = { columns: { header: string; width: number; align: 'left' | 'center' | 'right' }[]; rows: string[][]; total: string[] };
export type Signer = { title: string; name: string | null; day: string | null };
export type ReviewDocument = {
  agency: SlipAgency;
  placeDate: string;
  formCode: string;
  title: string;
  draftNote: string | null;
  procedure: { label: string; value: string }[];
  sections: { title: string; questions: DocQuestion[] }[];
  costTitle: string;
  wageLine: string;
  costTable: DocTable;
  costSummary: string[];
  conclusion: string | null;
  recommendation: { label: string; checked: boolean }[];
  signers: [Signer, Signer];
  fileTitle: string;
};

export const BLANK_LINE = '.'.repeat(120);
export const YES = 'Có';
export const NO = 'Không';
export const SKIPPED = '(Không phải trả lời)';
export const PREFILL_LABEL = 'Số liệu từ hệ thống: ';
export const ANSWER_LABEL = 'Giải trình: ';

/** "1.250.000". */
export const money = (n: number): string => formatViInteger(n);
function costTable(review: Review): DocTable {
  const s = review.cost.sheet;
  return {
    columns: [
      { header: 'STT', width: 6, align: 'center' },
      { header: 'Hoạt động', width: 38, align: 'left' },
      { header: 'Số giờ', width: 10, align: 'center' },
      { header: 'Số lần', width: 10, align: 'center' },
      { header: 'Chi phí trực tiếp (đồng)', width: 17, align: 'right' },
      { header: 'Chi phí một hồ sơ (đồng)', width: 19, align: 'right' },
    ],
    rows: s.lines.map((l, i) => [String(i + 1), l.label, decimal(l.hours), decimal(l.times, 4), money(l.cashVnd), money(l.totalVnd)]),
    total: ['', 'Cộng một hồ sơ', decimal(s.perDossier.hours), '', money(s.perDossier.directVnd), money(s.perDossier.totalVnd)],
  };
}

function costSummary(review: Review): string[] {
  const { sheet: s, period } = review.cost;
  return [
    `Chi phí tuân thủ một hồ sơ: ${money(s.perDossier.totalVnd)} đồng (thời gian ${money(s.perDossier.workVnd)} đồng; chi phí trực tiếp ${money(s.perDossier.directVnd)} đồng).`,
    `Số hồ sơ một năm: ${money(s.yearlyDossiers)} (theo số hồ sơ tiếp nhận từ ${formatViDate(period.from)} đến ${formatViDate(period.to)}).`,
    `Chi phí tuân thủ một năm: ${money(s.yearly.totalVnd)} đồng.`,
  ];
}

function wageLine(review: Review): string {
  const w = review.cost.sheet.wage;
  const source = w.source.trim().replace(/\.$/, '');
  return `Tiền công một giờ (tham số năm ${w.year}): ${moneyDecimal(w.hourlyRateVnd)} đồng = thu nhập bình quân ${money(w.monthlyIncomeVnd)} đồng/tháng ÷ (${w.workingDaysPerMonth} ngày × ${w.hoursPerDay} giờ); nguồn: ${source || 'chưa ghi'}.`;
}

/** The day of the last event of `action` (the submission, the approval), as dd/mm/yyyy. */
function dayOf(review: Review, action: string): string | null {
  const last = [...review.history].reverse().find((e) => e.action === action);
  return last ? formatViDate(last.at) : null;
}

function sections(review: Review): ReviewDocument['sections'] {
  const asked = new Set(askedQuestions(review.form, review.answers).map((q) => q.key));
  return review.form.sections.map((s) => ({
    title: s.title,
    questions: s.questions.map((q) => {
      const a = review.answers[q.key];
      return {
        number: q.number, text: q.text, explains: q.kind !== 'yesno',
        choice: q.kind === 'text' ? null : { value: a?.choice ?? null },
        skipped: !asked.has(q.key), prefill: q.prefill, answer: a?.text?.trim() || null,
      };
    }),
  }));
}

/** Everything the form prints, from the review as the API shows it and the org tree for the heading. */
export function reviewDocument(review: Review, units: Parameters<typeof slipAgency>[0], printedOn: string): ReviewDocument {
  const agency = slipAgency(units, review.agencyUnitId);
  const version = review.cost.version;
  return {
    agency,
    placeDate: officialPlaceDate(agency.place || '…', review.approvedAt ?? printedOn),
    formCode: `Mẫu số ${review.form.code}`,
    title: review.form.title,
    draftNote: review.status === 'approved' ? null : `(Bản ${review.statusLabel.toLocaleLowerCase('vi')}, chưa được phê duyệt; số liệu tính đến ngày ${formatViDate(printedOn)})`,
    procedure: [
      { label: 'Tên thủ tục hành chính', value: review.procedureName },
      { label: 'Mã thủ tục', value: `${review.procedureCode} (phiên bản ${review.versionNo}${version.effectiveFrom ? `, có hiệu lực từ ${formatViDate(version.effectiveFrom)}` : ''})` },
      { label: 'Cơ quan rà soát', value: review.agencyUnitName },
      { label: 'Năm rà soát', value: String(review.year) },
      { label: 'Căn cứ', value: review.form.basis },
    ],
    sections: sections(review),
    costTitle: 'BẢNG TÍNH CHI PHÍ TUÂN THỦ THỦ TỤC HÀNH CHÍNH',
    wageLine: wageLine(review),
    costTable: costTable(review),
    costSummary: costSummary(review),
    conclusion: review.conclusion?.trim() || null,
    recommendation: (Object.keys(RECOMMENDATION_LABELS) as (keyof typeof RECOMMENDATION_LABELS)[]).map((k) => ({ label: RECOMMENDATION_LABELS[k], checked: review.recommendation === k })),
    signers: [
      { title: 'NGƯỜI RÀ SOÁT', name: review.reviewerName, day: dayOf(review, 'review_submitted') },
      { title: 'LÃNH ĐẠO CƠ QUAN PHÊ DUYỆT', name: review.approvedByName, day: review.approvedAt ? formatViDate(review.approvedAt) : null },
    ],
    fileTitle: `Phiếu rà soát thủ tục ${review.procedureCode} - ${review.agencyUnitName} - ${review.year}`,
  };
}

/** The lines beneath a paragraph of text the user typed: one paragraph per line, blank lines dropped. */
export const paragraphs = (text: string): string[] => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
