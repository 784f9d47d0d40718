import {
  BorderStyle, Document, Packer, Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType,
  type IParagraphOptions,
} from 'docx';
import { NATIONAL_MOTTO, NATIONAL_NAME, abbreviateManagingBody } from '../../../platform/documents/official-style.js';
import { ANSWER_LABEL, BLANK_LINE, NO, PREFILL_LABEL, SKIPPED, YES, paragraphs, type DocQuestion, type DocTable, type ReviewDocument, type Signer } from './review-content.js';

/**
 * The review form as Word: reviewers finish and sign it on paper, so everything is real paragraphs and
 * tables in Word's units (half-points, twentieths of a point). Decree 30/2020, Appendix I: A4 portrait,
 * margins 20/20/30/15 mm, Times New Roman 13 pt; the tick boxes are ☒/☐ in a symbol font, since Times
 * New Roman has no ballot box.
 */
const FONT = 'Times New Roman';
const SYMBOL_FONT = 'Segoe UI Symbol';
const twip = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);
const BODY = 26;
const SMALL = 22;
const WIDTH = twip(210 - 30 - 15);
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BOX = { top: LINE, bottom: LINE, left: LINE, right: LINE };

type Look = { bold?: boolean; italics?: boolean; underline?: boolean; size?: number; align?: 'left' | 'center' | 'right' | 'both' };
type Run = { text: string; symbol?: boolean } & Look;

function para(runs: Run[] | string, look: Look = {}, extra: IParagraphOptions = {}): Paragraph {
  const list = typeof runs === 'string' ? [{ text: runs }] : runs;
  return new Paragraph({
    alignment: look.align ?? 'left',
    spacing: { before: 0, after: 60 },
    children: list.map((r) => new TextRun({
      text: r.text, bold: r.bold ?? look.bold, italics: r.italics ?? look.italics, size: r.size ?? look.size,
      ...(r.symbol ? { font: SYMBOL_FONT } : {}), ...((r.underline ?? look.underline) ? { underline: {} } : {}),
    })),
    ...extra,
  });
}

const body = (runs: Run[] | string, look: Look = {}) => para(runs, { align: 'both', ...look }, { spacing: { before: 0, after: 80, line: 276 } });

/** The short rule under the agency's name: the top border of a narrowed, empty paragraph. */
function rule(cellWidth: number, length: number): Paragraph {
  const side = Math.max(0, Math.round((cellWidth - length) / 2));
  return new Paragraph({ indent: { left: side, right: side }, border: { top: LINE }, spacing: { before: 40, after: 0 }, children: [] });
}

const plainCell = (width: number, children: Paragraph[]) => new TableCell({ width: { size: width, type: WidthType.DXA }, borders: TableBorders.NONE, children });

function twoColumns(leftShare: number, left: Paragraph[], right: Paragraph[]): Table {
  const l = Math.round(WIDTH * leftShare);
  return new Table({
    width: { size: WIDTH, type: WidthType.DXA }, columnWidths: [l, WIDTH - l], layout: TableLayoutType.FIXED, borders: TableBorders.NONE,
    rows: [new TableRow({ cantSplit: true, children: [plainCell(l, left), plainCell(WIDTH - l, right)] })],
  });
}

/** Appendix I, II.2–II.5: the agency on the left, the national name and motto on the right, the place and date beneath. */
function heading(d: ReviewDocument): (Table | Paragraph)[] {
  const left = Math.round(WIDTH * 0.4);
  const agency: Paragraph[] = [];
  if (d.agency.managingBody) agency.push(para(abbreviateManagingBody(d.agency.managingBody).toLocaleUpperCase('vi'), { size: 26, align: 'center' }));
  agency.push(para(d.agency.name.toLocaleUpperCase('vi'), { size: 26, bold: true, align: 'center' }), rule(left, twip(22)));
  const nation = [
    para(NATIONAL_NAME, { size: 24, bold: true, align: 'center' }),
    para(NATIONAL_MOTTO, { size: 26, bold: true, underline: true, align: 'center' }),
    para(d.placeDate, { size: 26, italics: true, align: 'center' }, { spacing: { before: 160, after: 0 } }),
  ];
  return [
    para(d.formCode, { size: SMALL, bold: true, align: 'right' }),
    twoColumns(0.4, agency, nation),
    para(d.title, { bold: true, size: 28, align: 'center' }, { spacing: { before: 360, after: 60 } }),
    ...(d.draftNote ? [para(d.draftNote, { italics: true, size: SMALL, align: 'center' })] : []),
    para('', {}, { spacing: { after: 120 } }),
    ...d.procedure.map((p) => body([{ text: `${p.label}: `, bold: true }, { text: p.value }])),
  ];
}

const box = (checked: boolean): Run => ({ text: checked ? '☒' : '☐', symbol: true });

function question(q: DocQuestion): Paragraph[] {
  const out = [body([{ text: `${q.number}. `, bold: true }, { text: q.text, bold: true }], {})];
  if (q.skipped) return [...out, body(SKIPPED, { italics: true })];
  if (q.choice) out.push(body([box(q.choice.value === 'yes'), { text: ` ${YES}` }, { text: '\u00a0'.repeat(8) }, box(q.choice.value === 'no'), { text: ` ${NO}` }]));
  if (q.prefill) out.push(body([{ text: PREFILL_LABEL, italics: true, bold: true }, { text: q.prefill, italics: true }], { size: SMALL }));
  if (q.answer) out.push(...paragraphs(q.answer).map((line, i) => body(i === 0 ? [{ text: ANSWER_LABEL, bold: true }, { text: line }] : line)));
  else if (q.explains) out.push(body(`${ANSWER_LABEL}${BLANK_LINE.slice(0, 90)}`, { size: SMALL }));
  return out;
}

function table(t: DocTable): Table {
  const widths = t.columns.map((c) => Math.round((WIDTH * c.width) / 100));
  const cell = (text: string, i: number, bold: boolean, align: Look['align']) => new TableCell({
    width: { size: widths[i] ?? 0, type: WidthType.DXA }, borders: BOX, verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    children: [para(text, { size: SMALL, bold, align }, { spacing: { before: 0, after: 0 } })],
  });
  const row = (cells: string[], bold: boolean) => new TableRow({ cantSplit: true, children: t.columns.map((c, i) => cell(cells[i] ?? '', i, bold, c.align)) });
  return new Table({
    width: { size: WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: t.columns.map((c, i) => cell(c.header, i, true, 'center')) }),
      ...t.rows.map((r) => row(r, false)),
      row(t.total, true),
    ],
  });
}

function signer(s: Signer): Paragraph[] {
  return [
    para(s.title, { bold: true, align: 'center' }),
    para('(Ký, ghi rõ họ tên)', { italics: true, size: SMALL, align: 'center' }),
    para(s.day ? `Ngày ${s.day}` : 'Ngày ....../....../..........', { italics: true, size: SMALL, align: 'center' }),
    ...Array.from({ length: 3 }, () => para('')),
    para(s.name ?? '', { bold: true, align: 'center' }),
  ];
}

export async function reviewDocx(d: ReviewDocument): Promise<Buffer> {
  const children: (Table | Paragraph)[] = [...heading(d)];
  for (const s of d.sections) {
    children.push(para(s.title, { bold: true }, { spacing: { before: 200, after: 80 }, keepNext: true }));
    for (const q of s.questions) children.push(...question(q));
  }
  children.push(
    para(d.costTitle, { bold: true, align: 'center' }, { spacing: { before: 240, after: 80 }, keepNext: true }),
    body(d.wageLine, { italics: true, size: SMALL }),
    table(d.costTable),
    para('', {}, { spacing: { after: 80 } }),
    ...d.costSummary.map((l) => body(l, { bold: true })),
    para('KẾT LUẬN VÀ KIẾN NGHỊ', { bold: true }, { spacing: { before: 200, after: 80 }, keepNext: true }),
    ...(d.conclusion ? paragraphs(d.conclusion).map((l) => body(l)) : [body(BLANK_LINE.slice(0, 90))]),
    // The recommendation's label and its choices stay on one page.
    para([{ text: 'Kiến nghị: ', bold: true }], {}, { keepNext: true, keepLines: true }),
    ...d.recommendation.map((r, i) => para([box(r.checked), { text: ` ${r.label}` }], {}, { keepNext: i < d.recommendation.length - 1, spacing: { before: 0, after: 60 } })),
    para('', {}, { spacing: { after: 200 } }),
    twoColumns(0.5, signer(d.signers[0]), signer(d.signers[1])),
  );
  const doc = new Document({
    creator: 'motcua',
    title: d.fileTitle,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [{
      properties: { page: { size: { width: twip(210), height: twip(297) }, margin: { top: twip(20), bottom: twip(20), left: twip(30), right: twip(15) } } },
      children,
    }],
  });
  return Packer.toBuffer(doc);
}
