import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { AppError } from '../../../platform/http/app-error.js';
import { checkXlsxLimits } from '../../../platform/files/xlsx-guard.js';
import { issueMessages } from '../../../platform/http/validation.js';
import { type CriteriaTree, type CriterionNode, type TreeProblemCode, isExtra, validateTree, walk } from '../rules/criteria.js';
import type { Band } from '../rules/index.js';
import { BLOCK_LABELS, COMPUTED_SOURCES, treeInput, type Block } from '../schema.js';
import {
  ALWAYS, BOX, CAPPED_PARENT, CAP_LABELS, COLUMNS, FONT, HEADER, KIND_BY_WORD, LIMITS, SCORING_WORDS, SHEET, applicabilityText, cellNumber, cellText,
  columnOf, dayText, paramText, parseApplicability, parseScoring, plain, type Column,
} from './criteria-xlsx-cells.js';

/**
 * A criteria set (Bộ tiêu chí Chỉ số CCHC) as a workbook in the layout of the appendices provinces issue,
 * and back: one row per node (STT, nội dung, điểm tối đa, cách chấm điểm, tham số, tài liệu kiểm chứng,
 * đơn vị thẩm định, điều kiện áp dụng), areas in bold, levels indented. Sở Nội vụ drafts the set in Excel
 * with the appraising departments, so a workbook is how a draft reaches the system.
 *
 * Reading never throws: each cell that cannot be used is a Vietnamese problem with its row, and a tree
 * is returned only when there is no problem at all, so a set read in part cannot be saved.
 */

export type CriteriaSetSheet = {
  name: string;
  year: number;
  blocks: readonly string[];
  decisionNumber?: string | null;
  decisionDate?: string | null;
  illustrative: boolean;
  illustrativeNote?: string | null;
  tree: CriteriaTree;
  bands: readonly Band[];
};
export type CriteriaImportProblem = { row: number | null; message: string };
export type CriteriaImport = { tree: CriteriaTree | null; problems: CriteriaImportProblem[] };


export async function criteriaToXlsx(set: CriteriaSetSheet, unitName: (id: number) => string | undefined): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'motcua';
  book.title = set.name;
  const sheet = book.addWorksheet(SHEET, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '6:6' },
  });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
  const last = COLUMNS.length;
  const line = (row: number, text: string, font: Partial<ExcelJS.Font>) => {
    sheet.mergeCells(row, 1, row, last);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = { name: FONT, size: 12, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  line(1, set.name, { bold: true, size: 14 });
  const blocks = set.blocks.map((b) => BLOCK_LABELS[b as Block]?.vi ?? b).join('; ');
  const decision = set.decisionNumber
    ? ` — Kèm theo Quyết định số ${set.decisionNumber}${set.decisionDate ? ` ngày ${dayText(set.decisionDate)}` : ''}`
    : '';
  line(2, `Năm ${set.year} — ${blocks}${decision}`, { italic: true });
  if (set.illustrative) {
    line(3, `Bộ tiêu chí minh họa, chưa phải văn bản ban hành${set.illustrativeNote ? `: ${set.illustrativeNote}` : ''}`, { italic: true, color: { argb: 'FFC00000' } });
    sheet.getRow(3).height = 48;
  }
  // The caps sit in one header row as label, value, label, value: the reader finds them by their labels.
  const caps = sheet.getRow(4);
  caps.getCell(2).value = CAP_LABELS.bonus;
  caps.getCell(3).value = set.tree.caps.bonus;
  caps.getCell(4).value = CAP_LABELS.penalty;
  caps.getCell(5).value = set.tree.caps.penalty;
  caps.eachCell((cell) => { cell.font = { name: FONT, size: 12, bold: true }; });

  const top = 6;
  COLUMNS.forEach((c, i) => {
    const cell = sheet.getRow(top).getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BOX;
  });
  let r = top + 1;
  for (const { node, depth } of walk(set.tree.areas)) {
    const unit = node.appraisingUnitId == null ? '' : unitName(node.appraisingUnitId) ?? `(đơn vị số ${node.appraisingUnitId})`;
    const word = node.scoring ? SCORING_WORDS[node.scoring.kind] : node.maxNotSumOfChildren ? CAPPED_PARENT : '';
    const values: Record<Column, string | number> = {
      code: node.code, text: node.text, max: node.maxPoints, scoring: word, param: paramText(node.scoring),
      evidence: node.evidence ?? '', appraiser: unit, applicability: applicabilityText(node.applicability),
    };
    const row = sheet.getRow(r++);
    COLUMNS.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.value = values[c.key];
      cell.font = { name: FONT, size: 12, bold: depth === 0 };
      cell.border = BOX;
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: c.key === 'code' || c.key === 'max' ? 'center' : 'left', ...(c.key === 'text' ? { indent: depth * 2 } : {}) };
    });
    // "1.10" typed as a number would become 1.1: the code column is text.
    row.getCell(1).numFmt = '@';
  }
  const total = sheet.getRow(r);
  total.getCell(2).value = 'Tổng số điểm (không kể điểm thưởng, điểm trừ)';
  total.getCell(3).value = set.tree.areas.filter((a) => !isExtra(a)).reduce((s, a) => s + a.maxPoints, 0);
  for (let i = 1; i <= last; i++) {
    const cell = total.getCell(i);
    cell.font = { name: FONT, size: 12, bold: true };
    cell.border = BOX;
  }
  total.getCell(3).alignment = { horizontal: 'center' };
  sheet.views = [{ state: 'frozen', ySplit: top }];

  const bands = book.addWorksheet('Xếp loại');
  bands.columns = [{ header: 'Mức xếp loại', width: 20 }, { header: 'Chỉ số từ (%)', width: 16 }];
  for (const b of [...set.bands].sort((a, b) => b.min - a.min)) bands.addRow([b.label, b.min]);
  bands.getRow(1).font = { name: FONT, size: 12, bold: true };

  const guide = book.addWorksheet('Hướng dẫn');
  guide.columns = [{ width: 20 }, { width: 100 }];
  for (const [a, b] of GUIDE) guide.addRow([a, b]);
  guide.getRow(1).font = { name: FONT, size: 12, bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

const GUIDE: readonly [string, string][] = [
  ['Cách chấm điểm', 'Tham số chấm điểm'],
  [SCORING_WORDS.manual, 'Để trống. Người chấm nhập điểm từ 0 đến điểm tối đa.'],
  [SCORING_WORDS.binary, 'Để trống. Đã thực hiện được điểm tối đa, chưa thực hiện được 0 điểm.'],
  [SCORING_WORDS.tiered, 'Các mức, cách nhau bằng dấu chấm phẩy: "≥95:2; ≥80:1" (càng cao càng tốt) hoặc "≤0:1; ≤2:0,5" (càng thấp càng tốt).'],
  [SCORING_WORDS.ratio, 'Để trống (tỷ lệ × điểm tối đa) hoặc "chỉ tiêu 80%" (đạt chỉ tiêu được điểm tối đa).'],
  [SCORING_WORDS.survey, 'Để trống. Điểm lấy từ kết quả điều tra xã hội học, đơn vị không tự chấm.'],
  [SCORING_WORDS.bonus, 'Để trống. Nằm ngoài thang 100 điểm, không vượt "Điểm thưởng tối đa".'],
  [SCORING_WORDS.penalty, 'Để trống. Nằm ngoài thang 100 điểm, không vượt "Điểm trừ tối đa".'],
  [SCORING_WORDS.computed, `"nguồn <tên nguồn>; <quy đổi>", quy đổi là "tỷ lệ", "chỉ tiêu 95%" hoặc các mức. Nguồn: ${COMPUTED_SOURCES.join(', ')}.`],
  [CAPPED_PARENT, 'Chỉ ghi ở mục có mục con, khi điểm tối đa của mục nhỏ hơn tổng điểm các mục con.'],
  ['STT', 'Mã phân cấp: "1" là lĩnh vực, "1.1" là tiêu chí, "1.1.2" là tiêu chí thành phần.'],
  ['Điều kiện áp dụng', `Để trống hoặc "${ALWAYS}" khi áp dụng cho mọi đơn vị; "hasProcedures = true" khi chỉ áp dụng cho đơn vị có TTHC.`],
];

// ── reading ───────────────────────────────────────────────────────────────────────────────────────

type Draft = Omit<CriterionNode, 'children'> & { children?: Draft[] };
const FIELD_COLUMN: Record<string, Column> = {
  code: 'code', text: 'text', maxPoints: 'max', scoring: 'scoring', evidence: 'evidence', appraisingUnitId: 'appraiser', applicability: 'applicability',
};

export async function criteriaFromXlsx(buf: Buffer, unitByName: (nameOrCode: string) => number | undefined): Promise<CriteriaImport> {
  const book = new ExcelJS.Workbook();
  try {
    await checkXlsxLimits(buf, LIMITS);
    await book.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (err) {
    const tooLarge = err instanceof AppError && err.status === 413;
    return { tree: null, problems: [{ row: null, message: tooLarge ? err.messageVi : 'Không đọc được tệp: tệp hỏng hoặc không phải bảng tính Excel (.xlsx).' }] };
  }
  const sheet = book.getWorksheet(SHEET) ?? book.worksheets[0];
  if (!sheet) return { tree: null, problems: [{ row: null, message: 'Tệp không có trang tính nào.' }] };

  // The header row: the first with at least the code and text columns, the layout provinces use.
  let headerRow = 0;
  const cols = new Map<Column, number>();
  for (let r = 1; r <= Math.min(sheet.rowCount, 30) && !headerRow; r++) {
    const found = new Map<Column, number>();
    sheet.getRow(r).eachCell((cell, col) => {
      const key = columnOf(cellText(cell));
      if (key && !found.has(key)) found.set(key, col);
    });
    if (found.has('code') && found.has('text')) {
      headerRow = r;
      found.forEach((col, key) => cols.set(key, col));
    }
  }
  if (!headerRow) return { tree: null, problems: [{ row: null, message: 'Không thấy dòng tiêu đề của bảng tiêu chí (các cột "STT", "Nội dung tiêu chí", "Điểm tối đa").' }] };
  if (!cols.has('max')) return { tree: null, problems: [{ row: headerRow, message: 'Thiếu cột "Điểm tối đa".' }] };

  const problems: CriteriaImportProblem[] = [];
  const caps = { bonus: 0, penalty: 0 };
  let capsRow: number | null = null;
  for (let r = 1; r < headerRow; r++) {
    const row = sheet.getRow(r);
    row.eachCell((cell, col) => {
      const label = plain(cellText(cell));
      const which = label === plain(CAP_LABELS.bonus) ? 'bonus' : label === plain(CAP_LABELS.penalty) ? 'penalty' : null;
      if (!which) return;
      capsRow = r;
      const v = cellNumber(row.getCell(col + 1));
      if (typeof v === 'number') caps[which] = v;
      else problems.push({ row: r, message: `Ô bên phải "${CAP_LABELS[which]}" phải là một số không âm.` });
    });
  }

  const byCode = new Map<string, { node: Draft; row: number }>();
  const rowOf = new Map<Draft, number>();
  const flagged = new Set<Draft>();
  const areas: Draft[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cell = (c: Column) => row.getCell(cols.get(c)!);
    const text = (c: Column) => (cols.has(c) ? cellText(cell(c)) : '');
    if ([...cols.keys()].every((c) => !text(c))) continue;
    const code = text('code').replace(/\.$/, '');
    if (!code) {
      if (!plain(text('text')).startsWith('tong')) problems.push({ row: r, message: 'Dòng có nội dung nhưng chưa có mã ở cột "STT".' });
      continue;
    }
    const twin = byCode.get(code);
    if (twin) {
      problems.push({ row: r, message: `Mã "${code}" đã dùng ở dòng ${twin.row}.` });
      continue;
    }
    const node: Draft = { code, text: text('text'), maxPoints: Number.NaN };
    byCode.set(code, { node, row: r });
    rowOf.set(node, r);
    const bad = (c: Column, message: string) => {
      problems.push({ row: r, message: `Mục ${code}, cột "${HEADER[c]}": ${message}.` });
      flagged.add(node);
    };

    const max = cellNumber(cell('max'));
    if (max === null) bad('max', 'chưa nhập điểm tối đa');
    else if (max === 'bad') bad('max', `"${text('max')}" không phải là số không âm`);
    else node.maxPoints = max;

    const word = text('scoring');
    const param = text('param');
    if (word && plain(word) === plain(CAPPED_PARENT)) node.maxNotSumOfChildren = true;
    else if (word) {
      const kind = KIND_BY_WORD.get(plain(word));
      const scoring = kind ? parseScoring(kind, param) : `không có cách chấm "${word}"; dùng một trong: ${Object.values(SCORING_WORDS).join(', ')}`;
      if (typeof scoring === 'string') bad(kind ? 'param' : 'scoring', scoring);
      else node.scoring = scoring;
    } else if (param) bad('param', 'có tham số nhưng chưa chọn cách chấm điểm');

    const evidence = text('evidence');
    if (evidence) node.evidence = evidence;
    const unit = text('appraiser');
    if (unit) {
      const id = unitByName(unit);
      if (id === undefined) bad('appraiser', `không tìm thấy đơn vị "${unit}"`);
      else node.appraisingUnitId = id;
    }
    const applicability = parseApplicability(text('applicability'));
    if (typeof applicability === 'string') bad('applicability', applicability);
    else if (applicability) node.applicability = applicability;

    // Parent and child come from the code alone: "1.1.2" sits under "1.1".
    const dot = code.lastIndexOf('.');
    if (dot < 0) areas.push(node);
    else {
      const parent = byCode.get(code.slice(0, dot));
      if (parent) (parent.node.children ??= []).push(node);
      else bad('code', `không có mục cha "${code.slice(0, dot)}" ở các dòng phía trên`);
    }
  }
  for (const [node, r] of rowOf) {
    if (node.maxNotSumOfChildren && !node.children) {
      problems.push({ row: r, message: `Mục ${node.code}, cột "${HEADER.scoring}": "${CAPPED_PARENT}" chỉ dùng cho mục có mục con.` });
      flagged.add(node);
    }
  }

  // A node whose own cells were refused, or with such a node under it, is not judged again as a whole:
  // its sums and shape would only repeat the first problem in other words.
  const tainted = new Set<Draft>();
  const taint = (n: Draft): boolean => {
    const below = (n.children ?? []).map(taint).some(Boolean);
    if (below || flagged.has(n)) tainted.add(n);
    return tainted.has(n);
  };
  areas.forEach(taint);
  const tree: CriteriaTree = { caps, areas };

  // validateTree words what is wrong with a cell better than the schema does ("chỉ tiêu phải là tỷ lệ…"
  // rather than "không được lớn hơn 1"), so the schema speaks only on cells validateTree left alone.
  const judged = new Set<string>();
  for (const p of validateTree(tree)) {
    const at = p.code === null ? undefined : byCode.get(p.code);
    if (at && tainted.has(at.node)) continue;
    const row = at ? at.row : p.problem === 'BAD_CAP' ? capsRow : null;
    judged.add(`${row}|${PROBLEM_COLUMN[p.problem]}`);
    problems.push({ row, message: `${p.message}.` });
  }
  const parsed = treeInput.safeParse(tree);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const p = schemaProblem(issue, areas, rowOf, tainted, capsRow);
    if (p && !judged.has(`${p.row}|${p.column}`)) problems.push({ row: p.row, message: p.message });
  }
  const seen = new Set<string>();
  const unique = problems.filter((p) => !seen.has(`${p.row}|${p.message}`) && seen.add(`${p.row}|${p.message}`));
  unique.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return unique.length ? { tree: null, problems: unique } : { tree, problems: [] };
}

/** The column a validateTree problem is about, so the schema does not say it again. */
const PROBLEM_COLUMN: Record<TreeProblemCode, Column | 'caps' | 'set'> = {
  EMPTY_CODE: 'code', DUPLICATE_CODE: 'code', TOO_DEEP: 'code', EMPTY_TEXT: 'text', BAD_MAX: 'max', MAX_NOT_SUM: 'max',
  BONUS_OVER_CAP: 'max', PENALTY_OVER_CAP: 'max', LEAF_WITHOUT_SCORING: 'scoring', PARENT_WITH_SCORING: 'scoring',
  BAD_TIERS: 'param', BAD_TARGET: 'param', BAD_SOURCE: 'param', BAD_APPLICABILITY: 'applicability', BAD_CAP: 'caps', EMPTY_SET: 'set',
  CODE_NOT_UNDER_PARENT: 'code', SOURCE_UNIT: 'param',
};

/** A zod issue of treeInput, placed on the row and column of the node its path leads to. */
function schemaProblem(issue: z.core.$ZodIssue, areas: Draft[], rowOf: Map<Draft, number>, tainted: Set<Draft>, capsRow: number | null):
  { row: number | null; column: string; message: string } | null {
  const text = issueMessages(issue).vi.replace(/^[^:"]{1,40}:\s*/, '');
  const message = /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLocaleLowerCase('vi') + text.slice(1) : text;
  const path = issue.path;
  if (path[0] !== 'areas' || typeof path[1] !== 'number') {
    const caps = path[0] === 'caps';
    return { row: caps ? capsRow : null, column: caps ? 'caps' : 'set', message: `Bộ tiêu chí: ${message}` };
  }
  let node = areas[path[1]];
  let i = 2;
  while (node && path[i] === 'children' && typeof path[i + 1] === 'number') {
    node = node.children?.[path[i + 1] as number];
    i += 2;
  }
  if (!node || tainted.has(node)) return null;
  // Inside the scoring, only the kind is the "Cách chấm điểm" cell; tiers, target and source are parameters.
  const field = String(path[i]);
  const column = field === 'scoring' && path.length > i + 1 && path[i + 1] !== 'kind' ? 'param' : FIELD_COLUMN[field];
  return { row: rowOf.get(node) ?? null, column: column ?? field, message: `Mục ${node.code}${column ? `, cột "${HEADER[column]}"` : ''}: ${message}` };
}
