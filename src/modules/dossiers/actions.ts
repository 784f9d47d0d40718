import { inTransaction } from '../../platform/db/transaction.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { systemContext } from '../../platform/http/context.js';
import { authorizeAction, canRead, dossierArchived, dossierNotFound } from './dossier-access.js';
import * as repo from './dossiers.repository.js';
import { appendEvents, actorOf } from './event-writer.js';
import type { IntakeDeps } from './intake.js';
import { resolveFiles, type AttachedFileInput } from './attachments.js';
import type { EventPayload, FileRef, Person, RouteStep, Scan } from './rules/events.js';
import { reduce, type DossierState } from './rules/reducer.js';
import { refusal } from './rules/transitions.js';
import type { ActionInput } from './schema.js';

type Deps = IntakeDeps;

const conflict = (code: string, vi: string, en: string) => new AppError(code, 409, vi, en);

/**
 * One action on a dossier, as one transaction: lock the row, check the client's version, replay
 * the log, check the transition and the caller's right, compute dates, append the events.
 */
export async function act(deps: Deps, ctx: RequestContext, code: string, input: ActionInput): Promise<repo.DossierRow> {
  const now = deps.now();
  const calc = await deps.deadlines.calculator();
  // Everything read from other modules is read before the transaction: the embedded database has
  // one connection, and a service call inside the transaction would wait for it forever.
  const pre = await prefetch(deps, code, input);
  return inTransaction(deps.db, async (trx) => {
    const row = await repo.findByCode(trx, code, true);
    if (!row) {
      const archived = await repo.findArchivedByCode(trx, code);
      throw archived && canRead(ctx.actor, archived.row) ? dossierArchived() : dossierNotFound();
    }
    if (!canRead(ctx.actor, row)) throw dossierNotFound();
    const events = await repo.loadEvents(trx, row.id);
    const state = reduce(events);
    if (input.version !== state.version) throw errors.stale();
    const refused = refusal(state, input.action);
    if (refused) throw new AppError(refused.code, 409, refused.vi, refused.en, undefined, { status: state.status });
    authorizeAction(ctx, row, state, input.action);

    const payloads = payloadsFor(pre, ctx, row, state, input, now, calc);
    const last = events[events.length - 1]?.hash ?? null;
    const involved = [...new Set([...row.involved_unit_ids, ...payloads.flatMap(unitsOf)])];
    await appendEvents(trx, deps.chain, ctx, row, state, last, payloads, now, involved);
    return (await repo.findByCode(trx, code))!;
  });
}

type Prefetched = {
  staff?: { id: number; fullName: string; unitId: number; active: boolean }; staffUnitTrees: Map<number, number[]>; route?: RouteStep[];
  /** The files the request attaches, stored and typed, by the request path that named them. */
  files: Map<string, FileRef>;
};

/** Every file an action attaches, with the request path that names it (for a field error). */
function filesOf(input: ActionInput): { path: string; file: AttachedFileInput }[] {
  switch (input.action) {
    case 'attach_scans':
    case 'supplement_received':
      return (input.scans ?? []).map((x, i) => ({ path: `scans.${i}.file`, file: x.file }));
    case 'attach_draft':
      return [{ path: 'file', file: input.file }];
    case 'record_result':
    case 'return_result':
      return input.resultFile ? [{ path: 'resultFile', file: input.resultFile }] : [];
    default:
      return [];
  }
}

async function prefetch(deps: Deps, code: string, input: ActionInput): Promise<Prefetched> {
  const staffId = input.action === 'assign' ? input.staffId : input.action === 'transfer' ? input.toStaffId : undefined;
  const out: Prefetched = { staffUnitTrees: new Map(), files: await resolveFiles(deps.files, filesOf(input)) };
  if (staffId) {
    out.staff = await deps.org.getStaff(systemContext('dossier-routing'), staffId).catch(() => undefined);
    const row = await repo.findByCode(deps.db, code);
    if (row) out.staffUnitTrees = await deps.org.subtrees([...new Set([...row.involved_unit_ids])]);
  }
  if (input.action === 'receive') {
    const row = await repo.findByCode(deps.db, code);
    if (row) out.route = await routeFromEvents(deps, row);
  }
  return out;
}

function unitsOf(p: EventPayload): number[] {
  if ((p.type === 'transferred' || p.type === 'returned_to_step') && p.toUnitId) return [p.toUnitId];
  return [];
}

function staffOfUnit(pre: Prefetched, unitId: number | null): Person {
  const st = pre.staff;
  const inUnit = st && (unitId === null || st.unitId === unitId || pre.staffUnitTrees.get(unitId)?.includes(st.unitId));
  if (!st || !st.active || !inUnit) {
    throw errors.validation([{ path: 'staffId', message: 'Cán bộ được chọn không thuộc đơn vị xử lý bước này.', messageEn: 'The chosen staff member does not belong to the unit of this step.' }]);
  }
  return { staffId: st.id, name: st.fullName };
}

function payloadsFor(pre: Prefetched, ctx: RequestContext, row: repo.DossierRow, s: DossierState, input: ActionInput, now: Date, calc: Awaited<ReturnType<Deps['deadlines']['calculator']>>): EventPayload[] {
  const stepDue = (step: RouteStep) => calc.addWorkingHours(now, step.budgetHours).toISOString();
  switch (input.action) {
    case 'receive': {
      const pt = row.processing_time as { amount: number; unit: 'working_days' | 'calendar_days' | 'working_hours'; cutoff?: string } | null;
      if (!pt) throw conflict('NO_PLAN', 'Thiếu thời hạn giải quyết của thủ tục.', 'The dossier has no processing time.');
      const route = pre.route ?? [];
      return [{ type: 'received', receivedAt: now.toISOString(), dueAt: calc.due(now, pt).toISOString(), route, deskStaff: actorOf(ctx), stepDueAt: calc.addWorkingHours(now, route[0]?.budgetHours ?? 0).toISOString() }];
    }
    case 'refuse':
      return [{ type: 'refused', reasons: input.reasons }];
    case 'request_reception_supplement':
      return [{ type: 'reception_supplement_requested', items: input.items.map((i) => ({ name: i.name, reason: i.reason, ...(i.legalBasis ? { legalBasis: i.legalBasis } : {}) })) }];
    case 'transfer': {
      const toStep = input.toStep ?? nextStep(s);
      const step = s.route.find((r) => r.order === toStep);
      if (!step || toStep <= s.step) throw errors.validation([{ path: 'toStep', message: 'Bước chuyển đến không hợp lệ (phải là một bước phía sau trong quy trình).', messageEn: 'The target step must be a later step of the process.' }]);
      const toStaff = input.toStaffId ? staffOfUnit(pre, step.unitId) : null;
      return [{ type: 'transferred', toStep, toUnitId: step.unitId, toUnitName: step.unitName, toStaff, stepDueAt: stepDue(step), ...(input.note ? { note: input.note } : {}) }];
    }
    case 'take':
      return [{ type: 'taken', staff: actorOf(ctx) }];
    case 'assign':
      return [{ type: 'assigned', staff: staffOfUnit(pre, s.currentUnitId), ...(input.reason ? { reason: input.reason } : {}) }];
    case 'return_to_step': {
      const step = s.route.find((r) => r.order === input.toStep);
      if (!step || input.toStep >= s.step) throw errors.validation([{ path: 'toStep', message: 'Chỉ được trả lại một bước phía trước.', messageEn: 'Only an earlier step can be chosen.' }]);
      const previous = [...s.handovers].reverse().find((h) => h.step === input.toStep)?.to ?? null;
      return [{ type: 'returned_to_step', toStep: input.toStep, toUnitId: step.unitId, toUnitName: step.unitName, toStaff: previous, stepDueAt: stepDue(step), reason: input.reason }];
    }
    case 'request_supplement':
      return [{ type: 'supplement_requested', items: input.items.map((i) => ({ name: i.name, reason: i.reason, ...(i.legalBasis ? { legalBasis: i.legalBasis } : {}) })), ...(input.note ? { note: input.note } : {}) }];
    case 'supplement_received': {
      const pausedHours = s.pausedSince ? calc.workingHoursBetween(new Date(s.pausedSince), now) : 0;
      const pt = row.processing_time as { amount: number; unit: 'working_days' | 'calendar_days' | 'working_hours'; cutoff?: string };
      const newDue = row.supplement_restarts ? calc.due(now, pt) : calc.addWorkingHours(new Date(s.dueAt!), pausedHours);
      const received: EventPayload = { type: 'supplement_received', newDueAt: newDue.toISOString(), pausedWorkingHours: pausedHours, mode: row.supplement_restarts ? 'restart' : 'shift', ...(input.note ? { note: input.note } : {}) };
      // The papers handed in are scanned as they are received (Decree 118 art. 17(1)(c)).
      return input.scans?.length ? [received, { type: 'scans_attached', stage: 'supplement', scans: scansOf(pre, row, input.scans) }] : [received];
    }
    case 'attach_scans':
      return [{ type: 'scans_attached', stage: 'desk', scans: scansOf(pre, row, input.scans) }];
    case 'attach_draft':
      return [{ type: 'draft_attached', file: pre.files.get('file')!, ...(input.note ? { note: input.note } : {}) }];
    case 'request_payment':
      return [{ type: 'payment_requested', amount: input.items.reduce((a, i) => a + i.amount, 0), items: input.items }];
    case 'confirm_payment':
      return [{ type: 'payment_confirmed', amount: input.amount, method: input.method, ...(input.reference ? { reference: input.reference } : {}) }];
    case 'extend': {
      const due = new Date(s.dueAt!);
      const newDue = new Date(input.newDueAt);
      // Lai Châu QĐ 88/2025 art. 3(6): the apology comes at the latest one working day before the deadline.
      if (calc.addWorkingHours(now, 8).getTime() > due.getTime()) {
        throw conflict('EXTENSION_TOO_LATE', 'Văn bản xin lỗi và gia hạn phải ban hành chậm nhất 01 ngày làm việc trước ngày hết hạn.', 'The apology and extension must be issued at least one working day before the deadline.');
      }
      if (newDue.getTime() <= due.getTime()) throw errors.validation([{ path: 'newDueAt', message: 'Ngày hẹn mới phải sau ngày hẹn hiện tại.', messageEn: 'The new date must be after the current due date.' }]);
      return [{ type: 'extended', newDueAt: newDue.toISOString(), reason: input.reason, signer: input.signer }];
    }
    case 'stop':
      return [{ type: 'stopped', reason: input.reason }];
    case 'withdraw':
      return [{ type: 'withdrawn', reason: input.reason, requestedAt: input.requestedAt ? new Date(input.requestedAt).toISOString() : now.toISOString() }];
    case 'record_result': {
      const desk = s.handovers[0];
      const resultFile = pre.files.get('resultFile');
      return [{ type: 'result_recorded', summary: input.summary, ...(input.resultNumber ? { resultNumber: input.resultNumber } : {}), deskStaff: desk?.to ?? null, deskUnitId: row.receiving_unit_id, deskUnitName: desk?.toUnitName ?? '', ...(resultFile ? { resultFile } : {}) }];
    }
    case 'return_result':
      return [returned(pre, row, s, input)];
  }
}

/** The scans of a request, each tied to a document of the dossier's list or named as a supplement paper. */
function scansOf(pre: Prefetched, row: repo.DossierRow, scans: { documentIndex?: number; documentName?: string }[]): Scan[] {
  const documents = row.documents as { name: string }[];
  return scans.map((x, i) => {
    if (x.documentIndex !== undefined && !documents[x.documentIndex]) {
      throw errors.validation([{ path: `scans.${i}.documentIndex`, message: `Hồ sơ không có giấy tờ thứ ${x.documentIndex + 1}.`, messageEn: `The dossier has no document number ${x.documentIndex + 1}.` }]);
    }
    const name = x.documentIndex !== undefined ? documents[x.documentIndex]!.name : x.documentName!;
    return { documentIndex: x.documentIndex ?? null, documentName: name, file: pre.files.get(`scans.${i}.file`)! };
  });
}

/**
 * The result goes back (Decree 45/2020 art. 14, Decree 118 art. 22): online, the electronic result is
 * what is delivered, so one must exist (recorded with the decision, or scanned now); by post, the
 * address it was sent to is recorded — the applicant's own unless another is given.
 */
function returned(pre: Prefetched, row: repo.DossierRow, s: DossierState, input: Extract<ActionInput, { action: 'return_result' }>): EventPayload {
  const resultFile = pre.files.get('resultFile');
  if (input.method === 'online' && !resultFile && !s.resultFile) {
    throw conflict('RESULT_FILE_REQUIRED', 'Trả kết quả trực tuyến cần bản điện tử của kết quả giải quyết: hãy đính kèm tệp kết quả (bản ký số hoặc bản quét).', 'An online return delivers the electronic result: attach the result document first.');
  }
  let address: string | undefined;
  if (input.method === 'post') {
    address = input.address ?? ((row.applicant as { address?: string }).address || undefined);
    if (!address) throw errors.validation([{ path: 'address', message: 'Cần địa chỉ nhận kết quả qua dịch vụ bưu chính công ích.', messageEn: 'Give the address the result is posted to.' }]);
  }
  return {
    type: 'result_returned', receiverName: input.receiverName, method: input.method,
    ...(input.note ? { note: input.note } : {}), ...(address ? { address } : {}), ...(resultFile ? { resultFile } : {}),
  };
}

function nextStep(s: DossierState): number {
  const later = s.route.filter((r) => r.order > s.step).sort((a, b) => a.order - b.order);
  return later[0]?.order ?? s.step + 1;
}

/** For a dossier received after an earlier reception hold: its route is planned again now. */
async function routeFromEvents(deps: Deps, row: repo.DossierRow): Promise<RouteStep[]> {
  const { planIntake, resolveRoute } = await import('./rules/plan.js');
  // The dossier keeps the rules in force when it was first registered (DOMAIN rule 15).
  const pinned = row.procedure_version_id && deps.catalog.findVersion ? await deps.catalog.findVersion(row.procedure_version_id) : undefined;
  const procedure = pinned ?? (await deps.catalog.findInForce(row.procedure_code, deps.now()));
  if (!procedure) throw errors.notFound('thủ tục', 'Procedure', 'PROCEDURE_NOT_FOUND');
  const plan = planIntake(procedure.content, row.case_code ?? undefined, row.channel as 'desk');
  if ('vi' in plan) throw new AppError(plan.code, 422, plan.vi, plan.en);
  const route = resolveRoute(plan.steps, await deps.org.allUnits(), row.receiving_unit_id, row.competent_unit_id ?? row.receiving_unit_id);
  if ('vi' in route) throw new AppError(route.code, 422, route.vi, route.en);
  return route;
}
