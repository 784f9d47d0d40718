import { randomBytes } from 'node:crypto';
import { can, requireActor } from '../../platform/access/policy.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { inTransaction, type Db } from '../../platform/db/transaction.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { OrgService } from '../org/org.service.js';
import * as repo from './dossiers.repository.js';
import { appendEvents, actorOf } from './event-writer.js';
import type { CatalogPort, DeadlinesPort } from './ports.js';
import { formatDossierCode, makeLookupSecret } from './rules/dossier-code.js';
import type { EventPayload } from './rules/events.js';
import { competentUnit, planIntake, resolveRoute, type UnitRef } from './rules/plan.js';
import { initialState } from './rules/reducer.js';
import { vnDay } from './rules/statuses.js';
import type { CreateDossierInput } from './schema.js';

const problem = (p: { code: string; vi: string; en: string }) => new AppError(p.code, 422, p.vi, p.en);

export type IntakeDeps = { db: Db; org: OrgService; catalog: CatalogPort; deadlines: DeadlinesPort; now: () => Date };

/**
 * Reception at the desk (Decree 118 art. 17, DOMAIN §2.2): pins the procedure version in force,
 * allocates the dossier code, computes the due date, resolves the internal process into units, and
 * writes the first events — in one transaction. A repeated idempotency key returns the first dossier.
 */
export async function intake(deps: IntakeDeps, ctx: RequestContext, input: CreateDossierInput): Promise<{ row: repo.DossierRow; created: boolean }> {
  const actor = requireActor(ctx.actor);
  const receivingUnitId = actor.unitId;
  if (!can(actor, 'dossier.receive', receivingUnitId)) throw errors.forbidden();
  const existing = await repo.findByIdempotencyKey(deps.db, input.idempotencyKey);
  if (existing) return { row: existing, created: false };

  const now = deps.now();
  const procedure = await deps.catalog.findInForce(input.procedureCode, now);
  if (!procedure) throw errors.notFound(`thủ tục ${input.procedureCode} đang có hiệu lực`, `Procedure ${input.procedureCode} in force`, 'PROCEDURE_NOT_FOUND');
  const plan = planIntake(procedure.content, input.caseCode, input.channel);
  if ('vi' in plan) throw problem(plan);
  const units: UnitRef[] = await deps.org.allUnits();
  const competent = competentUnit(procedure.content, units, receivingUnitId, input.competentUnitId);
  if ('vi' in competent) throw problem(competent);
  const route = resolveRoute(plan.steps, units, receivingUnitId, competent.id);
  if ('vi' in route) throw problem(route);
  const agencyCode = agencyCodeFor(units, receivingUnitId);
  const calc = await deps.deadlines.calculator();

  const payloads: EventPayload[] = [];
  if (input.intake === 'refuse') {
    if (!input.reasons?.length) throw errors.validation([{ path: 'reasons', message: 'Phải nêu lý do từ chối tiếp nhận.', messageEn: 'Give the reasons for refusal.' }]);
    payloads.push({ type: 'refused', reasons: input.reasons });
  } else if (input.intake === 'supplement') {
    if (!input.supplementItems?.length) throw errors.validation([{ path: 'supplementItems', message: 'Phải nêu giấy tờ cần bổ sung.', messageEn: 'List the documents to supplement.' }]);
    payloads.push({ type: 'reception_supplement_requested', items: input.supplementItems });
  } else {
    const dueAt = calc.due(now, plan.processingTime);
    const first = route[0]!;
    payloads.push({
      type: 'received', receivedAt: now.toISOString(), dueAt: dueAt.toISOString(), route, deskStaff: actorOf(ctx),
      stepDueAt: calc.addWorkingHours(now, first.budgetHours).toISOString(),
    });
  }
  const involved = [...new Set([receivingUnitId, competent.id, ...route.flatMap((r) => (r.unitId ? [r.unitId] : []))])];

  try {
    return await inTransaction(deps.db, async (trx) => {
      const seq = await repo.nextDailySequence(trx, agencyCode, vnDay(now));
      const code = formatDossierCode(agencyCode, now, seq);
      const inserted = await trx.insertInto('dossiers').values({
        code, lookup_secret: makeLookupSecret((n) => randomBytes(n)), idempotency_key: input.idempotencyKey,
        procedure_code: procedure.content.code, procedure_version_id: procedure.versionId, procedure_name: procedure.content.name,
        field_code: procedure.content.field.code, field_name: procedure.content.field.name, case_code: input.caseCode ?? null,
        channel: input.channel, receiving_unit_id: receivingUnitId, competent_unit_id: competent.id,
        applicant: JSON.stringify(input.applicant), applicant_name: input.applicant.fullName,
        documents: JSON.stringify(input.documents.length ? input.documents : plan.documents.map((d) => ({ name: d.name, originals: d.originals, copies: d.copies + d.certifiedCopies, certifiedCopies: 0 }))),
        fees: JSON.stringify(plan.fees), result_delivery: input.resultDelivery,
        processing_time: JSON.stringify({ ...plan.processingTime, caseName: plan.caseName, copies: input.receivedCopies }),
        supplement_restarts: false, status: 1, involved_unit_ids: involved, version: 0,
      }).returningAll().executeTakeFirstOrThrow();
      const { state } = await appendEvents(trx, ctx, inserted, initialState(), null, payloads, now, involved);
      return { row: { ...inserted, status: state.status, version: state.version, due_at: state.dueAt ? new Date(state.dueAt) : null, received_at: state.receivedAt ? new Date(state.receivedAt) : null }, created: true };
    });
  } catch (err) {
    // Two clicks raced: the loser's transaction rolled back; answer with the winner's dossier.
    if (isUniqueViolation(err, 'dossiers_idempotency_key')) {
      const winner = await repo.findByIdempotencyKey(deps.db, input.idempotencyKey);
      if (winner) return { row: winner, created: false };
    }
    throw err;
  }
}

/** The receiving agency's electronic ID: the desk's own code, else its nearest coded ancestor. */
function agencyCodeFor(units: UnitRef[], unitId: number): string {
  const byId = new Map(units.map((u) => [u.id, u]));
  for (let u = byId.get(unitId); u; u = u.parentId ? byId.get(u.parentId) : undefined) if (u.code) return u.code;
  throw new AppError('AGENCY_CODE_MISSING', 422, 'Đơn vị tiếp nhận chưa có mã định danh điện tử; không thể cấp mã hồ sơ.', 'The receiving unit has no electronic agency code.');
}
