import { renderPdf, type Content } from '../../../platform/documents/index.js';
import { OFFICIAL_PAGE_MARGINS, mm, officialDocument, officialHeading, officialTitle } from '../../../platform/documents/official-style.js';
import { ANSWER_LABEL, BLANK_LINE, NO, PREFILL_LABEL, SKIPPED, YES, paragraphs, type DocQuestion, type DocTable, type ReviewDocument, type Signer } from './review-content.js';

/**
 * The review form as PDF, with the same content as the DOCX, on Decree 30's A4 page. Tinos (the
 * Times-compatible font the platform embeds) has no ballot box, so the tick boxes are drawn.
 */
const [LEFT, , RIGHT] = OFFICIAL_PAGE_MARGINS;
const USABLE = mm(210) - LEFT - RIGHT;
const SMALL = 11;

const body = (text: string | Content[], extra: Record<string, unknown> = {}): Content => ({ text, alignment: 'justify', margin: [0, 0, 0, 4], ...extra } as Content);

/** A 9-pt square, crossed when checked: ☒ / ☐ drawn as vectors. */
function box(checked: boolean): Content {
  const s = 9;
  const lines = checked ? [{ type: 'line', x1: 1.5, y1: 1.5, x2: s - 1.5, y2: s - 1.5, lineWidth: 0.8 }, { type: 'line', x1: s - 1.5, y1: 1.5, x2: 1.5, y2: s - 1.5, lineWidth: 0.8 }] : [];
  return { width: s + 4, canvas: [{ type: 'rect', x: 0, y: 0, w: s, h: s, lineWidth: 0.7 }, ...lines], margin: [0, 3, 0, 0] } as Content;
}

/** Boxes with their labels on one line, never split from each other by a page break. */
function choices(items: { label: string; checked: boolean }[], gap = 24): Content {
  const line = { columns: items.flatMap((it): Content[] => [box(it.checked), { width: 'auto', text: it.label, margin: [0, 0, gap, 0] } as Content]), columnGap: 2 };
  return { stack: [line], unbreakable: true, margin: [0, 0, 0, 4] } as Content;
}

function question(q: DocQuestion): Content[] {
  const out: Content[] = [body([{ text: `${q.number}. `, bold: true }, { text: q.text, bold: true }] as Content[])];
  if (q.skipped) return [...out, body(SKIPPED, { italics: true })];
  if (q.choice) out.push(choices([{ label: YES, checked: q.choice.value === 'yes' }, { label: NO, checked: q.choice.value === 'no' }]));
  if (q.prefill) out.push(body([{ text: PREFILL_LABEL, bold: true }, { text: q.prefill }] as Content[], { italics: true, fontSize: SMALL }));
  if (q.answer) out.push(...paragraphs(q.answer).map((line, i) => body(i === 0 ? [{ text: ANSWER_LABEL, bold: true }, { text: line }] as Content[] : line)));
  else if (q.explains) out.push(body(`${ANSWER_LABEL}${BLANK_LINE.slice(0, 100)}`, { fontSize: SMALL }));
  return out;
}

function table(t: DocTable): Content {
  // pdfmake adds 4 pt of padding either side of each cell on top of the width it is given.
  const widths = t.columns.map((c) => (USABLE * c.width) / 100 - 9);
  const row = (cells: string[], bold: boolean) => t.columns.map((c, i) => ({ text: cells[i] ?? '', alignment: c.align, bold, fontSize: 10 }));
  return {
    table: { headerRows: 1, dontBreakRows: true, widths, body: [t.columns.map((c) => ({ text: c.header, alignment: 'center', bold: true, fontSize: 10 })), ...t.rows.map((r) => row(r, false)), row(t.total, true)] },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
    margin: [0, 2, 0, 8],
  } as Content;
}

function signer(s: Signer): Content {
  return {
    stack: [
      { text: s.title, bold: true },
      { text: '(Ký, ghi rõ họ tên)', italics: true, fontSize: SMALL },
      { text: s.day ? `Ngày ${s.day}` : 'Ngày ....../....../..........', italics: true, fontSize: SMALL },
      { text: ' ', margin: [0, 0, 0, 50] },
      { text: s.name ?? '', bold: true },
    ],
    alignment: 'center', unbreakable: true,
  } as Content;
}

export async function reviewPdf(d: ReviewDocument): Promise<Buffer> {
  const content: Content[] = [
    { text: d.formCode, alignment: 'right', bold: true, fontSize: SMALL, margin: [0, 0, 0, 4] },
    officialHeading({ managingBody: d.agency.managingBody ?? undefined, issuingUnit: d.agency.name, placeDate: d.placeDate }),
    officialTitle(d.title),
    ...(d.draftNote ? [{ text: d.draftNote, italics: true, fontSize: SMALL, alignment: 'center', margin: [0, -6, 0, 10] } as Content] : []),
    ...d.procedure.map((p) => body([{ text: `${p.label}: `, bold: true }, { text: p.value }] as Content[])),
  ];
  for (const s of d.sections) {
    content.push(body(s.title, { bold: true, margin: [0, 10, 0, 4] }));
    for (const q of s.questions) content.push(...question(q));
  }
  content.push(
    // The table's title stays with the table.
    { stack: [{ text: d.costTitle, bold: true, alignment: 'center', margin: [0, 12, 0, 4] }, body(d.wageLine, { italics: true, fontSize: SMALL }), table(d.costTable)], unbreakable: d.costTable.rows.length <= 25 } as Content,
    ...d.costSummary.map((l) => body(l, { bold: true })),
    body('KẾT LUẬN VÀ KIẾN NGHỊ', { bold: true, margin: [0, 10, 0, 4] }),
    ...(d.conclusion ? paragraphs(d.conclusion).map((l) => body(l)) : [body(BLANK_LINE.slice(0, 100))]),
    { stack: [body('Kiến nghị:', { bold: true }), ...d.recommendation.map((r) => choices([{ label: r.label, checked: r.checked }]))], unbreakable: true } as Content,
    { columns: [{ width: '*', stack: [signer(d.signers[0])] }, { width: '*', stack: [signer(d.signers[1])] }], columnGap: 12, margin: [0, 16, 0, 0], unbreakable: true } as Content,
  );
  return renderPdf(officialDocument(content, { title: d.fileTitle, fontSize: 13 }));
}
