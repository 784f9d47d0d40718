import { randomBytes, randomUUID } from 'node:crypto';
import { can, requireActor } from '../../platform/access/policy.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { inTransaction, type Db, type Tx } from '../../platform/db/transaction.js';
import type { Insertable } from 'kysely';
import type { DossiersTable } from './dossiers.tables.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { OrgService } from '../org/org.service.js';
import type { DataProtection } from '../../platform/crypto/data-protection.js';
import * as repo from './dossiers.repository.js';
import { sealApplicant } from './personal-data.js';
import { actorOf, eventsAfter, writeNewDossier } from './event-writer.js';
import { readApplicantTemplates } from './notifications/applicant-notifications.js';
import type { CatalogPort, DeadlinesPort, FilesPort } from './ports.js';
import { formatDossierCode, makeLookupSecret } from './rules/dossier-code.js';
import { resolveFiles } from './attachments.js';
import type { EventPayload, Scan } from './rules/events.js';
import type { ChainSigner } from './rules/hash-chain.js';
import { competentUnit, planIntake, resolveRoute, type UnitRef } from './rules/plan.js';
import type { ListedDocument } from './rules/digital.js';
import { projectionOf, type ProjectedColumns } from './rules/projection.js';
import { initialState } from './rules/reducer.js';
import { vnDay } from './rules/statuses.js';
import type { CreateDossierInput } from './schema.js';

/** Idempotency keys of online submissions start with this; no other writer may use it. */
export const ONLINE_KEY_PREFIX = 'online:';

const problem = (p: { code: string; vi: string; en: string }) => new AppError(p.code, 422, p.vi, p.en);

export type IntakeDeps = { db: Db; org: OrgService; catalog: CatalogPort; deadlines: DeadlinesPort; keys: DataProtection; now: () => Date; chain: ChainSigner; files: FilesPort };

/**
 * Reception at the desk (Decree 118 art. 17, DOMAIN §2.2): pins the procedure version in force,
 * allocates the dossier code, computes the due date, resolves the internal process into units, and
 * writes the first events — in one transaction. A repeated idempotency key returns the first dossier.
 */
export async function intake(deps: IntakeDeps, ctx: RequestContext, input: CreateDossierInput): Promise<{ row: repo.DossierRow; created: boolean }> {
  const actor = requireActor(ctx.actor);
  const receivingUnitId = actor.unitId;
  if (!can(actor, 'dossier.receive', receivingUnitId)) throw errors.forbidden();
  // Keys of online submissions (modules/online) are composed by the server under this prefix: a
  // desk key there could make a citizen's submission answer with a desk's dossier.
  if (input.idempotencyKey.startsWith(ONLINE_KEY_PREFIX)) {
    throw errors.validation([{ path: 'idempotencyKey', message: `Mã chống trùng không được bắt đầu bằng "${ONLINE_KEY_PREFIX}".`, messageEn: `The idempotency key must not start with "${ONLINE_KEY_PREFIX}".` }]);
  }
  const existing = await repo.findByIdempotencyKey(deps.db, input.idempotencyKey);
  if (existing) return { row: replayFor(existing, receivingUnitId), created: false };

  const scans = await intakeScans(deps.files, input.documents);
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
  // The desk scanned documents as it received them (Decree 118 art. 17(1)(c)): recorded as such.
  if (scans.length) payloads.push({ type: 'scans_attached', stage: 'intake', scans });
  // ID numbers are sealed before they reach the database (Decree 356/2025); the index finds them.
  const sealed = sealApplicant(deps.keys, input.applicant);
  const involved = [...new Set([receivingUnitId, competent.id, ...route.flatMap((r) => (r.unitId ? [r.unitId] : []))])];

  const documents = input.documents.length ? input.documents : plan.documents.map((d) => ({ name: d.name, originals: d.originals, copies: d.copies + d.certifiedCopies, certifiedCopies: 0 }));

  try {
    return await inTransaction(deps.db, async (trx) => {
      const row = await insertNumberedDossier(trx, deps.chain, ctx, {
        lookup_secret: makeLookupSecret((n) => randomBytes(n)), idempotency_key: input.idempotencyKey,
        procedure_code: procedure.content.code, procedure_version_id: procedure.versionId, procedure_name: procedure.content.name,
        field_code: procedure.content.field.code, field_name: procedure.content.field.name, case_code: input.caseCode ?? null,
        channel: input.channel, receiving_unit_id: receivingUnitId, competent_unit_id: competent.id,
        applicant: JSON.stringify(sealed.applicant), applicant_name: input.applicant.fullName,
        applicant_id_index: sealed.applicantIdIndex, representative_id_index: sealed.representativeIdIndex,
        documents: JSON.stringify(documents),
        fees: JSON.stringify(plan.fees), result_delivery: input.resultDelivery,
        processing_time: JSON.stringify({ ...plan.processingTime, caseName: plan.caseName, copies: input.receivedCopies }),
        supplement_restarts: false, involved_unit_ids: involved,
      }, documents, agencyCode, now, payloads);
      return { row, created: true };
    });
  } catch (err) {
    // Two clicks raced: the loser's transaction rolled back; answer with the winner's dossier.
    if (isUniqueViolation(err, 'dossiers_idempotency_key')) {
      const winner = await repo.findByIdempotencyKey(deps.db, input.idempotencyKey);
      if (winner) return { row: replayFor(winner, receivingUnitId), created: false };
    }
    throw err;
  }
}

/**
 * Inserts a new dossier with its first events and gives it the next number of the day at its desk
 * (desk intake here, online submission in online-intake.ts), inside the caller's transaction.
 *
 * The desk's daily counter is one row per agency and day, locked from the moment a number is taken
 * until COMMIT: that is what keeps the day's numbers gap-free (a rolled-back intake gives its number
 * back) and unique, and it makes every other intake at the desk wait. So it is taken LAST: first
 * everything that does not need the code — the row under a provisional code, with its projection; the
 * templates of the applicant's messages —, then the number, then everything that does need it in ONE
 * statement (event-writer.ts `writeNewDossier`: the events, whose hashes cover the code; the code and
 * the chain's anchor on the row; the read models, the audit row, the messages), then the caller's COMMIT.
 * Nothing may follow this call in the transaction. Inserting the row first also meets a concurrent
 * double click on the idempotency key's unique index before the loser has taken a number.
 */
export async function insertNumberedDossier(
  trx: Tx, chain: ChainSigner, ctx: RequestContext, values: Omit<Insertable<DossiersTable>, 'code' | keyof ProjectedColumns>,
  documents: readonly ListedDocument[], agencyCode: string, now: Date, payloads: EventPayload[],
): Promise<repo.DossierRow> {
  const planned = eventsAfter(ctx, initialState(), payloads, now);
  // created_at on the service's clock, not the database's: it is the partition key of the dossier's
  // events (migration 0030), and the year it falls in should be the intake's.
  const row = await trx.insertInto('dossiers').values({ ...values, code: provisionalCode(), created_at: now, ...projectionOf(planned.state, documents) })
    .returningAll().executeTakeFirstOrThrow();
  const templates = await readApplicantTemplates(trx, row, planned.state, planned.events);

  const seq = await repo.nextDailySequence(trx, agencyCode, vnDay(now));
  const numbered = { ...row, code: formatDossierCode(agencyCode, now, seq) };
  await writeNewDossier(trx, chain, ctx, numbered, payloads, planned, templates);
  return numbered;
}

/**
 * The code a new dossier's row carries inside its intake transaction until the number is taken: unique,
 * never committed (the same transaction replaces it), and unlike any real code (those start with an
 * agency's electronic ID, letters A–Y, digits and dots).
 */
function provisionalCode(): string {
  return `pending-${randomUUID()}`;
}

/**
 * A repeated key replays the first answer only to the desk (receiving unit) that sent it: a key is
 * the client's name for one request, and another desk presenting it is a bug or a probe. Answering
 * it with the dossier would hand over another desk's code, status and applicant, so it gets a 409
 * that says nothing about what the key was used for.
 */
function replayFor(row: repo.DossierRow, receivingUnitId: number): repo.DossierRow {
  if (row.receiving_unit_id === receivingUnitId) return row;
  throw errors.conflict('IDEMPOTENCY_KEY_REUSED',
    'Mã chống trùng (idempotencyKey) này đã được dùng cho một yêu cầu khác. Hãy tạo mã mới cho mỗi hồ sơ rồi gửi lại.',
    'This idempotency key was already used for another request. Generate a new key for each dossier and send again.');
}

/** The receiving agency's electronic ID: the desk's own code, else its nearest coded ancestor. */
export function agencyCodeFor(units: UnitRef[], unitId: number): string {
  const byId = new Map(units.map((u) => [u.id, u]));
  for (let u = byId.get(unitId); u; u = u.parentId ? byId.get(u.parentId) : undefined) if (u.code) return u.code;
  throw new AppError('AGENCY_CODE_MISSING', 422, 'Đơn vị tiếp nhận chưa có mã định danh điện tử; không thể cấp mã hồ sơ.', 'The receiving unit has no electronic agency code.');
}

/**
 * A received document may point at its scan only once the scan is stored: an upload that failed
 * (disk full, store unwritable) must not leave an acknowledged dossier whose file does not exist.
 * Each scan becomes a reference the `scans_attached` event holds, typed by its content.
 */
/** Every referenced scan must be stored (a dossier may only point at stored files): 400 naming each missing one. */
export async function requireStoredFiles(files: FilesPort, documents: { name: string; fileKey?: string | undefined; fileName?: string | undefined }[]): Promise<void> {
  await intakeScans(files, documents);
}

async function intakeScans(files: FilesPort, documents: { name: string; fileKey?: string | undefined; fileName?: string | undefined }[]): Promise<Scan[]> {
  const missing: { path: string; message: string; messageEn: string }[] = [];
  const wanted: { path: string; file: { key: string; name: string } }[] = [];
  for (const [i, d] of documents.entries()) {
    if (!d.fileKey) continue;
    if (!(await files.has(d.fileKey))) {
      missing.push({ path: `documents.${i}.fileKey`, message: `Bản quét của giấy tờ "${d.name}" chưa được lưu trên hệ thống; hãy tải tệp lên lại.`, messageEn: `The scan of "${d.name}" is not stored; upload it again.` });
    } else {
      wanted.push({ path: `documents.${i}.fileKey`, file: { key: d.fileKey, name: d.fileName ?? d.name } });
    }
  }
  if (missing.length) throw errors.validation(missing);
  const refs = await resolveFiles(files, wanted);
  return documents.flatMap((d, i) => (d.fileKey ? [{ documentIndex: i, documentName: d.name, file: refs.get(`documents.${i}.fileKey`)! }] : []));
}
