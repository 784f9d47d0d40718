/**
 * The posting sheet (niêm yết) of one procedure for the wall of the one-stop desk. Decree 61/2018
 * art. 13 and Circular 01/2023 ask that the procedures received at a desk be posted there in full:
 * steps, documents, time, fees, legal basis — the sheet prints what the public page shows, in
 * Tinos (Vietnamese marks intact), with a QR code to the page for the latest version.
 */
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { formatDong, formatViDate, mm, qrContent, renderPdf } from '../../platform/documents/index.js';
import { budgetText, channelText, copiesText, responsibleText, timeText } from './display.js';
import { APPLICANT_LABELS, LEVEL_LABELS, ONLINE_MODE_LABELS } from './labels.js';
import type { Fee, InternalProcess, ProcedureContent, PublishingDecision, RequiredDocument } from './schema.js';

export type PostingSheetInput = {
  content: ProcedureContent;
  version: { number: number; decision: PublishingDecision | null; effectiveFrom: string | null };
  /** Public page of the procedure, encoded in the QR code. */
  pageUrl: string;
  /** Heading above the title, e.g. the province's People's Committee. */
  issuer?: string | undefined;
  unitName?: (code: string) => string | undefined;
  printedAt?: Date;
};

const ACCENT = '#9b1c1c';

function section(n: number, title: string, body: Content[]): Content {
  return { stack: [{ text: `${n}. ${title}`, bold: true, fontSize: 12.5, color: ACCENT, margin: [0, 8, 0, 3] }, ...body] };
}

const head = (texts: string[]): TableCell[] => texts.map((t) => ({ text: t, bold: true, fillColor: '#f1ece4', fontSize: 10.5 }));
const cell = (text: string, extra: Record<string, unknown> = {}): TableCell => ({ text, fontSize: 10.5, ...extra });

function table(widths: (string | number)[], header: string[], rows: TableCell[][]): Content {
  return { table: { headerRows: 1, widths, body: [head(header), ...rows], dontBreakRows: true }, layout: { hLineColor: '#b9b0a3', vLineColor: '#b9b0a3', paddingTop: () => 2, paddingBottom: () => 2 } };
}

function documentsTable(docs: readonly RequiredDocument[]): Content {
  if (docs.length === 0) return { text: 'Không yêu cầu giấy tờ.', italics: true, fontSize: 11 };
  return table([16, '*', 120], ['TT', 'Tên giấy tờ', 'Số lượng'], docs.map((d, i) => [
    cell(String(i + 1), { alignment: 'center' }),
    cell(`${d.name}${d.optional ? ' (nếu có)' : ''}${d.formTemplate ? ` — mẫu: ${d.formTemplate}` : ''}${d.reusableFromNationalDb ? ' — không phải nộp nếu đã có trong cơ sở dữ liệu quốc gia' : ''}${d.note ? `. ${d.note}` : ''}`),
    cell(copiesText(d)),
  ]));
}

function feesTable(fees: readonly Fee[]): Content {
  if (fees.length === 0) return { text: 'Không thu phí, lệ phí.', fontSize: 11 };
  return table(['*', 130], ['Khoản thu', 'Mức thu'], fees.map((f) => [
    cell(`${f.kind === 'fee' ? 'Phí' : 'Lệ phí'}: ${f.name}${f.channels?.length ? ` (${f.channels.map(channelText).join(', ').toLowerCase()})` : ''}${f.exemptions.length ? `\nMiễn, giảm: ${f.exemptions.join('; ')}` : ''}`),
    cell([f.amount !== undefined ? `${formatDong(f.amount)}${f.per ? `/${f.per}` : ''}` : '', f.formula ?? ''].filter(Boolean).join('\n')),
  ]));
}

function processTable(proc: InternalProcess, unitName: PostingSheetInput['unitName']): Content {
  const scope = proc.channels ? `Áp dụng cho cách thức ${proc.channels.map(channelText).join(', ').toLowerCase()}` : '';
  return {
    stack: [
      ...(scope ? [{ text: scope, fontSize: 10, italics: true, margin: [0, 2, 0, 2] } as Content] : []),
      table([16, '*', 150, 70], ['Bước', 'Nội dung', 'Người thực hiện', 'Thời gian'],
        proc.steps.map((s) => [cell(String(s.order), { alignment: 'center' }), cell(`${s.name}${s.interAgency ? ' (liên thông)' : ''}`), cell(responsibleText(s, unitName)), cell(budgetText(s.budget))])),
    ],
    margin: [0, 2, 0, 4],
  };
}

export async function renderPostingSheet(input: PostingSheetInput): Promise<Buffer> {
  const p = input.content;
  const v = input.version;
  const body = (text: string): Content => ({ text, fontSize: 11, margin: [0, 0, 0, 2] });
  const list = (items: readonly string[]): Content => ({ ul: items.map((t) => ({ text: t, fontSize: 11 })), margin: [4, 0, 0, 0] });
  const sections: [string, Content[]][] = [];

  sections.push(['Trình tự thực hiện', p.steps.map((s) => ({
    stack: [
      { text: [{ text: `Bước ${s.order}. ${s.title}: `, bold: true }, s.what], fontSize: 11 },
      { text: [`Nơi thực hiện: ${s.where}. Người thực hiện: ${s.who}.`, s.duration ? ` Thời gian: ${s.duration}.` : '', s.cost ? ` Chi phí: ${s.cost}.` : ''].join(''), fontSize: 10, color: '#444', margin: [10, 0, 0, 3] },
    ],
  }))]);
  sections.push(['Cách thức thực hiện và thời hạn giải quyết', [table([90, '*'], ['Cách thức', 'Thời hạn giải quyết'],
    p.channels.map((c) => [cell(channelText(c.kind)), cell(`${timeText(c.time)}${c.note ? `. ${c.note}` : ''}`)])),
  { text: ONLINE_MODE_LABELS[p.onlineMode] + (p.boundaryIndependent ? '; tiếp nhận không phụ thuộc địa giới hành chính.' : '.'), fontSize: 11, margin: [0, 4, 0, 2] }]]);
  sections.push(['Thành phần, số lượng hồ sơ', [documentsTable(p.documents)]]);
  if (p.cases.length) {
    sections.push(['Các trường hợp thực hiện', p.cases.map((c) => ({ stack: [
      { text: c.name, bold: true, fontSize: 11, margin: [0, 2, 0, 1] },
      ...(c.description ? [body(c.description)] : []),
      ...(c.channels?.length ? [body(`Thời hạn: ${c.channels.map((ch) => `${channelText(ch.kind).toLowerCase()} ${timeText(ch.time)}`).join('; ')}.`)] : []),
      ...(c.documents ? [documentsTable(c.documents)] : []),
      ...(c.fees ? [feesTable(c.fees)] : []),
      ...(c.internalProcesses ?? []).map((proc) => processTable(proc, input.unitName)),
    ] }))]);
  }
  sections.push(['Phí, lệ phí', [feesTable(p.fees)]]);
  sections.push(['Đối tượng, cơ quan thực hiện', [
    body(`Đối tượng: ${p.applicants.map((a) => APPLICANT_LABELS[a]).join('; ')}.`),
    body(`Cơ quan thực hiện: ${p.implementingAgency.name}${p.coordinatingAgencies.length ? `. Cơ quan phối hợp: ${p.coordinatingAgencies.map((a) => a.name).join('; ')}` : ''}.`),
    body(`Cấp thực hiện: ${p.levels.map((l) => LEVEL_LABELS[l]).join(', ')}.`),
  ]]);
  sections.push(['Kết quả thực hiện', [list(p.results.map((r) => r.name))]]);
  if (p.requirements.length) sections.push(['Yêu cầu, điều kiện', [list(p.requirements)]]);
  sections.push(['Căn cứ pháp lý', [list(p.legalBasis.map((l) => `${l.title} số ${l.number} ngày ${formatViDate(l.date)} của ${l.issuer}${l.articles?.length ? ` (${l.articles.join(', ')})` : ''}`))]]);
  p.internalProcesses.forEach((proc, i) => {
    const scope = proc.channels ? ` (${proc.channels.map(channelText).join(', ').toLowerCase()})` : '';
    sections.push([`Quy trình nội bộ${p.internalProcesses.length > 1 ? ` ${i + 1}` : ''}${scope}`, [processTable(proc, input.unitName)]]);
  });

  const decision = v.decision ? `Công bố theo Quyết định số ${v.decision.number} ngày ${formatViDate(v.decision.date)}` : 'Chưa công bố';
  const qr = await qrContent(input.pageUrl, mm(26));
  const content: Content[] = [
    {
      columns: [
        { width: '*', stack: [
          ...(input.issuer ? [{ text: input.issuer.toLocaleUpperCase('vi'), fontSize: 10.5, bold: true }] : []),
          { text: 'THỦ TỤC HÀNH CHÍNH', fontSize: 10.5, color: ACCENT, bold: true, margin: [0, 2, 0, 4] },
          { text: p.name, fontSize: 17, bold: true, margin: [0, 0, 0, 4] },
          { text: `Mã thủ tục: ${p.code} · Lĩnh vực: ${p.field.name} · Phiên bản ${v.number}`, fontSize: 10.5 },
          { text: `${decision}${v.effectiveFrom ? `, có hiệu lực từ ngày ${formatViDate(v.effectiveFrom)}` : ''}.`, fontSize: 10.5, italics: true },
        ] },
        { width: mm(30), stack: [qr, { text: 'Quét mã để xem trực tuyến', fontSize: 8, alignment: 'center', margin: [0, 2, 0, 0] }] },
      ],
      columnGap: 10,
    },
    { canvas: [{ type: 'line', x1: 0, y1: 4, x2: mm(180), y2: 4, lineWidth: 1, lineColor: ACCENT }], margin: [0, 0, 0, 4] },
    ...sections.map(([title, items], i) => section(i + 1, title, items)),
  ];
  const printed = formatViDate(input.printedAt ?? new Date());
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [mm(15), mm(14), mm(15), mm(16)],
    info: { title: `Niêm yết thủ tục ${p.code} — ${p.name}`, subject: p.name },
    defaultStyle: { fontSize: 11, lineHeight: 1.12 },
    content,
    footer: (page: number, pages: number) => ({
      columns: [
        { text: `${p.code} — ${input.pageUrl} — in ngày ${printed}`, fontSize: 8, color: '#555' },
        { text: `Trang ${page}/${pages}`, fontSize: 8, alignment: 'right', color: '#555' },
      ],
      margin: [mm(15), 6, mm(15), 0],
    }),
  });
}
