import { renderPdf, signatureBlock, type Content } from '../../../platform/documents/index.js';
import { OFFICIAL_PAGE_MARGINS, mm, officialDocument, officialHeading, officialTitle } from '../../../platform/documents/official-style.js';
import type { ConsolidatedReport } from './consolidated.js';
import {
  RECIPIENTS, RECIPIENTS_LABEL, SECTION, SIGNER, TITLE, NO_UNITS, addressee, cellText, numberLine, opening, overdueTable,
  overviewSentences, periodSpan, placeDate, subjectLines, tasksTable, unitAccounts, unitsTable, type ReportTable,
} from './consolidated-content.js';

/**
 * The consolidated report as a PDF with the same content as the DOCX. The page is Decree 30's A4
 * portrait, except the task table and the overdue list, which get landscape pages: nine columns of
 * Vietnamese text do not fit 165 mm at a legible size.
 */
const [LEFT, , RIGHT] = OFFICIAL_PAGE_MARGINS;
const USABLE = { portrait: mm(210) - LEFT - RIGHT, landscape: mm(297) - LEFT - RIGHT };

const body = (text: string, extra: Record<string, unknown> = {}): Content => ({ text, alignment: 'justify', leadingIndent: mm(10), margin: [0, 0, 0, 5], ...extra });
const heading = (text: string): Content => body(text, { bold: true, margin: [0, 4, 0, 5] });

function dataTable(t: ReportTable, width: number): Content {
  if (!t.rows.length) return body(t.empty, { italics: true });
  // pdfmake adds 4 pt of padding either side of each cell on top of the width it is given.
  const widths = t.columns.map((c) => (width * c.width) / 100 - 9);
  const align = (kind: string) => (kind === 'text' ? 'left' : 'center');
  const line = (cells: ReadonlyArray<string | number | null>, bold: boolean) =>
    t.columns.map((c, i) => ({ text: cellText(c.kind, cells[i] ?? null), alignment: align(c.kind), bold, fontSize: 10 }));
  const header = t.columns.map((c) => ({ text: c.header, alignment: 'center', bold: true, fontSize: 10 }));
  return {
    table: { headerRows: 1, dontBreakRows: true, widths, body: [header, ...t.rows.map((cells) => line(cells, false)), ...(t.total ? [line(t.total, true)] : [])] },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
    margin: [0, 2, 0, 8],
  } as Content;
}

function unitSection(r: ConsolidatedReport): Content[] {
  const out: Content[] = [heading(SECTION.units), heading(SECTION.unitTable), dataTable(unitsTable(r), USABLE.portrait), heading(SECTION.unitAccounts)];
  const accounts = unitAccounts(r);
  if (!accounts.length) out.push(body(NO_UNITS, { italics: true }));
  for (const a of accounts) {
    out.push(body(a.heading, { bold: true, italics: true }), body(a.status, { italics: true }));
    for (const part of a.parts) out.push(body(part.label, { italics: true }), ...part.lines.map((l) => body(l)));
  }
  return out;
}

function closing(): Content {
  const recipients: Content[] = [{ text: RECIPIENTS_LABEL, bold: true, italics: true, fontSize: 12 }, ...RECIPIENTS.map((e): Content => ({ text: e, fontSize: 11 }))];
  return {
    columns: [{ width: '45%', stack: recipients }, { width: '55%', stack: [signatureBlock({ title: SIGNER.title, note: SIGNER.note, space: 70 })] }],
    columnGap: 8,
    margin: [0, 10, 0, 0],
    unbreakable: true,
  };
}

export async function consolidatedPdf(r: ConsolidatedReport): Promise<Buffer> {
  const [subject, period] = subjectLines(r);
  const content: Content[] = [
    officialHeading({ managingBody: r.agency.managingBody ?? undefined, issuingUnit: r.agency.name, number: numberLine(r), placeDate: placeDate(r) }),
    officialTitle(TITLE, subject),
    { text: period ?? '', bold: true, alignment: 'center' },
    { text: periodSpan(r), italics: true, alignment: 'center' },
    { text: addressee(r), alignment: 'center', margin: [0, 8, 0, 12] },
    body(opening(r)),
    heading(SECTION.overview),
    ...overviewSentences(r).map((s) => body(s)),
    ...unitSection(r),
    { text: SECTION.tasks, bold: true, pageBreak: 'before', pageOrientation: 'landscape', margin: [0, 0, 0, 5] },
    dataTable(tasksTable(r), USABLE.landscape),
    heading(SECTION.overdue),
    dataTable(overdueTable(r), USABLE.landscape),
    { text: SECTION.proposals, bold: true, pageBreak: 'before', pageOrientation: 'portrait', margin: [0, 0, 0, 5] },
    // Dotted lines rather than blank space: on paper the official fills this section by hand.
    ...Array.from({ length: 3 }, (): Content => ({ text: '.'.repeat(160), margin: [0, 4, 0, 4], fontSize: 11 })),
    closing(),
  ];
  return renderPdf(officialDocument(content, { title: `Báo cáo kết quả thực hiện ${r.document.number} - ${r.period.label}`, fontSize: 13 }));
}
