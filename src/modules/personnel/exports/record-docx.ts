import {
  AlignmentType, BorderStyle, Document, HeightRule, ImageRun, Packer, Paragraph, Table, TableBorders, TableCell, TableLayoutType,
  TableRow, TextRun, VerticalAlignTable, WidthType, type IParagraphOptions,
} from 'docx';
import { detectImageType } from '../../../platform/documents/pdf.js';
import type { PersonRecord, RecordHeader } from '../record-fields.js';
import { BLANK_VALUE, DOTTED_LINE, entryLabel, entryText, recordFormSections, type FormEntry, type RecordFormPart, type SignatureSpec } from './record-form.js';

/**
 * The Sơ yếu lý lịch (Mẫu 2C) as Word, for offices that complete or correct it by hand before signing:
 * real paragraphs and tables in Word's units (half-points, twentieths of a point). Decree 30/2020,
 * Appendix I: A4 portrait, margins 20/20/30/15 mm, Times New Roman; items at 13 pt, tables at 11 pt.
 */
const FONT = 'Times New Roman';
const twip = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);
const BODY = 26;
const TABLE_SIZE = 22;
const WIDTH = twip(210 - 30 - 15);
const PHOTO = { width: twip(40), height: twip(60) };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BOX = { top: LINE, bottom: LINE, left: LINE, right: LINE };

type Look = { bold?: boolean; italics?: boolean; size?: number; align?: 'left' | 'center' | 'right' | 'both' };
type Run = { text: string } & Look;

function para(runs: Run[] | string, look: Look = {}, extra: IParagraphOptions = {}): Paragraph {
  const list = typeof runs === 'string' ? [{ text: runs }] : runs;
  return new Paragraph({
    alignment: look.align ?? 'left',
    spacing: { before: 0, after: 60 },
    children: list.map((r) => new TextRun({ text: r.text, bold: r.bold ?? look.bold, italics: r.italics ?? look.italics, size: r.size ?? look.size })),
    ...extra,
  });
}

const cell = (width: number, children: (Paragraph | Table)[], borders: typeof BOX | typeof TableBorders.NONE = TableBorders.NONE) =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, borders, verticalAlign: VerticalAlignTable.CENTER, children });

function layoutTable(widths: number[], rows: TableRow[]): Table {
  return new Table({ width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, borders: TableBorders.NONE, rows });
}

/** Pixel size of a PNG or JPEG, read from its header, so a photo keeps its proportions inside the 4×6 frame. */
function imageSize(bytes: Buffer): { width: number; height: number } | null {
  if (detectImageType(bytes) === 'image/png' && bytes.length >= 24) return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  for (let at = 2; at + 9 < bytes.length; ) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  return null;
}

function photoCell(photo: Buffer | null, label: string): TableCell {
  const kind = photo ? detectImageType(photo) : null;
  const size = photo && kind ? imageSize(photo) : null;
  if (photo && kind && size && size.width > 0 && size.height > 0) {
    // Word sizes images in pixels at 96 dpi; 4×6 cm is 151×227 px.
    const scale = Math.min(151 / size.width, 227 / size.height);
    const run = new ImageRun({ type: kind === 'image/png' ? 'png' : 'jpg', data: photo, transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) } });
    return cell(PHOTO.width, [new Paragraph({ alignment: AlignmentType.CENTER, children: [run] })]);
  }
  // Without a usable photo the frame is printed empty, as on the paper form, for a photo to be glued in.
  const frame = layoutTable([PHOTO.width], [
    new TableRow({ height: { value: PHOTO.height, rule: HeightRule.EXACT }, children: [cell(PHOTO.width, [para(label, { italics: true, size: TABLE_SIZE, align: 'center' })], BOX)] }),
  ]);
  return cell(PHOTO.width, [frame, new Paragraph({ children: [] })]);
}

function entries(list: FormEntry[]): Paragraph[] {
  return list.map((e) => para(entryText(e)));
}

function table(part: Extract<RecordFormPart, { kind: 'table' }>): Table {
  const widths = part.columns.map((c) => Math.round((WIDTH * c.width) / 100));
  const boxed = (text: string, i: number, bold: boolean, align?: Look['align']) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      borders: BOX,
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 60, right: 60, top: 20, bottom: 20 },
      children: [para(text, { size: TABLE_SIZE, bold, align: align ?? part.columns[i]?.align ?? 'left' }, { spacing: { before: 0, after: 0 } })],
    });
  const rows = [
    ...(part.rowLabels ? [] : [new TableRow({ tableHeader: true, cantSplit: true, children: part.columns.map((c, i) => boxed(c.header, i, true, 'center')) })]),
    ...part.rows.map((row) => new TableRow({ cantSplit: true, height: { value: 340, rule: HeightRule.ATLEAST }, children: row.map((text, i) => boxed(text, i, !!part.rowLabels && i === 0)) })),
  ];
  return new Table({ width: { size: WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows });
}

function signature(block: SignatureSpec): Paragraph[] {
  const out: Paragraph[] = [];
  if (block.above) out.push(para(block.above, { italics: true, align: 'center' }));
  out.push(para(block.title, { bold: true, align: 'center' }), ...block.notes.map((n) => para(n, { italics: true, size: 24, align: 'center' })));
  out.push(...Array.from({ length: 4 }, () => para('')));
  if (block.name) out.push(para(block.name, { bold: true, align: 'center' }));
  return out;
}

function render(part: RecordFormPart, photo: Buffer | null): (Paragraph | Table)[] {
  switch (part.kind) {
    case 'agency':
      return [para(part.formCode, { bold: true, align: 'right' }), ...entries(part.lines)];
    case 'title': {
      const rest = WIDTH - PHOTO.width;
      return [
        layoutTable([PHOTO.width, rest], [new TableRow({ children: [photoCell(photo, part.photoLabel), cell(rest, [para(part.text, { bold: true, size: 28, align: 'center' })])] })]),
        para('', {}, { spacing: { after: 120 } }),
      ];
    }
    case 'item':
      return [para(part.entries.flatMap((e, i): Run[] => [
        { text: `${i ? ', ' : ''}${entryLabel(e)}` },
        { text: e.value ?? BLANK_VALUE, bold: !!e.strong && e.value !== null },
      ]), { align: 'both' })];
    case 'section':
      return [para(part.text, { bold: true }, { spacing: { before: 160, after: 60 }, keepNext: true })];
    case 'label':
      return [para(part.text, { italics: true }, { keepNext: true })];
    case 'paragraph':
      return [para(part.text, { align: 'both' })];
    case 'note':
      return [para(part.text, { italics: true, size: 20 })];
    case 'dots':
      return Array.from({ length: part.lines }, () => para(DOTTED_LINE, { size: TABLE_SIZE }));
    case 'table':
      return [table(part), para('', {}, { spacing: { after: 60 } })];
    case 'signatures': {
      const widths = part.blocks.map(() => Math.round(WIDTH / part.blocks.length));
      return [layoutTable(widths, [new TableRow({ cantSplit: true, children: part.blocks.map((b, i) => cell(widths[i]!, signature(b))) })])];
    }
  }
}

export async function recordDocx(header: RecordHeader, record: PersonRecord, opts: { printedOn: string }): Promise<Buffer> {
  const children = recordFormSections(header, record, opts).flatMap((p) => render(p, header.photo));
  const doc = new Document({
    creator: 'motcua',
    title: `Sơ yếu lý lịch - ${header.fullName}`,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [{
      properties: { page: { size: { width: twip(210), height: twip(297) }, margin: { top: twip(20), bottom: twip(20), left: twip(30), right: twip(15) } } },
      children,
    }],
  });
  return Packer.toBuffer(doc);
}
