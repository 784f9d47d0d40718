import { formatViDate, renderPdf, type Content } from '../../../platform/documents/index.js';
import { OFFICIAL_PAGE_MARGINS, mm, officialDocument, officialHeading, officialTitle } from '../../../platform/documents/official-style.js';
import { vnDay, type DocumentRow, type IsoDay } from '../registry.context.js';
import { CONFIDENTIALITY_LABELS, URGENCY_LABELS } from '../registry-labels.js';
import type { Recipient } from '../registry.tables.js';
import { documentTypeName } from '../rules/document-types.js';

/**
 * Sổ đăng ký văn bản đi (Decree 30 Appendix IV; DOMAIN §9): the ten columns, one row per released
 * document, the same in the JSON answer and the printed book. Registered electronically, the book is
 * printed and bound (Appendix IV), hence the PDF: A4 landscape, the agency's heading, the period.
 */
export const OUTGOING_REGISTER_COLUMNS = [
  { key: 'symbol', label: 'Số, ký hiệu văn bản', share: 10 },
  { key: 'issuedOn', label: 'Ngày tháng văn bản', share: 10 },
  { key: 'typeAndSubject', label: 'Tên loại và trích yếu nội dung', share: 24 },
  { key: 'signer', label: 'Người ký', share: 10 },
  { key: 'recipients', label: 'Nơi nhận văn bản', share: 15 },
  { key: 'fileCopy', label: 'Đơn vị, người nhận bản lưu', share: 12 },
  { key: 'copies', label: 'Số lượng bản', share: 5 },
  { key: 'sentOn', label: 'Ngày chuyển', share: 10 },
  { key: 'receivedBy', label: 'Ký nhận', share: 7 },
  { key: 'note', label: 'Ghi chú', share: 10 },
] as const;
type ColumnKey = (typeof OUTGOING_REGISTER_COLUMNS)[number]['key'];

/** Dates as the API gives them ('YYYY-MM-DD'); the printed book writes them dd/mm/yyyy. */
export type OutgoingRegisterRow = Record<ColumnKey, string | number | null> & { documentId: number; issuedOn: IsoDay | null; sentOn: IsoDay | null };

type Names = { unit(id: number | null): string; staff(id: number | null): { fullName: string } | null };

export function registerRow(row: DocumentRow, names: Names): OutgoingRegisterRow {
  const recipients = (row.recipients as Recipient[]).map((r) => (r.unitId ? names.unit(r.unitId) || r.name || '' : r.name ?? '')).filter(Boolean);
  const drafter = names.staff(row.drafted_by_staff_id)?.fullName;
  const unit = names.unit(row.drafting_unit_id);
  const note = [
    row.status === 'recalled' ? 'Đã thu hồi' : null,
    row.confidentiality !== 'normal' ? CONFIDENTIALITY_LABELS[row.confidentiality] : null,
    row.urgency !== 'normal' ? URGENCY_LABELS[row.urgency] : null,
    row.note,
  ].filter(Boolean).join('; ');
  return {
    documentId: row.id,
    symbol: row.symbol,
    issuedOn: row.issued_on,
    typeAndSubject: `${documentTypeName(row.doc_type)}: ${row.subject}`,
    signer: row.signer_name,
    recipients: recipients.join('; '),
    fileCopy: unit && drafter ? `${unit} (${drafter})` : unit || drafter || null,
    copies: row.copies,
    sentOn: row.released_at ? vnDay(row.released_at) : null,
    // Signed on the printed book by whoever takes a paper copy; an electronic delivery has its receipt instead.
    receivedBy: null,
    note: note || null,
  };
}

export type OutgoingRegisterBook = { managingBody: string | null; agencyName: string; from: IsoDay; to: IsoDay; rows: OutgoingRegisterRow[] };

export const periodLine = (from: IsoDay, to: IsoDay) => `Từ ngày ${formatViDate(from)} đến ngày ${formatViDate(to)}`;

const [LEFT, , RIGHT] = OFFICIAL_PAGE_MARGINS;
const SIZE = 10;

function widths(): number[] {
  // pdfmake adds 4 pt of padding either side of each cell to the width it is given.
  const room = mm(297) - LEFT - RIGHT - OUTGOING_REGISTER_COLUMNS.length * 9;
  const total = OUTGOING_REGISTER_COLUMNS.reduce((a, c) => a + c.share, 0);
  return OUTGOING_REGISTER_COLUMNS.map((c) => (room * c.share) / total);
}

const cellText = (key: ColumnKey, value: string | number | null): string =>
  value === null ? '' : (key === 'issuedOn' || key === 'sentOn') && typeof value === 'string' ? formatViDate(value) : String(value);

export async function outgoingRegisterPdf(book: OutgoingRegisterBook): Promise<Buffer> {
  const header = [
    OUTGOING_REGISTER_COLUMNS.map((c) => ({ text: c.label, bold: true, alignment: 'center', fontSize: SIZE })),
    OUTGOING_REGISTER_COLUMNS.map((_c, i) => ({ text: `(${i + 1})`, italics: true, alignment: 'center', fontSize: SIZE - 1 })),
  ];
  const body = book.rows.map((r) => OUTGOING_REGISTER_COLUMNS.map((c) => ({
    text: cellText(c.key, r[c.key]), fontSize: SIZE, alignment: c.key === 'typeAndSubject' || c.key === 'recipients' || c.key === 'fileCopy' || c.key === 'note' ? 'left' : 'center',
  })));
  if (!body.length) body.push(OUTGOING_REGISTER_COLUMNS.map((_c, i) => ({ text: i === 2 ? 'Không có văn bản nào trong kỳ.' : '', fontSize: SIZE, alignment: 'left' })));
  const content: Content[] = [
    officialHeading({ managingBody: book.managingBody ?? undefined, issuingUnit: book.agencyName }),
    officialTitle('Sổ đăng ký văn bản đi'),
    { text: periodLine(book.from, book.to), italics: true, alignment: 'center', margin: [0, -6, 0, 10] },
    { table: { headerRows: 2, dontBreakRows: true, widths: widths(), body: [...header, ...body] }, layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5 } } as Content,
  ];
  return renderPdf(officialDocument(content, { title: `Sổ đăng ký văn bản đi - ${book.agencyName} - ${periodLine(book.from, book.to)}`, pageOrientation: 'landscape', fontSize: 11 }));
}
