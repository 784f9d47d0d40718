import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS, type ImportColumn, type ImportKind } from './columns.js';

/**
 * The files to fill in, written from the same column definitions the importer reads: the headers
 * are the columns' labels, so a template is never out of step with the importer.
 */
export const SHEET_NAMES: Record<ImportKind, string> = { units: 'Đơn vị', staff: 'Cán bộ' };
export const TEMPLATE_FILE_NAMES: Record<ImportKind, string> = { units: 'mau-nhap-don-vi', staff: 'mau-nhap-can-bo' };

export const REQUIRED_LABELS: Record<ImportColumn['required'], { vi: string; en: string }> = {
  always: { vi: 'Bắt buộc', en: 'Required' },
  new: { vi: 'Bắt buộc khi thêm mới', en: 'Required for a new record' },
  no: { vi: 'Không bắt buộc', en: 'Optional' },
};

const RULES: Record<ImportKind, string[]> = {
  units: [
    'Dòng 1 là tên cột; mỗi dòng tiếp theo là một đơn vị. Có thể bỏ các cột không bắt buộc.',
    'Mã định danh đã có thì dòng đó cập nhật đơn vị; mã mới thì thêm đơn vị.',
    'Tệp được kiểm tra trước khi ghi: nếu có dòng sai thì không dòng nào được nhập.',
  ],
  staff: [
    'Dòng 1 là tên cột; mỗi dòng tiếp theo là một cán bộ. Có thể bỏ các cột không bắt buộc.',
    'Số thẻ đã có thì dòng đó cập nhật người đó; không có số thẻ hoặc số thẻ mới thì thêm người mới.',
    'Tệp được kiểm tra trước khi ghi: nếu có dòng sai thì không dòng nào được nhập.',
  ],
};

export async function templateXlsx(kind: ImportKind): Promise<Buffer> {
  const columns = IMPORT_COLUMNS[kind];
  const book = new ExcelJS.Workbook();
  book.creator = 'motcua';
  // The importer reads the first sheet: the data sheet comes first.
  const data = book.addWorksheet(SHEET_NAMES[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = columns.map((c) => ({ header: c.label.vi, key: c.key, width: Math.max(14, c.label.vi.length + 4, c.example.length + 2) }));
  data.getRow(1).eachCell((cell, n) => {
    const column = columns[n - 1]!;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: column.required === 'always' ? 'FFFDE2E2' : 'FFF1F5F9' } };
    cell.note = `${REQUIRED_LABELS[column.required].vi}. ${column.hint.vi}`;
  });
  // Text cells, so codes such as 0912… or H30.108 are kept as typed.
  columns.forEach((_, i) => { data.getColumn(i + 1).numFmt = '@'; });

  const guide = book.addWorksheet('Hướng dẫn');
  guide.columns = [{ width: 22 }, { width: 24 }, { width: 80 }, { width: 28 }];
  for (const line of RULES[kind]) guide.addRow([line]);
  guide.addRow([]);
  const head = guide.addRow(['Cột', 'Bắt buộc', 'Cách ghi', 'Ví dụ']);
  head.font = { bold: true };
  for (const c of columns) guide.addRow([c.label.vi, REQUIRED_LABELS[c.required].vi, c.hint.vi, c.example]).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A CSV with the header row only, UTF-8 with a byte-order mark so spreadsheet programs read the accents. */
export function templateCsv(kind: ImportKind): string {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return `\uFEFF${IMPORT_COLUMNS[kind].map((c) => quote(c.label.vi)).join(',')}\r\n`;
}
