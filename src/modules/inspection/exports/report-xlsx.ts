import ExcelJS from 'exceljs';
import { NATIONAL_MOTTO, NATIONAL_NAME } from '../../../platform/documents/index.js';
import { abbreviateManagingBody } from '../../../platform/documents/official-style.js';
import { groupRuns, type ReportContent, type ReportSection, type ReportTable } from './report-content.js';

const FONT = 'Times New Roman';
const THIN = { style: 'thin' } as const;
const BOX = { top: THIN, bottom: THIN, left: THIN, right: THIN };
/** The heading takes rows 1–9; the first table's title is on this row. */
export const FIRST_TABLE_ROW = 11;

type Sheet = ExcelJS.Worksheet;

function line(sheet: Sheet, row: number, from: number, to: number, text: string, font: Partial<ExcelJS.Font> = {}, horizontal: 'center' | 'left' = 'center'): void {
  if (to > from) sheet.mergeCells(row, from, row, to);
  const cell = sheet.getCell(row, from);
  cell.value = text;
  cell.font = { name: FONT, size: 12, ...font };
  cell.alignment = { horizontal, vertical: 'middle', wrapText: true };
}

/** Decree 30's heading over the sheet's width: the agency beside the national name, then the title and the period. */
function heading(sheet: Sheet, c: ReportContent, section: ReportSection, last: number): void {
  const half = Math.max(2, Math.floor(last / 2));
  if (c.agency.managingBody) line(sheet, 1, 1, half, abbreviateManagingBody(c.agency.managingBody).toLocaleUpperCase('vi'));
  line(sheet, 2, 1, half, c.agency.name.toLocaleUpperCase('vi'), { bold: true });
  line(sheet, 1, half + 1, last, NATIONAL_NAME, { bold: true });
  line(sheet, 2, half + 1, last, NATIONAL_MOTTO, { bold: true, underline: true });
  line(sheet, 3, half + 1, last, c.placeDate, { italic: true });
  line(sheet, 5, 1, last, c.title.toLocaleUpperCase('vi'), { bold: true, size: 14 });
  line(sheet, 6, 1, last, c.subject, { bold: true });
  sheet.getRow(6).height = 32;
  line(sheet, 7, 1, last, c.periodLabel, { bold: true });
  line(sheet, 8, 1, last, c.periodSpan, { italic: true });
  line(sheet, 9, 1, last, `${c.scopeLine} — ${section.heading}`, { italic: true });
}

/** Writes one table from `top` (its title, one or two header rows, the rows, the total); returns the row after it. */
export function writeTable(sheet: Sheet, top: number, t: ReportTable): number {
  const last = t.columns.length;
  line(sheet, top, 1, last, t.title, { bold: true }, 'left');
  const grouped = t.columns.some((c) => c.group);
  const head = top + 1;
  const cellAt = (row: number, col: number, text: string, rows: number, span: number) => {
    if (rows > 1 || span > 1) sheet.mergeCells(row, col, row + rows - 1, col + span - 1);
    const cell = sheet.getCell(row, col);
    cell.value = text;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  for (const [first, span, group] of groupRuns(t.columns)) {
    if (!grouped) cellAt(head, first + 1, t.columns[first]!.header, 1, 1);
    else if (group === null) cellAt(head, first + 1, t.columns[first]!.header, 2, 1);
    else {
      cellAt(head, first + 1, group, 1, span);
      for (let i = first; i < first + span; i++) cellAt(head + 1, i + 1, t.columns[i]!.header, 1, 1);
    }
  }
  const bodyTop = head + (grouped ? 2 : 1);
  sheet.getRow(bodyTop - 1).height = 45;
  let r = bodyTop;
  if (!t.rows.length && t.empty) {
    line(sheet, r, 1, last, t.empty, { italic: true }, 'left');
    r++;
  }
  const lines = [...t.rows.map((cells) => ({ cells, bold: false })), ...(t.total ? [{ cells: t.total, bold: true }] : [])];
  for (const { cells, bold } of lines) {
    t.columns.forEach((c, i) => {
      const cell = sheet.getCell(r, i + 1);
      cell.value = cells[i] ?? null;
      cell.font = { name: FONT, size: 12, bold };
      cell.alignment = { horizontal: c.kind === 'text' && i > 0 ? 'left' : 'center', vertical: 'top', wrapText: true };
    });
    r++;
  }
  for (let row = head; row < r; row++) for (let col = 1; col <= last; col++) sheet.getCell(row, col).border = BOX;
  return r + 1;
}

function signatures(sheet: Sheet, row: number, last: number): void {
  const half = Math.max(2, Math.floor(last / 2));
  line(sheet, row, 1, half, 'NGƯỜI LẬP BIỂU', { bold: true });
  line(sheet, row, half + 1, last, 'THỦ TRƯỞNG ĐƠN VỊ', { bold: true });
  line(sheet, row + 1, 1, half, '(Ký, ghi rõ họ tên)', { italic: true });
  line(sheet, row + 1, half + 1, last, '(Ký tên, đóng dấu)', { italic: true });
}

/**
 * The report as a workbook: a sheet per section, each with the heading, its tables (a group merged over
 * its columns in a second header row) and the signatures, in Times New Roman as the forms ask. Every figure
 * is a number, so whoever takes the workbook further can sum and check them.
 */
export async function reportXlsx(c: ReportContent): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'motcua';
  book.title = `${c.title} ${c.subject} - ${c.periodLabel}`;
  for (const section of c.sections) {
    const sheet = book.addWorksheet(section.sheet, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    const last = Math.max(...section.tables.map((t) => t.columns.length));
    sheet.columns = Array.from({ length: last }, (_v, i) => ({ width: Math.max(...section.tables.map((t) => t.columns[i]?.width ?? 6)) }));
    heading(sheet, c, section, last);
    let row = FIRST_TABLE_ROW;
    for (const t of section.tables) row = writeTable(sheet, row, t);
    signatures(sheet, row + 1, last);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
