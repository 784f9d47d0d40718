import {
  BorderStyle, Document, Packer, PageOrientation, Paragraph, Table, TableBorders, TableCell, TableLayoutType,
  TableRow, TextRun, VerticalAlignTable, WidthType, type IParagraphOptions,
} from 'docx';
import { NATIONAL_MOTTO, NATIONAL_NAME } from '../../../platform/documents/index.js';
import { abbreviateManagingBody } from '../../../platform/documents/official-style.js';
import type { ConsolidatedReport } from './consolidated.js';
import {
  RECIPIENTS, RECIPIENTS_LABEL, SECTION, SIGNER, TITLE, addressee, cellText, numberLine, opening, overdueTable, overviewSentences,
  periodSpan, placeDate, subjectLines, tasksTable, unitAccounts, unitsTable, NO_UNITS, type ReportTable,
} from './consolidated-content.js';

/**
 * Officials finish these reports in Word, so everything is real paragraphs and tables in Word's own
 * units: sizes in half-points, lengths in twentieths of a point. Decree 30/2020, Appendix I: A4 portrait,
 * margins top and bottom 20 mm, left 30 mm, right 15 mm, Times New Roman, body 14 pt.
 */
const FONT = 'Times New Roman';
/** Rounded, not floored as docx's own converter does, so A4 comes out as Word's 11906 × 16838. */
const twip = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);
const BODY = 28;
const WIDTH = twip(210 - 30 - 15);
/** The task table and the overdue list sit in a landscape section: nine columns do not fit 165 mm. */
const WIDE = twip(297 - 30 - 15);
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BOX = { top: LINE, bottom: LINE, left: LINE, right: LINE };

type Look = { bold?: boolean; italics?: boolean; underline?: boolean; size?: number; align?: 'left' | 'center' | 'right' | 'both' };

function para(text: string, look: Look = {}, extra: IParagraphOptions = {}): Paragraph {
  return new Paragraph({
    alignment: look.align ?? 'left',
    spacing: { before: 0, after: 0 },
    children: [new TextRun({ text, bold: look.bold, italics: look.italics, size: look.size, ...(look.underline ? { underline: {} } : {}) })],
    ...extra,
  });
}

/** A body paragraph: justified, first line indented 1 cm, 6 pt after (Appendix I, II.8). */
const body = (text: string, look: Look = {}) =>
  para(text, { align: 'both', ...look }, { indent: { firstLine: twip(10) }, spacing: { before: 0, after: 120, line: 276 } });

const heading = (text: string) => body(text, { bold: true });

/** The short rule under the issuing unit and under the subject: a border of a narrowed, empty paragraph. */
function rule(cellWidth: number, length: number): Paragraph {
  const side = Math.max(0, Math.round((cellWidth - length) / 2));
  return new Paragraph({ indent: { left: side, right: side }, border: { top: LINE }, spacing: { before: 40, after: 0 }, children: [] });
}

const plainCell = (width: number, children: Paragraph[]) =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, borders: TableBorders.NONE, children });

/** The two-column heading of Appendix I, II.2–II.5, as a borderless table: how Word templates do it. */
function officialHeading(r: ConsolidatedReport): Table {
  const left = Math.round(WIDTH * 0.4);
  const right = WIDTH - left;
  const agency: Paragraph[] = [];
  if (r.agency.managingBody) agency.push(para(abbreviateManagingBody(r.agency.managingBody).toLocaleUpperCase('vi'), { size: 26, align: 'center' }));
  agency.push(para(r.agency.name.toLocaleUpperCase('vi'), { size: 26, bold: true, align: 'center' }), rule(left, twip(22)));
  const nation = [para(NATIONAL_NAME, { size: 26, bold: true, align: 'center' }), para(NATIONAL_MOTTO, { size: 28, bold: true, underline: true, align: 'center' })];
  const gap = { spacing: { before: 160, after: 0 } };
  return new Table({
    width: { size: WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({ children: [plainCell(left, agency), plainCell(right, nation)] }),
      new TableRow({
        children: [
          plainCell(left, [para(numberLine(r), { size: 26, align: 'center' }, gap)]),
          plainCell(right, [para(placeDate(r), { size: 28, italics: true, align: 'center' }, gap)]),
        ],
      }),
    ],
  });
}

function title(r: ConsolidatedReport): Paragraph[] {
  const [subject, period] = subjectLines(r);
  return [
    para(TITLE, { bold: true, align: 'center' }, { spacing: { before: 360, after: 0 } }),
    para(subject ?? '', { bold: true, align: 'center' }),
    para(period ?? '', { bold: true, align: 'center' }),
    para(periodSpan(r), { italics: true, align: 'center' }),
    rule(WIDTH, twip(35)),
    para(addressee(r), { align: 'center' }, { spacing: { before: 120, after: 240 } }),
  ];
}

/** A bordered table whose header row repeats on every page and whose rows never split across pages. */
function dataTable(t: ReportTable, width = WIDTH): (Table | Paragraph)[] {
  if (!t.rows.length) return [body(t.empty, { italics: true })];
  const widths = t.columns.map((c) => Math.round((width * c.width) / 100));
  const cell = (text: string, i: number, look: Look) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      borders: BOX,
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 60, right: 60, top: 20, bottom: 20 },
      children: text.split('\n').map((line) => para(line, { size: 22, ...look })),
    });
  const align = (kind: string): Look['align'] => (kind === 'text' ? 'left' : 'center');
  const line = (cells: ReadonlyArray<string | number | null>, bold: boolean) =>
    new TableRow({ cantSplit: true, children: t.columns.map((c, i) => cell(cellText(c.kind, cells[i] ?? null), i, { bold, align: align(c.kind) })) });
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, children: t.columns.map((c, i) => cell(c.header, i, { bold: true, align: 'center' })) }),
    ...t.rows.map((cells) => line(cells, false)),
    ...(t.total ? [line(t.total, true)] : []),
  ];
  return [new Table({ width: { size: width, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows }), para('', {}, { spacing: { after: 120 } })];
}

function unitSection(r: ConsolidatedReport): (Table | Paragraph)[] {
  const out: (Table | Paragraph)[] = [heading(SECTION.units), heading(SECTION.unitTable), ...dataTable(unitsTable(r)), heading(SECTION.unitAccounts)];
  const accounts = unitAccounts(r);
  if (!accounts.length) out.push(body(NO_UNITS, { italics: true }));
  for (const a of accounts) {
    out.push(body(a.heading, { bold: true, italics: true }), body(a.status, { italics: true }));
    for (const part of a.parts) out.push(body(part.label, { italics: true }), ...part.lines.map((l) => body(l)));
  }
  return out;
}

/** Nơi nhận bottom-left and the signature bottom-right (Appendix I, II.7 and II.9). */
function closing(): Table {
  const left = Math.round(WIDTH * 0.45);
  const right = WIDTH - left;
  const recipients = [para(RECIPIENTS_LABEL, { size: 24, bold: true, italics: true }), ...RECIPIENTS.map((e) => para(e, { size: 22 }))];
  const signer = [para(SIGNER.title, { bold: true, align: 'center' }), para(SIGNER.note, { italics: true, align: 'center' }), ...Array.from({ length: 4 }, () => para(''))];
  return new Table({
    width: { size: WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ cantSplit: true, children: [plainCell(left, recipients), plainCell(right, signer)] })],
  });
}

function section(landscape: boolean, children: (Table | Paragraph)[]) {
  return {
    properties: {
      page: {
        size: { width: twip(210), height: twip(297), orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { top: twip(20), bottom: twip(20), left: twip(30), right: twip(15) },
      },
    },
    children,
  };
}

export async function consolidatedDocx(r: ConsolidatedReport): Promise<Buffer> {
  const opened = [officialHeading(r), ...title(r), body(opening(r)), heading(SECTION.overview), ...overviewSentences(r).map((s) => body(s)), ...unitSection(r)];
  const wide = [heading(SECTION.tasks), ...dataTable(tasksTable(r), WIDE), heading(SECTION.overdue), ...dataTable(overdueTable(r), WIDE)];
  // Left empty on purpose: the official writes the province's own proposals here in Word.
  const closed = [heading(SECTION.proposals), ...Array.from({ length: 3 }, () => body('')), closing()];
  const doc = new Document({
    creator: 'motcua',
    title: `Báo cáo kết quả thực hiện ${r.document.number} - ${r.period.label}`,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [section(false, opened), section(true, wide), section(false, closed)],
  });
  return Packer.toBuffer(doc);
}
