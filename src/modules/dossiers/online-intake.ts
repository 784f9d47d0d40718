import { randomBytes } from 'node:crypto';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { dossierNotFound } from './dossier-access.js';
import * as repo from './dossiers.repository.js';
import { appendEvents } from './event-writer.js';
import { agencyCodeFor, insertNumberedDossier, ONLINE_KEY_PREFIX, requireStoredFiles, type IntakeDeps } from './intake.js';
import { sealApplicant } from './personal-data.js';
import { makeLookupSecret } from './rules/dossier-code.js';
import { competentUnit, planIntake, resolveRoute } from './rules/plan.js';
import { reduce } from './rules/reducer.js';
import { STATUS } from './rules/statuses.js';
import { refusal } from './rules/transitions.js';
import type { ApplicantInput, CreateDossierInput } from './schema.js';

/**
 * What the online public services hand over when a citizen submits (modules/online): the dossier
 * enters the receiving desk's queue as status 1 "Mới đăng ký" with a `submitted` event. Nothing is
 * received yet: the clock starts when the desk receives it (the `receive` action computes the due date).
 */
export type OnlineSubmission = {
  receivingUnitId: number;
  procedureCode: string;
  caseCode?: string | undefined;
  applicant: ApplicantInput;
  documents: CreateDossierInput['documents'];
  resultDelivery: 'online' | 'post';
  idempotencyKey: string;
};

const problem = (p: { code: string; vi: string; en: string }) => new AppError(p.code, 422, p.vi, p.en);

const requireCitizen = (ctx: RequestContext) => {
  if (!ctx.citizen) throw errors.unauthenticated();
  return ctx.citizen;
};

/** A submission, or the dossier an earlier submission with the same key created (a double click, a retry). */
export async function submitOnline(deps: IntakeDeps, ctx: RequestContext, input: OnlineSubmission): Promise<{ row: repo.DossierRow; created: boolean }> {
  requireCitizen(ctx);
  if (!input.idempotencyKey.startsWith(ONLINE_KEY_PREFIX)) throw new Error('online submission keys are composed by modules/online');
  const existing = await repo.findByIdempotencyKey(deps.db, input.idempotencyKey);
  if (existing) return { row: existing, created: false };
  await requireStoredFiles(deps.files, input.documents);
  const now = deps.now();
  const procedure = await deps.catalog.findInForce(input.procedureCode, now);
  if (!procedure) throw errors.notFound(`thủ tục ${input.procedureCode} đang có hiệu lực`, `Procedure ${input.procedureCode} in force`, 'PROCEDURE_NOT_FOUND');
  const plan = planIntake(procedure.content, input.caseCode, 'online');
  if ('vi' in plan) throw problem(plan);
  const units = await deps.org.allUnits();
  const competent = competentUnit(procedure.content, units, input.receivingUnitId);
  if ('vi' in competent) throw problem(competent);
  // Resolved now only to refuse a submission the desk could never receive; the route is planned again at reception.
  const route = resolveRoute(plan.steps, units, input.receivingUnitId, competent.id);
  if ('vi' in route) throw problem(route);
  const agencyCode = agencyCodeFor(units, input.receivingUnitId);
  const sealed = sealApplicant(deps.keys, input.applicant);
  const involved = [...new Set([input.receivingUnitId, competent.id])];
  try {
    return await inTransaction(deps.db, async (trx) => {
      // The desk's daily counter is taken last, as at the desk (intake.ts insertNumberedDossier).
      const row = await insertNumberedDossier(trx, deps.chain, ctx, {
        lookup_secret: makeLookupSecret((n) => randomBytes(n)), idempotency_key: input.idempotencyKey,
        procedure_code: procedure.content.code, procedure_version_id: procedure.versionId, procedure_name: procedure.content.name,
        field_code: procedure.content.field.code, field_name: procedure.content.field.name, case_code: input.caseCode ?? null,
        channel: 'online', receiving_unit_id: input.receivingUnitId, competent_unit_id: competent.id,
        applicant: JSON.stringify(sealed.applicant), applicant_name: input.applicant.fullName,
        applicant_id_index: sealed.applicantIdIndex, representative_id_index: sealed.representativeIdIndex,
        documents: JSON.stringify(input.documents), fees: JSON.stringify(plan.fees), result_delivery: input.resultDelivery,
        processing_time: JSON.stringify({ ...plan.processingTime, caseName: plan.caseName, copies: 1 }),
        supplement_restarts: false, involved_unit_ids: involved,
      }, input.documents, agencyCode, now, [{ type: 'submitted', channel: 'online' }]);
      return { row, created: true };
    });
  } catch (err) {
    if (isUniqueViolation(err, 'dossiers_idempotency_key')) {
      const winner = await repo.findByIdempotencyKey(deps.db, input.idempotencyKey);
      if (winner) return { row: winner, created: false };
    }
    throw err;
  }
}

export type ApplicantSupplement = { documents: { name: string; fileKey: string }[]; note?: string | undefined };

/**
 * The applicant answers a supplement request online, once. During processing (status 5) this is the
 * `supplement_received` the desk would otherwise record: the clock resumes by the same rule as
 * actions.ts (the paused working hours move the due date, or it restarts). At reception (status 1,
 * guided to supplement) it records `reception_supplement_submitted`; the desk then receives. The
 * caller (modules/online) has established that the citizen in `ctx` is the dossier's applicant.
 */
export async function supplementByApplicant(deps: IntakeDeps, ctx: RequestContext, code: string, input: ApplicantSupplement): Promise<repo.DossierRow> {
  requireCitizen(ctx);
  await requireStoredFiles(deps.files, input.documents);
  const now = deps.now();
  const calc = await deps.deadlines.calculator();
  return inTransaction(deps.db, async (trx) => {
    const row = await repo.findByCode(trx, code, true);
    if (!row) throw dossierNotFound();
    const events = await repo.loadEvents(trx, row.id);
    const state = reduce(events);
    const names = input.documents.map((d) => ({ name: d.name }));
    const note = input.note ? { note: input.note } : {};
    let payload;
    if (state.status === STATUS.SUPPLEMENT_REQUESTED) {
      const refused = refusal(state, 'supplement_received');
      if (refused) throw new AppError(refused.code, 409, refused.vi, refused.en);
      const pausedHours = state.pausedSince ? calc.workingHoursBetween(new Date(state.pausedSince), now) : 0;
      const pt = row.processing_time as { amount: number; unit: 'working_days' | 'calendar_days' | 'working_hours'; cutoff?: string };
      const newDue = row.supplement_restarts ? calc.due(now, pt) : calc.addWorkingHours(new Date(state.dueAt!), pausedHours);
      payload = { type: 'supplement_received' as const, newDueAt: newDue.toISOString(), pausedWorkingHours: pausedHours, mode: row.supplement_restarts ? 'restart' as const : 'shift' as const, documents: names, ...note };
    } else if (state.status === STATUS.SUBMITTED && state.receptionSupplementRequested) {
      payload = { type: 'reception_supplement_submitted' as const, documents: names, ...note };
    } else {
      throw errors.conflict('NO_SUPPLEMENT_REQUESTED', 'Hồ sơ không ở trạng thái chờ bổ sung (hoặc đã được bổ sung); không thể nộp bổ sung.',
        'The dossier is not waiting for a supplement (or it was already supplemented).', { status: state.status });
    }
    // The supplemented documents join the dossier's list, each pointing at its stored file.
    const documents = [...(row.documents as unknown[]), ...input.documents.map((d) => ({ name: d.name, originals: 0, copies: 1, certifiedCopies: 0, fileKey: d.fileKey, supplement: true }))];
    await trx.updateTable('dossiers').set({ documents: JSON.stringify(documents) }).where('id', '=', row.id).execute();
    const last = events[events.length - 1]?.hash ?? null;
    await appendEvents(trx, deps.chain, ctx, { ...row, documents }, state, last, [payload], now, row.involved_unit_ids);
    return (await repo.findByCode(trx, code))!;
  });
}
