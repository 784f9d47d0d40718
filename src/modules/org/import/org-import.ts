import type { RequestContext } from '../../../platform/http/context.js';
import { AppError } from '../../../platform/http/app-error.js';
import { issueMessages } from '../../../platform/http/validation.js';
import type { z } from 'zod';
import { agencyCodeProblem } from '../agency-code.js';
import type { OrgService } from '../org.service.js';
import { createStaffBody, createUnitBody, UNIT_KINDS, UNIT_KIND_LABELS, type ImportResult, type UnitView } from '../schema.js';
import { cell, columnOf, IMPORT_COLUMNS, isoDay, normaliseHeader, STAFF_COLUMNS, UNIT_COLUMNS, unknownHeaders, type ImportColumn, type ImportKind } from './columns.js';
import { importSummary } from './summary.js';
import type { Tabular } from './tabular.js';

type RowError = ImportResult['errors'][number];

/** Kind written the way a person would in a spreadsheet: "Sở, ban, ngành", "xa_phuong", "department". */
function parseKind(text: string): string {
  const n = normaliseHeader(text);
  for (const k of UNIT_KINDS) {
    if (n === k || n === normaliseHeader(UNIT_KIND_LABELS[k].vi) || n === normaliseHeader(UNIT_KIND_LABELS[k].en)) return k;
  }
  return text;
}

/** Collects errors, each naming its column by label, in both languages. */
function errorList(columns: ImportColumn[]) {
  const list: RowError[] = [];
  const add = (row: number, field: string | undefined, vi: string, en: string) => {
    const column = columnOf(columns, field);
    list.push({ row, ...(field ? { field } : {}), ...(column ? { column: column.label } : {}), message: vi, messageEn: en });
  };
  return {
    list,
    add,
    issues: (row: number, issues: readonly z.core.$ZodIssue[]) => {
      for (const issue of issues) {
        const m = issueMessages(issue);
        add(row, issue.path.map(String).join('.') || undefined, m.vi, m.en);
      }
    },
    failed: (row: number, err: AppError) => add(row, err.fields?.[0]?.path, err.messageVi, err.messageEn),
  };
}

/** The result with its counts and its plain-words summary. */
function result(kind: ImportKind, file: Tabular, created: number, updated: number, errors: RowError[], wrote: boolean): ImportResult {
  const rowsWithErrors = new Set(errors.map((e) => e.row)).size;
  const outcome = !wrote ? 'nothing_imported' : errors.length ? 'partly_imported' : 'imported';
  const ignoredColumns = unknownHeaders(IMPORT_COLUMNS[kind], file.headers);
  const counts = { created, updated, rowsRead: file.rows.length, rowsWithErrors, errorCount: errors.length, outcome, ignoredColumns } as const;
  return { ...counts, errors: errors.sort((a, b) => a.row - b.row), summary: importSummary(counts) };
}

/**
 * Imports units by agency code. Every row is checked first, and if any row is wrong nothing is
 * written, so a file never half-applies for a mistake in it. Parents may appear later in the same
 * file (rows are written parents first). Each unit is then saved on its own: a row the database
 * still refuses (rare: a concurrent change) is reported while the others stay saved.
 */
export async function importUnits(org: OrgService, ctx: RequestContext, file: Tabular): Promise<ImportResult> {
  const errors = errorList(UNIT_COLUMNS);
  const col = (key: string) => UNIT_COLUMNS.find((c) => c.key === key)!;
  const existing = new Map((await org.listUnits(ctx)).map((u) => [u.code ?? '', u]));
  const all = new Map((await org.allUnits()).map((u) => [u.code ?? '', u]));
  const inFile = new Set<string>();
  const parsed: { row: number; code: string; parentCode: string; data: Record<string, unknown> }[] = [];
  for (const { row, values } of file.rows) {
    const code = cell(values, col('code')).toUpperCase();
    const parentCode = cell(values, col('parentCode')).toUpperCase();
    const problem = code ? agencyCodeProblem(code) : { vi: 'Thiếu mã định danh.', en: 'Missing code.' };
    if (problem) errors.add(row, 'code', problem.vi, problem.en);
    if (code && inFile.has(code)) errors.add(row, 'code', `Mã ${code} xuất hiện hai lần trong tệp.`, `Code ${code} appears twice in the file.`);
    inFile.add(code);
    const date = (key: string) => (cell(values, col(key)) ? isoDay(cell(values, col(key))) : null);
    const data = {
      parentId: 1, code, name: cell(values, col('name')), shortName: cell(values, col('shortName')) || null,
      kind: parseKind(cell(values, col('kind'))), function: cell(values, col('function')) || null,
      effectiveFrom: date('effectiveFrom'), effectiveTo: date('effectiveTo'),
    };
    const check = createUnitBody.safeParse(data, { reportInput: true });
    if (!check.success) errors.issues(row, check.error.issues);
    if (!parentCode && !all.has(code)) errors.add(row, 'parentCode', 'Thiếu mã đơn vị cha (bắt buộc khi thêm đơn vị mới).', 'Missing parent code (required for a new unit).');
    parsed.push({ row, code, parentCode, data });
  }
  for (const p of parsed) {
    if (p.parentCode && !all.has(p.parentCode) && !inFile.has(p.parentCode)) errors.add(p.row, 'parentCode', `Không có đơn vị cha mã ${p.parentCode}.`, `No parent unit with code ${p.parentCode}.`);
    if (all.has(p.code) && !existing.has(p.code)) errors.add(p.row, 'code', `Mã ${p.code} thuộc đơn vị ngoài phạm vi quản lý của bạn.`, `Code ${p.code} belongs to a unit outside your reach.`);
  }
  if (errors.list.length) return result('units', file, 0, 0, errors.list, false);

  let created = 0;
  let updated = 0;
  const pending = [...parsed];
  // Parents first: keep passing over the rows until every parent exists.
  while (pending.length) {
    const before = pending.length;
    for (let i = 0; i < pending.length; i++) {
      const p = pending[i]!;
      const parent: UnitView | undefined = p.parentCode ? all.get(p.parentCode) : undefined;
      if (p.parentCode && !parent) continue;
      const current = all.get(p.code);
      const input = { ...p.data, parentId: parent?.id ?? current?.parentId ?? null } as never;
      try {
        const unit = current
          ? await org.updateUnit(ctx, current.id, { ...(input as object), version: current.version } as never)
          : await org.createUnit(ctx, createUnitBody.parse(input));
        all.set(p.code, unit);
        current ? updated++ : created++;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        errors.failed(p.row, err);
      }
      pending.splice(i--, 1);
    }
    if (pending.length === before) {
      for (const p of pending) errors.add(p.row, 'parentCode', 'Vòng lặp đơn vị cha.', 'The parent codes form a loop.');
      break;
    }
  }
  return result('units', file, created, updated, errors.list, true);
}

/**
 * Imports staff; a row with a badge number that exists updates that person, otherwise adds one.
 * Same rule as units: any wrong row and nothing is written; then each person is saved on its own.
 */
export async function importStaff(org: OrgService, ctx: RequestContext, file: Tabular): Promise<ImportResult> {
  const errors = errorList(STAFF_COLUMNS);
  const col = (key: string) => STAFF_COLUMNS.find((c) => c.key === key)!;
  const units = new Map((await org.listUnits(ctx)).map((u) => [u.code ?? '', u]));
  const prepared: { row: number; badge: string | null; input: ReturnType<typeof createStaffBody.parse> }[] = [];
  const badges = new Set<string>();
  for (const { row, values } of file.rows) {
    const unitCode = cell(values, col('unitCode')).toUpperCase();
    const unit = units.get(unitCode);
    if (!unit) {
      if (unitCode) errors.add(row, 'unitCode', `Không có đơn vị mã ${unitCode} trong phạm vi quản lý.`, `No unit with code ${unitCode} within your reach.`);
      else errors.add(row, 'unitCode', 'Thiếu mã đơn vị.', 'Missing unit code.');
    }
    const badge = cell(values, col('badgeNumber')) || null;
    if (badge && badges.has(badge)) errors.add(row, 'badgeNumber', `Số thẻ ${badge} lặp lại trong tệp.`, `Badge number ${badge} appears twice in the file.`);
    if (badge) badges.add(badge);
    const date = (key: string) => (cell(values, col(key)) ? isoDay(cell(values, col(key))) : null);
    const check = createStaffBody.safeParse({
      fullName: cell(values, col('fullName')), position: cell(values, col('position')) || null,
      unitId: unit?.id ?? 1, badgeNumber: badge, phone: cell(values, col('phone')) || null, email: cell(values, col('email')) || null,
      secondedFrom: date('secondedFrom'), secondedTo: date('secondedTo'),
    }, { reportInput: true });
    if (!check.success) errors.issues(row, check.error.issues);
    else prepared.push({ row, badge, input: check.data });
  }
  if (errors.list.length) return result('staff', file, 0, 0, errors.list, false);
  let created = 0;
  let updated = 0;
  for (const p of prepared) {
    try {
      const found = p.badge ? (await org.searchStaff(ctx, { q: p.badge, page: 1, pageSize: 5 })).items.find((s) => s.badgeNumber === p.badge) : undefined;
      if (found) {
        const { roles: _r, username: _u, password: _p, ...fields } = p.input;
        await org.updateStaff(ctx, found.id, { ...fields, version: found.version });
        updated++;
      } else {
        await org.createStaff(ctx, p.input);
        created++;
      }
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      errors.failed(p.row, err);
    }
  }
  return result('staff', file, created, updated, errors.list, true);
}
