import { renderPdf, type Content } from '../../../platform/documents/index.js';
import { mm, officialDocument, officialHeading, officialTitle, signatureRow } from '../../../platform/documents/official-style.js';
import { officialPlaceDate } from '../../../platform/documents/vi-format.js';
import type { SlipAgency } from '../../org/agency-heading.js';
import type { Ii06aReport } from '../schema.js';
import { II06A_COLUMNS, ROW_HEADER, headerGroups, ii06aTitle } from './ii06a-layout.js';

/** Form II.06a as a landscape A4 PDF with the Decree 30 heading, the same columns as the workbook. */
export async function ii06aPdf(report: Ii06aReport, agency: SlipAgency, issuedAt: Date): Promise<Buffer> {
  const cols = II06A_COLUMNS;
  const cell = (text: string | number, extra: Record<string, unknown> = {}) => ({ text: String(text), alignment: 'center', fontSize: 9, ...extra });
  const upper: unknown[] = [cell('STT', { rowSpan: 2, bold: true }), cell(ROW_HEADER[report.groupBy], { rowSpan: 2, bold: true })];
  for (const [, span, name] of headerGroups(cols)) {
    upper.push(cell(name, { colSpan: span, bold: true }));
    for (let i = 1; i < span; i++) upper.push({});
  }
  const lower: unknown[] = [{}, {}, ...cols.map((c) => cell(c.name, { bold: true }))];
  const numbers = [...Array(cols.length + 2).keys()].map((i) => cell(`(${i + 1})`, { italics: true, fontSize: 8 }));
  const body = report.rows.map((row, i) => [cell(i + 1), cell(row.name || row.key, { alignment: 'left' }), ...cols.map((c) => cell(c.value(row)))]);
  const total = [cell(''), cell('Tổng cộng', { bold: true, alignment: 'left' }), ...cols.map((c) => cell(c.value(report.totals), { bold: true }))];
  const title = ii06aTitle(report);
  const content: Content[] = [
    officialHeading({ managingBody: agency.managingBody ?? undefined, issuingUnit: agency.name, placeDate: officialPlaceDate(agency.place, issuedAt) }),
    { text: 'Biểu số II.06a/VPCP/KSTT', alignment: 'right', italics: true, fontSize: 10 },
    officialTitle(title.title, title.subtitle),
    { text: title.period, alignment: 'center', italics: true, margin: [0, 0, 0, 8] },
    {
      table: { headerRows: 3, widths: [22, '*', ...cols.map(() => 38)], body: [upper, lower, numbers, ...body, total] },
      layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
    } as Content,
    signatureRow([{ title: 'Người lập biểu', note: '(Ký, ghi rõ họ tên)' }, { title: 'Thủ trưởng đơn vị', note: '(Ký tên, đóng dấu)' }]),
  ];
  return renderPdf(officialDocument(content, { title: 'Biểu II.06a', pageOrientation: 'landscape', fontSize: 11, margins: [mm(15), mm(15), mm(15), mm(15)] }));
}
