import ExcelJS from 'exceljs';
import { NATIONAL_MOTTO, NATIONAL_NAME } from '../../../platform/documents/index.js';
import type { ConsolidatedReport } from './consolidated.js';
import {
  SECTION, TITLE, figures, numberLine, overdueTable, periodSpan, placeDate, subjectLines, tasksTable, unitsTable,
  type Cell, type ColumnKind, type ReportTable,
} from './consolidated-content.js';

const FONT = 'Times New Roman';
const THIN = { style: 'thin' } as const;
const BOX = { top: THIN, bottom: THIN, left: THIN, right: THIN };
/** Column widths in characters: a table's width shares are percentages of about this many. */
const SHEET_CHARS = 150;

/**
 * Counts, rates and days stay numbers and dates, so whoever takes the workbook further can sum, sort
 * and filter; only their format makes them read as the documents print them.
 */
function put(cell: ExcelJS.Cell, kind: ColumnKind, value: Cell): void {
  if (value === null || value === '') {
    cell.value = kind === 'rate' ? '—' : '';
  } else if (kind === 'rate' && typeof value === 'number') {
    cell.value = value / 100;
    cell.numFmt = '0.0%';
  } else if (kind === 'day' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    cell.value = new Date(Date.UTC(y, m - 1, d));
    cell.numFmt = 'dd/mm/yyyy';
  } else {
    cell.value = value;
  }
}

/** Writes the table from `top`; returns the first row after it. */
function writeTable(sheet: ExcelJS.Worksheet, top: number, t: ReportTable): number {
  const header = sheet.getRow(top);
  t.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BOX;
  });
  if (!t.rows.length) {
    sheet.mergeCells(top + 1, 1, top + 1, t.columns.length);
    const cell = sheet.getCell(top + 1, 1);
    cell.value = t.empty;
    cell.font = { name: FONT, size: 12, italic: true };
    return top + 2;
  }
  const lines = [...t.rows.map((cells) => ({ cells, bold: false })), ...(t.total ? [{ cells: t.total, bold: true }] : [])];
  lines.forEach(({ cells, bold }, n) => {
    const row = sheet.getRow(top + 1 + n);
    t.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      put(cell, c.kind, cells[i] ?? null);
      cell.font = { name: FONT, size: 12, bold };
      cell.alignment = { horizontal: c.kind === 'text' ? 'left' : 'center', vertical: 'top', wrapText: true };
      cell.border = BOX;
    });
  });
  return top + 1 + lines.length;
}

const widths = (t: ReportTable) => t.columns.map((c) => ({ width: Math.max(6, Math.round((SHEET_CHARS * c.width) / 100)) }));

/** A sheet that is one list: its header is row 1, frozen and filterable. */
function listSheet(book: ExcelJS.Workbook, name: string, t: ReportTable): void {
  const sheet = book.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' } });
  sheet.columns = widths(t);
  writeTable(sheet, 1, t);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  if (t.rows.length) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + t.rows.length, column: t.columns.length } };
}

/**
 * The summary sheet: the Decree 30 heading, the figures of section I and the by-unit table. Nothing is
 * frozen here: the rows above the table are the document's heading and would hold half the screen.
 */
function summarySheet(book: ExcelJS.Workbook, r: ConsolidatedReport): void {
  const units = unitsTable(r);
  const last = units.columns.length;
  const half = Math.floor(last / 2);
  const sheet = book.addWorksheet('Tổng hợp', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = widths(units);
  const line = (row: number, from: number, to: number, text: string, font: Partial<ExcelJS.Font> = {}, horizontal: 'center' | 'left' = 'center') => {
    if (to > from) sheet.mergeCells(row, from, row, to);
    const cell = sheet.getCell(row, from);
    cell.value = text;
    cell.font = { name: FONT, size: 12, ...font };
    cell.alignment = { horizontal, vertical: 'middle', wrapText: true };
  };
  line(1, 1, half, (r.agency.managingBody ?? '').toLocaleUpperCase('vi'));
  line(1, half + 1, last, NATIONAL_NAME, { bold: true });
  line(2, 1, half, r.agency.name.toLocaleUpperCase('vi'), { bold: true });
  line(2, half + 1, last, NATIONAL_MOTTO, { bold: true, underline: true });
  line(3, 1, half, numberLine(r));
  line(3, half + 1, last, placeDate(r), { italic: true });
  const [subject, period] = subjectLines(r);
  line(5, 1, last, TITLE, { bold: true, size: 14 });
  line(6, 1, last, subject ?? '', { bold: true, size: 13 });
  sheet.getRow(6).height = 36;
  line(7, 1, last, period ?? '', { bold: true, size: 13 });
  line(8, 1, last, periodSpan(r), { italic: true });

  line(10, 1, last, SECTION.overview, { bold: true }, 'left');
  let row = 11;
  for (const f of figures(r)) {
    sheet.mergeCells(row, 1, row, 2);
    const label = sheet.getCell(row, 1);
    label.value = f.label;
    const value = sheet.getCell(row, 3);
    put(value, f.kind, f.value);
    for (const cell of [label, sheet.getCell(row, 2), value]) {
      cell.font = { name: FONT, size: 12, bold: !f.label.startsWith('-') };
      cell.border = BOX;
    }
    value.alignment = { horizontal: 'center' };
    row++;
  }
  line(row + 1, 1, last, SECTION.units, { bold: true }, 'left');
  writeTable(sheet, row + 2, units);
}

export async function consolidatedXlsx(r: ConsolidatedReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'motcua';
  book.title = `Báo cáo kết quả thực hiện ${r.document.number} - ${r.period.label}`;
  summarySheet(book, r);
  listSheet(book, 'Nhiệm vụ', tasksTable(r));
  listSheet(book, 'Quá hạn', overdueTable(r));
  return Buffer.from(await book.xlsx.writeBuffer());
}
