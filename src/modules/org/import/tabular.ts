import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { checkXlsxLimits, spreadsheetTooLarge, type SpreadsheetLimits } from '../../../platform/files/xlsx-guard.js';
import { normaliseHeader } from './columns.js';

/**
 * Reads a CSV or XLSX upload into rows keyed by normalised header. Row numbers are the ones a
 * person sees in the spreadsheet (header is row 1), so error messages point at the right line.
 */
export type TabularRow = { row: number; values: Record<string, string> };
export type Tabular = { headers: string[]; rows: TabularRow[] };

export { normaliseHeader };

/**
 * A province's whole staff list fits many times over (Lai Châu has a few thousand officials); a file
 * beyond these is refused before it is parsed, so no upload can hold the server for long.
 */
export const TABULAR_LIMITS: SpreadsheetLimits = { maxRows: 20_000, maxInflatedBytes: 64 * 1024 * 1024 };

export async function readTabular(content: Buffer, filename: string, limits = TABULAR_LIMITS): Promise<Tabular> {
  if (/\.xlsx$/i.test(filename) || content.subarray(0, 2).toString() === 'PK') {
    await checkXlsxLimits(content, limits);
    return readXlsx(content);
  }
  const table = readCsv(content);
  if (table.rows.length + 1 > limits.maxRows) throw spreadsheetTooLarge(limits);
  return table;
}

function readCsv(content: Buffer): Tabular {
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  const delimiter = (text.split('\n')[0] ?? '').includes(';') && !(text.split('\n')[0] ?? '').includes(',') ? ';' : ',';
  const records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
  const [header, ...rest] = records;
  if (!header) return { headers: [], rows: [] };
  const keys = header.map(normaliseHeader);
  const rows = rest
    .map((cells, i) => ({ row: i + 2, values: Object.fromEntries(keys.map((k, j) => [k, cells[j] ?? ''])) }))
    .filter((r) => Object.values(r.values).some((v) => v !== ''));
  return { headers: header, rows };
}

/** A cell as text; a date typed in a date cell is a calendar day (Excel keeps it at UTC midnight). */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(cell.text ?? '').trim();
}

async function readXlsx(content: Buffer): Promise<Tabular> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const headers: string[] = [];
  const keys: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    headers.push(String(cell.text ?? ''));
    keys[col] = normaliseHeader(String(cell.text ?? ''));
  });
  const rows: TabularRow[] = [];
  sheet.eachRow((r, rowNumber) => {
    if (rowNumber === 1) return;
    const values: Record<string, string> = {};
    keys.forEach((k, col) => { if (k) values[k] = cellText(r.getCell(col)); });
    if (Object.values(values).some((v) => v !== '')) rows.push({ row: rowNumber, values });
  });
  return { headers, rows };
}
