import { renderPdf, signatureRow, type Content } from '../../../platform/documents/index.js';
import { OFFICIAL_PAGE_MARGINS, mm, officialDocument, officialHeading, officialTitle } from '../../../platform/documents/official-style.js';
import { groupRuns, type Cell, type ReportContent, type ReportTable } from './report-content.js';

/**
 * The report as a PDF with the workbook's content: Decree 30's heading and margins on A4 landscape, since
 * the first table has sixteen columns that do not fit 165 mm at a legible size.
 */
const [LEFT, , RIGHT] = OFFICIAL_PAGE_MARGINS;
const USABLE = mm(297) - LEFT - RIGHT;
const SIZE = 10;

/**
 * Widths in points from the columns' shares of the page: pdfmake adds 4 pt of padding either side of each
 * cell (and the rules) on top of the width it is given, and a column narrower than "STT" in bold is raised
 * to it at the expense of the others.
 */
export function columnWidths(shares: number[], usable = USABLE, least = 22): number[] {
  const room = usable - shares.length * 9;
  const total = shares.reduce((a, b) => a + b, 0);
  const raw = shares.map((w) => (room * w) / total);
  const small = raw.map((w) => w < least);
  const fixed = small.filter(Boolean).length * least;
  const rest = raw.reduce((a, w, i) => a + (small[i] ? 0 : w), 0);
  return raw.map((w, i) => (small[i] ? least : (w * (room - fixed)) / rest));
}

const text = (value: Cell): string => (value === null ? '' : typeof value === 'number' ? value.toLocaleString('vi-VN') : value);

function table(t: ReportTable): Content[] {
  const out: Content[] = [{ text: t.title, bold: true, margin: [0, 6, 0, 4], fontSize: 12 }];
  if (!t.rows.length && t.empty && !t.total) return [...out, { text: t.empty, italics: true, margin: [0, 0, 0, 6] }];
  const widths = columnWidths(t.columns.map((c) => c.width));
  const grouped = t.columns.some((c) => c.group);
  const headerCell = (header: string, extra: Record<string, unknown> = {}) => ({ text: header, bold: true, alignment: 'center', fontSize: SIZE, ...extra });
  const header: unknown[][] = [];
  if (!grouped) header.push(t.columns.map((c) => headerCell(c.header)));
  else {
    const top: unknown[] = [];
    const second: unknown[] = [];
    for (const [first, span, group] of groupRuns(t.columns)) {
      if (group === null) {
        top.push(headerCell(t.columns[first]!.header, { rowSpan: 2 }));
        second.push({});
      } else {
        top.push(headerCell(group, { colSpan: span }), ...Array.from({ length: span - 1 }, () => ({})));
        for (let i = first; i < first + span; i++) second.push(headerCell(t.columns[i]!.header));
      }
    }
    header.push(top, second);
  }
  const line = (cells: Cell[], bold: boolean) => t.columns.map((c, i) => ({
    text: text(cells[i] ?? null), bold, fontSize: SIZE, alignment: c.kind === 'text' && i > 0 ? 'left' : 'center',
  }));
  const body: unknown[][] = [...t.rows.map((cells) => line(cells, false)), ...(t.total ? [line(t.total, true)] : [])];
  if (!t.rows.length && t.empty) body.unshift(t.columns.map((_c, i) => (i === 1 ? { text: t.empty ?? '', italics: true, fontSize: SIZE } : { text: '' })));
  return [...out, {
    table: { headerRows: header.length, dontBreakRows: true, widths, body: [...header, ...body] },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
    margin: [0, 0, 0, 6],
  } as Content];
}

export async function reportPdf(c: ReportContent): Promise<Buffer> {
  const content: Content[] = [
    officialHeading({ managingBody: c.agency.managingBody ?? undefined, issuingUnit: c.agency.name, number: `Số:${'\u00a0'.repeat(8)}/BC`, placeDate: c.placeDate }),
    officialTitle(c.title, c.subject),
    { text: c.periodLabel, bold: true, alignment: 'center' },
    { text: c.periodSpan, italics: true, alignment: 'center' },
    { text: c.scopeLine, italics: true, alignment: 'center', margin: [0, 0, 0, 8] },
  ];
  for (const section of c.sections) {
    content.push({ text: section.heading, bold: true, margin: [0, 8, 0, 2] });
    for (const t of section.tables) content.push(...table(t));
  }
  content.push(signatureRow([{ title: 'Người lập biểu', note: '(Ký, ghi rõ họ tên)' }, { title: 'Thủ trưởng đơn vị', note: '(Ký tên, đóng dấu)' }]));
  return renderPdf(officialDocument(content, { title: `${c.title} ${c.subject} - ${c.periodLabel}`, pageOrientation: 'landscape', fontSize: 12 }));
}
