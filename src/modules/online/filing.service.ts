import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction, type Db } from '../../platform/db/transaction.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { CitizenProfile } from '../citizens/identity.js';
import type { ProcedureContent } from '../catalog/schema.js';
import { ONLINE_KEY_PREFIX } from '../dossiers/intake.js';
import { intakeApplicantSchema } from '../dossiers/schema.js';
import { draftNotFound, type DocumentsService } from './documents.service.js';
import * as repo from './online.repository.js';
import type { CatalogPort, CitizensPort, OnlineDossiersPort, UnitsPort } from './ports.js';
import { requiredDocuments, submissionProblems } from './rules/completeness.js';
import { receivingUnits } from './rules/receiving-units.js';
import { draftContentSchema, type CreateDraftInput, type DraftContent, type PatchDraftInput } from './schema.js';

type Deps = { db: Db; now: () => Date; catalog: CatalogPort; units: UnitsPort; citizens: CitizensPort; dossiers: OnlineDossiersPort; documents: DocumentsService };

const notOnline = () => new AppError('PROCEDURE_NOT_ONLINE', 422,
  'Thủ tục này chưa được cung cấp dịch vụ công trực tuyến; vui lòng nộp hồ sơ trực tiếp hoặc qua bưu chính.',
  'This procedure is not offered online; file at a one-stop desk or by post.');

const EMPTY: DraftContent = { caseCode: null, receivingUnitId: null, applicantKind: 'citizen', organisation: null, request: null, documents: [], delivery: { method: 'online', address: null } };

/**
 * Online filing: a server-side draft (it survives closing the browser, edited under a version), then
 * one submission that hands a complete dossier to the dossier module. Personal data is never typed:
 * the applicant comes from the e-ID profile at submission.
 */
export function createFilingService(deps: Deps) {
  async function procedureOf(code: string) {
    const found = await deps.catalog.findInForce(code, deps.now());
    if (!found) throw errors.notFound(`thủ tục ${code} đang có hiệu lực`, `Procedure ${code} in force`, 'PROCEDURE_NOT_FOUND');
    if (found.content.onlineMode === 'none') throw notOnline();
    return found.content;
  }

  /** The draft with everything the form needs: the read-only applicant, the case's documents, where to file, what is missing. */
  async function present(d: repo.DraftRow, citizenId: number) {
    const content = d.content as unknown as DraftContent;
    const base = {
      id: d.id, status: d.status, version: d.version, procedureCode: d.procedure_code, procedureName: d.procedure_name, dossierCode: d.dossier_code,
      createdAt: d.created_at.toISOString(), updatedAt: d.updated_at.toISOString(), submittedAt: d.submitted_at?.toISOString() ?? null, content,
    };
    if (d.status !== 'draft') return { ...base, applicant: null, procedure: null, files: [], problems: [] };
    const [found, profile, units] = [await deps.catalog.findInForce(d.procedure_code, deps.now()), await deps.citizens.profile(citizenId), await deps.units.allUnits()];
    const files = await deps.documents.owned(citizenId, content.documents.map((x) => String(x.fileId)));
    if (!found) return { ...base, applicant: applicantOf(profile), procedure: null, files: [], problems: [{ path: 'procedureCode', message: 'Thủ tục không còn hiệu lực.', messageEn: 'The procedure is no longer in force.' }] };
    const p = found.content;
    const places = receivingUnits(p, units);
    const docs = requiredDocuments(p, content.caseCode);
    return {
      ...base,
      applicant: applicantOf(profile),
      procedure: {
        onlineMode: p.onlineMode, applicants: p.applicants, cases: p.cases.map((c) => ({ code: c.code, name: c.name })), receivingUnits: places,
        documents: 'path' in docs ? [] : docs.all.map((x) => ({ name: x.name, required: docs.required.includes(x), note: x.note ?? null, formTemplate: x.formTemplate ?? null, fromNationalDb: x.reusableFromNationalDb, presentOnly: x.presentOnly })),
      },
      files: files.map((f) => ({ id: f.id, name: f.name, type: f.type, size: f.size })),
      problems: submissionProblems(p, content, { receivingUnitIds: places.map((u) => u.id), ownedFileIds: new Set(files.map((f) => f.id)), hasIdNumber: !!profile.idNumber }),
    };
  }

  async function mine(citizenId: number, id: string) {
    const d = await repo.findDraft(deps.db, citizenId, id);
    if (!d) throw draftNotFound();
    return d;
  }

  return {
    async create(ctx: RequestContext, citizenId: number, input: CreateDraftInput) {
      const p = await procedureOf(input.procedureCode);
      const { procedureCode: _code, ...given } = input;
      const places = receivingUnits(p, await deps.units.allUnits());
      // One place to file (a provincial procedure): chosen for the citizen.
      const content = draftContentSchema.parse({ ...EMPTY, ...(places.length === 1 ? { receivingUnitId: places[0]!.id } : {}), ...stripUndefined(given) });
      const row = await inTransaction(deps.db, async (trx) => {
        const r = await trx.insertInto('online_drafts').values({ citizen_id: citizenId, procedure_code: p.code, procedure_name: p.name, content: JSON.stringify(content) })
          .returningAll().executeTakeFirstOrThrow();
        await recordAudit(trx, ctx, { action: 'online.draft_created', entity: 'online_draft', entityId: r.id, after: { procedureCode: p.code } });
        return r;
      });
      return present(row, citizenId);
    },

    async get(citizenId: number, id: string) {
      return present(await mine(citizenId, id), citizenId);
    },

    async update(ctx: RequestContext, citizenId: number, id: string, input: PatchDraftInput) {
      const { version, ...given } = input;
      const row = await inTransaction(deps.db, async (trx) => {
        const d = await repo.findDraft(trx, citizenId, id, true);
        if (!d) throw draftNotFound();
        if (d.status !== 'draft') throw alreadySubmitted(d.dossier_code);
        if (d.version !== version) throw errors.stale();
        const content = draftContentSchema.parse({ ...(d.content as object), ...stripUndefined(given) });
        const r = await trx.updateTable('online_drafts').set({ content: JSON.stringify(content), version: d.version + 1, updated_at: new Date() })
          .where('id', '=', d.id).returningAll().executeTakeFirstOrThrow();
        await recordAudit(trx, ctx, { action: 'online.draft_updated', entity: 'online_draft', entityId: d.id, after: { version: r.version, fields: Object.keys(stripUndefined(given)) } });
        return r;
      });
      return present(row, citizenId);
    },

    async remove(ctx: RequestContext, citizenId: number, id: string): Promise<void> {
      await inTransaction(deps.db, async (trx) => {
        const d = await repo.findDraft(trx, citizenId, id, true);
        if (!d) throw draftNotFound();
        if (d.status !== 'draft') throw alreadySubmitted(d.dossier_code);
        // Its uploads stay in the citizen's store, no longer tied to a draft.
        await trx.updateTable('citizen_files').set({ draft_id: null }).where('citizen_id', '=', citizenId).where('draft_id', '=', d.id).execute();
        await trx.deleteFrom('online_drafts').where('id', '=', d.id).execute();
        await recordAudit(trx, ctx, { action: 'online.draft_deleted', entity: 'online_draft', entityId: d.id, before: { procedureCode: d.procedure_code } });
      });
    },

    /**
     * Submission. The first attempt fixes the draft's key (`online:<draft>:<client key>`), and every
     * later attempt — a double click, a retry after a lost answer, another tab — reuses it, so the
     * dossier module files one dossier however often it is asked. Reads first, then the dossier
     * service (its own transaction), then the draft is marked in a transaction of its own.
     */
    async submit(ctx: RequestContext, citizenId: number, id: string, clientKey: string) {
      const draft = await mine(citizenId, id);
      if (draft.status === 'submitted') return { created: false, draft: await present(draft, citizenId) };
      const content = draft.content as unknown as DraftContent;
      const p = await procedureOf(draft.procedure_code);
      const profile = await deps.citizens.profile(citizenId);
      const places = receivingUnits(p, await deps.units.allUnits());
      const files = await deps.documents.owned(citizenId, content.documents.map((x) => String(x.fileId)));
      const problems = submissionProblems(p, content, { receivingUnitIds: places.map((u) => u.id), ownedFileIds: new Set(files.map((f) => f.id)), hasIdNumber: !!profile.idNumber });
      if (problems.length) {
        throw new AppError('DRAFT_INCOMPLETE', 422, 'Hồ sơ chưa đầy đủ, chưa thể nộp. Hãy bổ sung các mục còn thiếu.', 'The filing is incomplete; complete the items listed.', problems);
      }
      const key = draft.idempotency_key ?? await inTransaction(deps.db, async (trx) => {
        const fresh = `${ONLINE_KEY_PREFIX}${draft.id}:${clientKey}`;
        const r = await trx.updateTable('online_drafts').set({ idempotency_key: fresh }).where('id', '=', draft.id).where('idempotency_key', 'is', null).returning('idempotency_key').executeTakeFirst();
        return r?.idempotency_key ?? (await repo.findDraft(trx, citizenId, id))!.idempotency_key!;
      });
      const applicant = intakeApplicantSchema.safeParse(applicantFor(profile, content));
      if (!applicant.success) {
        throw new AppError('PROFILE_INCOMPLETE', 422, 'Thông tin của bạn từ tài khoản định danh chưa đủ để nộp hồ sơ (họ tên, số định danh). Hãy cập nhật tài khoản rồi nộp lại.', 'Your e-ID details are not enough to file (name, ID number).');
      }
      const byId = new Map(files.map((f) => [f.id, f]));
      const { dossier, created } = await deps.dossiers.submitOnline(ctx, {
        receivingUnitId: content.receivingUnitId!, procedureCode: p.code, caseCode: content.caseCode ?? undefined,
        applicant: applicant.data, resultDelivery: content.delivery.method, idempotencyKey: key,
        documents: content.documents.map((x) => {
          const file = byId.get(String(x.fileId))!;
          return { name: x.name, originals: 0, copies: 1, certifiedCopies: 0, fileKey: file.file_key, fileName: file.name };
        }),
      });
      const row = await inTransaction(deps.db, async (trx) => {
        const r = await trx.updateTable('online_drafts').set({ status: 'submitted', dossier_code: dossier.code, submitted_at: new Date(), updated_at: new Date(), version: draft.version + 1 })
          .where('id', '=', draft.id).where('status', '=', 'draft').returningAll().executeTakeFirst();
        if (r) await recordAudit(trx, ctx, { action: 'online.submitted', entity: 'online_draft', entityId: draft.id, unitId: content.receivingUnitId, after: { dossierCode: dossier.code } });
        return r ?? (await repo.findDraft(trx, citizenId, id))!;
      });
      return { created, draft: await present(row, citizenId), dossier };
    },

    drafts(citizenId: number) {
      return repo.draftsOf(deps.db, citizenId);
    },
  };
}

const alreadySubmitted = (code: string | null) => errors.conflict('DRAFT_SUBMITTED', `Hồ sơ đã được nộp${code ? ` (mã ${code})` : ''}; không thể sửa hay xóa bản nháp.`, 'The filing was already submitted; the draft can no longer be changed.', { dossierCode: code });

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** What the form shows as the applicant: the e-ID's, read-only. */
function applicantOf(p: CitizenProfile) {
  return { fullName: p.fullName, idNumber: p.idNumber, birthDate: p.birthDate, address: p.address, phone: p.phone, email: p.email };
}

/** The dossier's applicant, from the profile: the person, or the organisation with the person as its representative. */
function applicantFor(p: CitizenProfile, c: DraftContent): Record<string, unknown> {
  const contact = { ...(p.phone ? { phone: p.phone } : {}), ...(p.email ? { email: p.email } : {}) };
  const delivery = c.delivery.method === 'post' && c.delivery.address ? { deliveryAddress: c.delivery.address } : {};
  if (c.applicantKind === 'organisation' && c.organisation) {
    return {
      kind: 'organisation', fullName: c.organisation.name, taxCode: c.organisation.taxCode, ...(c.organisation.address ? { address: c.organisation.address } : {}), ...contact, ...delivery,
      representative: { fullName: p.fullName, idNumber: p.idNumber, ...(c.organisation.position ? { position: c.organisation.position } : {}) },
    };
  }
  return { kind: 'citizen', fullName: p.fullName, idNumber: p.idNumber, ...(p.address ? { address: p.address } : {}), ...contact, ...delivery };
}

export type FilingService = ReturnType<typeof createFilingService>;
export type { ProcedureContent };
