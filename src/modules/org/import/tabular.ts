import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/**
 * Reads a CSV or XLSX upload into rows keyed by normalised header. Row numbers are the ones a
 * person sees in the spreadsheet (header is row 1), so error messages point at the right line.
 */
export type TabularRow = { row: number; values: Record<string, string> };

export function normaliseHeader(h: string): string {
  return h.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().trim().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

export async function readTabular(content: Buffer, filename: string): Promise<TabularRow[]> {
  if (/\.xlsx$/i.test(filename) || content.subarray(0, 2).toString() === 'PK') return readXlsx(content);
  return readCsv(content);
}

function readCsv(content: Buffer): TabularRow[] {
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  const delimiter = (text.split('\n')[0] ?? '').includes(';') && !(text.split('\n')[0] ?? '').includes(',') ? ';' : ',';
  const records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
  const [header, ...rest] = records;
  if (!header) return [];
  const keys = header.map(normaliseHeader);
  return rest
    .map((cells, i) => ({ row: i + 2, values: Object.fromEntries(keys.map((k, j) => [k, cells[j] ?? ''])) }))
    .filter((r) => Object.values(r.values).some((v) => v !== ''));
}

async function readXlsx(content: Buffer): Promise<TabularRow[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const keys: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => { keys[col] = normaliseHeader(String(cell.text ?? '')); });
  const rows: TabularRow[] = [];
  sheet.eachRow((r, rowNumber) => {
    if (rowNumber === 1) return;
    const values: Record<string, string> = {};
    keys.forEach((k, col) => { if (k) values[k] = String(r.getCell(col).text ?? '').trim(); });
    if (Object.values(values).some((v) => v !== '')) rows.push({ row: rowNumber, values });
  });
  return rows;
}

/** First non-empty value among accepted column names (Vietnamese or English headers). */
export function pick(values: Record<string, string>, ...names: string[]): string {
  for (const n of names) {
    const v = values[n];
    if (v) return v;
  }
  return '';
}
