/**
 * Building blocks for the presentation of administrative documents under Decree 30/2020/NĐ-CP,
 * Appendix I (thể thức và kỹ thuật trình bày văn bản hành chính). Sizes follow the ranges it sets:
 * national name 12–13 pt bold capitals, motto 13–14 pt bold and underlined over its full length, agency
 * names 12–13 pt capitals with the issuing unit bold and a short rule beneath, place and date 13–14 pt
 * italic, title 13–14 pt bold capitals, body 13–14 pt.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { estimateTextWidth } from './text-fit.js';

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** Millimetres to PDF points. */
export const mm = (millimetres: number): number => (millimetres * 72) / 25.4;

/** Decree 30, Appendix I, I.4: A4, margins top 20–25 mm, bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const OFFICIAL_PAGE_MARGINS: [number, number, number, number] = [mm(30), mm(20), mm(15), mm(20)];

export interface OfficialHeadingOptions {
  /** Cơ quan chủ quản, e.g. "UBND tỉnh Lai Châu"; printed in capitals. */
  managingBody?: string | undefined;
  /** Cơ quan, đơn vị ban hành; printed bold in capitals. */
  issuingUnit: string;
  /** The number line under the agency block, e.g. "Số: 16/TB-TTPVHCC" or "Mã hồ sơ: …". */
  number?: string | undefined;
  /** The place and date line under the motto, already worded (see `officialPlaceDate`). */
  placeDate?: string | undefined;
}

/** A centred horizontal rule of `length` points, drawn as a vector so it prints at an exact length. */
function centredRule(length: number, topMargin = 1): Content {
  return {
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: length, y2: 0, lineWidth: 0.6 }],
    alignment: 'center',
    margin: [0, topMargin, 0, 0],
  };
}

/**
 * Decree 30/2020, Appendix I, II.2(a): the managing body's name may shorten the common phrases
 * "Ủy ban nhân dân" (UBND) and "Hội đồng nhân dân" (HĐND); it saves a line in the narrow agency
 * column, which the issuing unit's own name (never shortened) needs more.
 */
export function abbreviateManagingBody(name: string): string {
  return name.replace(/[UỦ][yỷ] ban nhân dân/giu, 'UBND').replace(/hội đồng nhân dân/giu, 'HĐND');
}

/**
 * The heading of an official document: the agency block on the left, the national name and motto on the
 * right, and on the row beneath them the document number (left) and the place and date (right).
 */
export function officialHeading(options: OfficialHeadingOptions): Content {
  const unitName = options.issuingUnit.toLocaleUpperCase('vi');
  // The rule under the issuing unit is between a third and half of the line above it (Appendix I, II.2).
  const unitLineWidth = Math.min(estimateTextWidth(unitName.split('\n').at(-1) ?? unitName, 12.5, true), 180);
  const agency: Content[] = [];
  if (options.managingBody) {
    agency.push({ text: abbreviateManagingBody(options.managingBody).toLocaleUpperCase('vi'), fontSize: 12.5 });
  }
  agency.push({ text: unitName, fontSize: 12.5, bold: true }, centredRule(Math.max(unitLineWidth * 0.4, 36)));
  if (options.number) agency.push({ text: options.number, fontSize: 13, margin: [0, 6, 0, 0] });

  const nation: Content[] = [
    { text: NATIONAL_NAME, fontSize: 12, bold: true },
    { text: NATIONAL_MOTTO, fontSize: 13, bold: true, decoration: 'underline' },
  ];
  if (options.placeDate) {
    nation.push({ text: options.placeDate, fontSize: 13, italics: true, margin: [0, 8, 0, 0] });
  }

  return {
    columns: [
      { width: '40%', stack: agency, alignment: 'center' },
      { width: '60%', stack: nation, alignment: 'center' },
    ],
    columnGap: 6,
    margin: [0, 0, 0, 14],
  };
}

/** Tên loại và trích yếu: the document type in bold capitals, the subject in bold beneath it. */
export function officialTitle(title: string, subtitle?: string): Content {
  const stack: Content[] = [{ text: title.toLocaleUpperCase('vi'), fontSize: 14, bold: true }];
  if (subtitle) stack.push({ text: subtitle, fontSize: 13, bold: true, margin: [0, 2, 0, 0] });
  return { stack, alignment: 'center', margin: [0, 4, 0, 12] };
}

export interface SignatureOptions {
  /** Who signs, e.g. "NGƯỜI NỘP HỒ SƠ" or "GIÁM ĐỐC"; printed bold in capitals. */
  title: string;
  /** The signing-authority prefix of Decree 30 (TM., KT., Q., TL., TUQ.) on its own line above the title. */
  authority?: string | undefined;
  /** E.g. "(Ký và ghi rõ họ tên)". */
  note?: string | undefined;
  /** Full name, printed bold under the space left for the signature. */
  name?: string | undefined;
  /** Space left for the handwritten signature and seal, in points. */
  space?: number | undefined;
}

export function signatureBlock(options: SignatureOptions): Content {
  const stack: Content[] = [];
  if (options.authority) stack.push({ text: options.authority, bold: true });
  stack.push({ text: options.title.toLocaleUpperCase('vi'), bold: true });
  if (options.note) stack.push({ text: options.note, italics: true, fontSize: 12 });
  stack.push({ text: ' ', margin: [0, 0, 0, options.space ?? 60] });
  if (options.name) stack.push({ text: options.name, bold: true });
  return { stack, alignment: 'center', unbreakable: true };
}

/** Signature blocks side by side in equal columns (e.g. the applicant and the receiving officer). */
export function signatureRow(blocks: SignatureOptions[]): Content {
  return {
    columns: blocks.map((block) => ({ width: '*', stack: [signatureBlock(block)] })),
    columnGap: 12,
    margin: [0, 12, 0, 0],
    unbreakable: true,
  };
}

export interface OfficialDocumentOptions {
  title?: string | undefined;
  pageOrientation?: 'portrait' | 'landscape' | undefined;
  pageSize?: 'A4' | 'A5' | undefined;
  fontSize?: number | undefined;
  /** Line height as a multiple of the font size. */
  lineHeight?: number | undefined;
  /** Page margins in points, [left, top, right, bottom]; defaults to Decree 30's. */
  margins?: [number, number, number, number] | undefined;
}

/** A document definition with Decree 30's page, margins and body text. */
export function officialDocument(content: Content[], options: OfficialDocumentOptions = {}): TDocumentDefinitions {
  return {
    pageSize: options.pageSize ?? 'A4',
    pageOrientation: options.pageOrientation ?? 'portrait',
    pageMargins: options.margins ?? OFFICIAL_PAGE_MARGINS,
    info: options.title ? { title: options.title } : {},
    defaultStyle: { fontSize: options.fontSize ?? 13, lineHeight: options.lineHeight ?? 1.1 },
    content,
  };
}
