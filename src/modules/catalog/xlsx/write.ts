import ExcelJS from 'exceljs';
import type { InternalProcess, Procedure, SubCase } from '../schema.js';
import { encodeAgency, SHEETS, type Codec, type SheetKey, type SheetSpec } from './sheets.js';

type Cells = Record<string, unknown>;

const isoToVi = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function encode(value: unknown, codec: Codec): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  switch (codec.kind) {
    case 'int': return value as number;
    case 'bool': return value ? 'Có' : null;
    case 'date': return isoToVi(value as string);
    case 'lines': return (value as string[]).length ? (value as string[]).join('\n') : null;
    case 'enum': return codec.labels[value as string] ?? String(value);
    case 'enums': return (value as string[]).length ? (value as string[]).map((v) => codec.labels[v] ?? v).join('; ') : null;
    default: return String(value);
  }
}

/** The rows of every sheet for one procedure version, in the order a reader expects them. */
function rowsOf(p: Procedure): Record<SheetKey, Cells[]> {
  const key = { code: p.code, version: p.version.number };
  const v = p.version;
  const out: Record<SheetKey, Cells[]> = { procedures: [], channels: [], steps: [], documents: [], fees: [], cases: [], results: [], legalBasis: [], process: [] };
  out.procedures.push({
    ...key, status: v.status, name: p.name, description: p.description, fieldCode: p.field.code, fieldName: p.field.name, levels: p.levels,
    agencyCode: p.implementingAgency.code, agencyName: p.implementingAgency.name, coordinating: p.coordinatingAgencies.map(encodeAgency),
    applicants: p.applicants, onlineMode: p.onlineMode, boundaryIndependent: p.boundaryIndependent, requirements: p.requirements, keywords: p.keywords,
    decisionNumber: v.decision?.number, decisionDate: v.decision?.date, decisionSigner: v.decision?.signer, decisionTitle: v.decision?.title,
    effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo, changeNote: v.changeNote,
  });
  const owners: { case?: string; c: Pick<SubCase, 'documents' | 'fees' | 'channels' | 'internalProcesses'> }[] = [
    { c: p }, ...p.cases.map((c) => ({ case: c.code, c })),
  ];
  for (const { case: caseCode, c } of owners) {
    for (const ch of c.channels ?? []) out.channels.push({ ...key, case: caseCode, kind: ch.kind, ...ch.time, note: ch.note });
    for (const d of c.documents ?? []) out.documents.push({ ...key, case: caseCode, ...d });
    for (const f of c.fees ?? []) out.fees.push({ ...key, case: caseCode, ...f });
    (c.internalProcesses ?? []).forEach((proc: InternalProcess, i) => {
      for (const s of proc.steps) {
        out.process.push({
          ...key, case: caseCode, process: i + 1, channels: proc.channels, order: s.order, name: s.name, action: s.action,
          unitCode: s.responsible.unitCode, function: s.responsible.function,
          externalAgency: s.responsible.externalAgency ? encodeAgency(s.responsible.externalAgency) : undefined,
          role: s.responsible.role, budget: s.budget.amount, budgetUnit: s.budget.unit, interAgency: s.interAgency, output: s.output,
        });
      }
    });
  }
  for (const s of p.steps) out.steps.push({ ...key, ...s });
  for (const c of p.cases) out.cases.push({ ...key, case: c.code, name: c.name, description: c.description, requirements: c.requirements });
  for (const r of p.results) out.results.push({ ...key, ...r });
  for (const l of p.legalBasis) out.legalBasis.push({ ...key, ...l });
  return out;
}

/**
 * Drop-down lists live on a hidden sheet: an inline list would split labels at their commas
 * ("Chuyên viên, công chức chuyên môn") and is limited to 255 characters.
 */
class ChoiceLists {
  private readonly sheet: ExcelJS.Worksheet;
  private readonly ranges = new Map<string, string>();
  constructor(book: ExcelJS.Workbook) {
    this.sheet = book.addWorksheet('Danh mục', { state: 'hidden' });
  }
  range(choices: string[]): string {
    const key = choices.join('\u0000');
    let range = this.ranges.get(key);
    if (!range) {
      const column = this.sheet.getColumn(this.ranges.size + 1);
      choices.forEach((c, i) => { this.sheet.getCell(i + 1, column.number).value = c; });
      range = `'Danh mục'!$${column.letter}$1:$${column.letter}$${choices.length}`;
      this.ranges.set(key, range);
    }
    return range;
  }
}

function addSheet(book: ExcelJS.Workbook, spec: SheetSpec, rows: Cells[], lists: ChoiceLists): void {
  const sheet = book.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  for (const r of rows) sheet.addRow(Object.fromEntries(spec.columns.map((c) => [c.key, encode(r[c.key], c.codec)])));
  // Choice columns get a drop-down over the filled rows and some empty ones below for new entries.
  // ExcelJS accepts a range here at run time although its typings do not declare `dataValidations`.
  const validations = (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  const last = rows.length + 500;
  spec.columns.forEach((c, i) => {
    if (c.codec.kind !== 'enum' && c.codec.kind !== 'bool') return;
    const choices = c.codec.kind === 'bool' ? ['Có'] : Object.values(c.codec.labels);
    const letter = sheet.getColumn(i + 1).letter;
    validations.add(`${letter}2:${letter}${last}`, { type: 'list', allowBlank: true, formulae: [lists.range(choices)] });
  });
  sheet.getColumn(1).alignment = { vertical: 'top' };
}

/** The catalogue (or an empty template) as an XLSX workbook with an instructions sheet first. */
export async function catalogWorkbook(versions: readonly Procedure[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'motcua';
  book.created = new Date(0);
  const guide = book.addWorksheet('Hướng dẫn');
  guide.columns = [{ width: 24 }, { width: 110 }];
  guide.addRow(['Danh mục thủ tục hành chính — mẫu nhập liệu (motcua.catalog/v1)']).font = { bold: true, size: 14 };
  guide.addRow(['Mỗi phiên bản thủ tục có một dòng ở trang "Thủ tục"; các trang còn lại liệt kê từng phần của thủ tục, nối bằng Mã thủ tục + Phiên bản.']);
  guide.addRow(['Ô lựa chọn nhận nhãn tiếng Việt (như trong danh sách thả xuống) hoặc mã tiếng Anh. Ô nhiều giá trị: mỗi giá trị một dòng trong ô (Alt+Enter).']);
  guide.addRow(['Ngày ghi dd/mm/yyyy. Số tiền ghi bằng đồng, số nguyên. Nhập lại cùng một tệp không tạo bản ghi trùng; tệp có lỗi thì không dòng nào được áp dụng.']);
  guide.addRow([]);
  for (const spec of Object.values(SHEETS)) guide.addRow([spec.name, spec.hint]).getCell(1).font = { bold: true };
  guide.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  const all: Record<SheetKey, Cells[]> = { procedures: [], channels: [], steps: [], documents: [], fees: [], cases: [], results: [], legalBasis: [], process: [] };
  for (const p of versions) {
    const rows = rowsOf(p);
    for (const k of Object.keys(all) as SheetKey[]) all[k].push(...rows[k]);
  }
  const lists = new ChoiceLists(book);
  for (const k of Object.keys(SHEETS) as SheetKey[]) addSheet(book, SHEETS[k], all[k], lists);
  return Buffer.from(await book.xlsx.writeBuffer());
}
