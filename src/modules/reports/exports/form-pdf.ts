import { renderPdf, type Content } from '../../../platform/documents/index.js';
import { mm, officialDocument, officialHeading, officialTitle, signatureRow } from '../../../platform/documents/official-style.js';
import { officialPlaceDate } from '../../../platform/documents/vi-format.js';
import type { SlipAgency } from '../../org/agency-heading.js';
import { headerGroups, type FormSheet } from './form-sheet.js';

/** A statutory form as a landscape A4 PDF with the Decree 30 heading, the same columns as its workbook. */
export async function formPdf(form: FormSheet, agency: SlipAgency, issuedAt: Date): Promise<Buffer> {
  const cols = form.columns;
  const cell = (text: string | number, extra: Record<string, unknown> = {}) => ({ text: String(text), alignment: 'center', fontSize: 9, ...extra });
  const upper: unknown[] = [cell('STT', { rowSpan: 2, bold: true }), cell(form.rowHeader, { rowSpan: 2, bold: true })];
  for (const [, span, name] of headerGroups(cols)) {
    upper.push(cell(name, { colSpan: span, bold: true }));
    for (let i = 1; i < span; i++) upper.push({});
  }
  const lower: unknown[] = [{}, {}, ...cols.map((c) => cell(c.name, { bold: true }))];
  const numbers = [...Array(cols.length + 2).keys()].map((i) => cell(`(${i + 1})`, { italics: true, fontSize: 8 }));
  const body = form.rows.map((row, i) => [cell(i + 1), cell(row.name, { alignment: 'left' }), ...row.values.map((v) => cell(v))]);
  const total = [cell(''), cell('Tổng cộng', { bold: true, alignment: 'left' }), ...form.total.map((v) => cell(v, { bold: true }))];
  const content: Content[] = [
    officialHeading({ managingBody: agency.managingBody ?? undefined, issuingUnit: agency.name, placeDate: officialPlaceDate(agency.place, issuedAt) }),
    { text: form.formNumber, alignment: 'right', italics: true, fontSize: 10 },
    officialTitle(form.title, form.subtitle),
    { text: form.period, alignment: 'center', italics: true, margin: [0, 0, 0, 8] },
    {
      table: { headerRows: 3, widths: [22, '*', ...cols.map(() => (cols.length > 6 ? 38 : 110))], body: [upper, lower, numbers, ...body, total] },
      layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
    } as Content,
    signatureRow([{ title: 'Người lập biểu', note: '(Ký, ghi rõ họ tên)' }, { title: 'Thủ trưởng đơn vị', note: '(Ký tên, đóng dấu)' }]),
  ];
  return renderPdf(officialDocument(content, { title: `Biểu ${form.code}`, pageOrientation: 'landscape', fontSize: 11, margins: [mm(15), mm(15), mm(15), mm(15)] }));
}
