/**
 * The catalogue as files: export to JSON (`motcua.catalog/v1`) or the XLSX template, and import of
 * either (see catalog.import.ts for the rules). Used by the admin API, the CLI and the demo seeder.
 */
import type { Db } from '../../platform/db/transaction.js';
import type { RequestContext } from '../../platform/http/context.js';
import * as repo from './catalog.repository.js';
import type { VersionRow } from './catalog.repository.js';
import { importCatalog, jsonRows, type ImportProgress } from './catalog.import.js';
import { describeReport, type ImportReportView } from './import-summary.js';
import type { CatalogService } from './catalog.service.js';
import { CATALOG_FILE_FORMAT, procedureSchema, type CatalogFile, type Procedure } from './schema.js';
import { catalogRowsFromXlsx } from './xlsx/read.js';
import { catalogWorkbook } from './xlsx/write.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A stored version in the file layout, keys in schema order (jsonb does not keep key order). */
export function toProcedure(row: VersionRow): Procedure {
  const version = {
    number: row.number, status: row.status,
    ...(row.decision ? { decision: row.decision } : {}),
    ...(row.effectiveFrom ? { effectiveFrom: row.effectiveFrom } : {}),
    ...(row.effectiveTo ? { effectiveTo: row.effectiveTo } : {}),
    ...(row.changeNote ? { changeNote: row.changeNote } : {}),
  };
  const raw = { ...row.content, version };
  const parsed = procedureSchema.safeParse(raw);
  // Content stored under an older schema still exports as stored rather than failing the file.
  return parsed.success ? parsed.data : (raw as Procedure);
}

export async function exportVersions(db: Db, includeDrafts: boolean): Promise<Procedure[]> {
  return (await repo.allVersions(db, { includeDrafts })).map(toProcedure);
}

export async function exportJson(db: Db, includeDrafts: boolean): Promise<CatalogFile> {
  return { format: CATALOG_FILE_FORMAT, procedures: await exportVersions(db, includeDrafts) };
}

export async function exportXlsx(db: Db, includeDrafts: boolean): Promise<Buffer> {
  return catalogWorkbook(await exportVersions(db, includeDrafts));
}

export function isXlsx(content: Buffer, fileName = ''): boolean {
  return /\.xlsx$/i.test(fileName) || content.subarray(0, 2).toString('latin1') === 'PK';
}

/** Imports a JSON or XLSX catalogue file in one transaction; the caller must manage the catalogue. */
export async function importFile(db: Db, catalog: CatalogService, ctx: RequestContext, content: Buffer, fileName: string, progress?: ImportProgress): Promise<ImportReportView> {
  await catalog.requireManager(ctx);
  const format = isXlsx(content, fileName) ? 'xlsx' : 'json';
  const { rows, errors } = format === 'xlsx' ? await catalogRowsFromXlsx(content) : jsonRows(content.toString('utf8'));
  if (errors.length > 0) return describeReport({ created: 0, updated: 0, unchanged: 0, total: rows.length, applied: false, errors }, format);
  return describeReport(await importCatalog(db, ctx, rows, await catalog.unitCodes(), progress), format);
}
