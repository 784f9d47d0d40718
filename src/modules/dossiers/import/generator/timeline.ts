import type { z } from 'zod';
import type { DeadlineCalculator } from '../../ports.js';
import type { RouteStep } from '../../rules/events.js';
import type { importEventSchema } from '../import-schema.js';
import { EXTENSION_REASONS, REFUSAL_REASONS, STOP_REASONS, SUPPLEMENT_REASONS, WITHDRAW_REASONS } from './people.js';
import type { Rng } from './random.js';

export type EventInput = z.input<typeof importEventSchema>;
export type GenPerson = { name: string; badge?: string };
export type Outcome = 'refused' | 'withdrawn' | 'stopped' | 'late' | 'on_time';

export type TimelinePlan = {
  rng: Rng;
  calc: DeadlineCalculator;
  /** First contact (desk visit or online submission), floored to the minute. */
  start: Date;
  intake: 'desk' | 'online' | 'post' | 'reception_supplement';
  route: RouteStep[];
  /** Extra fields of the `received` event (the route and times as the old system recorded them). */
  receivedExtra: Record<string, unknown>;
  due(receivedAt: Date): Date;
  desk: GenPerson;
  /** Someone who works the given step (by unit and role). */
  worker(step: RouteStep): GenPerson;
  /** Someone of the competent agency, who moves the dossier on when an outside body hands it back. */
  holder: GenPerson;
  /** Who records the result at the result step: a holder of the approving permission there (issue 11 item 7). */
  signer: GenPerson;
  outcome: Outcome;
  supplement: boolean;
  extension: boolean;
  payment: { name: string; amount: number }[];
  documents: string[];
  resultName: string;
  resultDelivery: 'desk' | 'post' | 'online';
  applicantName: string;
};

type WithoutAt<T> = T extends unknown ? Omit<T, 'at'> : never;
type Timed = { at: Date; i: number; e: WithoutAt<EventInput> };

const minute = (d: Date) => new Date(Math.floor(d.getTime() / 60_000) * 60_000);
const who = (p: GenPerson) => (p.badge ? { name: p.name, badge: p.badge } : { name: p.name });

/**
 * One dossier's life as events: reception, a hand-over per step of its route, the once-only
 * supplement (clock paused), payment, an apology with a new date, a stop or a withdrawal, the result
 * and its return. Times are working time laid along the route, so "on time" and "late" come out as
 * planned against the statutory due date computed by the same calendar the importer uses.
 */
export function dossierTimeline(p: TimelinePlan): { events: Timed[]; receivedAt: Date | null } {
  const { rng, calc } = p;
  const after = (t: Date, h: number) => minute(calc.addWorkingHours(t, h));
  const out: Timed[] = [];
  const push = (at: Date, e: Timed['e']) => out.push({ at, i: out.length, e });

  let t0 = p.start;
  if (p.intake === 'online' || p.intake === 'post') {
    push(t0, { type: 'submitted', channel: p.intake });
    t0 = after(t0, rng.between(0.3, 6));
  }
  if (p.outcome === 'refused') {
    push(t0, { type: 'refused', actor: who(p.desk), reasons: [rng.pick(REFUSAL_REASONS)] });
    return { events: out, receivedAt: null };
  }
  if (p.intake === 'reception_supplement') {
    push(t0, { type: 'reception_supplement_requested', actor: who(p.desk), items: [{ name: rng.pick(p.documents), reason: rng.pick(SUPPLEMENT_REASONS) }] });
    t0 = after(t0, rng.between(6, 40));
  }
  const received = t0;
  const due = p.due(received);
  const D = calc.workingHoursBetween(received, due);
  push(received, { type: 'received', actor: who(p.desk), ...p.receivedExtra });

  // Working hours of processing (pauses excluded) until the result is recorded.
  const extension = p.extension && !p.supplement && D >= 20;
  const extHours = extension ? Math.round(rng.between(16, 40)) : 0;
  const late = p.outcome === 'late';
  const W = late
    ? (extension && rng.chance(0.6) ? D + rng.between(1, extHours - 1) : D + extHours + rng.between(1, Math.max(4, 0.4 * D)))
    : D * rng.between(0.3, 0.97);

  const route = p.route;
  const deskReturn = route.length > 1 && route[route.length - 1]!.role === 'desk_officer';
  const k = deskReturn ? route.length - 2 : route.length - 1;
  const weights = route.slice(0, k + 1).map((s) => Math.max(s.budgetHours, 1) * rng.between(0.6, 1.4));
  const total = weights.reduce((a, w) => a + w, 0);
  const starts: number[] = [];
  weights.reduce((acc, w) => (starts.push(acc), acc + (W * w) / total), 0);
  const span = (i: number) => (i < k ? starts[i + 1]! : W) - starts[i]!;
  const hostIndex = route.findIndex((s, i) => i > 0 && i <= k && !s.external && s.role !== 'desk_officer');
  const host = hostIndex > 0 ? hostIndex : 0;

  const supOffset = starts[host]! + 0.3 * span(host);
  const pause = p.supplement ? rng.between(4, 40) : 0;
  const inst = (o: number) => after(received, o + (p.supplement && o > supOffset ? pause : 0));

  // The person holding each step (known once it is transferred or taken).
  const holders: GenPerson[] = [p.desk];
  for (let i = 1; i <= k; i++) {
    const step = route[i]!;
    const from = route[i - 1]!.external ? p.holder : holders[i - 1]!;
    const at = inst(starts[i]!);
    if (step.external) {
      push(at, { type: 'transferred', actor: who(from), toStep: step.order, toStaff: null });
      holders.push(p.holder);
      continue;
    }
    const worker = p.worker(step);
    holders.push(worker);
    if (step.role === 'unit_head' || rng.chance(0.5)) {
      push(at, { type: 'transferred', actor: who(from), toStep: step.order, toStaff: who(worker) });
    } else {
      push(at, { type: 'transferred', actor: who(from), toStep: step.order, toStaff: null });
      push(inst(starts[i]! + Math.min(0.15 * span(i), rng.between(0.1, 2))), { type: 'taken', actor: who(worker) });
    }
  }
  const holderAt = (o: number) => {
    let i = 0;
    while (i < k && starts[i + 1]! <= o) i++;
    return holders[i]!;
  };

  if (p.supplement) {
    const asker = holders[host]!;
    push(inst(supOffset), { type: 'supplement_requested', actor: who(asker), items: [{ name: rng.pick(p.documents), reason: rng.pick(SUPPLEMENT_REASONS) }] });
    if (rng.chance(0.12)) {
      // The applicant never comes back: withdrawn weeks later at their request (Decree 118 art. 21).
      const asked = inst(supOffset);
      const kept = out.filter((e) => e.at.getTime() <= asked.getTime());
      kept.push({ at: after(asked, rng.between(40, 80)), i: out.length, e: { type: 'withdrawn', actor: who(p.desk), reason: WITHDRAW_REASONS[2]! } });
      return { events: finish(kept), receivedAt: received };
    }
    push(after(received, supOffset + pause), { type: 'supplement_received', actor: who(p.desk) });
  }
  if (extension) {
    const o = D - rng.between(10, 16);
    push(inst(o), { type: 'extended', actor: who(holderAt(o)), newDueAt: iso(calc.addWorkingHours(due, extHours)), reason: rng.pick(EXTENSION_REASONS), signer: 'Thủ trưởng cơ quan giải quyết' });
  }
  if (p.payment.length && p.outcome !== 'stopped') {
    const payAt = route[k]!.external ? k - 1 : k;
    push(inst(starts[payAt]! + 0.55 * span(payAt)), { type: 'payment_requested', actor: who(holders[payAt]!), items: p.payment });
    push(inst(starts[payAt]! + 0.85 * span(payAt)), { type: 'payment_confirmed', actor: who(p.desk), amount: p.payment.reduce((a, x) => a + x.amount, 0), method: rng.pick(['cash', 'bank_transfer', 'online'] as const) });
  }
  if (p.outcome === 'stopped') {
    const o = starts[host]! + 0.6 * span(host);
    push(inst(o), { type: 'stopped', actor: who(holders[host]!), reason: rng.pick(STOP_REASONS) });
    return { events: finish(out, inst(o)), receivedAt: received };
  }
  if (p.outcome === 'withdrawn') {
    const o = W * rng.between(0.1, 0.9);
    push(inst(o), { type: 'withdrawn', actor: who(p.desk), reason: rng.pick(WITHDRAW_REASONS.slice(0, 2)) });
    return { events: finish(out, inst(o)), receivedAt: received };
  }
  const resultAt = inst(W);
  push(resultAt, { type: 'result_recorded', actor: who(p.signer), summary: `Cấp ${p.resultName}`, resultNumber: `${rng.int(1, 9999)}/${resultAt.getUTCFullYear()}` });
  push(after(resultAt, rng.between(0.3, p.resultDelivery === 'post' ? 24 : 12)), {
    type: 'result_returned', actor: who(p.desk), receiverName: p.applicantName, method: p.resultDelivery,
    ...(p.resultDelivery === 'post' ? { note: 'Gửi qua dịch vụ bưu chính công ích' } : {}),
  });
  return { events: finish(out), receivedAt: received };
}

/** Events in time order, cut at a terminal event so nothing follows a stop or a withdrawal. */
function finish(events: Timed[], end?: Date): Timed[] {
  const sorted = events.sort((a, b) => a.at.getTime() - b.at.getTime() || a.i - b.i);
  return end ? sorted.filter((e) => e.at.getTime() < end.getTime() || e.e.type === 'stopped' || e.e.type === 'withdrawn') : sorted;
}

export function iso(d: Date): string {
  // Local Vietnamese time with its offset, as a person reads it in the file.
  return new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 19) + '+07:00';
}
