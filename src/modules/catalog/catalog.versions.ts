/**
 * The version life cycle as database operations, shared by the admin API and the importer so both
 * apply the same rules: content checks, the state machine of rules/version-status.ts, effective
 * windows that never overlap, optimistic locking, and an audit event for every change — all inside
 * the caller's transaction.
 */
import { recordAudit } from '../../platform/audit/audit.service.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import type { Tx } from '../../platform/db/transaction.js';
import { AppError, errors, type FieldError } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import * as repo from './catalog.repository.js';
import type { ClosingDecision, VersionRow } from './catalog.repository.js';
import { validateInternalProcess } from './rules/internal-process.js';
import { nextVersionStatus, type VersionAction } from './rules/version-status.js';
import type { ProcedureContent, PublishingDecision } from './schema.js';

export const procedureNotFound = () => errors.notFound('thủ tục hành chính', 'Procedure', 'PROCEDURE_NOT_FOUND');
export const versionNotFound = () => errors.notFound('phiên bản thủ tục', 'Procedure version', 'VERSION_NOT_FOUND');

const PROCESS_EN: Record<string, string> = {
  MISSING_PROCESS: 'A channel has no internal process.',
  UNKNOWN_CHANNEL: 'An internal process names a channel the procedure does not offer.',
  OVERLAPPING_PROCESSES: 'Two internal processes cover the same channel.',
  STEP_ORDER: 'Internal process steps must be numbered 1…n.',
  BUDGET_MISMATCH: 'The step budgets do not add up to the processing time.',
  BUDGET_EXCEEDS_CALENDAR_LIMIT: 'The step budgets exceed the working days the calendar-day limit guarantees.',
};

/** Unit codes the content names must exist in the province's org tree. */
export type UnitCodes = ReadonlySet<string>;

/**
 * Checks beyond the zod schema: the internal process budgets (validateInternalProcess) and the org
 * unit codes. Empty means the content may be saved.
 */
export function contentProblems(content: ProcedureContent, units: UnitCodes): FieldError[] {
  const out: FieldError[] = validateInternalProcess(content).map((p) => ({
    path: p.path.join('.'), message: p.message,
    messageEn: `${PROCESS_EN[p.code] ?? p.code}${p.budgetHours !== undefined ? ` (${p.budgetHours} h against ${p.limitHours} h)` : ''}`,
  }));
  const unit = (code: string | undefined, path: string) => {
    if (code !== undefined && !units.has(code)) {
      out.push({ path, message: `Mã đơn vị "${code}" không có trong cơ cấu tổ chức.`, messageEn: `Unit code "${code}" is not in the org tree.` });
    }
  };
  unit(content.implementingAgency.code, 'implementingAgency.code');
  content.coordinatingAgencies.forEach((a, i) => unit(a.code, `coordinatingAgencies.${i}.code`));
  const processes = (list: ProcedureContent['internalProcesses'], base: string) =>
    list.forEach((p, i) => p.steps.forEach((s, j) => unit(s.responsible.unitCode, `${base}.${i}.steps.${j}.responsible.unitCode`)));
  processes(content.internalProcesses, 'internalProcesses');
  content.cases.forEach((c, i) => processes(c.internalProcesses ?? [], `cases.${i}.internalProcesses`));
  return out;
}

export function assertContent(content: ProcedureContent, units: UnitCodes): void {
  const problems = contentProblems(content, units);
  if (problems.length) throw new AppError('CATALOG_VALIDATION_FAILED', 400, 'Nội dung thủ tục chưa hợp lệ.', 'The procedure content is not valid.', problems);
}

function transition(row: VersionRow, action: VersionAction): void {
  const next = nextVersionStatus(row.status, action);
  if (!next.ok) throw new AppError(next.code, 409, next.message, `Version ${row.number} is ${row.status}; "${action}" is not allowed.`);
}

const dayBefore = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

const audit = (trx: Tx, ctx: RequestContext, action: string, row: Pick<VersionRow, 'code' | 'number'>, extra: { before?: unknown; after?: unknown; note?: string } = {}) =>
  recordAudit(trx, ctx, { action, entity: 'procedure', entityId: `${row.code}@${row.number}`, ...extra });

function versionMeta(row: VersionRow) {
  return { number: row.number, status: row.status, decision: row.decision, effectiveFrom: row.effectiveFrom, effectiveTo: row.effectiveTo };
}

/** Creates the procedure if new, then a version with the given number and status (import keeps numbers). */
export async function insertVersion(trx: Tx, ctx: RequestContext, v: Omit<repo.NewVersion, 'procedureId'>): Promise<VersionRow> {
  try {
    const procedureId = (await repo.findProcedureId(trx, v.content.code)) ?? (await repo.insertProcedure(trx, v.content.code));
    const id = await repo.insertVersion(trx, { ...v, procedureId });
    const row = (await repo.findVersionById(trx, id))!;
    await audit(trx, ctx, v.status === 'draft' ? 'catalog.version.drafted' : 'catalog.version.published', row, { after: versionMeta(row) });
    return row;
  } catch (e) {
    if (isUniqueViolation(e, 'catalog_versions_one_draft')) {
      throw errors.conflict('DRAFT_EXISTS', 'Thủ tục đang có một bản dự thảo; hãy sửa hoặc công bố bản đó.', 'The procedure already has a draft.');
    }
    // Two administrators creating the same code at once: the second one learns it exists.
    if (isUniqueViolation(e, 'catalog_procedures_code_key')) {
      throw errors.conflict('PROCEDURE_EXISTS', `Thủ tục mã ${v.content.code} đã có.`, 'A procedure with this code exists.');
    }
    if (isUniqueViolation(e, 'catalog_versions_number_key')) {
      throw errors.conflict('VERSION_EXISTS', `Phiên bản ${v.number} của thủ tục ${v.content.code} đã tồn tại.`, 'The version already exists.');
    }
    throw e;
  }
}

export async function updateDraft(trx: Tx, ctx: RequestContext, row: VersionRow, content: ProcedureContent, revision: number, changeNote?: string): Promise<VersionRow> {
  transition(row, 'edit');
  if (content.code !== row.code) {
    throw errors.validation([{ path: 'code', message: 'Không được đổi mã thủ tục của một phiên bản.', messageEn: 'The procedure code of a version cannot change.' }]);
  }
  if (!(await repo.updateDraft(trx, row.id, revision, content, changeNote))) throw errors.stale();
  const after = (await repo.findVersionById(trx, row.id))!;
  await audit(trx, ctx, 'catalog.version.updated', row, { note: `revision ${after.revision}` });
  return after;
}

/**
 * Publishes a draft from `effectiveFrom`. The version open until now (if any) is closed the day
 * before, as "amended" by the same decision — the usual shape of a provincial decision that
 * publishes an amended procedure. A start on or before the start of an existing non-draft version,
 * or inside a closed version's window, would make two versions in force on one day and is refused.
 */
export async function publish(trx: Tx, ctx: RequestContext, row: VersionRow, p: { decision: PublishingDecision; effectiveFrom: string; revision: number; changeNote?: string | undefined }): Promise<VersionRow> {
  transition(row, 'publish');
  const others = (await repo.listVersions(trx, row.code)).filter((v) => v.id !== row.id && v.status !== 'draft');
  for (const v of others) {
    const open = v.status === 'published';
    if (v.effectiveFrom! >= p.effectiveFrom || (!open && v.effectiveTo! >= p.effectiveFrom)) {
      throw new AppError('EFFECTIVE_OVERLAP', 409,
        `Ngày có hiệu lực ${p.effectiveFrom} trùng thời gian hiệu lực của phiên bản ${v.number} (từ ${v.effectiveFrom}${v.effectiveTo ? ` đến ${v.effectiveTo}` : ''}).`,
        `The start date overlaps version ${v.number}.`,
        [{ path: 'effectiveFrom', message: `Ngày có hiệu lực phải sau thời gian hiệu lực của phiên bản ${v.number}.`, messageEn: `Must be after version ${v.number}.` }]);
    }
  }
  for (const v of others.filter((o) => o.status === 'published')) {
    await closeVersion(trx, ctx, v, { action: 'amend', decision: p.decision, effectiveTo: dayBefore(p.effectiveFrom), revision: v.revision });
  }
  if (!(await repo.markPublished(trx, row.id, p.revision, p.decision, p.effectiveFrom, p.changeNote))) throw errors.stale();
  const after = (await repo.findVersionById(trx, row.id))!;
  await audit(trx, ctx, 'catalog.version.published', after, { before: versionMeta(row), after: versionMeta(after) });
  return after;
}

export async function closeVersion(trx: Tx, ctx: RequestContext, row: VersionRow, p: { action: 'amend' | 'replace' | 'abolish'; decision: PublishingDecision | null; effectiveTo: string; revision: number; replacedByCode?: string | undefined }): Promise<VersionRow> {
  const next = nextVersionStatus(row.status, p.action);
  if (!next.ok) throw new AppError(next.code, 409, next.message, `Version ${row.number} is ${row.status}; "${p.action}" is not allowed.`);
  if (p.effectiveTo < row.effectiveFrom!) {
    throw errors.validation([{ path: 'effectiveTo', message: `Ngày hết hiệu lực không được trước ngày có hiệu lực (${row.effectiveFrom}).`, messageEn: 'The end date is before the start date.' }]);
  }
  const closing: ClosingDecision | null = p.decision ? { ...p.decision, action: p.action } : null;
  const status = next.status as 'amended' | 'replaced' | 'abolished';
  if (!(await repo.markClosed(trx, row.id, p.revision, status, p.effectiveTo, closing, p.replacedByCode))) throw errors.stale();
  const after = (await repo.findVersionById(trx, row.id))!;
  await audit(trx, ctx, `catalog.version.${status}`, after, { before: versionMeta(row), after: versionMeta(after) });
  return after;
}
