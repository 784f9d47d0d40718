import type { DossierEvent, FileRef, Person, ResultMethod, RouteStep, Scan, ScanStage } from './events.js';
import { STATUS, STATUS_INFO, type StatusCode } from './statuses.js';

/** One hand-over of the physical or electronic dossier: a row of the control slip (form 06). */
export type Handover = {
  step: number;
  stepName: string;
  fromUnitName: string;
  from: Person;
  toUnitId: number | null;
  toUnitName: string;
  to: Person | null;
  at: string;
  stepDueAt: string | null;
  /** When the receiving side handed it on: the end of that step. */
  completedAt: string | null;
};

export type DossierState = {
  status: StatusCode;
  receivedAt: string | null;
  dueAt: string | null;
  /** The first due date, before any pause shift or extension. */
  originalDueAt: string | null;
  /** When a decision was taken: result recorded, stopped, refused or withdrawn. */
  completedAt: string | null;
  returnedAt: string | null;
  route: RouteStep[];
  step: number;
  currentUnitId: number | null;
  currentUnitName: string | null;
  assignee: Person | null;
  stepDueAt: string | null;
  supplementRequested: boolean;
  receptionSupplementRequested: boolean;
  pausedSince: string | null;
  extended: boolean;
  decisionIssued: boolean;
  paymentDue: number;
  paid: number;
  statusBeforePayment: StatusCode | null;
  handovers: Handover[];
  /** Submitted through the online channel (a `submitted` event with channel online). */
  submittedOnline: boolean;
  /** Every scan attached, in order; a later scan of the same document adds to the earlier one. */
  scans: (Scan & { stage: ScanStage; at: string; by: Person })[];
  /** Drafts attached while the dossier is processed (the specialist's proposal, the draft decision). */
  drafts: { file: FileRef; note?: string; at: string; by: Person }[];
  /** The issued result document (signed decision, certificate), when it was recorded as a file. */
  resultFile: FileRef | null;
  /** How the result went back to the applicant, and where a postal delivery was sent. */
  returnMethod: ResultMethod | null;
  deliveryAddress: string | null;
  /** Amounts confirmed as paid online and by other means (cash, bank transfer at the desk). */
  paidOnline: number;
  paidOffline: number;
  version: number;
};

export const initialState = (): DossierState => ({
  status: STATUS.SUBMITTED, receivedAt: null, dueAt: null, originalDueAt: null, completedAt: null, returnedAt: null,
  route: [], step: 0, currentUnitId: null, currentUnitName: null, assignee: null, stepDueAt: null,
  supplementRequested: false, receptionSupplementRequested: false, pausedSince: null, extended: false,
  decisionIssued: false, paymentDue: 0, paid: 0, statusBeforePayment: null, handovers: [],
  submittedOnline: false, scans: [], drafts: [], resultFile: null, returnMethod: null, deliveryAddress: null, paidOnline: 0, paidOffline: 0, version: 0,
});

/**
 * Folds the event log into the dossier's current state. Pure and total: the same function runs
 * in the server (to check a new action and keep the query columns) and in the browser.
 */
export function reduce(events: readonly DossierEvent[]): DossierState {
  return events.reduce(apply, initialState());
}

function handOver(s: DossierState, e: DossierEvent, toStep: number, toUnitId: number | null, toUnitName: string, to: Person | null, stepDueAt: string | null): DossierState {
  const handovers = s.handovers.map((h, i) => (i === s.handovers.length - 1 && !h.completedAt ? { ...h, completedAt: e.at } : h));
  handovers.push({
    step: toStep, stepName: s.route.find((r) => r.order === toStep)?.name ?? '', fromUnitName: s.currentUnitName ?? '', from: e.actor,
    toUnitId, toUnitName, to, at: e.at, stepDueAt, completedAt: null,
  });
  return { ...s, handovers, step: toStep, currentUnitId: toUnitId, currentUnitName: toUnitName, assignee: to, stepDueAt };
}

export function apply(s: DossierState, e: DossierEvent): DossierState {
  const next = applyPayload(s, e);
  return { ...next, version: s.version + 1 };
}

function applyPayload(s: DossierState, e: DossierEvent): DossierState {
  switch (e.type) {
    case 'submitted':
      return { ...s, status: STATUS.SUBMITTED, submittedOnline: e.channel === 'online' };
    case 'received': {
      const desk = e.route[0];
      return {
        ...s, status: STATUS.RECEIVED, receivedAt: e.receivedAt, dueAt: e.dueAt, originalDueAt: e.dueAt, route: e.route, step: desk?.order ?? 1,
        currentUnitId: desk?.unitId ?? e.unitId, currentUnitName: desk?.unitName ?? '', assignee: e.deskStaff, stepDueAt: e.stepDueAt,
        handovers: [{ step: desk?.order ?? 1, stepName: desk?.name ?? '', fromUnitName: 'Tổ chức, cá nhân', from: { staffId: null, name: '' }, toUnitId: desk?.unitId ?? e.unitId, toUnitName: desk?.unitName ?? '', to: e.deskStaff, at: e.receivedAt, stepDueAt: e.stepDueAt, completedAt: null }],
      };
    }
    case 'refused':
      return { ...s, status: STATUS.REFUSED, completedAt: e.at, decisionIssued: true };
    case 'reception_supplement_requested':
      return { ...s, receptionSupplementRequested: true };
    case 'reception_supplement_submitted':
      // The guidance was answered; the desk receives, refuses or guides again.
      return { ...s, receptionSupplementRequested: false };
    case 'transferred':
      return { ...handOver(s, e, e.toStep, e.toUnitId, e.toUnitName, e.toStaff, e.stepDueAt), status: STATUS.PROCESSING };
    case 'returned_to_step':
      return handOver(s, e, e.toStep, e.toUnitId, e.toUnitName, e.toStaff, e.stepDueAt);
    case 'taken':
      return { ...s, assignee: e.staff, handovers: s.handovers.map((h, i) => (i === s.handovers.length - 1 ? { ...h, to: e.staff } : h)) };
    case 'assigned':
      return { ...s, assignee: e.staff, handovers: s.handovers.map((h, i) => (i === s.handovers.length - 1 ? { ...h, to: e.staff } : h)) };
    case 'supplement_requested':
      return { ...s, status: STATUS.SUPPLEMENT_REQUESTED, supplementRequested: true, pausedSince: e.at };
    case 'supplement_received':
      return { ...s, status: STATUS.PROCESSING, dueAt: e.newDueAt, pausedSince: null };
    case 'payment_requested':
      return { ...s, statusBeforePayment: s.status, status: STATUS.AWAITING_PAYMENT, paymentDue: s.paymentDue + e.amount };
    case 'payment_confirmed':
      {
        const channel = e.method === 'online' ? { paidOnline: s.paidOnline + e.amount } : { paidOffline: s.paidOffline + e.amount };
        // Paid in advance (online, with the submission, before any request): the fee was due and paid
        // at once, and the dossier stays where it is.
        if (s.status !== STATUS.AWAITING_PAYMENT) return { ...s, paymentDue: s.paymentDue + e.amount, paid: s.paid + e.amount, ...channel };
        return { ...s, status: s.statusBeforePayment ?? STATUS.PROCESSING, statusBeforePayment: null, paid: s.paid + e.amount, ...channel };
      }
    case 'extended':
      return { ...s, dueAt: e.newDueAt, extended: true };
    case 'stopped':
      return { ...s, status: STATUS.STOPPED, completedAt: e.at, decisionIssued: true, pausedSince: null };
    case 'withdrawn':
      return { ...s, status: STATUS.WITHDRAWN, completedAt: e.at, pausedSince: null };
    case 'result_recorded': {
      const moved = handOver(s, e, s.route.length ? s.route[s.route.length - 1]!.order + 1 : s.step + 1, e.deskUnitId, e.deskUnitName, e.deskStaff, null);
      return { ...moved, status: STATUS.RESULT_READY, completedAt: e.at, decisionIssued: true, resultFile: e.resultFile ?? null };
    }
    case 'result_returned': {
      const handovers = s.handovers.map((h, i) => (i === s.handovers.length - 1 && !h.completedAt ? { ...h, completedAt: e.at } : h));
      return { ...s, handovers, status: STATUS.RETURNED, returnedAt: e.at, returnMethod: e.method, deliveryAddress: e.address ?? null, resultFile: e.resultFile ?? s.resultFile };
    }
    case 'scans_attached':
      return { ...s, scans: [...s.scans, ...e.scans.map((x) => ({ ...x, stage: e.stage, at: e.at, by: e.actor }))] };
    case 'draft_attached':
      return { ...s, drafts: [...s.drafts, { file: e.file, ...(e.note ? { note: e.note } : {}), at: e.at, by: e.actor }] };
  }
}

export const isOpen = (s: DossierState): boolean => !STATUS_INFO[s.status].terminal && s.status !== STATUS.RESULT_READY;
