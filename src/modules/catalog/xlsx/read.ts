/**
 * Reads the XLSX template back into procedure versions (raw objects for the zod schema) and
 * remembers which sheet row each part came from, so an error in `documents.2.copies` is reported
 * at "Thành phần hồ sơ", row 17, column "Bản sao".
 */
import ExcelJS from 'exceljs';
import { checkXlsxLimits, type SpreadsheetLimits } from '../../../platform/files/xlsx-guard.js';
import { AppError } from '../../../platform/http/app-error.js';
import type { ImportError, ImportRow } from '../catalog.import.js';
import { decodeAgency, decodeChoice, SHEETS, type Codec, type Column, type SheetKey } from './sheets.js';

type Raw = Record<string, unknown>;
type Line = { sheet: string; row: number; values: Raw };
type Origin = { path: string; sheet: string; row: number; columns: Column[] };

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
  }
  return String(value);
}

/** Decodes a cell; a value it cannot read is returned as typed so the schema reports it in context. */
function decode(raw: ExcelJS.CellValue, codec: Codec, fail: (message: string) => void): unknown {
  const text = cellText(raw).trim();
  if (text === '') return undefined;
  switch (codec.kind) {
    case 'int': {
      if (typeof raw === 'number') return raw;
      const digits = text.replace(/[.\s]/g, '');
      return /^-?\d+$/.test(digits) ? Number(digits) : text;
    }
    case 'bool': return /^(co|có|x|yes|true|1)$/i.test(text);
    case 'date': {
      const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
      return vi ? `${vi[3]}-${vi[2]!.padStart(2, '0')}-${vi[1]!.padStart(2, '0')}` : text;
    }
    case 'lines': return text.split(codec.semicolons ? /\r?\n|;/ : /\r?\n/).map((s) => s.trim()).filter(Boolean);
    case 'enum': {
      const code = decodeChoice(text, codec.labels);
      if (code === undefined) fail(`Giá trị "${text}" không có trong danh sách: ${Object.values(codec.labels).join('; ')}.`);
      return code ?? text;
    }
    case 'enums': return text.split(/\r?\n|;/).map((s) => s.trim()).filter(Boolean).flatMap((chunk) => {
      // Labels may hold commas ("Tổ chức, doanh nghiệp"): a whole chunk first, then its comma parts.
      const whole = decodeChoice(chunk, codec.labels);
      if (whole !== undefined) return [whole];
      return chunk.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
        const code = decodeChoice(s, codec.labels);
        if (code === undefined) fail(`Giá trị "${s}" không có trong danh sách: ${Object.values(codec.labels).join('; ')}.`);
        return code ?? s;
      });
    });
    default: return text;
  }
}

function readSheet(book: ExcelJS.Workbook, key: SheetKey, errors: ImportError[]): Line[] {
  const spec = SHEETS[key];
  const sheet = book.getWorksheet(spec.name);
  if (!sheet) {
    if (key === 'procedures') errors.push({ row: 0, sheet: spec.name, message: `Tệp thiếu trang "${spec.name}".` });
    return [];
  }
  const byHeader = new Map(spec.columns.flatMap((c) => [[norm(c.header), c], [norm(c.key), c]] as const));
  const columns = new Map<number, Column>();
  sheet.getRow(1).eachCell((cell, n) => {
    const c = byHeader.get(norm(cellText(cell.value)));
    if (c) columns.set(n, c);
  });
  const lines: Line[] = [];
  sheet.eachRow((r, rowNumber) => {
    if (rowNumber === 1) return;
    const values: Raw = {};
    for (const [n, c] of columns) {
      const v = decode(r.getCell(n).value, c.codec, (message) => errors.push({ row: rowNumber, sheet: spec.name, field: c.header, message }));
      if (v !== undefined) values[c.key] = v;
    }
    if (Object.keys(values).length > 0) lines.push({ sheet: spec.name, row: rowNumber, values });
  });
  return lines;
}

const norm = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '');

/** Drops undefined keys so optional fields stay absent, as in a JSON file. */
function compact(o: Raw): Raw {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
}

function pick(v: Raw, ...keys: string[]): Raw {
  return compact(Object.fromEntries(keys.map((k) => [k, v[k]])));
}

/**
 * The whole national catalogue of a province (~2,000 procedures, each a handful of rows per sheet)
 * stays well inside; a file beyond is refused before ExcelJS builds it in memory.
 */
export const CATALOG_XLSX_LIMITS: SpreadsheetLimits = { maxRows: 100_000, maxInflatedBytes: 128 * 1024 * 1024 };

export async function catalogRowsFromXlsx(content: Buffer): Promise<{ rows: ImportRow[]; errors: ImportError[] }> {
  const book = new ExcelJS.Workbook();
  const errors: ImportError[] = [];
  try {
    await checkXlsxLimits(content, CATALOG_XLSX_LIMITS);
    await book.xlsx.load(content as unknown as ArrayBuffer);
  } catch (err) {
    if (err instanceof AppError && err.status === 413) throw err;
    return { rows: [], errors: [{ row: 0, message: 'Không đọc được tệp XLSX.' }] };
  }
  const sheets = Object.fromEntries((Object.keys(SHEETS) as SheetKey[]).map((k) => [k, readSheet(book, k, errors)])) as Record<SheetKey, Line[]>;
  const rows: ImportRow[] = [];
  const byKey = new Map<string, { p: Raw; origins: Origin[]; cases: Map<string, Raw> }>();
  const keyOf = (v: Raw) => `${String(v.code ?? '').trim()}@${String(v.version ?? '')}`;

  for (const line of sheets.procedures) {
    const v = line.values;
    const decision = v.decisionNumber || v.decisionDate || v.decisionSigner ? pick(v, 'decisionNumber', 'decisionDate', 'decisionSigner', 'decisionTitle') : undefined;
    const p: Raw = compact({
      code: v.code, name: v.name, description: v.description, field: { code: v.fieldCode, name: v.fieldName }, levels: v.levels ?? [],
      implementingAgency: compact({ code: v.agencyCode, name: v.agencyName }), coordinatingAgencies: (v.coordinating as string[] | undefined)?.map(decodeAgency),
      applicants: v.applicants ?? [], channels: [], onlineMode: v.onlineMode, boundaryIndependent: v.boundaryIndependent, steps: [],
      documents: [], cases: [], fees: [], requirements: v.requirements, results: [], legalBasis: [], keywords: v.keywords, internalProcesses: [],
      version: compact({
        number: v.version, status: v.status, changeNote: v.changeNote, effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo,
        decision: decision && compact({ number: decision.decisionNumber, date: decision.decisionDate, signer: decision.decisionSigner, title: decision.decisionTitle }),
      }),
    });
    for (const k of ['levels', 'applicants', 'channels', 'steps', 'results', 'legalBasis']) p[k] ??= [];
    if (byKey.has(keyOf(v))) {
      errors.push({ row: line.row, sheet: line.sheet, message: `Thủ tục ${String(v.code)} phiên bản ${String(v.version)} đã có ở dòng khác.` });
      continue;
    }
    const entry = { p, origins: [{ path: '', sheet: line.sheet, row: line.row, columns: SHEETS.procedures.columns }], cases: new Map<string, Raw>() };
    byKey.set(keyOf(v), entry);
    rows.push({ row: line.row, sheet: line.sheet, data: p, locate: (path) => locate(entry.origins, path) });
  }

  // Each detail line is appended to its procedure (or sub-case), and its path remembered.
  const attach = (key: SheetKey, build: (v: Raw, target: Raw, entry: { p: Raw; origins: Origin[] }) => string | undefined, caseList = false) => {
    for (const line of sheets[key]) {
      const entry = byKey.get(keyOf(line.values));
      if (!entry) {
        errors.push({ row: line.row, sheet: line.sheet, message: `Không có thủ tục ${String(line.values.code ?? '')} phiên bản ${String(line.values.version ?? '')} ở trang "${SHEETS.procedures.name}".` });
        continue;
      }
      const caseCode = line.values.case as string | undefined;
      let target = entry.p;
      let prefix = '';
      if (caseList && caseCode) {
        const index = ((entry.p.cases as Raw[] | undefined) ?? []).findIndex((c) => c.code === caseCode);
        if (index < 0) {
          errors.push({ row: line.row, sheet: line.sheet, field: 'Mã trường hợp', message: `Không có trường hợp "${caseCode}" ở trang "${SHEETS.cases.name}".` });
          continue;
        }
        target = (entry.p.cases as Raw[])[index]!;
        prefix = `cases.${index}.`;
      }
      const path = build(line.values, target, entry);
      if (path !== undefined) entry.origins.push({ path: prefix + path, sheet: line.sheet, row: line.row, columns: SHEETS[key].columns });
    }
  };
  const push = (target: Raw, list: string, item: Raw): string => {
    const arr = ((target[list] as Raw[] | undefined) ?? (target[list] = [])) as Raw[];
    arr.push(item);
    return `${list}.${arr.length - 1}`;
  };

  attach('cases', (v, p) => push(p, 'cases', compact({ code: v.case, name: v.name, description: v.description, requirements: v.requirements })));
  attach('channels', (v, t) => push(t, 'channels', compact({ kind: v.kind, time: pick(v, 'amount', 'unit', 'cutoff'), note: v.note })), true);
  attach('steps', (v, p) => push(p, 'steps', pick(v, 'order', 'title', 'where', 'who', 'what', 'documents', 'cost', 'duration', 'legalBasis', 'recourse')));
  attach('documents', (v, t) => push(t, 'documents', pick(v, 'name', 'originals', 'copies', 'certifiedCopies', 'presentOnly', 'optional', 'formTemplate', 'reusableFromNationalDb', 'note')), true);
  attach('fees', (v, t) => push(t, 'fees', pick(v, 'name', 'kind', 'amount', 'formula', 'per', 'channels', 'exemptions')), true);
  attach('results', (v, p) => push(p, 'results', pick(v, 'name', 'template')));
  attach('legalBasis', (v, p) => push(p, 'legalBasis', pick(v, 'number', 'title', 'date', 'issuer', 'articles')));
  attach('process', (v, t) => {
    const processes = ((t.internalProcesses as Raw[] | undefined) ?? (t.internalProcesses = [])) as Raw[];
    const n = typeof v.process === 'number' && v.process > 0 ? v.process : 1;
    while (processes.length < n) processes.push({ steps: [] });
    const proc = processes[n - 1]!;
    if (v.channels && !proc.channels) proc.channels = v.channels;
    const external = v.externalAgency ? decodeAgency(v.externalAgency as string) : undefined;
    const step = compact({
      order: v.order, name: v.name, action: v.action,
      responsible: compact({ unitCode: v.unitCode, function: v.function, externalAgency: external, role: v.role }),
      budget: compact({ amount: v.budget, unit: v.budgetUnit }), interAgency: v.interAgency, output: v.output,
    });
    (proc.steps as Raw[]).push(step);
    return `internalProcesses.${n - 1}.steps.${(proc.steps as Raw[]).length - 1}`;
  }, true);
  return { rows, errors };
}

/** The sheet row (and column header) of the longest recorded path that contains `path`. */
function locate(origins: Origin[], path: string): { row: number; sheet: string; field?: string } {
  let best = origins[0]!;
  for (const o of origins) {
    if ((path === o.path || path.startsWith(`${o.path}.`)) && o.path.length >= best.path.length) best = o;
  }
  const rest = path.slice(best.path ? best.path.length + 1 : 0).split('.');
  const column = best.columns.find((c) => c.key === rest[0] || (rest[0] === 'time' && c.key === rest[1]) || (rest[0] === 'budget' && c.key === 'budget'));
  return { row: best.row, sheet: best.sheet, ...(column ? { field: column.header } : path ? { field: path } : {}) };
}
