import { readFile } from 'node:fs/promises';
import type { Actor } from '../../platform/access/policy.js';
import type { Db } from '../../platform/db/transaction.js';
import type { RequestContext } from '../../platform/http/context.js';
import { vnDay } from './inspection.context.js';
import { DISCIPLINE_RULES } from './rules/discipline.js';
import type { InspectionService } from './inspection.service.js';
import type { CaseCreateInput, DisciplineActionInput, DisciplineCreateInput } from './schema.js';
import { seedDemoInspections, seedDemoPlan, type DemoInspection, type DemoPlan } from './inspection-plans.demo.js';

/**
 * The demo's complaints, denunciations and discipline cases (demo/inspection/demo.json), put through the
 * service as the officers would, with days counted back from "now" so that each one is in the same state
 * whatever day the demo is made: a petition just received, a complaint past its resolution period, an
 * anonymous petition refused, a founded denunciation whose discipline case waits for the head's decision
 * after the council's ballot, and a reprimand in force; then this year's inspection plan and two
 * inspections (inspection-plans.demo.ts).
 */
type Party = CaseCreateInput['party'];
type DemoCase = {
  key: string; by: string; kind: CaseCreateInput['kind']; handlingUnit: string; channel: CaseCreateInput['channel']; sourceRef?: string;
  subjectUnit: string; subject?: string; receivedDaysAgo: number; learnedDaysAgo?: number; acceptDaysAgo?: number; verify?: boolean;
  notEligibleReason?: string; summary: string; party: Party;
  conclude?: { daysAgo: number; outcome: 'founded' | 'partly_founded' | 'unfounded' | 'withdrawn'; decisionNo: string; conclusion: string };
  publishDaysAgo?: number;
};
type DemoDiscipline = {
  key: string; by: string; unit: string; fromCase?: string; subject?: string; personKind: DisciplineCreateInput['personKind'];
  limitationClass: DisciplineCreateInput['limitationClass']; offenceSummary: string; discoveredDaysAgo: number;
  offenceConcludedDaysAgo?: number; offenceEndedDaysAgo?: number;
  steps: Partial<Record<'notice' | 'review_meeting' | 'review_report' | 'summons' | 'council_meeting' | 'recommendation', number>>;
  council: { daysAgo: number; chair: string; employingUnitLeader: string; personnel: string };
  ballot: { yes: number; no: number; forms: Record<string, number>; recommendedForm: string; minutes: string };
  decide?: { daysAgo: number; by: string; form: string; decisionNo: string };
};
type DemoFile = { cases: DemoCase[]; discipline: DemoDiscipline[]; plan: DemoPlan; inspections: DemoInspection[] };

export type InspectionDemoDeps = {
  inspection: InspectionService;
  db: Db;
  now: () => Date;
  unitId: (code: string) => number;
  as: (username: string) => Promise<RequestContext & { actor: Actor }>;
};

/** The step before the council is set up, and those after it, in the order the decree takes them. */
const BEFORE_COUNCIL = ['notice', 'review_meeting', 'review_report'] as const;
const AFTER_COUNCIL = ['summons', 'council_meeting'] as const;

export async function seedDemoInspection(deps: InspectionDemoDeps, file: string): Promise<{ cases: number; discipline: number; inspections: number }> {
  const demo = JSON.parse(await readFile(file, 'utf8')) as DemoFile;
  const today = vnDay(deps.now());
  const ago = (days: number) => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - days);
    return d.toISOString().slice(0, 10);
  };
  const staffOf = await staffResolver(deps);
  const caseIds = new Map<string, { id: number; subjectStaffId: number | null }>();

  for (const c of demo.cases) {
    const ctx = await deps.as(c.by);
    const subjectStaffId = c.subject ? staffOf(c.subject) : undefined;
    let detail = await deps.inspection.cases.receive(ctx, {
      kind: c.kind, handlingUnitId: deps.unitId(c.handlingUnit), receivedOn: ago(c.receivedDaysAgo), channel: c.channel, sourceRef: c.sourceRef,
      subjectUnitId: deps.unitId(c.subjectUnit), subjectStaffId, summary: c.summary, learnedOn: c.learnedDaysAgo ? ago(c.learnedDaysAgo) : undefined,
      remoteArea: false, complexity: 'normal', severalPlaces: false, notEligibleReason: c.notEligibleReason, party: c.party,
    });
    const act = async (input: Record<string, unknown>) => {
      detail = await deps.inspection.cases.act(ctx, detail.id, { ...input, version: detail.version } as Parameters<InspectionService['cases']['act']>[2]);
    };
    if (c.acceptDaysAgo !== undefined) await act({ action: 'accept', on: ago(c.acceptDaysAgo) });
    if (c.verify) await act({ action: 'start_verification', note: 'Kế hoạch xác minh nội dung đơn.' });
    if (c.conclude) await act({ action: 'conclude', outcome: c.conclude.outcome, conclusion: c.conclude.conclusion, decisionNo: c.conclude.decisionNo, decisionDate: ago(c.conclude.daysAgo) });
    if (c.publishDaysAgo !== undefined) await act({ action: 'publish', on: ago(c.publishDaysAgo) });
    caseIds.set(c.key, { id: detail.id, subjectStaffId: subjectStaffId ?? null });
  }

  let disciplined = 0;
  for (const k of demo.discipline) {
    // A demo made before Decree 172/2025 took effect has no discipline case under it.
    if (ago(k.discoveredDaysAgo) < DISCIPLINE_RULES[0]!.effectiveFrom) continue;
    disciplined++;
    const ctx = await deps.as(k.by);
    const source = k.fromCase ? caseIds.get(k.fromCase) : undefined;
    if (k.fromCase && !source) throw new Error(`demo inspection: no case ${k.fromCase}`);
    const subjectStaffId = source?.subjectStaffId ?? staffOf(k.subject!);
    let detail = await deps.inspection.discipline.open(ctx, {
      unitId: deps.unitId(k.unit), subjectStaffId, personKind: k.personKind, holdsPost: false, offenceSummary: k.offenceSummary,
      offenceEndedOn: k.offenceEndedDaysAgo !== undefined ? ago(k.offenceEndedDaysAgo) : undefined,
      offenceConcludedOn: k.offenceConcludedDaysAgo !== undefined ? ago(k.offenceConcludedDaysAgo) : undefined,
      laterOffences: [], limitationClass: k.limitationClass, discoveredOn: ago(k.discoveredDaysAgo), complex: false, sourceCaseId: source?.id,
    });
    const act = async (input: Record<string, unknown>, as = ctx) => {
      detail = await deps.inspection.discipline.act(as, detail.id, { ...input, version: detail.version } as DisciplineActionInput);
    };
    for (const step of BEFORE_COUNCIL) if (k.steps[step] !== undefined) await act({ action: 'record_step', step, on: ago(k.steps[step]!) });
    await act({
      action: 'set_council', on: ago(k.council.daysAgo), relatives: [], involved: [],
      members: [
        { staffId: staffOf(k.council.chair), role: 'chair' },
        { staffId: staffOf(k.council.employingUnitLeader), role: 'employing_unit_leader' },
        { staffId: staffOf(k.council.personnel), role: 'personnel' },
      ],
    });
    for (const step of AFTER_COUNCIL) if (k.steps[step] !== undefined) await act({ action: 'record_step', step, on: ago(k.steps[step]!) });
    await act({ action: 'record_ballot', ...k.ballot });
    if (k.steps.recommendation !== undefined) await act({ action: 'record_step', step: 'recommendation', on: ago(k.steps.recommendation) });
    if (k.decide) {
      const on = ago(k.decide.daysAgo);
      await act({ action: 'decide', form: k.decide.form, decisionNo: k.decide.decisionNo, decisionDate: on, effectiveOn: on }, await deps.as(k.decide.by));
    }
  }
  await seedDemoPlan(deps, demo.plan, { ago, today, staffOf });
  await seedDemoInspections(deps, demo.inspections, { ago, today, staffOf });
  return { cases: demo.cases.length, discipline: disciplined, inspections: demo.inspections.length };
}

/** 'user:<username>', 'badge:<number>' or 'unit:<code>#n' (the n-th staff member without an account there, by id) to a staff id. */
async function staffResolver(deps: InspectionDemoDeps): Promise<(ref: string) => number> {
  const staff = await deps.db.selectFrom('org_staff').leftJoin('auth_accounts', 'auth_accounts.staff_id', 'org_staff.id')
    .select(['org_staff.id', 'org_staff.unit_id', 'org_staff.badge_number', 'auth_accounts.username']).orderBy('org_staff.id').execute();
  return (ref) => {
    const [kind, value] = ref.split(':') as [string, string];
    let found: number | undefined;
    if (kind === 'user') found = staff.find((s) => s.username === value)?.id;
    else if (kind === 'badge') found = staff.find((s) => s.badge_number === value)?.id;
    else if (kind === 'unit') {
      const [code, n] = value.split('#') as [string, string];
      found = staff.filter((s) => s.unit_id === deps.unitId(code) && !s.username)[Number(n)]?.id;
    }
    if (found === undefined) throw new Error(`demo inspection: no staff member ${ref}`);
    return found;
  };
}
