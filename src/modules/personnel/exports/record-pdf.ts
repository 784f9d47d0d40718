import { detectImageType, imageDataUrl, renderPdf, type Content } from '../../../platform/documents/index.js';
import { OFFICIAL_PAGE_MARGINS, mm, officialDocument } from '../../../platform/documents/official-style.js';
import type { PersonRecord, RecordHeader } from '../record-fields.js';
import { BLANK_VALUE, DOTTED_LINE, entryLabel, entryText, recordFormSections, type FormEntry, type RecordFormPart, type SignatureSpec } from './record-form.js';

/**
 * The Sơ yếu lý lịch (Mẫu 2C) as a PDF: Decree 30's A4 page and Tinos (Times New Roman's metrics), the
 * items at 13 pt and the tables at 11 pt so the form's five-column training table fits 165 mm.
 */
const [LEFT, , RIGHT] = OFFICIAL_PAGE_MARGINS;
const USABLE = mm(210) - LEFT - RIGHT;
const PHOTO = { width: mm(40), height: mm(60) };
const TABLE_SIZE = 11;
/**
 * Room a heading needs below it: its table's wrapped header and first row; a part's heading (level 1) also
 * a sub-heading, such as "a) Về bản thân", that would otherwise move on without it.
 */
const HEADING_ROOM: Record<number, number> = { 1: 130, 2: 100 };

const lines = (entries: FormEntry[]): Content[] => entries.map((e): Content => ({ text: entryText(e) }));

/** The 4×6 cm photo, or the empty frame the paper form has for one to be glued in. */
function photoBox(photo: Buffer | null, label: string): Content {
  // Only PNG and JPEG can be embedded; another kind of upload prints the empty frame rather than failing the form.
  if (photo && detectImageType(photo)) return { image: imageDataUrl(photo), fit: [PHOTO.width, PHOTO.height], alignment: 'center' };
  return {
    stack: [
      { canvas: [{ type: 'rect', x: 0, y: 0, w: PHOTO.width, h: PHOTO.height, lineWidth: 0.6 }] },
      { text: label, fontSize: 11, italics: true, alignment: 'center', width: PHOTO.width, relativePosition: { x: 0, y: -PHOTO.height / 2 - 7 } },
    ],
    width: PHOTO.width,
  } as Content;
}

function table(part: Extract<RecordFormPart, { kind: 'table' }>): Content {
  // pdfmake pads each cell by 4 pt either side on top of the width it is given.
  const widths = part.columns.map((c) => (USABLE * c.width) / 100 - 8.6);
  const cell = (text: string, i: number, bold = false) => ({ text, bold, fontSize: TABLE_SIZE, alignment: part.columns[i]?.align ?? 'left' });
  const header = part.rowLabels ? [] : [part.columns.map((c, i) => ({ ...cell(c.header, i, true), alignment: 'center' }))];
  const body = part.rows.map((row) => row.map((text, i) => cell(text, i, !!part.rowLabels && i === 0)));
  return {
    table: { headerRows: header.length, keepWithHeaderRows: header.length ? 1 : 0, dontBreakRows: true, widths, heights: TABLE_SIZE * 1.6, body: [...header, ...body] },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
    margin: [0, 2, 0, 6],
  } as Content;
}

function signature(block: SignatureSpec): Content {
  const stack: Content[] = [];
  if (block.above) stack.push({ text: block.above, italics: true });
  stack.push({ text: block.title, bold: true });
  for (const note of block.notes) stack.push({ text: note, italics: true, fontSize: 12 });
  stack.push({ text: ' ', margin: [0, 0, 0, 60] });
  if (block.name) stack.push({ text: block.name, bold: true });
  return { stack, alignment: 'center' };
}

function render(part: RecordFormPart, photo: Buffer | null): Content {
  switch (part.kind) {
    case 'agency':
      return { stack: [{ text: part.formCode, bold: true, alignment: 'right' }, ...lines(part.lines)], margin: [0, 0, 0, 8] };
    case 'title':
      return {
        columns: [
          { width: PHOTO.width, stack: [photoBox(photo, part.photoLabel)] },
          { width: '*', text: part.text, bold: true, fontSize: 14, alignment: 'center', margin: [0, PHOTO.height / 2 - 10, 0, 0] },
        ],
        columnGap: 10,
        margin: [0, 0, 0, 12],
      };
    case 'item':
      return {
        text: part.entries.flatMap((e, i) => [
          { text: `${i ? ', ' : ''}${entryLabel(e)}` },
          { text: e.value ?? BLANK_VALUE, bold: !!e.strong && e.value !== null },
        ]),
        margin: [0, 0, 0, 3],
      };
    case 'section':
      return { text: part.text, bold: true, margin: [0, 8, 0, 3], headlineLevel: 1 };
    case 'label':
      return { text: part.text, italics: true, margin: [0, 2, 0, 3], headlineLevel: 2 };
    case 'paragraph':
      return { text: part.text, alignment: 'justify', margin: [0, 0, 0, 3] };
    case 'note':
      return { text: part.text, italics: true, fontSize: 10, margin: [0, 0, 0, 4] };
    case 'dots':
      return { stack: Array.from({ length: part.lines }, (): Content => ({ text: DOTTED_LINE, fontSize: 11, margin: [0, 3, 0, 3] })), margin: [0, 0, 0, 4] };
    case 'table':
      return table(part);
    case 'signatures':
      return { columns: part.blocks.map((b) => ({ width: '*', stack: [signature(b)] })), columnGap: 12, margin: [0, 14, 0, 0], unbreakable: true };
  }
}

export async function recordPdf(header: RecordHeader, record: PersonRecord, opts: { printedOn: string }): Promise<Buffer> {
  const parts = recordFormSections(header, record, opts);
  const title = `Sơ yếu lý lịch - ${header.fullName}`;
  const definition = officialDocument(parts.map((p) => render(p, header.photo)), { title, fontSize: 13, lineHeight: 1.15 });
  // A part's heading never ends a page away from what it introduces: pdfmake places a table's start (and the
  // nodes inside it) on the page even when its rows move on, so the test is the room left, not the nodes left.
  definition.pageBreakBefore = (node) => {
    const at = node.startPosition as { verticalRatio?: number; pageInnerHeight?: number } | undefined;
    const room = HEADING_ROOM[node.headlineLevel ?? 0];
    return !!room && !!at?.pageInnerHeight && (1 - (at.verticalRatio ?? 0)) * at.pageInnerHeight < room;
  };
  return renderPdf(definition);
}
