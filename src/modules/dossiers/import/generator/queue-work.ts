import type { ChannelKind, ProcedureContent } from '../../../catalog/schema.js';
import type { DeadlineCalculator } from '../../ports.js';
import type { RouteStep } from '../../rules/events.js';
import type { UnitRef } from '../../rules/plan.js';
import type { GeneratedLine, GenStaff } from './index.js';
import { applicant, personName } from './people.js';
import type { Planned, Planner } from './planner.js';
import { createRng, textHash, type Rng } from './random.js';
import { iso, type GenPerson } from './timeline.js';

/** The roles that work dossiers (the administrator and the auditor see them, province-wide). */
export const WORKING_ROLES = ['desk_officer', 'specialist', 'unit_head'] as const;
export type WorkingRole = (typeof WORKING_ROLES)[number];

/** A demo account: where the person sits and the roles granted to them, at units by code. */
export type WorkAccount = GenStaff & { username: string; badge: string; roles: [string, string][]; worksDossiers?: boolean };

/** A way the catalogue gives an account work: a procedure received at a desk whose route has a step for them. */
export type WorkCandidate = {
  procedure: ProcedureContent; caseCode: string | undefined; channel: ChannelKind; desk: UnitRef; planned: Planned;
  /** Index in `planned.route` of the account's step. */
  step: number; role: WorkingRole;
};

/**
 * Every route step of the catalogue that the account may take: its role, at a unit its grant covers.
 * Steps of the unit the person sits in come first (a ward's vice-chairman signs at the People's
 * Committee, though his grant covers the whole ward). Desk officers: the reception step.
 */
export function workFor(account: WorkAccount, procedures: ProcedureContent[], planner: Planner): WorkCandidate[] {
  const own = planner.byCode.get(account.unitCode)?.id;
  const found: WorkCandidate[] = [];
  for (const [role, grantCode] of account.roles) {
    if (!(WORKING_ROLES as readonly string[]).includes(role)) continue;
    const grant = planner.byCode.get(grantCode);
    if (!grant) continue;
    for (const procedure of procedures) {
      for (const desk of planner.desksFor(procedure)) {
        if (!mayReach(planner, procedure, desk, grant, role)) continue;
        for (const caseCode of [undefined, ...procedure.cases.map((c) => c.code)]) {
          for (const channel of ['desk', 'online', 'post'] as const) {
            const planned = planner.planFor(procedure, caseCode, channel, desk);
            if (!planned) continue;
            planned.route.forEach((s, step) => {
              if (s.role !== role || !s.unitId || s.external || !planner.within(s.unitId, grant.id)) return;
              if (role === 'desk_officer' && step !== 0) return;
              found.push({ procedure, caseCode, channel, desk, planned, step, role });
            });
          }
        }
      }
    }
  }
  return found.sort((a, b) => Number(b.planned.route[b.step]!.unitId === own) - Number(a.planned.route[a.step]!.unitId === own));
}

/**
 * Whether a dossier of the procedure received at the desk can have a step within the grant — a
 * quick test that spares resolving every route of every commune (the province has 38): a desk
 * officer takes only the reception step (the desk itself); a commune desk's route stays inside its
 * commune unless the procedure names a fixed unit (its implementing agency or a step's unit).
 */
function mayReach(planner: Planner, procedure: ProcedureContent, desk: UnitRef, grant: UnitRef, role: string): boolean {
  if (role === 'desk_officer') return planner.within(desk.id, grant.id);
  const commune = planner.communeOf(desk);
  if (!commune || planner.within(commune.id, grant.id) || planner.within(grant.id, commune.id)) return true;
  if (planner.communeOf(grant)) return false;
  return namesFixedUnit(procedure);
}

const fixedUnit = new WeakMap<ProcedureContent, boolean>();
function namesFixedUnit(p: ProcedureContent): boolean {
  let v = fixedUnit.get(p);
  if (v === undefined) {
    const processes = [...p.internalProcesses, ...p.cases.flatMap((c) => c.internalProcesses ?? [])];
    v = Boolean(p.implementingAgency.code) || processes.some((ip) => ip.steps.some((s) => s.responsible.unitCode));
    fixedUnit.set(p, v);
  }
  return v;
}

/**
 * Who signs a result at a unit (issue 11 item 7: the approving permission, held by unit heads): the
 * demo account whose `unit_head` grant covers the unit, the one sitting nearest to it first; else
 * nobody known, and the caller names a made-up leader — never a demo account that lacks the right.
 */
export function approverAt(accounts: WorkAccount[], planner: Planner): (unitId: number) => GenPerson | undefined {
  const depth = (unitId: number, rootId: number) => {
    let d = 0;
    for (let u = planner.byId.get(unitId); u && u.id !== rootId; u = u.parentId ? planner.byId.get(u.parentId) : undefined) d++;
    return d;
  };
  return (unitId) => {
    const found = accounts.flatMap((a) => a.roles.filter(([r]) => r === 'unit_head').map(([, code]) => ({ a, root: planner.byCode.get(code)?.id })))
      .filter((x) => x.root !== undefined && planner.within(unitId, x.root))
      .sort((x, y) => depth(unitId, x.root!) - depth(unitId, y.root!));
    return found[0]?.a;
  };
}

/** The unit whose leadership records the result at the result step: its own unit, or the competent agency when an outside body holds it. */
export function approvingUnit(route: RouteStep[], k: number, competentId: number): number {
  return route[k]!.unitId ?? competentId;
}

/** What a generated dossier is waiting for, and in whose queue it shows. */
type Kind =
  | 'awaiting_reception' // submitted online, not yet received (the desk's "received here")
  | 'received' // received by the account, not yet handed on ("mine")
  | 'result_ready' // decided, waiting at the account's desk to be returned ("mine")
  | 'assigned' // at the account's step, handed to them by name ("mine")
  | 'taken' // at the account's step, taken by them from the unit's queue ("mine")
  | 'unassigned'; // at the account's unit, no one has taken it yet ("unassigned")

const KINDS: Record<WorkingRole, Kind[]> = {
  desk_officer: ['received', 'result_ready', 'awaiting_reception'],
  specialist: ['assigned', 'taken', 'unassigned'],
  unit_head: ['assigned', 'assigned'],
};

export type QueueWorkOptions = {
  procedures: ProcedureContent[];
  planner: Planner;
  /** Everyone who may appear as an actor (the accounts among them). */
  staff: GenStaff[];
  accounts: WorkAccount[];
  calc: DeadlineCalculator;
  now: Date;
  /** The last number used per desk and day (`<desk>|<YYMMDD>`), so new codes continue after it; updated. */
  sequences: Map<string, number>;
};

/**
 * A few open dossiers waiting for each demo account at `now`, whatever day that is: received
 * recently, laid along the route in working time (so a Saturday, a holiday or the first hour after
 * Tết find the work of the last working days), each at a step the account holds or can take. The
 * random history gives volume; this guarantees that everyone who signs in has something to do.
 */
export function* queueWork(o: QueueWorkOptions): Generator<GeneratedLine> {
  for (const account of o.accounts) {
    const candidates = workFor(account, o.procedures, o.planner);
    if (!candidates.length) continue;
    const rng = createRng(textHash(account.username));
    const used = new Set<string>();
    for (const [role, kind] of [...new Set(candidates.map((c) => c.role))].flatMap((r) => KINDS[r].map((k) => [r, k] as const))) {
      const fits = candidates.filter((c) => c.role === role && suits(c, kind));
      // A different procedure each time where the catalogue allows, at the best unit (candidates come
      // sorted: the account's own unit first).
      const fresh = fits.filter((c) => !used.has(c.procedure.code));
      const pool = fresh.length ? fresh : fits;
      if (!pool.length) continue;
      const unitOf = (x: WorkCandidate) => x.planned.route[x.step]!.unitId;
      const c = rng.pick(pool.filter((x) => unitOf(x) === unitOf(pool[0]!)));
      used.add(c.procedure.code);
      const line = dossierFor(o, rng, account, c, kind, workerFor(o, c.procedure.code));
      if (line) yield line;
    }
  }
}

/** Who works a step of a generated dossier: the demo account there, else someone of the unit, else a made-up name. */
function workerFor(o: QueueWorkOptions, procedureCode: string): (unitId: number, role: string) => GenPerson {
  return (unitId, stepRole) => {
    const acc = o.accounts.find((a) => a.unitCode === o.planner.codeOf(unitId)
      && a.roles.some(([r, code]) => r === stepRole && o.planner.within(unitId, o.planner.byCode.get(code)?.id ?? -1)));
    if (acc) return acc;
    const here = o.staff.filter((s) => s.unitCode === o.planner.codeOf(unitId) && !o.accounts.some((a) => a.badge === s.badge));
    return here.length ? here[textHash(`${procedureCode}|${unitId}|${stepRole}`) % here.length]! : { name: personName(createRng(textHash(`${unitId}|${stepRole}`))) };
  };
}

/**
 * One dossier of a given person, at a given point of its way, for a demo account's work on one
 * procedure (`queueWork` lays out the same, with a made-up applicant): how the demo citizens' own
 * history is laid out from "now" (seed/demo-citizens.ts). Null when the catalogue gives the account
 * no such work, or the calendar no such time.
 */
export function dossierOf(o: QueueWorkOptions, account: WorkAccount, procedureCode: string, kind: 'received' | 'taken' | 'assigned' | 'result_ready', person: GeneratedLine['applicant'], seed: string): GeneratedLine | null {
  const c = workFor(account, o.procedures.filter((p) => p.code === procedureCode), o.planner).find((x) => suits(x, kind));
  if (!c) return null;
  const line = dossierFor(o, createRng(textHash(seed)), account, c, kind, workerFor(o, procedureCode));
  return line && { ...line, applicant: person };
}

/** Whether the candidate can hold this kind of work: reception kinds need the right channel, and no outside body on the way. */
function suits(c: WorkCandidate, kind: Kind): boolean {
  if (kind === 'awaiting_reception') return c.channel === 'online';
  if (c.channel !== 'desk') return false;
  const route = c.planned.route;
  const upTo = kind === 'result_ready' ? lastProcessingStep(route) : c.step;
  return upTo >= c.step && route.slice(0, upTo + 1).every((s) => !s.external);
}

/** The last step before the result goes back to the desk (the route's closing desk step is the return). */
function lastProcessingStep(route: RouteStep[]): number {
  return route.length > 1 && route[route.length - 1]!.role === 'desk_officer' ? route.length - 2 : route.length - 1;
}

function dossierFor(o: QueueWorkOptions, rng: Rng, account: WorkAccount, c: WorkCandidate, kind: Kind, worker: (unitId: number, role: string) => GenPerson): GeneratedLine | null {
  const route = c.planned.route;
  const who = (p: GenPerson) => (p.badge ? { name: p.name, badge: p.badge } : { name: p.name });
  const budget = (i: number) => Math.max(route[i]!.budgetHours, 1);
  // The step the dossier sits at now, and how long (working hours) since it was received: the steps
  // before it took part of their budget, and it has been at this one for a little while.
  const at = kind === 'result_ready' ? lastProcessingStep(route) + 1 : kind === 'awaiting_reception' || kind === 'received' ? 0 : c.step;
  const pace = rng.between(0.3, 0.6);
  const offsets = [0];
  for (let i = 1; i <= at; i++) offsets.push(offsets[i - 1]! + pace * budget(i - 1));
  const inStep = kind === 'result_ready' ? rng.between(0.3, 2) : rng.between(0.1, 0.3) * budget(Math.min(at, route.length - 1));
  const elapsed = offsets[at]! + inStep;
  const start = workingInstantBefore(o.calc, o.now, elapsed);
  if (!start) return null;
  const time = (offset: number) => minute(offset <= 0 ? start : o.calc.addWorkingHours(start, offset));

  const desk = kind === 'awaiting_reception' || c.role === 'desk_officer' ? account : worker(c.desk.id, 'desk_officer');
  const events: GeneratedLine['events'] = [];
  if (kind === 'awaiting_reception') {
    events.push({ type: 'submitted', at: iso(time(0)), channel: 'online' });
  } else {
    events.push({ type: 'received', at: iso(time(0)), actor: who(desk) });
    let holder: GenPerson = desk;
    for (let i = 1; i <= Math.min(at, lastProcessingStep(route)); i++) {
      const s = route[i]!;
      const mine = i === at && (kind === 'assigned' || kind === 'taken');
      const next = mine ? account : worker(s.unitId!, s.role);
      const byName = kind === 'assigned' || (i < at && (s.role === 'unit_head' || rng.chance(0.5)));
      const handedTo = i === at && kind !== 'assigned' ? null : byName ? next : null;
      events.push({ type: 'transferred', at: iso(time(offsets[i]!)), actor: who(holder), toStep: s.order, toStaff: handedTo ? who(handedTo) : null });
      if (!handedTo && !(i === at && kind === 'unassigned')) {
        events.push({ type: 'taken', at: iso(time(offsets[i]! + Math.min(0.5, 0.1 * budget(i)))), actor: who(next) });
      }
      holder = next;
    }
    if (kind === 'result_ready') {
      const unit = approvingUnit(route, lastProcessingStep(route), c.planned.competent.id);
      const signer = approverAt(o.accounts, o.planner)(unit) ?? { name: personName(createRng(textHash(`${unit}|approver`))) };
      events.push({ type: 'result_recorded', at: iso(time(offsets[at]!)), actor: who(signer), summary: `Cấp ${c.procedure.results[0]?.name ?? 'kết quả giải quyết'}`, resultNumber: `${rng.int(1, 9999)}/${time(offsets[at]!).getUTCFullYear()}` });
    }
  }

  const first = time(0);
  const day = iso(first).slice(2, 10).replace(/-/g, '');
  const key = `${c.desk.code}|${day}`;
  const seq = (o.sequences.get(key) ?? 0) + 1;
  o.sequences.set(key, seq);
  const kinds = c.procedure.applicants;
  const person = applicant(rng, kinds.includes('citizen') ? 'citizen' : 'organisation', (o.planner.communeOf(c.desk) ?? rng.pick(o.planner.communes))?.name ?? 'tỉnh Lai Châu');
  return {
    code: `${c.desk.code}-${day}-${String(seq).padStart(4, '0')}`, receivingUnitCode: c.desk.code!, competentUnitCode: c.planned.competent.code!,
    procedureCode: c.procedure.code, procedureName: c.procedure.name, field: c.procedure.field, ...(c.caseCode ? { caseCode: c.caseCode } : {}),
    channel: c.channel, applicant: person, resultDelivery: c.channel === 'online' ? 'online' : 'desk',
    documents: c.planned.plan.documents.filter((d) => !d.presentOnly && !d.optional).map((d) => ({ name: d.name, originals: d.originals, copies: d.copies + d.certifiedCopies })),
    events,
  };
}

const minute = (d: Date) => new Date(Math.floor(d.getTime() / 60_000) * 60_000);

/**
 * The instant `hours` working hours before `now` by the province calendar (weekends, holidays and
 * make-up Saturdays included), or null when the calendar has no such time in the last two months.
 */
export function workingInstantBefore(calc: DeadlineCalculator, now: Date, hours: number): Date | null {
  const today = Date.parse(`${iso(now).slice(0, 10)}T00:00:00+07:00`);
  for (let back = 0; back <= 62; back++) {
    const midnight = new Date(today - back * 86_400_000);
    const worked = calc.workingHoursBetween(midnight, now);
    if (worked < hours) continue;
    if (worked > hours) return calc.addWorkingHours(midnight, worked - hours);
    // Exactly the day's office hours: their first minute ("0 hours after midnight" would be midnight).
    return new Date(calc.addWorkingHours(midnight, 1 / 60).getTime() - 60_000);
  }
  return null;
}
