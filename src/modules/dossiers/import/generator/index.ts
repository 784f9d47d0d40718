import type { z } from 'zod';
import { computeDueInstant, defaultHolidays, WorkCalendar, workingHoursBetween } from '../../../calendar/rules/index.js';
import type { ChannelKind, ProcedureContent } from '../../../catalog/schema.js';
import type { DeadlineCalculator } from '../../ports.js';
import type { UnitRef } from '../../rules/plan.js';
import { vnDay } from '../../rules/statuses.js';
import type { importLineSchema } from '../import-schema.js';
import { applicant, personName } from './people.js';
import { createPlanner, type GenUnit, type Planned } from './planner.js';
import { approverAt, approvingUnit, type WorkAccount } from './queue-work.js';
import { createRng, textHash, type Rng } from './random.js';
import { dossierTimeline, iso, type GenPerson, type Outcome } from './timeline.js';

export type { GenUnit } from './planner.js';
/** `weight`: how much more often than colleagues this person does the work (the demo favours its accounts). */
export type GenStaff = GenPerson & { unitCode: string; weight?: number };
export type GeneratedLine = z.input<typeof importLineSchema>;

export type GenerateOptions = {
  procedures: ProcedureContent[];
  units: GenUnit[];
  /** Staff who may appear as actors; units without any get a made-up (badge-less) person. */
  staff: GenStaff[];
  calc: DeadlineCalculator;
  /** Receipts fall on working days in [from, to]; events after `now` are left out (open dossiers). */
  from: Date;
  to: Date;
  now: Date;
  count: number;
  seed: number;
  /** Write the route and time limit as an old system would have them (default true): the file then imports without the catalogue. */
  withPlan?: boolean;
  desks?: string[];
  /** Relative volume of a desk (default 1): a city ward receives more than a mountain commune. */
  deskWeight?: Record<string, number>;
  /**
   * Share of dossiers finished late, by unit code (default 9 %): the competent unit's own figure or
   * its nearest ancestor's, else the receiving desk's or its ancestors' — so some communes and
   * departments do better than others and a ranking of units shows it.
   */
  lateShare?: Record<string, number>;
  channels?: ChannelKind[];
  /** The demo accounts: the result is recorded by one whose grant covers the result step (else by a made-up leader). */
  accounts?: WorkAccount[];
  /**
   * A stored scan (its file key) given with the documents of digitised dossiers: every online one (the
   * citizen uploaded them) and `share` of the others (scanned at the desk, Decree 45/2020). Chosen from
   * the dossier's code, not the random stream, so the rest of the file is the same with or without it.
   */
  scan?: { key: string; fileName: string; share: number };
};

/** A stable number 0–99 from a dossier code. */
function codePercent(code: string): number {
  let h = 2_166_136_261;
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 16_777_619);
  return (h >>> 0) % 100;
}

/** Shares of outcomes: about 2 % refused, 1.5 % withdrawn, 1 % stopped, 9 % late, the rest on time. */
const OUTCOMES: [Outcome, number][] = [['refused', 0.02], ['withdrawn', 0.015], ['stopped', 0.01], ['late', 0.09], ['on_time', 1]];
/** Busy fields weigh more: civil status and certification are most of a commune desk's work. */
const FIELD_WEIGHT: Record<string, number> = { HOTICH: 6, CHUNGTHUC: 8, DATDAI: 3, HKD: 2 };

/** Index in the route of the step where the result is recorded (rules/result-step.ts). */
function resultStepIndex(route: Planned['route']): number {
  return route.length > 1 && route[route.length - 1]!.role === 'desk_officer' ? route.length - 2 : route.length - 1;
}

/** The deadline maths of the calendar rules over a calendar (for generating outside the app). */
export function calculatorFromCalendar(calendar: WorkCalendar): DeadlineCalculator {
  return {
    due: (from, t) => new Date(computeDueInstant({ from, amount: t.amount, unit: t.unit, cutoff: t.cutoff }, calendar)),
    addWorkingHours: (from, h) => (h <= 0 ? from : new Date(computeDueInstant({ from, amount: h, unit: 'working_hours' }, calendar))),
    workingHoursBetween: (a, b) => workingHoursBetween(a, b, calendar),
  };
}

/** The Labour Code holidays of the given years (no provincial notices): the generator's default calendar. */
export function defaultCalendar(years: number[]): WorkCalendar {
  return new WorkCalendar({ days: years.flatMap((y) => defaultHolidays(y)) });
}

/**
 * Writes `count` dossiers received over the working days of [from, to], in receipt order, as import
 * lines. Same options and seed → the same lines.
 */
export function* generateDossiers(o: GenerateOptions): Generator<GeneratedLine> {
  const rng = createRng(o.seed);
  const planner = createPlanner(o.units, o.desks);
  const { refs, byId, communeOf, communes, planFor } = planner;
  const staffAt = new Map<string, GenStaff[]>();
  for (const s of o.staff) staffAt.set(s.unitCode, [...(staffAt.get(s.unitCode) ?? []), s]);
  const made = (key: string): GenPerson => ({ name: personName(createRng(textHash(key))) });
  const someoneAt = (code: string, key: string): GenPerson => {
    const here = staffAt.get(code);
    return here?.length ? rng.weighted(here, (x) => x.weight ?? 1) : made(key);
  };

  const procs = o.procedures.filter((p) => planner.desksFor(p).length > 0);
  const approver = approverAt(o.accounts ?? [], planner);

  // Working days of the window, each with a share of the volume (Mondays busier, Fridays quieter).
  const days: { day: string; midnight: Date; weight: number }[] = [];
  for (let t = Date.parse(`${vnDay(o.from)}T00:00:00+07:00`); t <= o.to.getTime(); t += 86_400_000) {
    const midnight = new Date(t);
    const day = vnDay(midnight);
    if (vnDay(o.calc.addWorkingHours(midnight, 0.25)) !== day) continue;
    const wd = new Date(t + 7 * 3_600_000).getUTCDay();
    days.push({ day, midnight, weight: (wd === 1 ? 1.25 : wd === 5 ? 0.9 : 1) * rng.between(0.85, 1.15) });
  }
  const totalWeight = days.reduce((a, d) => a + d.weight, 0);
  let cumulative = 0;
  let allocated = 0;
  for (const d of days) {
    cumulative += d.weight;
    const n = Math.round((o.count * cumulative) / totalWeight) - allocated;
    allocated += n;
    const instants = Array.from({ length: n }, () => {
      const at = o.calc.addWorkingHours(d.midnight, Math.min(7.95, Math.max(0.02, 8 * rng.next() ** 1.15)));
      return new Date(Math.floor(at.getTime() / 60_000) * 60_000);
    }).filter((t) => t.getTime() >= o.from.getTime() && t.getTime() <= o.now.getTime()).sort((a, b) => a.getTime() - b.getTime());
    const sequence = new Map<string, number>();
    for (const start of instants) {
      const line = oneDossier(start);
      if (!line) continue;
      const seq = (sequence.get(line.receivingUnitCode) ?? 0) + 1;
      sequence.set(line.receivingUnitCode, seq);
      line.code = `${line.receivingUnitCode}-${d.day.slice(2).replace(/-/g, '')}-${String(seq).padStart(4, '0')}`;
      if (o.scan && line.documents?.length && (line.channel === 'online' || codePercent(line.code) < o.scan.share * 100)) {
        line.documents = line.documents.map((doc) => ({ ...doc, fileKey: o.scan!.key, fileName: o.scan!.fileName }));
      }
      yield line;
    }
  }

  function oneDossier(start: Date): GeneratedLine | null {
    for (let attempt = 0; attempt < 20; attempt++) {
      const p = rng.weighted(procs, (x) => (FIELD_WEIGHT[x.field.code] ?? 1) * (x.levels.includes('commune') ? 2 : 1));
      const subCase = p.cases.length ? rng.pick(p.cases) : undefined;
      const offered = (subCase?.channels ?? p.channels).map((c) => c.kind).filter((k) => !o.channels || o.channels.includes(k));
      if (!offered.length) continue;
      const channel = rng.weighted(offered, (k) => ({ desk: 0.6, online: 0.3, post: 0.1 })[k]);
      const desk = rng.weighted(planner.desksFor(p), (d) => o.deskWeight?.[d.code!] ?? 1);
      const found = planFor(p, subCase?.code, channel, desk);
      if (!found) continue;
      return build(rng, p, subCase?.code, channel, desk, found, start);
    }
    return null;
  }

  /** The late share configured for a unit or its nearest ancestor, if any. */
  function lateAt(u: UnitRef | undefined): number | undefined {
    for (; u; u = u.parentId ? byId.get(u.parentId) : undefined) if (o.lateShare?.[u.code!] !== undefined) return o.lateShare[u.code!];
    return undefined;
  }
  function outcomesFor(desk: UnitRef, competent: UnitRef): [Outcome, number][] {
    const late = o.lateShare ? (lateAt(competent) ?? lateAt(desk)) : undefined;
    return late === undefined ? OUTCOMES : OUTCOMES.map(([k, share]) => [k, k === 'late' ? late : k === 'on_time' ? 1 - 0.045 - late : share]);
  }

  function build(r: Rng, p: ProcedureContent, caseCode: string | undefined, channel: ChannelKind, desk: UnitRef, f: Planned, start: Date): GeneratedLine {
    const { codeOf } = planner;
    const outcome = r.weighted(outcomesFor(desk, f.competent), ([, share]) => share)[0];
    const kinds = p.applicants;
    const kind = kinds.includes('citizen') && (!kinds.includes('organisation') || r.chance(0.85)) ? 'citizen' : 'organisation';
    const person = applicant(r, kind, (communeOf(desk) ?? r.pick(communes))?.name ?? 'tỉnh Lai Châu');
    const documents = f.plan.documents.filter((d) => !d.presentOnly && !d.optional).map((d) => ({ name: d.name, originals: d.originals, copies: d.copies + d.certifiedCopies }));
    const resultDelivery = channel === 'online' ? (r.chance(0.7) ? 'online' : 'desk') : r.chance(0.8) ? 'desk' : 'post';
    const fees = f.plan.fees.filter((x) => (x.amount ?? 0) > 0).map((x) => ({ name: x.name, amount: x.amount! }));
    const withPlan = o.withPlan ?? true;
    const routeForFile = f.route.map((s) => ({ order: s.order, name: s.name, ...(s.unitId ? { unitCode: codeOf(s.unitId)! } : { unitName: s.unitName }), role: s.role, budgetHours: s.budgetHours, interAgency: s.interAgency }));
    const { events } = dossierTimeline({
      rng: r, calc: o.calc, start, route: f.route, receivedExtra: withPlan ? { route: routeForFile } : {},
      intake: channel === 'desk' ? (r.chance(0.03) ? 'reception_supplement' : 'desk') : channel,
      due: (at) => o.calc.due(at, f.plan.processingTime),
      desk: someoneAt(desk.code!, `${desk.code}|desk`),
      worker: (s) => (s.unitId ? someoneAt(codeOf(s.unitId)!, `${codeOf(s.unitId)}|${s.role}`) : made(s.unitName)),
      holder: staffAt.get(f.competent.code!)?.length ? someoneAt(f.competent.code!, '') : someoneAt(refs.find((u) => u.parentId === f.competent.id && u.function === 'leadership')?.code ?? f.competent.code!, `${f.competent.code}|head`),
      signer: (() => {
        const unit = approvingUnit(f.route, resultStepIndex(f.route), f.competent.id);
        return approver(unit) ?? made(`${codeOf(unit)}|approver`);
      })(),
      outcome, supplement: outcome !== 'refused' && r.chance(0.1), extension: outcome === 'late' && r.chance(0.3),
      payment: fees.length && r.chance(0.6) ? fees : [], documents: documents.length ? documents.map((d) => d.name) : ['Tờ khai'],
      resultName: p.results[0]?.name ?? 'kết quả giải quyết', resultDelivery, applicantName: person.fullName,
    });
    return {
      code: '', receivingUnitCode: desk.code!, competentUnitCode: f.competent.code!, procedureCode: p.code, procedureName: p.name, field: p.field,
      ...(withPlan ? { processingTime: f.plan.processingTime } : {}), ...(caseCode ? { caseCode } : {}),
      channel, applicant: person, documents, resultDelivery,
      events: events.filter((e) => e.at.getTime() <= o.now.getTime()).map(({ at, e: { type, ...rest } }) => ({ type, at: iso(at), ...rest }) as GeneratedLine['events'][number]),
    };
  }
}
