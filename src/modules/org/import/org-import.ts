import type { RequestContext } from '../../../platform/http/context.js';
import { AppError } from '../../../platform/http/app-error.js';
import { toFieldErrors } from '../../../platform/http/validation.js';
import { agencyCodeProblem } from '../agency-code.js';
import type { OrgService } from '../org.service.js';
import { createStaffBody, createUnitBody, UNIT_KINDS, UNIT_KIND_LABELS, type ImportResult, type UnitView } from '../schema.js';
import { normaliseHeader, pick, type TabularRow } from './tabular.js';

type RowError = ImportResult['errors'][number];

/** Kind written the way a person would in a spreadsheet: "Sở, ban, ngành", "xa_phuong", "department". */
function parseKind(text: string): string {
  const n = normaliseHeader(text);
  for (const k of UNIT_KINDS) {
    if (n === k || n === normaliseHeader(UNIT_KIND_LABELS[k].vi) || n === normaliseHeader(UNIT_KIND_LABELS[k].en)) return k;
  }
  return text;
}

/**
 * Imports units by agency code: rows are checked first, and if any row is wrong nothing is written,
 * so a file never half-applies. Parents may appear later in the same file (rows are ordered by depth).
 */
export async function importUnits(org: OrgService, ctx: RequestContext, rows: TabularRow[]): Promise<ImportResult> {
  const errors: RowError[] = [];
  const existing = new Map((await org.listUnits(ctx)).map((u) => [u.code ?? '', u]));
  const all = new Map((await org.allUnits()).map((u) => [u.code ?? '', u]));
  const inFile = new Set<string>();
  const parsed: { row: number; code: string; parentCode: string; data: Record<string, unknown> }[] = [];
  for (const { row, values } of rows) {
    const code = pick(values, 'ma_dinh_danh', 'ma', 'code').toUpperCase();
    const parentCode = pick(values, 'ma_don_vi_cha', 'ma_cha', 'parent_code').toUpperCase();
    const problem = code ? agencyCodeProblem(code) : { vi: 'Thiếu mã định danh.', en: 'Missing code.' };
    if (problem) errors.push({ row, field: 'code', message: problem.vi });
    if (code && inFile.has(code)) errors.push({ row, field: 'code', message: `Mã ${code} xuất hiện hai lần trong tệp.` });
    inFile.add(code);
    const data = {
      parentId: 1, code, name: pick(values, 'ten_don_vi', 'ten', 'name'), shortName: pick(values, 'ten_viet_tat', 'short_name') || null,
      kind: parseKind(pick(values, 'loai', 'loai_don_vi', 'kind')), function: pick(values, 'chuc_nang', 'function') || null,
      effectiveFrom: pick(values, 'hieu_luc_tu', 'effective_from') || null, effectiveTo: pick(values, 'hieu_luc_den', 'effective_to') || null,
    };
    const check = createUnitBody.safeParse(data);
    if (!check.success) for (const f of toFieldErrors(check.error.issues)) errors.push({ row, field: f.path, message: f.message });
    if (!parentCode && !all.has(code)) errors.push({ row, field: 'parentCode', message: 'Thiếu mã đơn vị cha.' });
    parsed.push({ row, code, parentCode, data });
  }
  for (const p of parsed) {
    if (p.parentCode && !all.has(p.parentCode) && !inFile.has(p.parentCode)) errors.push({ row: p.row, field: 'parentCode', message: `Không có đơn vị cha mã ${p.parentCode}.` });
    if (all.has(p.code) && !existing.has(p.code)) errors.push({ row: p.row, field: 'code', message: `Mã ${p.code} thuộc đơn vị ngoài phạm vi quản lý của bạn.` });
  }
  if (errors.length) return { created: 0, updated: 0, errors };

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
        errors.push({ row: p.row, message: err.messageVi });
      }
      pending.splice(i--, 1);
    }
    if (pending.length === before) {
      for (const p of pending) errors.push({ row: p.row, field: 'parentCode', message: 'Vòng lặp đơn vị cha.' });
      break;
    }
  }
  return { created, updated, errors };
}

/** Imports staff; a row with a badge number that exists updates that person, otherwise adds one. */
export async function importStaff(org: OrgService, ctx: RequestContext, rows: TabularRow[]): Promise<ImportResult> {
  const errors: RowError[] = [];
  const units = new Map((await org.listUnits(ctx)).map((u) => [u.code ?? '', u]));
  const prepared: { row: number; badge: string | null; input: ReturnType<typeof createStaffBody.parse> }[] = [];
  const badges = new Set<string>();
  for (const { row, values } of rows) {
    const unitCode = pick(values, 'ma_don_vi', 'don_vi', 'unit_code').toUpperCase();
    const unit = units.get(unitCode);
    if (!unit) errors.push({ row, field: 'unitCode', message: unitCode ? `Không có đơn vị mã ${unitCode} trong phạm vi quản lý.` : 'Thiếu mã đơn vị.' });
    const badge = pick(values, 'so_the', 'badge_number') || null;
    if (badge && badges.has(badge)) errors.push({ row, field: 'badgeNumber', message: `Số thẻ ${badge} lặp lại trong tệp.` });
    if (badge) badges.add(badge);
    const check = createStaffBody.safeParse({
      fullName: pick(values, 'ho_va_ten', 'ho_ten', 'full_name'), position: pick(values, 'chuc_vu', 'position') || null,
      unitId: unit?.id ?? 1, badgeNumber: badge, phone: pick(values, 'dien_thoai', 'so_dien_thoai', 'phone') || null,
      email: pick(values, 'email', 'thu_dien_tu') || null,
      secondedFrom: pick(values, 'biet_phai_tu', 'seconded_from') || null, secondedTo: pick(values, 'biet_phai_den', 'seconded_to') || null,
    });
    if (!check.success) for (const f of toFieldErrors(check.error.issues)) errors.push({ row, field: f.path, message: f.message });
    else prepared.push({ row, badge, input: check.data });
  }
  if (errors.length) return { created: 0, updated: 0, errors };
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
      errors.push({ row: p.row, message: err.messageVi });
    }
  }
  return { created, updated, errors };
}
