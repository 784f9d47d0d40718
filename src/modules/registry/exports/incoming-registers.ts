import { renderPdf, type Content } from '../../../platform/documents/index.js';
import { OFFICIAL_PAGE_MARGINS, abbreviateManagingBody, mm, officialDocument } from '../../../platform/documents/official-style.js';
import { progressLabel } from '../incoming-rules.js';
import { CONFIDENTIALITY_LABELS, STATUS_LABELS, URGENCY_LABELS } from '../registry-labels.js';
import type { DocumentRow } from '../registry.context.js';
import { documentTypeName } from '../rules/document-types.js';
import type { IsoDay, IsWorkingDay } from '../rules/routing.js';
import { fold } from '../rules/search.js';

/**
 * The incoming registers of Decree 30/2020 Appendix IV (DOMAIN §9): Sổ đăng ký văn bản đến (10 columns)
 * and Sổ theo dõi giải quyết văn bản đến (7 columns), drawn from the documents as one sheet that the API
 * answers as JSON and prints as PDF. Registered electronically, they are printed, signed and bound
 * (Appendix IV), hence the "Ký nhận" column left blank for the hand signature.
 */
export type RegisterColumn = { key: string; label: string; width: number };
export type RegisterSheet = {
  kind: 'incoming' | 'tracking';
  title: string;
  agency: { unitId: number; name: string; managingBody: string | null };
  from: IsoDay;
  to: IsoDay;
  period: string;
  columns: RegisterColumn[];
  rows: (Record<string, string> & { documentId: string })[];
};

/** What the service hands over per document: the row, who handles it, and the reply's symbol. */
export type RegisterEntry = {
  row: DocumentRow;
  handlers: { role: 'lead' | 'coordinate'; name: string }[];
  replySymbol: string | null;
  /** Confidential and the caller is not among those who read confidential documents: the subject is not printed. */
  masked: boolean;
};

export const dmy = (d: IsoDay | null | undefined): string => (d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : '');
const vnDayOf = (at: Date | null): IsoDay | null => (at ? new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10) : null);
export const periodLine = (from: IsoDay, to: IsoDay) => `Từ ngày ${dmy(from)} đến ngày ${dmy(to)}`;

/** "Tên loại và trích yếu": the type's name before the subject, unless the subject already starts with it. */
function typeAndSubject(e: RegisterEntry): string {
  const name = documentTypeName(e.row.doc_type);
  if (e.masked) return `${name} (${CONFIDENTIALITY_LABELS[e.row.confidentiality].toLowerCase()}: trích yếu không hiển thị)`;
  return fold(e.row.subject).startsWith(fold(name)) ? e.row.subject : `${name} ${e.row.subject}`;
}

const handlerNames = (e: RegisterEntry) => [...e.handlers.filter((h) => h.role === 'lead'), ...e.handlers.filter((h) => h.role === 'coordinate')].map((h) => h.name).join('; ');

function remarks(e: RegisterEntry): string {
  const parts: string[] = [];
  if (e.row.urgency !== 'normal') parts.push(URGENCY_LABELS[e.row.urgency]);
  if (e.row.confidentiality !== 'normal') parts.push(CONFIDENTIALITY_LABELS[e.row.confidentiality]);
  if (e.row.status === 'returned' || e.row.status === 'recalled') parts.push(STATUS_LABELS[e.row.status]);
  if (e.row.note && !e.masked) parts.push(e.row.note);
  return parts.join('. ');
}

const INCOMING_COLUMNS: RegisterColumn[] = [
  { key: 'arrivalOn', label: 'Ngày đến', width: 8 },
  { key: 'arrivalNumber', label: 'Số đến', width: 6 },
  { key: 'author', label: 'Tác giả', width: 13 },
  { key: 'symbol', label: 'Số, ký hiệu văn bản', width: 11 },
  { key: 'issuedOn', label: 'Ngày tháng văn bản', width: 8 },
  { key: 'subject', label: 'Tên loại và trích yếu nội dung', width: 24 },
  { key: 'recipient', label: 'Đơn vị hoặc người nhận', width: 13 },
  { key: 'handedOn', label: 'Ngày chuyển', width: 8 },
  { key: 'signature', label: 'Ký nhận', width: 8 },
  { key: 'note', label: 'Ghi chú', width: 9 },
];

const TRACKING_COLUMNS: RegisterColumn[] = [
  { key: 'arrivalNumber', label: 'Số đến', width: 6 },
  { key: 'document', label: 'Tên loại, số, ký hiệu, ngày tháng và cơ quan ban hành', width: 30 },
  { key: 'recipient', label: 'Đơn vị hoặc người nhận', width: 16 },
  { key: 'dueOn', label: 'Thời hạn giải quyết', width: 10 },
  { key: 'progress', label: 'Tiến độ giải quyết', width: 16 },
  { key: 'reply', label: 'Số, ký hiệu văn bản trả lời', width: 12 },
  { key: 'note', label: 'Ghi chú', width: 10 },
];

type SheetBase = Pick<RegisterSheet, 'agency' | 'from' | 'to'>;

export function incomingRegister(base: SheetBase, entries: RegisterEntry[]): RegisterSheet {
  return {
    kind: 'incoming', title: 'Sổ đăng ký văn bản đến', ...base, period: periodLine(base.from, base.to), columns: INCOMING_COLUMNS,
    rows: entries.map((e) => ({
      documentId: String(e.row.id),
      arrivalOn: dmy(e.row.arrival_on), arrivalNumber: String(e.row.arrival_number ?? ''), author: e.row.issuer_name ?? '', symbol: e.row.symbol ?? '',
      issuedOn: dmy(e.row.issued_on), subject: typeAndSubject(e), recipient: handlerNames(e), handedOn: dmy(vnDayOf(e.row.routed_at)), signature: '', note: remarks(e),
    })),
  };
}

export function trackingRegister(base: SheetBase, entries: RegisterEntry[], today: IsoDay, isWorking: IsWorkingDay): RegisterSheet {
  return {
    kind: 'tracking', title: 'Sổ theo dõi giải quyết văn bản đến', ...base, period: periodLine(base.from, base.to), columns: TRACKING_COLUMNS,
    rows: entries.map((e) => ({
      documentId: String(e.row.id),
      arrivalNumber: String(e.row.arrival_number ?? ''),
      document: `${documentTypeName(e.row.doc_type)} số ${e.row.symbol ?? '…'}${e.row.issued_on ? ` ngày ${dmy(e.row.issued_on)}` : ''}${e.row.issuer_name ? ` của ${e.row.issuer_name}` : ''}`,
      recipient: handlerNames(e),
      dueOn: dmy(e.row.due_on),
      progress: progressLabel({ status: e.row.status, dueOn: e.row.due_on, doneOn: vnDayOf(e.row.done_at) }, today, isWorking),
      reply: e.replySymbol ?? '',
      note: remarks(e),
    })),
  };
}

/** The agency block of a register or slip: managing body, then the agency in bold with a short rule (Appendix I, II.2). */
export function agencyBlock(agency: { name: string; managingBody: string | null }): Content {
  const stack: Content[] = [];
  if (agency.managingBody) stack.push({ text: abbreviateManagingBody(agency.managingBody).toLocaleUpperCase('vi'), fontSize: 12 });
  stack.push({ text: agency.name.toLocaleUpperCase('vi'), fontSize: 12, bold: true });
  stack.push({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: 60, y2: 0, lineWidth: 0.6 }], alignment: 'center', margin: [0, 1, 0, 0] });
  return { columns: [{ width: 260, stack, alignment: 'center' }, { width: '*', text: '' }], margin: [0, 0, 0, 10] };
}

const [LEFT, , RIGHT] = OFFICIAL_PAGE_MARGINS;
const FONT = 10;

/** Column widths in points from the columns' shares; pdfmake adds 4 pt of padding each side of a cell and the rules. */
function widths(columns: RegisterColumn[]): number[] {
  const room = mm(297) - LEFT - RIGHT - columns.length * 8 - (columns.length + 1);
  const total = columns.reduce((a, c) => a + c.width, 0);
  return columns.map((c) => Math.floor((room * c.width) / total));
}

export async function registerPdf(sheet: RegisterSheet): Promise<Buffer> {
  const header = sheet.columns.map((c) => ({ text: c.label, bold: true, alignment: 'center', fontSize: FONT }));
  const numbers = sheet.columns.map((_c, i) => ({ text: `(${i + 1})`, italics: true, alignment: 'center', fontSize: FONT - 1 }));
  const body = sheet.rows.length
    ? sheet.rows.map((r) => sheet.columns.map((c) => ({ text: r[c.key] ?? '', fontSize: FONT, alignment: ['subject', 'document', 'author', 'recipient', 'progress', 'note'].includes(c.key) ? 'left' : 'center' })))
    : [sheet.columns.map((_c, i) => (i === 0 ? { text: 'Không có văn bản nào trong khoảng thời gian này.', italics: true, fontSize: FONT, colSpan: sheet.columns.length } : {}))];
  const content: Content[] = [
    agencyBlock(sheet.agency),
    { text: sheet.title.toLocaleUpperCase('vi'), bold: true, fontSize: 14, alignment: 'center' },
    { text: sheet.period, italics: true, alignment: 'center', margin: [0, 2, 0, 10] },
    {
      table: { headerRows: 2, dontBreakRows: true, widths: widths(sheet.columns), body: [header, numbers, ...body] },
      layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
    } as Content,
  ];
  return renderPdf(officialDocument(content, { title: `${sheet.title} - ${sheet.agency.name} - ${sheet.period}`, pageOrientation: 'landscape', fontSize: 11 }));
}
