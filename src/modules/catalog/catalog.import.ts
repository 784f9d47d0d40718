/**
 * Catalogue import: a file of procedure versions (JSON `motcua.catalog/v1` or the XLSX template) is
 * checked row by row, then applied in ONE transaction — all of it or nothing. Idempotent by
 * code + version number: a version already stored with the same content and metadata is
 * "unchanged"; a draft is updated; a published version may only be closed (its content never
 * changes — dossiers pin it).
 */
import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction, type Db, type Tx } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { toFieldErrors } from '../../platform/http/validation.js';
import * as repo from './catalog.repository.js';
import type { VersionRow } from './catalog.repository.js';
import { closeVersion, contentProblems, insertVersion, publish, updateDraft, type UnitCodes } from './catalog.versions.js';
import { CATALOG_FILE_FORMAT, procedureSchema, type Procedure, type ProcedureContent } from './schema.js';

export type ImportError = { row: number; sheet?: string; field?: string; message: string };
export type ImportReport = { created: number; updated: number; unchanged: number; total: number; applied: boolean; errors: ImportError[] };
export type ImportProgress = (event: { done: number; total: number; message: string }) => void;

/** One procedure version read from a file, with a way to point an error path at a sheet row. */
export type ImportRow = {
  row: number;
  sheet?: string;
  data: unknown;
  locate?: (path: string) => { row: number; sheet?: string; field?: string };
};

/** Rows of a JSON catalogue file: row n is the n-th entry of `procedures` (1-based). */
export function jsonRows(text: string): { rows: ImportRow[]; errors: ImportError[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { rows: [], errors: [{ row: 0, message: `Tệp không phải JSON hợp lệ: ${(e as Error).message}` }] };
  }
  const file = parsed as { format?: unknown; procedures?: unknown };
  if (!file || typeof file !== 'object' || file.format !== CATALOG_FILE_FORMAT) {
    return { rows: [], errors: [{ row: 0, field: 'format', message: `Định dạng tệp phải là "${CATALOG_FILE_FORMAT}".` }] };
  }
  if (!Array.isArray(file.procedures)) return { rows: [], errors: [{ row: 0, field: 'procedures', message: 'Tệp phải có danh sách "procedures".' }] };
  return { rows: file.procedures.map((data, i) => ({ row: i + 1, data })), errors: [] };
}

type Checked = { row: ImportRow; version: Procedure };

function errorAt(row: ImportRow, path: string, message: string): ImportError {
  const at = row.locate && path ? row.locate(path) : undefined;
  const sheet = at?.sheet ?? row.sheet;
  const field = at?.field ?? (path || undefined);
  return { row: at?.row ?? row.row, ...(sheet ? { sheet } : {}), ...(field ? { field } : {}), message };
}

/** Schema, budget and unit checks of every row, and duplicates inside the file. No database writes. */
export function checkRows(rows: ImportRow[], units: UnitCodes): { checked: Checked[]; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const checked: Checked[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const result = procedureSchema.safeParse(row.data, { reportInput: true });
    if (!result.success) {
      for (const f of toFieldErrors(result.error.issues)) errors.push(errorAt(row, f.path, f.message));
      continue;
    }
    const version = result.data;
    const problems = contentProblems(stripVersion(version), units);
    for (const p of problems) errors.push(errorAt(row, p.path, p.message));
    const key = `${version.code}@${version.version.number}`;
    if (seen.has(key)) errors.push(errorAt(row, 'version.number', `Phiên bản ${version.version.number} của thủ tục ${version.code} đã có ở dòng ${seen.get(key)}.`));
    seen.set(key, row.row);
    if (problems.length === 0) checked.push({ row, version });
  }
  return { checked, errors };
}

export function stripVersion(p: Procedure): ProcedureContent {
  const { version: _version, ...content } = p;
  return content;
}

/** Deep equality that ignores object key order (jsonb does not keep it). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

const sameMeta = (row: VersionRow, v: Procedure['version']) =>
  row.status === v.status && sameJson(row.decision, v.decision ?? null) && row.effectiveFrom === (v.effectiveFrom ?? null)
  && row.effectiveTo === (v.effectiveTo ?? null) && (row.changeNote ?? undefined) === v.changeNote;

type Outcome = 'created' | 'updated' | 'unchanged';

async function applyVersion(trx: Tx, ctx: RequestContext, v: Procedure): Promise<Outcome> {
  const meta = v.version;
  const content = stripVersion(v);
  const existing = await repo.findVersion(trx, v.code, meta.number);
  const immutable = (msg: string) => new AppError('PUBLISHED_IMMUTABLE', 409, msg, 'A published version cannot change.');
  if (!existing) {
    if (meta.status === 'draft') {
      await insertVersion(trx, ctx, { number: meta.number, status: 'draft', content, changeNote: meta.changeNote });
      return 'created';
    }
    // Published and closed versions go through publication, so the window rules hold for imports too.
    const draft = await insertVersion(trx, ctx, { number: meta.number, status: 'draft', content, changeNote: meta.changeNote });
    const published = await publish(trx, ctx, draft, { decision: meta.decision!, effectiveFrom: meta.effectiveFrom!, revision: draft.revision, changeNote: meta.changeNote });
    if (meta.status !== 'published') {
      await closeVersion(trx, ctx, published, { action: closeAction(meta.status), decision: null, effectiveTo: meta.effectiveTo!, revision: published.revision });
    }
    return 'created';
  }
  const sameContent = sameJson(existing.content, content);
  if (sameContent && sameMeta(existing, meta)) return 'unchanged';
  if (existing.status === 'draft') {
    let row = sameContent ? existing : await updateDraft(trx, ctx, existing, content, existing.revision, meta.changeNote);
    if (meta.status === 'draft') return 'updated';
    row = await publish(trx, ctx, row, { decision: meta.decision!, effectiveFrom: meta.effectiveFrom!, revision: row.revision });
    if (meta.status !== 'published') await closeVersion(trx, ctx, row, { action: closeAction(meta.status), decision: null, effectiveTo: meta.effectiveTo!, revision: row.revision });
    return 'updated';
  }
  if (!sameContent) throw immutable(`Phiên bản ${meta.number} của thủ tục ${v.code} đã công bố; không được sửa nội dung. Hãy nhập thành phiên bản mới.`);
  if (!sameJson(existing.decision, meta.decision ?? null) || existing.effectiveFrom !== meta.effectiveFrom) {
    throw immutable(`Phiên bản ${meta.number} của thủ tục ${v.code} đã công bố; không được sửa quyết định công bố hoặc ngày có hiệu lực.`);
  }
  if (existing.status === 'published' && meta.status !== 'published' && meta.status !== 'draft') {
    await closeVersion(trx, ctx, existing, { action: closeAction(meta.status), decision: null, effectiveTo: meta.effectiveTo!, revision: existing.revision });
    return 'updated';
  }
  throw new AppError('VERSION_CLOSED', 409, `Phiên bản ${meta.number} của thủ tục ${v.code} đang ở trạng thái "${existing.status}", không thể chuyển thành "${meta.status}".`, 'Invalid status change.');
}

function closeAction(status: string): 'amend' | 'replace' | 'abolish' {
  return status === 'replaced' ? 'replace' : status === 'abolished' ? 'abolish' : 'amend';
}

class Rollback extends Error {}

const isDbError = (e: unknown): boolean => typeof (e as { code?: unknown })?.code === 'string' && /^[0-9A-Z]{5}$/.test((e as { code: string }).code);

/**
 * Checks, then applies every row in one transaction. Rows are applied by code and version number,
 * so an older version is in place before a newer one is published over it. Any error rolls back
 * the whole file; the report then lists every error found and `applied: false`.
 */
export async function importCatalog(db: Db, ctx: RequestContext, rows: ImportRow[], units: UnitCodes, progress: ImportProgress = () => undefined): Promise<ImportReport> {
  const total = rows.length;
  const { checked, errors } = checkRows(rows, units);
  progress({ done: 0, total, message: `Đã kiểm tra ${total} phiên bản thủ tục, ${errors.length} lỗi.` });
  const empty = { created: 0, updated: 0, unchanged: 0, total };
  if (errors.length > 0) return { ...empty, applied: false, errors };
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const ordered = [...checked].sort((a, b) => a.version.code.localeCompare(b.version.code) || a.version.version.number - b.version.version.number);
  try {
    await inTransaction(db, async (trx) => {
      let done = 0;
      for (const { row, version } of ordered) {
        // A savepoint per row: a refused row (even by a constraint) is undone alone, so the rest
        // of the file is still checked and every error reported; the file is rolled back anyway.
        await sql`savepoint catalog_import_row`.execute(trx);
        try {
          counts[await applyVersion(trx, ctx, version)]++;
        } catch (e) {
          await sql`rollback to savepoint catalog_import_row`.execute(trx);
          if (e instanceof AppError) errors.push(errorAt(row, e.fields?.[0]?.path ?? 'version', e.messageVi));
          else if (isDbError(e)) errors.push(errorAt(row, 'version', `Cơ sở dữ liệu từ chối phiên bản này: ${(e as Error).message}`));
          else throw e;
        }
        done++;
        if (done % 10 === 0 || done === ordered.length) progress({ done, total, message: `${done}/${ordered.length}: ${version.code} phiên bản ${version.version.number}` });
      }
      if (errors.length > 0) throw new Rollback();
      if (counts.created + counts.updated > 0) {
        await recordAudit(trx, ctx, { action: 'catalog.imported', entity: 'catalog', after: { ...counts, total } });
      }
    });
  } catch (e) {
    if (e instanceof Rollback) return { ...empty, applied: false, errors: errors.sort((a, b) => a.row - b.row) };
    throw e;
  }
  return { ...counts, total, applied: true, errors: [] };
}
