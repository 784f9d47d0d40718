import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatViDateTime, officialDocument, officialHeading, officialTitle, renderPdf } from '../../../platform/documents/index.js';
import type { Agency } from './file-list.js';

/**
 * A whole file as one PDF (Decree 30/2020 Appendix VI Part I §III.4.g: the export of a file keeps the
 * order in which its documents were made): a cover with the file's data (Appendix VI Part II §III —
 * FileCode, Title, Maintenance, Creator, StartDate, EndDate, DocTotal, PageTotal), then the contents of
 * the file in the form of Appendix V §IV (Mục lục văn bản, tài liệu), then the closing note of art. 29.4.
 * The documents' own electronic copies travel inside the PDF as embedded files (a reader lists them
 * among its attachments); their pages are not redrawn — no PDF-merging library is installed.
 */
export type FileCover = {
  code: string; fileCode: string; title: string; heading: string | null; year: number; retentionLabel: string;
  startDate: string | null; endDate: string | null; documentCount: number; pageCount: number;
  responsible: string; statusLabel: string; handedOverOn: string | null;
};
export type ContentsLine = { ordinal: number; symbol: string; date: string; typeAndSubject: string; author: string; pages: string; note: string };
export type EmbeddedCopy = { name: string; description: string; bytes: Buffer };
export type FileExportInput = { agency: Agency; file: FileCover; documents: ContentsLine[]; copies: EmbeddedCopy[]; printedAt: Date };

const dmy = (d: string | null) => (d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : '…');
const header = (text: string): TableCell => ({ text, bold: true, alignment: 'center', fontSize: 10.5 });
const index = (text: string): TableCell => ({ text, alignment: 'center', italics: true, fontSize: 9.5 });
const cell = (text: string, extra: Record<string, unknown> = {}): TableCell => ({ text, fontSize: 10.5, ...extra } as TableCell);
const line = (label: string, value: string): Content => ({ text: [{ text: `${label}: `, bold: true }, value], margin: [0, 0, 0, 6] });

function cover(input: FileExportInput): Content[] {
  const f = input.file;
  return [
    officialHeading({ managingBody: input.agency.managingBody ?? undefined, issuingUnit: input.agency.name }),
    { text: 'HỒ SƠ', alignment: 'center', bold: true, fontSize: 22, margin: [0, 60, 0, 8] },
    { text: f.title, alignment: 'center', bold: true, fontSize: 15, margin: [0, 0, 0, 40] },
    line('Số và ký hiệu hồ sơ', f.code),
    line('Mã hồ sơ', f.fileCode),
    ...(f.heading ? [line('Đề mục', f.heading)] : []),
    line('Năm hình thành hồ sơ', String(f.year)),
    line('Thời hạn bảo quản', f.retentionLabel),
    line('Thời gian', `từ ngày ${dmy(f.startDate)} đến ngày ${dmy(f.endDate)}`),
    line('Số lượng', `${f.documentCount} văn bản${f.pageCount ? `, ${f.pageCount} trang` : ''}`),
    line('Người, đơn vị lập hồ sơ', f.responsible || '…'),
    line('Tình trạng', f.handedOverOn ? `${f.statusLabel} (ngày ${dmy(f.handedOverOn)})` : f.statusLabel),
    { text: `Kết xuất từ Hệ thống quản lý tài liệu điện tử lúc ${formatViDateTime(input.printedAt)}.`, italics: true, fontSize: 11, margin: [0, 40, 0, 0] },
  ];
}

function contents(input: FileExportInput): Content[] {
  const rows: TableCell[][] = input.documents.length
    ? input.documents.map((d) => [
      cell(String(d.ordinal), { alignment: 'center' }), cell(d.symbol), cell(d.date, { alignment: 'center' }), cell(d.typeAndSubject), cell(d.author), cell(d.pages, { alignment: 'center' }), cell(d.note, { fontSize: 9.5 }),
    ])
    : [[{ text: 'Hồ sơ chưa có văn bản nào.', colSpan: 7, italics: true, alignment: 'center', fontSize: 10.5 }, {}, {}, {}, {}, {}, {}]];
  const f = input.file;
  return [
    officialTitle('Mục lục văn bản, tài liệu', `Số, ký hiệu hồ sơ: ${f.code}`),
    { text: `Năm ${f.year}`, alignment: 'center', bold: true, margin: [0, -8, 0, 10] },
    {
      table: {
        headerRows: 2,
        widths: [24, 72, 52, '*', 70, 40, 50],
        body: [
          [header('STT'), header('Số, ký hiệu văn bản'), header('Ngày tháng năm văn bản'), header('Tên loại và trích yếu nội dung văn bản'), header('Tác giả văn bản'), header('Tờ số/ Trang số'), header('Ghi chú')],
          [index('(1)'), index('(2)'), index('(3)'), index('(4)'), index('(5)'), index('(6)'), index('(7)')],
          ...rows,
        ],
      },
    },
    {
      margin: [0, 14, 0, 0],
      stack: [
        { text: 'CHỨNG TỪ KẾT THÚC', bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
        `Hồ sơ này gồm có ${f.documentCount} văn bản${f.pageCount ? `, ${f.pageCount} trang` : ''}, sắp xếp theo trình tự thời gian hình thành.`,
        input.copies.length
          ? `Bản điện tử của ${input.copies.length} văn bản được đính kèm trong tệp PDF này (xem mục tệp đính kèm của phần mềm đọc PDF).`
          : 'Không có bản điện tử của văn bản nào được đính kèm.',
      ],
    },
  ];
}

export function fileExportDefinition(input: FileExportInput): TDocumentDefinitions {
  const definition = officialDocument([...cover(input), { text: '', pageBreak: 'after' }, ...contents(input)], { title: `Hồ sơ ${input.file.code} - ${input.file.title}` });
  if (input.copies.length) {
    definition.files = Object.fromEntries(input.copies.map((c, i) => [`van-ban-${i + 1}`, { src: `data:application/pdf;base64,${c.bytes.toString('base64')}`, name: c.name, description: c.description }]));
  }
  return definition;
}

export const fileExportPdf = (input: FileExportInput): Promise<Buffer> => renderPdf(fileExportDefinition(input));
