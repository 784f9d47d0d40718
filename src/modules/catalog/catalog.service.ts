import { createHash } from 'node:crypto';
import { can, requireActor } from '../../platform/access/policy.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction, type Db } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { OrgService } from '../org/org.service.js';
import * as repo from './catalog.repository.js';
import type { VersionRow } from './catalog.repository.js';
import { agencyCounts, contentsInForce, fieldCounts, searchProcedures } from './catalog.search.js';
import { assertContent, closeVersion, insertVersion, procedureNotFound, publish, updateDraft, versionNotFound } from './catalog.versions.js';
import { diffVersions } from './rules/diff.js';
import { normalizeForSearch } from './rules/search.js';
import { allowedVersionActions } from './rules/version-status.js';
import type { Level, OnlineMode, ProcedureContent, VersionActionInput } from './schema.js';

/** Calendar day of an instant in Asia/Ho_Chi_Minh (no daylight saving), as YYYY-MM-DD. */
export function vnDay(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export type ListQuery = { q?: string | undefined; field?: string | undefined; level?: Level | undefined; online?: OnlineMode | undefined; agency?: string | undefined; page: number; pageSize: number };

/** A version as the API shows it: metadata, the actions the UI may offer, and optionally the content. */
export function versionView(row: VersionRow) {
  return {
    id: row.id, code: row.code, number: row.number, status: row.status, name: row.content.name,
    decision: row.decision, effectiveFrom: row.effectiveFrom, effectiveTo: row.effectiveTo, changeNote: row.changeNote,
    closingDecision: row.closingDecision, replacedByCode: row.replacedByCode, revision: row.revision,
    createdAt: row.createdAt, updatedAt: row.updatedAt, publishedAt: row.publishedAt, allowedActions: allowedVersionActions(row.status),
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;

export function createCatalogService(db: Db, org: OrgService, now: () => Date = () => new Date()) {
  async function rootIds(): Promise<number[]> {
    return (await org.allUnits()).filter((u) => u.parentId === null).map((u) => u.id);
  }

  /** The catalogue is the province's: editing it needs catalog.manage at the root of the org tree. */
  async function isManager(ctx: RequestContext): Promise<boolean> {
    if (ctx.system) return true;
    if (!ctx.actor) return false;
    const actor = ctx.actor;
    return (await rootIds()).some((id) => can(actor, 'catalog.manage', id));
  }

  async function requireManager(ctx: RequestContext): Promise<void> {
    if (ctx.system) return;
    requireActor(ctx.actor);
    if (!(await isManager(ctx))) throw errors.forbidden();
  }

  async function unitCodes(): Promise<Set<string>> {
    return new Set((await org.allUnits()).map((u) => u.code).filter((c): c is string => !!c));
  }

  /** Drafts exist only for catalogue managers; to anyone else they answer as missing. */
  async function visibleVersion(ctx: RequestContext, code: string, number: number): Promise<VersionRow> {
    const row = await repo.findVersion(db, code, number);
    if (!row || (row.status === 'draft' && !(await isManager(ctx)))) throw versionNotFound();
    return row;
  }

  async function versionFor(ctx: RequestContext, code: string, number: number): Promise<VersionRow> {
    await requireManager(ctx);
    const row = await repo.findVersion(db, code, number);
    if (!row) throw versionNotFound();
    return row;
  }

  const service = {
    isManager,
    requireManager,
    unitCodes,

    async search(q: ListQuery) {
      const normalized = q.q ? normalizeForSearch(q.q) : '';
      // Typed only punctuation: nothing can match, rather than everything.
      if (q.q && !normalized) return { total: 0, fuzzy: false, items: [] };
      const result = await searchProcedures(db, { ...q, q: normalized || undefined, day: vnDay(now()) });
      return {
        total: result.total,
        fuzzy: result.fuzzy,
        ...(result.corrected ? { corrected: result.corrected } : {}),
        items: result.items.map((h) => ({
          code: h.code, name: h.name, field: h.field, levels: h.levels, onlineMode: h.onlineMode,
          processingTimes: h.channels.map((c) => ({ channel: c.kind, amount: c.time.amount, unit: c.time.unit, ...(c.time.cutoff ? { cutoff: c.time.cutoff } : {}) })),
          agency: h.implementingAgency.name, boundaryIndependent: h.boundaryIndependent, version: h.versionNumber,
        })),
      };
    },

    async fields(q: { level?: Level | undefined; online?: OnlineMode | undefined } = {}) {
      return fieldCounts(db, vnDay(now()), q);
    },

    async agencies() {
      return agencyCounts(db, vnDay(now()));
    },

    /** Every procedure as in force on a day (YYYY-MM-DD): what statistics on the catalogue count (form II.07b). */
    async contentsInForce(day: string): Promise<{ code: string; content: ProcedureContent }[]> {
      return (await contentsInForce(db, day)) as { code: string; content: ProcedureContent }[];
    },

    /** The version in force at an instant (dossiers pin its id), or undefined. */
    async findInForce(code: string, at: Date): Promise<VersionRow | undefined> {
      return repo.findInForce(db, code, vnDay(at));
    },

    findVersionById: (id: number) => repo.findVersionById(db, id),

    /** The public record of a procedure: the content in force today plus its version and forms. */
    async getInForce(code: string) {
      const row = await repo.findInForce(db, code, vnDay(now()));
      if (!row) throw procedureNotFound();
      const forms = [...(await repo.formNames(db, row.procedureId))].sort();
      return {
        ...row.content,
        versionId: row.id,
        version: { number: row.number, status: row.status, decision: row.decision, effectiveFrom: row.effectiveFrom, effectiveTo: row.effectiveTo, changeNote: row.changeNote },
        availableForms: forms,
      };
    },

    async versions(ctx: RequestContext, code: string) {
      const rows = await repo.listVersions(db, code);
      const manager = await isManager(ctx);
      const visible = rows.filter((r) => r.status !== 'draft' || manager);
      if (visible.length === 0) throw procedureNotFound();
      return visible.map(versionView);
    },

    async version(ctx: RequestContext, code: string, number: number) {
      const row = await visibleVersion(ctx, code, number);
      return { ...versionView(row), content: row.content };
    },

    async diff(ctx: RequestContext, code: string, from: number, to: number) {
      const [a, b] = [await visibleVersion(ctx, code, from), await visibleVersion(ctx, code, to)];
      return { code, from: versionView(a), to: versionView(b), changes: diffVersions(a.content, b.content) };
    },

    async form(code: string, fileName: string) {
      const form = await repo.findForm(db, code, fileName);
      if (!form) throw errors.notFound('mẫu đơn, tờ khai', 'Form', 'FORM_NOT_FOUND');
      return form;
    },

    // ---- administration -------------------------------------------------------------------

    async adminList(ctx: RequestContext, q: { q?: string | undefined; status?: string | undefined; page: number; pageSize: number }) {
      await requireManager(ctx);
      const page = await repo.adminList(db, { search: q.q ? normalizeForSearch(q.q) : undefined, status: q.status, page: q.page, pageSize: q.pageSize });
      return page;
    },

    async create(ctx: RequestContext, content: ProcedureContent) {
      await requireManager(ctx);
      assertContent(content, await unitCodes());
      return inTransaction(db, async (trx) => {
        if (await repo.findProcedureId(trx, content.code)) {
          throw errors.conflict('PROCEDURE_EXISTS', `Thủ tục mã ${content.code} đã có; hãy tạo phiên bản mới của thủ tục đó.`, 'A procedure with this code exists.');
        }
        const row = await insertVersion(trx, ctx, { number: 1, status: 'draft', content });
        return { ...versionView(row), content: row.content };
      });
    },

    async update(ctx: RequestContext, code: string, number: number, input: ProcedureContent & { revision: number }) {
      const row = await versionFor(ctx, code, number);
      const { revision, ...content } = input;
      assertContent(content, await unitCodes());
      return inTransaction(db, async (trx) => {
        const after = await updateDraft(trx, ctx, row, content, revision);
        return { ...versionView(after), content: after.content };
      });
    },

    /** A new draft copied from a version (by default the latest non-draft one). */
    async newDraft(ctx: RequestContext, code: string, input: { from?: number | undefined; changeNote?: string | undefined }) {
      await requireManager(ctx);
      const rows = await repo.listVersions(db, code);
      if (rows.length === 0) throw procedureNotFound();
      const source = input.from !== undefined ? rows.find((r) => r.number === input.from) : rows.filter((r) => r.status !== 'draft').at(-1) ?? rows.at(-1);
      if (!source) throw versionNotFound();
      return inTransaction(db, async (trx) => {
        const next = (await repo.maxVersionNumber(trx, source.procedureId)) + 1;
        const row = await insertVersion(trx, ctx, { number: next, status: 'draft', content: source.content, changeNote: input.changeNote });
        return { ...versionView(row), content: row.content };
      });
    },

    async deleteDraft(ctx: RequestContext, code: string, number: number, revision: number) {
      const row = await versionFor(ctx, code, number);
      if (row.status !== 'draft') throw errors.conflict('PUBLISHED_IMMUTABLE', 'Chỉ xóa được bản dự thảo.', 'Only a draft can be deleted.');
      await inTransaction(db, async (trx) => {
        if (!(await repo.deleteDraft(trx, row.id, revision))) throw errors.stale();
        await recordAudit(trx, ctx, { action: 'catalog.version.deleted', entity: 'procedure', entityId: `${code}@${number}` });
      });
    },

    async act(ctx: RequestContext, code: string, number: number, input: VersionActionInput) {
      const row = await versionFor(ctx, code, number);
      if (input.action === 'publish') {
        // Units may have changed since the draft was saved: check again on publication.
        assertContent(row.content, await unitCodes());
        return inTransaction(db, async (trx) => versionView(await publish(trx, ctx, row, input)));
      }
      return inTransaction(db, async (trx) => versionView(await closeVersion(trx, ctx, row, input)));
    },

    async putForm(ctx: RequestContext, code: string, fileName: string, content: Buffer, contentType: string) {
      await requireManager(ctx);
      const procedureId = await repo.findProcedureId(db, code);
      if (!procedureId) throw procedureNotFound();
      if (!/^[A-Za-z0-9_.-]+\.(docx?|pdf|xlsx?|odt)$/.test(fileName)) {
        throw errors.badRequest('Tên tệp mẫu phải gồm chữ không dấu, số, "-", "_" và có đuôi .doc, .docx, .pdf, .xls, .xlsx hoặc .odt.', 'Invalid form file name.');
      }
      const sha256 = createHash('sha256').update(content).digest('hex');
      await inTransaction(db, async (trx) => {
        await repo.putForm(trx, { procedureId, fileName, content, contentType, sha256, uploadedBy: ctx.actor?.staffId ?? null });
        await recordAudit(trx, ctx, { action: 'catalog.form.uploaded', entity: 'procedure', entityId: code, after: { fileName, size: content.length, sha256 } });
      });
      return { fileName, size: content.length, sha256 };
    },
  };
  return service;
}
