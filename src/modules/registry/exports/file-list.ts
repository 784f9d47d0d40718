import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { officialDate, officialDocument, officialHeading, officialTitle, renderPdf } from '../../../platform/documents/index.js';

/**
 * The yearly file list (Danh mục hồ sơ) as PDF, in the form of Decree 30/2020 Appendix V §II: the
 * agency's heading, "DANH MỤC HỒ SƠ / Năm …", the approving decision, then one row per file — số và ký
 * hiệu hồ sơ, tiêu đề hồ sơ, thời hạn bảo quản, đơn vị/người lập hồ sơ, ghi chú — grouped under their
 * headings (đề mục lớn numbered in Roman numerals, §I.1), and the closing count of permanent and
 * limited files.
 */
export type Agency = { managingBody: string | null; name: string; place: string };
export type FileListLine = { code: string; title: string; heading: string | null; retentionLabel: string; permanent: boolean; responsible: string; note: string };
export type FileListPdfInput = {
  agency: Agency;
  year: number;
  list: { approved: boolean; decisionNo: string | null; decisionDate: string | null } | null;
  files: FileListLine[];
};

const ROMAN: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
export function roman(n: number): string {
  let out = '';
  for (const [value, letters] of ROMAN) while (n >= value) { out += letters; n -= value; }
  return out;
}

const header = (text: string): TableCell => ({ text, bold: true, alignment: 'center', fontSize: 11 });
const index = (text: string): TableCell => ({ text, alignment: 'center', italics: true, fontSize: 10 });
const cell = (text: string, extra: Record<string, unknown> = {}): TableCell => ({ text, fontSize: 11, ...extra } as TableCell);

/** The rows under each heading, in the order the headings first appear (files come sorted by code). */
function grouped(files: FileListLine[]): TableCell[][] {
  const headings = [...new Set(files.map((f) => f.heading ?? ''))];
  const named = headings.some((h) => h !== '');
  const rows: TableCell[][] = [];
  let n = 0;
  for (const h of headings) {
    if (named) {
      const label = h === '' ? 'Chưa xếp đề mục' : h;
      rows.push([cell(''), cell(`${roman(++n)}. ${label.toLocaleUpperCase('vi')}`, { bold: true }), cell(''), cell(''), cell('')]);
    }
    for (const f of files.filter((x) => (x.heading ?? '') === h)) {
      rows.push([cell(f.code, { alignment: 'center' }), cell(f.title), cell(f.retentionLabel, { alignment: 'center' }), cell(f.responsible), cell(f.note, { fontSize: 10 })]);
    }
  }
  return rows;
}

export function fileListContent(input: FileListPdfInput): Content[] {
  const decision = input.list?.approved && input.list.decisionNo && input.list.decisionDate
    ? `(Kèm theo Quyết định số ${input.list.decisionNo} ${officialDate(input.list.decisionDate)} của ${input.agency.name})`
    : '(Dự thảo, chưa được người đứng đầu cơ quan phê duyệt)';
  const permanent = input.files.filter((f) => f.permanent).length;
  const body: TableCell[][] = input.files.length
    ? grouped(input.files)
    : [[{ text: 'Danh mục chưa có hồ sơ nào.', colSpan: 5, italics: true, alignment: 'center', fontSize: 11 }, {}, {}, {}, {}]];
  return [
    officialHeading({ managingBody: input.agency.managingBody ?? undefined, issuingUnit: input.agency.name }),
    officialTitle('Danh mục hồ sơ', `Năm ${input.year}`),
    { text: decision, alignment: 'center', italics: true, fontSize: 12, margin: [0, -6, 0, 10] },
    {
      table: {
        headerRows: 2,
        widths: [62, '*', 58, 92, 58],
        body: [
          [header('Số và ký hiệu hồ sơ'), header('Tiêu đề hồ sơ'), header('Thời hạn bảo quản'), header('Đơn vị/người lập hồ sơ'), header('Ghi chú')],
          [index('(1)'), index('(2)'), index('(3)'), index('(4)'), index('(5)')],
          ...body,
        ],
      },
    },
    {
      margin: [0, 12, 0, 0],
      stack: [
        `Danh mục hồ sơ này có ${input.files.length} hồ sơ, bao gồm:`,
        { text: `${permanent} hồ sơ bảo quản vĩnh viễn;`, margin: [20, 2, 0, 0] },
        { text: `${input.files.length - permanent} hồ sơ bảo quản có thời hạn.`, margin: [20, 2, 0, 0] },
      ],
    },
  ];
}

export async function fileListPdf(input: FileListPdfInput): Promise<Buffer> {
  return renderPdf(officialDocument(fileListContent(input), { title: `Danh mục hồ sơ năm ${input.year} - ${input.agency.name}` }));
}
