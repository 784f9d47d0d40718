import type { DataProtection } from '../../../platform/crypto/data-protection.js';
import { sealApplicant } from '../personal-data.js';
import type { DeadlineCalculator, ProcedureInForce } from '../ports.js';
import type { DossierEvent, EventPayload, EventType, Person, RouteStep } from '../rules/events.js';
import { competentUnit, planIntake, resolveRoute, type IntakePlan, type UnitRef } from '../rules/plan.js';
import { apply, initialState, type DossierState } from '../rules/reducer.js';
import { vnDay } from '../rules/statuses.js';
import { refusal, type Action } from '../rules/transitions.js';
import type { ImportEvent, ImportLine, ImportPerson } from './import-schema.js';

/**
 * Turns one validated line into the events the live system would have written, checking each one
 * against the same rules (`refusal`) and folding it with the same reducer (`apply`). Values the
 * live actions compute — due dates, step deadlines, the route, paused time — are computed the same
 * way when the file does not carry them. Pure: everything it needs is looked up beforehand.
 */
export class LineProblem extends Error {
  constructor(readonly code: string, readonly vi: string, readonly en: string) {
    super(en);
  }
}

export type StaffRef = { id: number; fullName: string; unitId: number };

export type ReplayContext = {
  units: UnitRef[];
  unitsByCode: Map<string, UnitRef>;
  staffByBadge: Map<string, StaffRef>;
  calc: DeadlineCalculator;
  /** The catalogue's version in force on the day of receipt, if it has one. */
  procedure: ProcedureInForce | undefined;
  routeCache: Map<string, RouteStep[] | { code: string; vi: string; en: string }>;
  now: Date;
  /** Imported ID numbers are sealed like those received at the desk (personal-data.ts). */
  keys: DataProtection;
};

export type PreparedDossier = {
  code: string;
  agencyCode: string;
  day: string;
  sequence: number;
  values: DossierValues;
  events: DossierEvent[];
  state: DossierState;
};

/** The dossiers row as intake writes it, with the projection of the final state. */
export type DossierValues = {
  procedureCode: string; procedureVersionId: number | null; procedureName: string; fieldCode: string | null; fieldName: string | null;
  caseCode: string | null; channel: string; receivingUnitId: number; competentUnitId: number | null; applicant: string; applicantName: string;
  applicantIdIndex: string | null; representativeIdIndex: string | null;
  documents: string; fees: string; resultDelivery: string; processingTime: string | null; involvedUnitIds: number[];
  createdAt: Date; updatedAt: Date;
};

// An online supplement is written only by the applicant's own action, never imported.
const ACTION_OF: Record<Exclude<EventType, 'submitted' | 'reception_supplement_submitted'>, Action> = {
  received: 'receive', refused: 'refuse', reception_supplement_requested: 'request_reception_supplement', transferred: 'transfer',
  taken: 'take', assigned: 'assign', returned_to_step: 'return_to_step', supplement_requested: 'request_supplement',
  supplement_received: 'supplement_received', payment_requested: 'request_payment', payment_confirmed: 'confirm_payment',
  extended: 'extend', stopped: 'stop', withdrawn: 'withdraw', result_recorded: 'record_result', result_returned: 'return_result',
  scans_attached: 'attach_scans', draft_attached: 'attach_draft',
};

/** Who acted when the old system did not record it. */
export const UNKNOWN_ACTOR: Person = { staffId: null, name: 'Dữ liệu chuyển đổi' };

export function replayLine(line: ImportLine, ctx: ReplayContext): PreparedDossier {
  const receiving = ctx.unitsByCode.get(line.receivingUnitCode);
  if (!receiving) throw new LineProblem('UNIT_NOT_FOUND', `Không có đơn vị tiếp nhận mã ${line.receivingUnitCode}.`, `No receiving unit ${line.receivingUnitCode}.`);
  const { agencyCode, day, sequence } = splitCode(line.code);
  const first = new Date(line.events[0]!.at);
  if (vnDay(first).slice(2).replace(/-/g, '') !== line.code.split('-').at(-2)) {
    throw new LineProblem('CODE_DATE_MISMATCH', `Ngày trong mã hồ sơ (${line.code.split('-').at(-2)}) khác ngày của sự kiện đầu tiên (${vnDay(first)}).`, 'The date in the dossier code differs from the first event’s day.');
  }

  const content = ctx.procedure?.content;
  let plan: IntakePlan | undefined;
  if (content) {
    const p = planIntake(content, line.caseCode, line.channel);
    if ('vi' in p) throw new LineProblem(p.code, p.vi, p.en);
    plan = p;
  } else if (!line.procedureName) {
    throw new LineProblem('PROCEDURE_NOT_FOUND', `Danh mục không có thủ tục ${line.procedureCode} có hiệu lực ngày ${vnDay(first)}; hãy ghi tên thủ tục (procedureName) và thời hạn giải quyết (processingTime).`, `The catalogue has no version of ${line.procedureCode} in force on ${vnDay(first)}; give procedureName and processingTime.`);
  }
  let competent: UnitRef | null = null;
  if (line.competentUnitCode) {
    competent = ctx.unitsByCode.get(line.competentUnitCode) ?? null;
    if (!competent) throw new LineProblem('UNIT_NOT_FOUND', `Không có cơ quan giải quyết mã ${line.competentUnitCode}.`, `No competent unit ${line.competentUnitCode}.`);
  } else if (content) {
    const c = competentUnit(content, ctx.units, receiving.id);
    if ('vi' in c) throw new LineProblem(c.code, c.vi, c.en);
    competent = c;
  }
  const processingTime = line.processingTime ?? plan?.processingTime;
  const planned = plannedRoute(ctx, plan, receiving.id, competent?.id ?? receiving.id, line.procedureCode);

  let state = initialState();
  const events: DossierEvent[] = [];
  const involved = new Set<number>([receiving.id, ...(competent ? [competent.id] : []), ...planned.flatMap((r) => (r.unitId ? [r.unitId] : []))]);
  let previous = 0;
  line.events.forEach((e, i) => {
    const where = `Sự kiện ${i + 1} (${e.type})`;
    const at = new Date(e.at);
    if (at.getTime() < previous) throw new LineProblem('EVENTS_OUT_OF_ORDER', `${where}: thời điểm sớm hơn sự kiện trước; các sự kiện phải theo thứ tự thời gian.`, `Event ${i + 1} is earlier than the one before it.`);
    if (at.getTime() > ctx.now.getTime() + 60_000) throw new LineProblem('EVENT_IN_FUTURE', `${where}: thời điểm ở tương lai.`, `Event ${i + 1} is in the future.`);
    previous = at.getTime();
    if (e.type === 'submitted') {
      if (i > 0) throw new LineProblem('INVALID_TRANSITION', `${where}: chỉ sự kiện đầu tiên mới có thể là nộp hồ sơ.`, 'Only the first event may be "submitted".');
      if (e.channel !== line.channel) throw new LineProblem('CHANNEL_MISMATCH', `${where}: kênh nộp khác kênh của hồ sơ (${line.channel}).`, 'The submission channel differs from the dossier’s.');
    } else {
      // History keeps what happened (RuleOptions.history): a result recorded at another step, or by
      // someone whose grants are not known here, was recorded so, and is imported so.
      const refused = refusal(state, ACTION_OF[e.type], { history: true });
      if (refused) throw new LineProblem(refused.code, `${where}: ${refused.vi}`, `Event ${i + 1} (${e.type}): ${refused.en}`);
    }
    const actor = person(ctx, e.actor, UNKNOWN_ACTOR);
    const payload = payloadFor(ctx, state, e, at, actor, { receivingId: receiving.id, planned, processingTime, where });
    if ((payload.type === 'transferred' || payload.type === 'returned_to_step') && payload.toUnitId) involved.add(payload.toUnitId);
    const unitId = e.unitCode ? unitByCode(ctx, e.unitCode).id : e.actor?.badge ? ctx.staffByBadge.get(e.actor.badge)!.unitId : null;
    const event = { ...payload, seq: state.version + 1, at: at.toISOString(), actor, unitId } as DossierEvent;
    events.push(event);
    state = apply(state, event);
  });

  const sealed = sealApplicant(ctx.keys, line.applicant);
  const documents = line.documents.length ? line.documents : (plan?.documents ?? []).map((d) => ({ name: d.name, originals: d.originals, copies: d.copies + d.certifiedCopies, certifiedCopies: 0 }));
  return {
    code: line.code, agencyCode, day, sequence, events, state,
    values: {
      procedureCode: content?.code ?? line.procedureCode, procedureVersionId: ctx.procedure?.versionId ?? null,
      procedureName: content?.name ?? line.procedureName!, fieldCode: content?.field.code ?? line.field?.code ?? null, fieldName: content?.field.name ?? line.field?.name ?? null,
      caseCode: line.caseCode ?? null, channel: line.channel, receivingUnitId: receiving.id, competentUnitId: competent?.id ?? null,
      applicant: JSON.stringify(sealed.applicant), applicantName: line.applicant.fullName,
      applicantIdIndex: sealed.applicantIdIndex, representativeIdIndex: sealed.representativeIdIndex, documents: JSON.stringify(documents),
      fees: JSON.stringify(plan?.fees ?? []), resultDelivery: line.resultDelivery,
      processingTime: processingTime ? JSON.stringify({ ...processingTime, caseName: plan?.caseName ?? null, copies: line.receivedCopies }) : null,
      involvedUnitIds: [...involved], createdAt: first, updatedAt: new Date(events[events.length - 1]!.at),
    },
  };
}

/** `<agency e-ID>-YYMMDD-NNNN` → its parts; the daily counter continues after imported numbers. */
export function splitCode(code: string): { agencyCode: string; day: string; sequence: number } {
  const parts = code.split('-');
  const seq = parts.pop()!;
  const d = parts.pop()!;
  return { agencyCode: parts.join('-'), day: `20${d.slice(0, 2)}-${d.slice(2, 4)}-${d.slice(4, 6)}`, sequence: Number(seq) };
}

function unitByCode(ctx: ReplayContext, code: string): UnitRef {
  const u = ctx.unitsByCode.get(code);
  if (!u) throw new LineProblem('UNIT_NOT_FOUND', `Không có đơn vị mã ${code}.`, `No unit ${code}.`);
  return u;
}

function person(ctx: ReplayContext, p: ImportPerson | null | undefined, fallback: Person): Person;
function person(ctx: ReplayContext, p: ImportPerson | null | undefined, fallback: null): Person | null;
function person(ctx: ReplayContext, p: ImportPerson | null | undefined, fallback: Person | null): Person | null {
  if (!p) return fallback;
  if (p.badge) {
    const s = ctx.staffByBadge.get(p.badge);
    if (!s) throw new LineProblem('STAFF_NOT_FOUND', `Không có cán bộ mang số thẻ ${p.badge}.`, `No staff member with badge ${p.badge}.`);
    return { staffId: s.id, name: p.name ?? s.fullName };
  }
  return { staffId: null, name: p.name! };
}

function plannedRoute(ctx: ReplayContext, plan: IntakePlan | undefined, receivingId: number, competentId: number, procedureCode: string): RouteStep[] {
  const key = `${procedureCode}|${ctx.procedure?.versionId ?? '-'}|${plan ? JSON.stringify(plan.steps.map((s) => s.order)) + plan.caseName : 'none'}|${receivingId}|${competentId}`;
  let route = ctx.routeCache.get(key);
  if (!route) {
    route = resolveRoute(plan?.steps ?? [], ctx.units, receivingId, competentId);
    ctx.routeCache.set(key, route);
  }
  if ('vi' in route) throw new LineProblem(route.code, route.vi, route.en);
  return route;
}

function routeFromFile(ctx: ReplayContext, steps: NonNullable<Extract<ImportEvent, { type: 'received' }>['route']>): RouteStep[] {
  return [...steps].sort((a, b) => a.order - b.order).map((s) => {
    const unit = s.unitCode ? unitByCode(ctx, s.unitCode) : null;
    return { order: s.order, name: s.name, unitId: unit?.id ?? null, unitName: s.unitName ?? unit!.name, role: s.role, budgetHours: s.budgetHours, interAgency: s.interAgency, external: !unit };
  });
}

type Extra = { receivingId: number; planned: RouteStep[]; processingTime: ImportLine['processingTime']; where: string };

/** The payload a live action would have written for this event (see actions.ts `payloadsFor`). */
function payloadFor(ctx: ReplayContext, s: DossierState, e: ImportEvent, at: Date, actor: Person, x: Extra): EventPayload {
  const { calc } = ctx;
  const iso = (v: string | undefined, computed: () => Date) => (v ? new Date(v) : computed()).toISOString();
  const bad = (code: string, vi: string, en: string) => new LineProblem(code, `${x.where}: ${vi}`, en);
  switch (e.type) {
    case 'submitted':
      return { type: 'submitted', channel: e.channel };
    case 'received': {
      const route = e.route ? routeFromFile(ctx, e.route) : x.planned;
      if (!e.dueAt && !x.processingTime) throw bad('NO_PROCESSING_TIME', 'không có hạn trả kết quả (dueAt) và không biết thời hạn giải quyết của thủ tục.', 'No due date and no processing time.');
      const dueAt = iso(e.dueAt, () => calc.due(at, x.processingTime!));
      if (dueAt < at.toISOString()) throw bad('DUE_BEFORE_RECEIPT', 'hạn trả kết quả sớm hơn thời điểm tiếp nhận.', 'The due date is before receipt.');
      return { type: 'received', receivedAt: at.toISOString(), dueAt, route, deskStaff: person(ctx, e.deskStaff, actor), stepDueAt: iso(e.stepDueAt, () => calc.addWorkingHours(at, route[0]?.budgetHours ?? 0)) };
    }
    case 'refused':
      return { type: 'refused', reasons: e.reasons };
    case 'reception_supplement_requested':
      return { type: 'reception_supplement_requested', items: e.items.map(item) };
    case 'transferred': {
      const toStep = e.toStep ?? s.route.filter((r) => r.order > s.step).sort((a, b) => a.order - b.order)[0]?.order ?? s.step + 1;
      const step = s.route.find((r) => r.order === toStep);
      if (!step || toStep <= s.step) throw bad('INVALID_STEP', `bước chuyển đến (${toStep}) không phải một bước phía sau trong quy trình.`, 'The target step must be a later step of the process.');
      return { type: 'transferred', toStep, toUnitId: step.unitId, toUnitName: step.unitName, toStaff: person(ctx, e.toStaff, null), stepDueAt: iso(e.stepDueAt, () => calc.addWorkingHours(at, step.budgetHours)), ...(e.note ? { note: e.note } : {}) };
    }
    case 'taken':
      return { type: 'taken', staff: person(ctx, e.staff, actor) };
    case 'assigned':
      return { type: 'assigned', staff: person(ctx, e.staff, actor), ...(e.reason ? { reason: e.reason } : {}) };
    case 'returned_to_step': {
      const step = s.route.find((r) => r.order === e.toStep);
      if (!step || e.toStep >= s.step) throw bad('INVALID_STEP', 'chỉ được trả lại một bước phía trước.', 'Only an earlier step can be chosen.');
      const previous = [...s.handovers].reverse().find((h) => h.step === e.toStep)?.to ?? null;
      return { type: 'returned_to_step', toStep: e.toStep, toUnitId: step.unitId, toUnitName: step.unitName, toStaff: e.toStaff ? person(ctx, e.toStaff, null) : previous, stepDueAt: iso(e.stepDueAt, () => calc.addWorkingHours(at, step.budgetHours)), reason: e.reason };
    }
    case 'supplement_requested':
      return { type: 'supplement_requested', items: e.items.map(item), ...(e.note ? { note: e.note } : {}) };
    case 'supplement_received': {
      // The statutory clock stops while the applicant completes the file (DOMAIN §3.1): shift by the paused working time.
      const paused = s.pausedSince ? calc.workingHoursBetween(new Date(s.pausedSince), at) : 0;
      return { type: 'supplement_received', newDueAt: iso(e.newDueAt, () => calc.addWorkingHours(new Date(s.dueAt!), paused)), pausedWorkingHours: paused, mode: 'shift', ...(e.note ? { note: e.note } : {}) };
    }
    case 'payment_requested':
      return { type: 'payment_requested', amount: e.items.reduce((a, i) => a + i.amount, 0), items: e.items };
    case 'payment_confirmed':
      return { type: 'payment_confirmed', amount: e.amount, method: e.method, ...(e.reference ? { reference: e.reference } : {}) };
    case 'extended': {
      const due = new Date(s.dueAt!);
      // Lai Châu QĐ 88/2025 art. 3(6): an apology later than one working day before the deadline does not move it.
      if (calc.addWorkingHours(at, 8).getTime() > due.getTime()) throw bad('EXTENSION_TOO_LATE', 'văn bản xin lỗi và gia hạn phải ban hành chậm nhất 01 ngày làm việc trước ngày hết hạn.', 'The apology and extension must be issued at least one working day before the deadline.');
      if (new Date(e.newDueAt).getTime() <= due.getTime()) throw bad('INVALID_DATE', 'ngày hẹn mới phải sau ngày hẹn hiện tại.', 'The new date must be after the current due date.');
      return { type: 'extended', newDueAt: new Date(e.newDueAt).toISOString(), reason: e.reason, signer: e.signer };
    }
    case 'stopped':
      return { type: 'stopped', reason: e.reason };
    case 'withdrawn':
      return { type: 'withdrawn', reason: e.reason, requestedAt: iso(e.requestedAt, () => at) };
    case 'result_recorded': {
      const desk = s.handovers[0];
      return { type: 'result_recorded', summary: e.summary, ...(e.resultNumber ? { resultNumber: e.resultNumber } : {}), deskStaff: desk?.to ?? null, deskUnitId: x.receivingId, deskUnitName: desk?.toUnitName ?? '' };
    }
    case 'result_returned':
      return { type: 'result_returned', receiverName: e.receiverName, method: e.method, ...(e.note ? { note: e.note } : {}) };
  }
}

function item(i: { name: string; reason: string; legalBasis?: string }) {
  return { name: i.name, reason: i.reason, ...(i.legalBasis ? { legalBasis: i.legalBasis } : {}) };
}
