import { formatViDate, officialPlaceDate } from '../../../platform/documents/index.js';
import { abbreviateManagingBody } from '../../../platform/documents/official-style.js';
import type { ConsolidatedReport } from './consolidated.js';

/**
 * The wording and the tables of the consolidated report, shared by the DOCX, PDF and XLSX builders so
 * the three files never say different things; each builder only decides how they look.
 */

/** How a column's values are shown: the workbook keeps counts, rates and days as numbers and dates. */
export type ColumnKind = 'text' | 'count' | 'rate' | 'day';
export type Column = { header: string; kind: ColumnKind; /** share of the table's width, in percent */ width: number };
export type Cell = string | number | null;
export type ReportTable = { columns: Column[]; rows: Cell[][]; total?: Cell[]; empty: string };

export const SECTION = {
  overview: 'I. KHÁI QUÁT KẾT QUẢ THỰC HIỆN',
  units: 'II. KẾT QUẢ THỰC HIỆN CỦA CÁC ĐƠN VỊ CHỦ TRÌ',
  unitTable: '1. Tổng hợp theo đơn vị',
  unitAccounts: '2. Báo cáo của các đơn vị',
  tasks: 'III. KẾT QUẢ THỰC HIỆN TỪNG NHIỆM VỤ',
  overdue: 'IV. DANH SÁCH NHIỆM VỤ QUÁ HẠN',
  proposals: 'V. ĐỀ XUẤT, KIẾN NGHỊ',
} as const;

export const TITLE = 'BÁO CÁO';
export const SIGNER = { title: 'THỦ TRƯỞNG ĐƠN VỊ', note: '(Ký, ghi rõ họ tên, đóng dấu)' } as const;
export const RECIPIENTS_LABEL = 'Nơi nhận:';
/** "Như trên" points back at the "Kính gửi" line, which names the issuer of the steering document. */
export const RECIPIENTS = ['- Như trên;', '- Lưu: VT.'] as const;

export const day = (value: string | Date | null | undefined): string => (value ? formatViDate(value) : '');

/** "85,7%": Vietnamese writes the decimal with a comma; a rate with nothing to count shows a dash. */
export function rateText(rate: number | null): string {
  return rate === null ? '—' : `${String(Math.round(rate * 10) / 10).replace('.', ',')}%`;
}

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/** The number is left blank for the clerk, who gives it when the report is registered outgoing. */
export function numberLine(r: ConsolidatedReport): string {
  const blank = '\u00a0'.repeat(8);
  return `Số:${blank}/BC-${r.agencyCode?.trim() || '\u00a0'.repeat(6)}`;
}

export const placeDate = (r: ConsolidatedReport): string => officialPlaceDate(r.agency.place, r.issuedAt);

/** "Chỉ thị số 16/CT-UBND ngày 31/12/2014 của UBND tỉnh Lai Châu". */
export function documentReference(r: ConsolidatedReport): string {
  const d = r.document;
  return `${d.docTypeLabel} số ${d.number} ngày ${day(d.signedOn)} của ${abbreviateManagingBody(d.issuer)}`;
}

/** Trích yếu: what the report is about, then the period on its own line. */
export function subjectLines(r: ConsolidatedReport): string[] {
  const about = r.document.subject.trim();
  const tail = about ? ` ${/^về(\s|$)/iu.test(about) ? lowerFirst(about) : `về ${lowerFirst(about)}`}` : '';
  return [`Kết quả thực hiện ${documentReference(r)}${tail}`, r.period.label];
}

export const periodSpan = (r: ConsolidatedReport): string => `(Từ ngày ${day(r.period.startsOn)} đến ngày ${day(r.period.endsOn)})`;

export const addressee = (r: ConsolidatedReport): string => `Kính gửi: ${r.document.issuer}.`;

export function opening(r: ConsolidatedReport): string {
  const t = r.totals;
  return `Thực hiện ${documentReference(r)}; căn cứ báo cáo của ${t.unitsReported}/${t.unitsResponsible} đơn vị chủ trì, `
    + `${r.agency.name} báo cáo kết quả thực hiện ${lowerFirst(r.period.label)} như sau:`;
}

/** The figures of section I as label and value, the workbook's two columns. */
export function figures(r: ConsolidatedReport): { label: string; value: number | string; kind: ColumnKind }[] {
  const t = r.totals;
  return [
    { label: 'Tổng số nhiệm vụ', value: t.tasks, kind: 'count' },
    { label: 'Đã hoàn thành', value: t.completed, kind: 'count' },
    { label: '- Hoàn thành đúng hạn', value: t.completedOnTime, kind: 'count' },
    { label: '- Hoàn thành trễ hạn', value: t.completedLate, kind: 'count' },
    { label: 'Đang thực hiện', value: t.open, kind: 'count' },
    { label: '- Trong đó quá hạn', value: t.overdue, kind: 'count' },
    { label: 'Chưa phân công người phụ trách', value: t.notAssigned, kind: 'count' },
    { label: 'Đã hủy', value: t.cancelled, kind: 'count' },
    { label: 'Tỷ lệ hoàn thành (không tính nhiệm vụ đã hủy)', value: t.completionRate ?? '—', kind: 'rate' },
    { label: 'Số đơn vị chủ trì đã báo cáo', value: `${t.unitsReported}/${t.unitsResponsible}`, kind: 'text' },
  ];
}

/** Section I as the sentences an official would type. */
export function overviewSentences(r: ConsolidatedReport): string[] {
  const t = r.totals;
  return [
    `- Tổng số nhiệm vụ: ${t.tasks}${t.cancelled ? `, trong đó ${t.cancelled} nhiệm vụ đã hủy` : ''}.`,
    `- Đã hoàn thành: ${t.completed} nhiệm vụ (đúng hạn: ${t.completedOnTime}; trễ hạn: ${t.completedLate}).`,
    `- Đang thực hiện: ${t.open} nhiệm vụ, trong đó quá hạn: ${t.overdue}.`,
    `- Chưa phân công người phụ trách: ${t.notAssigned} nhiệm vụ.`,
    `- Tỷ lệ hoàn thành: ${rateText(t.completionRate)} (không tính nhiệm vụ đã hủy).`,
    `- Số đơn vị chủ trì đã gửi báo cáo: ${t.unitsReported}/${t.unitsResponsible}.`,
  ];
}

export const NO_UNITS = 'Không có đơn vị chủ trì nào trong kỳ báo cáo.';

const STT: Column = { header: 'STT', kind: 'count', width: 6 };

export function unitsTable(r: ConsolidatedReport): ReportTable {
  const t = r.totals;
  return {
    columns: [
      { ...STT, width: 7 }, { header: 'Đơn vị chủ trì', kind: 'text', width: 27 }, { header: 'Số nhiệm vụ', kind: 'count', width: 9 },
      { header: 'Hoàn thành', kind: 'count', width: 10 }, { header: 'Đang thực hiện', kind: 'count', width: 11 },
      { header: 'Quá hạn', kind: 'count', width: 9 }, { header: 'Tỷ lệ hoàn thành', kind: 'rate', width: 11 },
      { header: 'Đã báo cáo', kind: 'text', width: 16 },
    ],
    rows: r.units.map((u, i) => [i + 1, u.unitName, u.tasks, u.completed, u.open, u.overdue, u.completionRate,
      u.reported ? `Đã báo cáo${u.submittedAt ? ` (${day(u.submittedAt)})` : ''}` : 'Chưa báo cáo']),
    total: ['', 'Tổng cộng', t.tasks, t.completed, t.open, t.overdue, t.completionRate, `${t.unitsReported}/${t.unitsResponsible}`],
    empty: NO_UNITS,
  };
}

export function tasksTable(r: ConsolidatedReport): ReportTable {
  return {
    columns: [
      STT, { header: 'Mục', kind: 'text', width: 5 }, { header: 'Nội dung nhiệm vụ', kind: 'text', width: 23 },
      { header: 'Đơn vị chủ trì', kind: 'text', width: 13 }, { header: 'Người phụ trách', kind: 'text', width: 11 },
      { header: 'Hạn', kind: 'day', width: 9 }, { header: 'Tình trạng', kind: 'text', width: 13 },
      { header: 'Tiến độ (%)', kind: 'count', width: 7 }, { header: 'Kết quả', kind: 'text', width: 13 },
    ],
    rows: r.tasks.map((t, i) => [i + 1, t.ref, t.content, t.leadUnitName, t.assigneeName ?? '', t.dueOn,
      t.deadlineLabel ? `${t.statusLabel} (${t.deadlineLabel})` : t.statusLabel, t.progress, t.result]),
    empty: 'Văn bản không có nhiệm vụ nào.',
  };
}

export function overdueTable(r: ConsolidatedReport): ReportTable {
  return {
    columns: [
      STT, { header: 'Mục', kind: 'text', width: 6 }, { header: 'Nội dung nhiệm vụ', kind: 'text', width: 34 },
      { header: 'Đơn vị chủ trì', kind: 'text', width: 18 }, { header: 'Người phụ trách', kind: 'text', width: 14 },
      { header: 'Hạn', kind: 'day', width: 11 }, { header: 'Số ngày làm việc quá hạn', kind: 'count', width: 11 },
    ],
    rows: r.overdue.map((t, i) => [i + 1, t.ref, t.content, t.leadUnitName, t.assigneeName ?? '', t.dueOn, t.workingDaysLate]),
    empty: 'Không có nhiệm vụ quá hạn.',
  };
}

/** A cell as printed in the documents. */
export function cellText(kind: ColumnKind, value: Cell): string {
  if (value === null || value === '') return kind === 'rate' ? rateText(null) : '';
  if (kind === 'rate' && typeof value === 'number') return rateText(value);
  if (kind === 'day' && typeof value === 'string') return day(value);
  return String(value);
}

export type UnitAccount = { heading: string; status: string; parts: { label: string; lines: string[] }[] };

const NOTHING = 'Không có nội dung.';
const paragraphs = (text: string) => {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return lines.length ? lines : [NOTHING];
};

/** Each lead unit's own account; a unit that has not reported says so instead of showing blanks. */
export function unitAccounts(r: ConsolidatedReport): UnitAccount[] {
  return r.units.map((u, i) => ({
    heading: `2.${i + 1}. ${u.unitName}`,
    status: u.reported ? `Đã gửi báo cáo${u.submittedAt ? ` ngày ${day(u.submittedAt)}` : ''}.` : 'Đơn vị chưa gửi báo cáo trong kỳ.',
    parts: u.reported
      ? [
          { label: 'a) Kết quả thực hiện:', lines: paragraphs(u.narrative) },
          { label: 'b) Khó khăn, vướng mắc:', lines: paragraphs(u.difficulties) },
          { label: 'c) Đề xuất, kiến nghị:', lines: paragraphs(u.proposals) },
        ]
      : [],
  }));
}
