import { readFile } from 'node:fs/promises';
import type { Db } from '../../platform/db/transaction.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { ObjectiveMeasure } from './quality.tables.js';
import type { QualityService } from './quality.service.js';
import { vnDay } from './quality.context.js';
import { currentObjectiveYear } from './objectives.readings.js';

/**
 * The demo's quality management system (demo/quality/demo.json): Sở Xây dựng's QMS set up by its ISO
 * secretary and approved by its head, announced, its objectives of the year measured from the demo's
 * dossiers, its processes linked to the catalogue with their documents approved, this year's internal
 * audit reported with one nonconformity whose corrective action was done, verified and closed, and a
 * management review held a few days ago. Every step goes through the services as the people would; the
 * dates are counted back from the day the demo is made.
 */
export type QualityDemoDeps = {
  quality: QualityService;
  db: Db;
  now: () => Date;
  unitId: (code: string) => number;
  /** When the unit came into being (the demo's departments on 1/7/2025, the two-level government). */
  unitEffectiveFrom: (code: string) => string | null;
  staffOf: (username: string) => Promise<number>;
  as: (username: string) => Promise<RequestContext>;
};

type Demo = {
  agency: string; head: string; secretary: string; obligation: 'mandatory' | 'encouraged'; standard: string;
  scope: string; exclusions: { clause: string; reason: string }[]; policy: string;
  declaration: { decisionNo: string; signerName: string; daysBefore: number };
  objectives: { code: string; text: string; measure: ObjectiveMeasure; direction: 'at_least' | 'at_most'; targetPercent: number; manualNumerator?: number; manualDenominator?: number }[];
  processes: { code: string; name: string; kind: 'tthc' | 'support' | 'management'; ownerUnit: string; catalogProcedureCode?: string }[];
  documents: { code: string; title: string; kind: 'policy' | 'process'; process?: string; content?: string }[];
  audit: {
    title: string; startDaysBefore: number; days: number; criteria: string; processes: string[]; lead: string;
    items: { process: string; clause: string; question: string; result: 'conform' | 'nonconformity' | 'observation' | 'na'; evidence: string }[];
    finding: { clause: string; process: string; description: string; evidence: string; ownerUnit: string };
    report: string; correction: string; rootCause: string; action: string; actionDueInDays: number; verification: string;
  };
  review: { daysBefore: number; attendees: string; minutes: string; decisions: { text: string; ownerUnit: string; dueInDays: number }[] };
};

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export async function seedDemoQuality(deps: QualityDemoDeps, file: string): Promise<{ objectives: number; documents: number; nonconformities: number }> {
  const d = JSON.parse(await readFile(file, 'utf8')) as Demo;
  const { quality, db } = deps;
  const today = vnDay(deps.now());
  // A demo made before the agency existed (tests seed on past days) has no QMS to show.
  const since = deps.unitEffectiveFrom(d.agency);
  if (since && since > today) return { objectives: 0, documents: 0, nonconformities: 0 };
  const head = await deps.as(d.head);
  const secretary = await deps.as(d.secretary);
  const systemVersion = async (id: number) => (await db.selectFrom('qms_systems').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

  const created = await quality.systems.create(head, { agencyUnitId: deps.unitId(d.agency), obligation: d.obligation, standard: d.standard });
  const qmsId = created.id;
  await quality.systems.update(head, qmsId, { version: await systemVersion(qmsId), isoSecretaryStaffId: await deps.staffOf(d.secretary) });
  await quality.systems.update(secretary, qmsId, { version: await systemVersion(qmsId), scopeText: d.scope, exclusions: d.exclusions, policyText: d.policy });
  await quality.systems.approvePolicy(head, qmsId, { version: await systemVersion(qmsId) });

  const year = currentObjectiveYear(today);
  for (const o of d.objectives) {
    await quality.objectives.create(secretary, qmsId, {
      year, code: o.code, text: o.text, measure: o.measure, direction: o.direction, targetPercent: o.targetPercent,
      ...(o.manualNumerator !== undefined ? { manualNumerator: o.manualNumerator, manualDenominator: o.manualDenominator } : {}),
    });
  }

  const processIds = new Map<string, number>();
  for (const p of d.processes) {
    const made = await quality.processes.create(secretary, qmsId, {
      code: p.code, name: p.name, kind: p.kind, ownerUnitId: deps.unitId(p.ownerUnit),
      ...(p.catalogProcedureCode ? { catalogProcedureCode: p.catalogProcedureCode } : {}),
    });
    processIds.set(p.code, made.id);
  }
  // Announced before the processes existed would read "stale": the decision covers the processes as they are.
  await quality.systems.declarations.create(head, qmsId, { decisionNo: d.declaration.decisionNo, decisionDate: addDays(today, -d.declaration.daysBefore), signerName: d.declaration.signerName });

  for (const doc of d.documents) {
    const made = await quality.documents.create(secretary, qmsId, {
      code: doc.code, title: doc.title, kind: doc.kind,
      ...(doc.process ? { processId: processIds.get(doc.process)! } : {}), ...(doc.content ? { content: doc.content } : {}),
    });
    const draft = made.versions.find((v) => v.status === 'draft')!;
    await quality.documents.approve(head, draft.id, { version: draft.version, effectiveFrom: today });
  }

  // This year's internal audit: planned and held some weeks ago, reported today with one nonconformity.
  const a = d.audit;
  const from = addDays(today, -a.startDaysBefore);
  const audit = await quality.audits.create(secretary, qmsId, {
    year, title: `${a.title} năm ${year}`, plannedFrom: from, plannedTo: addDays(from, a.days - 1), criteria: a.criteria,
    processIds: a.processes.map((c) => processIds.get(c)!), leadStaffId: await deps.staffOf(a.lead),
    items: a.items.map((i) => ({ processId: processIds.get(i.process)!, clause: i.clause, question: i.question })),
  });
  const auditVersion = async () => (await db.selectFrom('qms_audits').select('version').where('id', '=', audit.id).executeTakeFirstOrThrow()).version;
  await quality.audits.start(secretary, audit.id, await auditVersion());
  for (const [i, item] of a.items.entries()) {
    await quality.audits.setItem(secretary, audit.id, i + 1, { version: await auditVersion(), result: item.result, evidenceNote: item.evidence });
  }
  const seq = a.items.findIndex((i) => i.result === 'nonconformity') + 1;
  const found = await quality.audits.addFinding(secretary, audit.id, {
    version: await auditVersion(), kind: 'nonconformity', clause: a.finding.clause, processId: processIds.get(a.finding.process)!,
    description: a.finding.description, evidence: a.finding.evidence, ...(seq > 0 ? { itemSeq: seq } : {}), ownerUnitId: deps.unitId(a.finding.ownerUnit),
  });
  await quality.audits.report(secretary, audit.id, { version: await auditVersion(), summary: a.report });

  // The owner unit's head of section is not a demo account: the secretary plans for the owner unit as
  // the one keeping the QMS may, the action is done, the head verifies it effective and closes it.
  const ncId = found.findings.find((f) => f.nonconformity)!.nonconformity!.id;
  const ncVersion = async () => (await db.selectFrom('qms_nonconformities').select('version').where('id', '=', ncId).executeTakeFirstOrThrow()).version;
  await quality.nonconformities.plan(secretary, ncId, {
    version: await ncVersion(), correction: a.correction, rootCause: a.rootCause,
    actions: [{ text: a.action, ownerStaffId: await deps.staffOf(d.secretary), dueOn: addDays(today, a.actionDueInDays) }],
  });
  await quality.nonconformities.actionDone(secretary, ncId, 1, { version: await ncVersion(), note: 'Đã lập lịch kiểm tra thực địa hằng tuần từ tuần này.' });
  await quality.nonconformities.verify(head, ncId, { version: await ncVersion(), result: 'effective', note: a.verification });
  await quality.nonconformities.close(head, ncId, await ncVersion());

  // A management review held a few days ago; its decisions are left to be assigned as tasks.
  const r = d.review;
  const review = await quality.reviews.create(secretary, qmsId, { heldOn: addDays(today, -r.daysBefore), chairStaffId: await deps.staffOf(d.head), attendees: r.attendees, year });
  const reviewVersion = async () => (await db.selectFrom('qms_reviews').select('version').where('id', '=', review.id).executeTakeFirstOrThrow()).version;
  await quality.reviews.update(secretary, review.id, {
    version: await reviewVersion(), minutes: r.minutes,
    decisions: r.decisions.map((x) => ({ text: x.text, ownerUnitId: deps.unitId(x.ownerUnit), dueOn: addDays(today, x.dueInDays) })),
  });
  await quality.reviews.hold(head, review.id, await reviewVersion());
  return { objectives: d.objectives.length, documents: d.documents.length, nonconformities: 1 };
}
