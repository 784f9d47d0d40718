import ExcelJS from 'exceljs';
import { NATIONAL_MOTTO, NATIONAL_NAME } from '../../../platform/documents/index.js';
import { STAFFING_COLUMNS, type StaffingColumn, type StaffingCounts, type StaffingTable } from '../rules/staffing-stats.js';

const FONT = 'Times New Roman';
const THIN = { style: 'thin' } as const;
const BOX = { top: THIN, bottom: THIN, left: THIN, right: THIN };

export type StaffingXlsxMeta = { title: string; asOf: string; unitName: string; signer?: string };

/** The first header row, where the table starts; the column names are under it and the numbered line under those. */
export const STAFFING_HEADER_ROW = 7;

/** Runs of one group over consecutive columns: [first column index, span, group]; null groups stand alone. */
function groupRuns(columns: readonly StaffingColumn[]): [number, number, string | null][] {
  const out: [number, number, string | null][] = [];
  columns.forEach((c, i) => {
    const last = out[out.length - 1];
    if (last && c.group !== null && last[2] === c.group) last[1]++;
    else out.push([i, 1, c.group]);
  });
  return out;
}

const dayVi = (day: string) => day.split('-').reverse().join('/');

/**
 * The staffing table as a workbook in the layout provinces send for the number and quality of civil
 * servants (legacy BM01/BNV; DOMAIN-MANAGEMENT §C5): the unit and the national motto side by side, the
 * title and the reference day, two header rows (a group merged over its columns), the numbered column
 * line, a row per unit and a bold total, then the signatures. Times New Roman, as the forms ask; a zero
 * is left blank, as the statistical forms' instructions ask, while the figures stay numbers so whoever
 * takes the workbook further can sum them.
 */
export async function staffingXlsx(table: StaffingTable, meta: StaffingXlsxMeta): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'motcua';
  book.title = meta.title;
  const top = STAFFING_HEADER_ROW;
  const sheet = book.addWorksheet('Thống kê', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${top}:${top + 2}` },
  });
  const cols = STAFFING_COLUMNS;
  const last = cols.length + 2; // STT, the unit, then the figures
  sheet.columns = [{ width: 6 }, { width: 34 }, ...cols.map(() => ({ width: 8 }))];
  const half = Math.floor(last / 2);

  const line = (row: number, from: number, to: number, text: string, font: Partial<ExcelJS.Font> = {}) => {
    if (to > from) sheet.mergeCells(row, from, row, to);
    const cell = sheet.getCell(row, from);
    cell.value = text;
    cell.font = { name: FONT, size: 12, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  line(1, 1, half, meta.unitName.toLocaleUpperCase('vi'), { bold: true });
  line(1, half + 1, last, NATIONAL_NAME, { bold: true });
  line(2, half + 1, last, NATIONAL_MOTTO, { bold: true, underline: true });
  line(4, 1, last, meta.title.toLocaleUpperCase('vi'), { bold: true, size: 14 });
  line(5, 1, last, `Số liệu tính đến ngày ${dayVi(meta.asOf)}`, { italic: true });

  const head = (row: number, col: number, text: string, rows: number, span: number) => {
    if (rows > 1 || span > 1) sheet.mergeCells(row, col, row + rows - 1, col + span - 1);
    const cell = sheet.getCell(row, col);
    cell.value = text;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  head(top, 1, 'STT', 2, 1);
  head(top, 2, 'Tên cơ quan, đơn vị', 2, 1);
  for (const [first, span, group] of groupRuns(cols)) {
    if (group === null) head(top, first + 3, cols[first]!.name, 2, 1);
    else {
      head(top, first + 3, group, 1, span);
      for (let i = first; i < first + span; i++) head(top + 1, i + 3, cols[i]!.name, 1, 1);
    }
  }
  sheet.getRow(top + 1).height = 60;
  // The numbered line under the headers, (1), (2), …, which the forms' instructions refer to.
  for (let col = 1; col <= last; col++) {
    const cell = sheet.getCell(top + 2, col);
    cell.value = `(${col})`;
    cell.font = { name: FONT, size: 10, italic: true };
    cell.alignment = { horizontal: 'center' };
  }

  const figures = (counts: StaffingCounts) => cols.map((c) => c.value(counts) || null);
  let r = top + 3;
  table.rows.forEach((row, index) => {
    sheet.getRow(r++).values = [index + 1, row.unitName, ...figures(row.counts)];
  });
  const totalRow = r++;
  sheet.getRow(totalRow).values = [null, 'Tổng cộng', ...figures(table.total)];
  for (let row = top; row < r; row++) {
    for (let col = 1; col <= last; col++) {
      const cell = sheet.getCell(row, col);
      cell.border = BOX;
      if (row > top + 2) {
        cell.font = { name: FONT, size: 12, bold: row === totalRow };
        cell.alignment = { vertical: 'top', wrapText: true, horizontal: col === 2 ? 'left' : 'center' };
      }
    }
  }
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: top + 2 }];

  const sign = r + 1;
  line(sign, 1, half, 'NGƯỜI LẬP BIỂU', { bold: true });
  line(sign, half + 1, last, 'THỦ TRƯỞNG ĐƠN VỊ', { bold: true });
  line(sign + 1, 1, half, '(Ký, ghi rõ họ tên)', { italic: true });
  line(sign + 1, half + 1, last, '(Ký tên, đóng dấu)', { italic: true });
  // Four empty lines leave room for the signature and the seal above the name.
  if (meta.signer) line(sign + 6, half + 1, last, meta.signer, { bold: true });
  return Buffer.from(await book.xlsx.writeBuffer());
}
