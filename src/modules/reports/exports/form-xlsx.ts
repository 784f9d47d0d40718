import ExcelJS from 'exceljs';
import { NATIONAL_MOTTO, NATIONAL_NAME, officialPlaceDate } from '../../../platform/documents/index.js';
import type { SlipAgency } from '../../org/agency-heading.js';
import { headerGroups, type FormSheet } from './form-sheet.js';

const FONT = 'Times New Roman';
const THIN = { style: 'thin' } as const;
const BOX = { top: THIN, bottom: THIN, left: THIN, right: THIN };

/**
 * A statutory form as a workbook in its layout: the agency and the national motto side by side, the
 * form's number, title and period, two merged header rows and the numbered column line, one line per
 * row, the total, and the signature block. Times New Roman throughout, as official documents are typed.
 */
export async function formXlsx(form: FormSheet, agency: SlipAgency, issuedAt: Date): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'motcua';
  book.title = `Biểu ${form.code}`;
  const sheet = book.addWorksheet(form.code, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const cols = form.columns;
  const last = cols.length + 2; // STT, the row's name, then the figures
  sheet.columns = [{ width: 6 }, { width: 42 }, ...cols.map(() => ({ width: 12 }))];
  const half = Math.floor(last / 2);

  const put = (row: number, from: number, to: number, text: string, font: Partial<ExcelJS.Font> = {}) => {
    if (to > from) sheet.mergeCells(row, from, row, to);
    const cell = sheet.getCell(row, from);
    cell.value = text;
    cell.font = { name: FONT, size: 12, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  put(1, 1, half, (agency.managingBody ?? '').toLocaleUpperCase('vi'));
  put(1, half + 1, last, NATIONAL_NAME, { bold: true });
  put(2, 1, half, agency.name.toLocaleUpperCase('vi'), { bold: true });
  put(2, half + 1, last, NATIONAL_MOTTO, { bold: true, underline: true });
  put(3, half + 1, last, officialPlaceDate(agency.place, issuedAt), { italic: true });
  put(4, half + 1, last, form.formNumber, { italic: true, size: 11 });
  put(5, 1, last, form.title.toLocaleUpperCase('vi'), { bold: true, size: 14 });
  put(6, 1, last, form.subtitle, { bold: true, size: 13 });
  put(7, 1, last, form.period, { italic: true });

  // Headers: STT and the row's name span both header rows; each group spans its columns.
  const top = 9;
  const head = (row: number, col: number, text: string, rows = 1, span = 1) => {
    sheet.mergeCells(row, col, row + rows - 1, col + span - 1);
    const cell = sheet.getCell(row, col);
    cell.value = text;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  head(top, 1, 'STT', 2);
  head(top, 2, form.rowHeader, 2);
  for (const [first, span, name] of headerGroups(cols)) head(top, first + 3, name, 1, span);
  cols.forEach((c, i) => head(top + 1, i + 3, c.name));
  sheet.getRow(top + 1).height = 45;
  // The numbered line under the headers: (1), (2), … as the printed form has it.
  const numbers = sheet.getRow(top + 2);
  for (let i = 1; i <= last; i++) {
    const cell = numbers.getCell(i);
    cell.value = `(${i})`;
    cell.font = { name: FONT, size: 10, italic: true };
    cell.alignment = { horizontal: 'center' };
  }

  let r = top + 3;
  form.rows.forEach((row, index) => {
    const line = sheet.getRow(r++);
    line.values = [index + 1, row.name, ...row.values];
  });
  const total = sheet.getRow(r++);
  total.values = ['', 'Tổng cộng', ...form.total];
  total.font = { name: FONT, size: 12, bold: true };
  for (let row = top; row < r; row++) {
    for (let col = 1; col <= last; col++) {
      const cell = sheet.getCell(row, col);
      cell.border = BOX;
      if (row > top + 2) {
        cell.font = { name: FONT, size: 12, bold: row === r - 1 };
        cell.alignment = { vertical: 'top', wrapText: true, horizontal: col === 2 ? 'left' : 'center' };
      }
    }
  }
  sheet.views = [{ state: 'frozen', ySplit: top + 2, xSplit: 2 }];

  // The signature block: who drew it up, and the head of the unit.
  const sign = r + 1;
  put(sign, 1, half, 'NGƯỜI LẬP BIỂU', { bold: true });
  put(sign, half + 1, last, 'THỦ TRƯỞNG ĐƠN VỊ', { bold: true });
  put(sign + 1, 1, half, '(Ký, ghi rõ họ tên)', { italic: true });
  put(sign + 1, half + 1, last, '(Ký tên, đóng dấu)', { italic: true });
  return Buffer.from(await book.xlsx.writeBuffer());
}
