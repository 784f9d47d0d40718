import { sql } from 'kysely';
import type { Db } from '../../platform/db/transaction.js';
import type { ProcedureContent, PublishingDecision, VersionStatus } from './schema.js';

/** SQL of the catalogue's procedures, versions and form files; the service decides who may call what. */

export type ClosingDecision = PublishingDecision & { action: 'amend' | 'replace' | 'abolish' };

export type VersionRow = {
  id: number;
  procedureId: number;
  code: string;
  number: number;
  status: VersionStatus;
  content: ProcedureContent;
  decision: PublishingDecision | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  changeNote: string | null;
  closingDecision: ClosingDecision | null;
  replacedByCode: string | null;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
};

function versionSelect(db: Db) {
  return db.selectFrom('catalog_procedure_versions as v')
    .innerJoin('catalog_procedures as p', 'p.id', 'v.procedure_id')
    .select(['v.id', 'v.procedure_id', 'p.code', 'v.number', 'v.status', 'v.content', 'v.decision_number', 'v.decision_date',
      'v.decision_signer', 'v.decision_title', 'v.effective_from', 'v.effective_to', 'v.change_note', 'v.closing_decision',
      'v.replaced_by_code', 'v.revision', 'v.created_at', 'v.updated_at', 'v.published_at']);
}

type Row = Awaited<ReturnType<ReturnType<typeof versionSelect>['execute']>>[number];

function toVersion(r: Row): VersionRow {
  const decision = r.decision_number && r.decision_date && r.decision_signer
    ? { number: r.decision_number, date: r.decision_date, signer: r.decision_signer, ...(r.decision_title ? { title: r.decision_title } : {}) }
    : null;
  return {
    id: r.id, procedureId: r.procedure_id, code: r.code, number: r.number, status: r.status as VersionStatus,
    content: r.content as unknown as ProcedureContent, decision, effectiveFrom: r.effective_from, effectiveTo: r.effective_to,
    changeNote: r.change_note, closingDecision: (r.closing_decision as ClosingDecision | null) ?? null, replacedByCode: r.replaced_by_code,
    revision: r.revision, createdAt: r.created_at, updatedAt: r.updated_at, publishedAt: r.published_at,
  };
}

export async function findProcedureId(db: Db, code: string): Promise<number | undefined> {
  const row = await db.selectFrom('catalog_procedures').select('id').where('code', '=', code).executeTakeFirst();
  return row?.id;
}

export async function insertProcedure(db: Db, code: string): Promise<number> {
  const row = await db.insertInto('catalog_procedures').values({ code }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function listVersions(db: Db, code: string): Promise<VersionRow[]> {
  const rows = await versionSelect(db).where('p.code', '=', code).orderBy('v.number').execute();
  return rows.map(toVersion);
}

export async function findVersion(db: Db, code: string, number: number): Promise<VersionRow | undefined> {
  const row = await versionSelect(db).where('p.code', '=', code).where('v.number', '=', number).executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

export async function findVersionById(db: Db, id: number): Promise<VersionRow | undefined> {
  const row = await versionSelect(db).where('v.id', '=', id).executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

/**
 * The version in force on a day (YYYY-MM-DD, Asia/Ho_Chi_Minh): a non-draft version whose window
 * holds the day; if windows overlapped (the service prevents it), the highest number wins, as in
 * rules/version-status.ts findVersionInForce.
 */
export async function findInForce(db: Db, code: string, day: string): Promise<VersionRow | undefined> {
  const row = await versionSelect(db).where('p.code', '=', code).where('v.status', '<>', 'draft')
    .where('v.effective_from', '<=', day)
    .where((eb) => eb.or([eb('v.effective_to', 'is', null), eb('v.effective_to', '>=', day)]))
    .orderBy('v.number', 'desc').limit(1).executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

export type NewVersion = {
  procedureId: number;
  number: number;
  status: VersionStatus;
  content: ProcedureContent;
  decision?: PublishingDecision | undefined;
  effectiveFrom?: string | undefined;
  effectiveTo?: string | undefined;
  changeNote?: string | undefined;
};

export async function insertVersion(db: Db, v: NewVersion): Promise<number> {
  const row = await db.insertInto('catalog_procedure_versions').values({
    procedure_id: v.procedureId, number: v.number, status: v.status, content: JSON.stringify(v.content),
    ...decisionColumns(v.decision), effective_from: v.effectiveFrom ?? null, effective_to: v.effectiveTo ?? null,
    change_note: v.changeNote ?? null, published_at: v.status === 'draft' ? null : new Date(),
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

function decisionColumns(d: PublishingDecision | undefined | null) {
  return { decision_number: d?.number ?? null, decision_date: d?.date ?? null, decision_signer: d?.signer ?? null, decision_title: d?.title ?? null };
}

/** Optimistic update of a draft: false when `revision` is stale or the version is no longer a draft. */
export async function updateDraft(db: Db, id: number, revision: number, content: ProcedureContent, changeNote?: string): Promise<boolean> {
  const result = await db.updateTable('catalog_procedure_versions')
    .set((eb) => ({ content: JSON.stringify(content), revision: eb('revision', '+', 1), updated_at: new Date(), ...(changeNote !== undefined ? { change_note: changeNote } : {}) }))
    .where('id', '=', id).where('revision', '=', revision).where('status', '=', 'draft').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markPublished(db: Db, id: number, revision: number, decision: PublishingDecision, effectiveFrom: string, changeNote?: string): Promise<boolean> {
  const result = await db.updateTable('catalog_procedure_versions')
    .set((eb) => ({ status: 'published', ...decisionColumns(decision), effective_from: effectiveFrom, published_at: new Date(),
      revision: eb('revision', '+', 1), updated_at: new Date(), ...(changeNote !== undefined ? { change_note: changeNote } : {}) }))
    .where('id', '=', id).where('revision', '=', revision).where('status', '=', 'draft').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markClosed(db: Db, id: number, revision: number, status: 'amended' | 'replaced' | 'abolished', effectiveTo: string, closing: ClosingDecision | null, replacedByCode?: string): Promise<boolean> {
  const result = await db.updateTable('catalog_procedure_versions')
    .set((eb) => ({ status, effective_to: effectiveTo, closing_decision: closing ? JSON.stringify(closing) : null, replaced_by_code: replacedByCode ?? null,
      revision: eb('revision', '+', 1), updated_at: new Date() }))
    .where('id', '=', id).where('revision', '=', revision).where('status', '=', 'published').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteDraft(db: Db, id: number, revision: number): Promise<boolean> {
  const result = await db.deleteFrom('catalog_procedure_versions').where('id', '=', id).where('revision', '=', revision).where('status', '=', 'draft').executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function maxVersionNumber(db: Db, procedureId: number): Promise<number> {
  const row = await db.selectFrom('catalog_procedure_versions').select((eb) => eb.fn.max('number').as('n')).where('procedure_id', '=', procedureId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Every version of every procedure, for export: ordered by code and number. */
export async function allVersions(db: Db, opts: { includeDrafts: boolean }): Promise<VersionRow[]> {
  let q = versionSelect(db);
  if (!opts.includeDrafts) q = q.where('v.status', '<>', 'draft');
  const rows = await q.orderBy('p.code').orderBy('v.number').execute();
  return rows.map(toVersion);
}

/** One line per procedure for the admin list: the latest version and whether a draft is open. */
export type AdminListRow = { code: string; name: string; fieldName: string; latestNumber: number; latestStatus: VersionStatus; draftNumber: number | null; publishedNumber: number | null; updatedAt: Date };

export async function adminList(db: Db, q: { search?: string; status?: string; page: number; pageSize: number }): Promise<{ items: AdminListRow[]; total: number }> {
  const latest = db.selectFrom('catalog_procedure_versions as v').innerJoin('catalog_procedures as p', 'p.id', 'v.procedure_id')
    .distinctOn('v.procedure_id')
    .select(['p.code', 'v.procedure_id', 'v.name', 'v.field_name', 'v.number', 'v.status', 'v.updated_at', 'v.search_text'])
    .orderBy('v.procedure_id').orderBy('v.number', 'desc');
  let query = db.selectFrom(latest.as('l'))
    .select(['l.code', 'l.name', 'l.field_name', 'l.number', 'l.status', 'l.updated_at',
      sql<number | null>`(select number from catalog_procedure_versions d where d.procedure_id = l.procedure_id and d.status = 'draft')`.as('draft_number'),
      sql<number | null>`(select number from catalog_procedure_versions d where d.procedure_id = l.procedure_id and d.status = 'published')`.as('published_number'),
      sql<string>`count(*) over ()`.as('total')]);
  if (q.search) query = query.where(sql<boolean>`(' ' || l.search_text) like ${`% ${q.search}%`}`);
  if (q.status === 'draft') query = query.where(sql<boolean>`exists (select 1 from catalog_procedure_versions d where d.procedure_id = l.procedure_id and d.status = 'draft')`);
  else if (q.status) query = query.where('l.status', '=', q.status);
  const rows = await query.orderBy('l.code').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return {
    total: Number(rows[0]?.total ?? 0),
    items: rows.map((r) => ({ code: r.code, name: r.name, fieldName: r.field_name, latestNumber: r.number, latestStatus: r.status as VersionStatus, draftNumber: r.draft_number, publishedNumber: r.published_number, updatedAt: r.updated_at })),
  };
}

// ---- form files ------------------------------------------------------------------------------

export async function formNames(db: Db, procedureId: number): Promise<Set<string>> {
  const rows = await db.selectFrom('catalog_form_files').select('file_name').where('procedure_id', '=', procedureId).execute();
  return new Set(rows.map((r) => r.file_name));
}

export async function findForm(db: Db, code: string, fileName: string) {
  return db.selectFrom('catalog_form_files as f').innerJoin('catalog_procedures as p', 'p.id', 'f.procedure_id')
    .select(['f.content', 'f.content_type', 'f.size', 'f.sha256', 'f.uploaded_at']).where('p.code', '=', code).where('f.file_name', '=', fileName).executeTakeFirst();
}

export async function putForm(db: Db, f: { procedureId: number; fileName: string; content: Buffer; contentType: string; sha256: string; uploadedBy: number | null }): Promise<void> {
  const values = { content: f.content, content_type: f.contentType, size: f.content.length, sha256: f.sha256, uploaded_by: f.uploadedBy };
  await db.insertInto('catalog_form_files').values({ procedure_id: f.procedureId, file_name: f.fileName, ...values })
    .onConflict((oc) => oc.columns(['procedure_id', 'file_name']).doUpdateSet({ ...values, uploaded_at: new Date() })).execute();
}
