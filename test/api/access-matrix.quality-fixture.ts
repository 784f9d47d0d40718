import type { TestApp } from '../support/test-app.js';
import { UNIT_RELATIONS, type UnitRelation } from './access-matrix.rules.js';

type Req = { method: string; url: string; body?: unknown };
export type Rec = { id: number; version: number };
type NcStatus = 'open' | 'action_planned' | 'actions_done' | 'verified_effective';

const Q = '/api/v1/quality';
/** The matrix's pinned day (TEST_NOW) and its objective year (the statutory year 15/12/2025–14/12/2026). */
const TODAY = '2026-03-02';
const YEAR = 2026;
const PROCEDURE = '1.001193';
/** The day of 2024 whose handled dossiers the proposals read (see `signalsAt`). */
const SIGNAL_DAY = '2024-01-16';
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The quality module (ISO 9001 QMSs) and the reform budget (issue 20) at each relation's unit, for the access
 * matrix. Each relation's unit is an agency with its own QMS — the child's is an office made under the child
 * section (a section works inside its department's QMS and has none of its own) — made by the root
 * administrator through the API unless the demo has one there, with a section where no matrix subject works. That section owns every
 * nonconformity, an officer of it leads every audit and no QMS has an ISO secretary, so the per-person rules
 * (an NC's owner, an audit's team, the secretary) never apply to a subject: what a subject may do follows from
 * its grants alone. `kept*` records are made once per relation for the rows that only read or that leave the
 * record as they found it; the others are the same record until an action moved it out of the state asked
 * for, then a new one (read afresh each time, so a request that changed what it should not shows in the rows
 * that follow).
 */
export type QualityFixture = {
  /** The unit whose QMS and budget lines stand for each relation. */
  agency: Record<UnitRelation, number>;
  qms: Record<UnitRelation, number>;
  /** A section of each agency where no subject works: the owner unit of every nonconformity. */
  section: Record<UnitRelation, number>;
  /** An officer of that section: the lead of every audit. */
  auditLead: Record<UnitRelation, number>;
  /** The QMS's kept process, linked to the catalogue's procedure 1.001193. */
  process: Record<UnitRelation, number>;
  unique(): number;
  /** A unit (not a section) under the relation's unit with no QMS yet. */
  freshAgency(r: UnitRelation): Promise<number>;
  system(r: UnitRelation): Promise<Rec>;
  /** The QMS with a policy text not approved yet (a new text is written when the last one was approved). */
  pendingPolicy(r: UnitRelation): Promise<Rec>;
  objective(r: UnitRelation): Promise<Rec>;
  processRec(r: UnitRelation): Promise<Rec>;
  /** The kept process document, its first issue approved. */
  keptDocument(r: UnitRelation): Promise<number>;
  /** A document with an approved issue and no draft: a new issue may be drafted. */
  issuedDocument(r: UnitRelation): Promise<number>;
  /** An issue of a document: a draft (to approve), or one not withdrawn (to withdraw). */
  documentVersion(r: UnitRelation, want: 'draft' | 'live'): Promise<Rec>;
  /** An audit in progress kept per relation (its checklist and findings grow). */
  keptAudit(r: UnitRelation): Promise<Rec>;
  audit(r: UnitRelation, status: 'planned' | 'in_progress'): Promise<Rec>;
  /** An open nonconformity made with the QMS, kept per relation. */
  keptNonconformity(r: UnitRelation): Promise<number>;
  /** A nonconformity in `status`, with the seq of an action not done yet (action_planned). */
  nonconformity(r: UnitRelation, status: NcStatus): Promise<Rec & { seq: number }>;
  /** The key of a proposal still proposed in the relation's QMS (over a period of its own). */
  proposal(r: UnitRelation): Promise<string>;
  /** A period whose proposals are listed (the signals' quarter). */
  proposalPeriod: { from: string; to: string };
  /** A draft management review kept per relation; `assigned`: held, its decisions assigned as tasks. */
  keptReview(r: UnitRelation, state?: 'draft' | 'assigned'): Promise<Rec>;
  /** A review in `status`; a held one has a decision and is not assigned yet. */
  review(r: UnitRelation, status: 'draft' | 'held'): Promise<Rec>;
  budgetLine(r: UnitRelation): Promise<Rec>;
};

export async function qualityFixture(t: TestApp, asRoot: (req: Req) => Promise<any>, unit: Record<UnitRelation, { id: number; code: string }>): Promise<QualityFixture> {
  const { db } = t;
  let n = 0;
  let periods = 0;
  const post = (url: string, body: unknown) => asRoot({ method: 'POST', url, body });
  const put = (url: string, body: unknown) => asRoot({ method: 'PUT', url, body });

  const kept = new Map<string, unknown>();
  const once = async <T>(key: string, make: () => Promise<T>): Promise<T> => {
    if (!kept.has(key)) kept.set(key, await make());
    return kept.get(key) as T;
  };
  /** The record kept under `key` while `usable` says so, else a new one. */
  const pool = new Map<string, unknown>();
  const pooled = async <T>(key: string, usable: (v: T) => Promise<boolean>, make: () => Promise<T>): Promise<T> => {
    const v = pool.get(key) as T | undefined;
    if (v !== undefined && (await usable(v))) return v;
    const made = await make();
    pool.set(key, made);
    return made;
  };

  const agency = {} as Record<UnitRelation, number>;
  const qms = {} as Record<UnitRelation, number>;
  const section = {} as Record<UnitRelation, number>;
  const lead = {} as Record<UnitRelation, number>;
  const process = {} as Record<UnitRelation, number>;
  const keptNc = {} as Record<UnitRelation, number>;
  for (const r of UNIT_RELATIONS) {
    agency[r] = r === 'child'
      ? (await post('/api/v1/org/units', { parentId: unit.child.id, name: 'Tổ áp dụng ISO của phòng (ma trận quyền)', kind: 'office' })).id
      : unit[r].id;
    // The demo's own QMS where there is one (Sở Xây dựng's, kept by its staff: no subject is its ISO secretary).
    const existing = await db.selectFrom('qms_systems').select('id').where('agency_unit_id', '=', agency[r]).executeTakeFirst();
    qms[r] = existing?.id ?? (await post(`${Q}/systems`, { agencyUnitId: agency[r] })).id;
    section[r] = (await post('/api/v1/org/units', { parentId: agency[r], name: `Tổ khắc phục của ma trận quyền (${r})`, kind: 'section' })).id;
    lead[r] = (await post('/api/v1/org/staff', { fullName: `Đánh giá viên nội bộ ${r}`, unitId: section[r] })).id;
    process[r] = (await post(`${Q}/systems/${qms[r]}/processes`, { code: 'QT-MX-01', name: 'Quy trình đăng ký khai sinh (ma trận quyền)', kind: 'tthc', catalogProcedureCode: PROCEDURE })).id;
    keptNc[r] = (await post(`${Q}/systems/${qms[r]}/nonconformities`, { title: 'Sự không phù hợp được giữ của ma trận quyền', ownerUnitId: section[r] })).id;
    await signalsAt(agency[r]);
  }

  /**
   * The signals the proposals read come from form II.06a, and the matrix's clock stands still: a dossier
   * received through the API is received at that very instant, which a report ending "now" leaves out, and no
   * past day can be reached. So each agency's figures are written as the reports module's read model holds
   * them for a handled day of 2024 (its day and half-month rows alike): 10 dossiers of 1.001193 completed, 3
   * of them late — above the default threshold (≥ 3 and ≥ 10 %), nothing left open, far from any period
   * another row reads.
   */
  async function signalsAt(unitId: number): Promise<void> {
    const none = { recv_online: 0, recv_digitised: 0, recv_fee: 0, recv_fee_paid: 0, early: 0, withdrawn: 0, result: 0, result_digitised: 0, returned: 0, returned_fully_online: 0, d_open: 0, d_overdue: 0, d_awaiting: 0 };
    const counts = { ...none, unit_id: unitId, procedure_code: PROCEDURE, field_code: '', procedure_name: 'Đăng ký khai sinh', field_name: '', recv_direct: 10, completed: 10, on_time: 7, late: 3 };
    await db.insertInto('report_counts_day').values({ ...counts, bucket: SIGNAL_DAY }).execute();
    await db.insertInto('report_counts_half').values({ ...counts, bucket: '2024-01-15' }).execute();
  }

  const versionOf = {
    system: async (id: number) => (await db.selectFrom('qms_systems').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version,
    objective: async (id: number) => (await db.selectFrom('qms_objectives').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version,
    process: async (id: number) => (await db.selectFrom('qms_processes').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version,
    audit: async (id: number) => (await db.selectFrom('qms_audits').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version,
    review: async (id: number) => (await db.selectFrom('qms_reviews').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version,
    line: async (id: number) => (await db.selectFrom('reform_budget_lines').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version,
  };
  const docVersion = (id: number) => db.selectFrom('qms_document_versions').select(['id', 'version', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
  const ncOf = (id: number) => db.selectFrom('qms_nonconformities').select(['id', 'version', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
  const openAction = async (id: number) => (await db.selectFrom('qms_actions').select('seq').where('nc_id', '=', id).where('done_on', 'is', null).orderBy('seq').executeTakeFirst())?.seq;

  /** A form (biểu mẫu) with its first issue drafted; the issue's id and version. */
  const makeDocument = async (r: UnitRelation): Promise<{ documentId: number; issue: Rec }> => {
    const doc = await post(`${Q}/systems/${qms[r]}/documents`, { code: `BM-MX-${++n}`, title: `Biểu mẫu của ma trận quyền số ${n}`, kind: 'form', content: 'Phiếu theo dõi của ma trận quyền.' });
    const issue = doc.versions[0];
    return { documentId: doc.id, issue: { id: issue.id, version: issue.version } };
  };
  const approveIssue = (issue: Rec) => post(`${Q}/document-versions/${issue.id}/approve`, { version: issue.version });

  const makeAudit = async (r: UnitRelation, status: 'planned' | 'in_progress'): Promise<number> => {
    const audit = await post(`${Q}/systems/${qms[r]}/audits`, {
      year: YEAR, title: `Đánh giá nội bộ của ma trận quyền số ${++n}`, plannedFrom: TODAY, plannedTo: '2026-03-06', processIds: [process[r]], leadStaffId: lead[r],
    });
    if (status === 'in_progress') await post(`${Q}/audits/${audit.id}/start`, { version: audit.version });
    return audit.id;
  };

  /** Raised by hand and taken on by the root administrator (who keeps and approves for every QMS). */
  const makeNonconformity = async (r: UnitRelation, status: NcStatus): Promise<number> => {
    let nc = await post(`${Q}/systems/${qms[r]}/nonconformities`, { title: `Sự không phù hợp của ma trận quyền số ${++n}`, ownerUnitId: section[r] });
    if (status === 'open') return nc.id;
    nc = await post(`${Q}/nonconformities/${nc.id}/plan`, { version: nc.version, rootCause: 'Chưa phổ biến quy trình cho cán bộ mới.', actions: [{ text: 'Phổ biến lại quy trình.', dueOn: '2026-03-31' }] });
    if (status === 'action_planned') return nc.id;
    nc = await post(`${Q}/nonconformities/${nc.id}/actions/${nc.actions[0].seq}/done`, { version: nc.version });
    if (status === 'actions_done') return nc.id;
    nc = await post(`${Q}/nonconformities/${nc.id}/verify`, { version: nc.version, result: 'effective', note: 'Đã kiểm tra hồ sơ, cán bộ thực hiện đúng quy trình.' });
    return nc.id;
  };

  const makeReview = async (r: UnitRelation, state: 'draft' | 'held' | 'assigned'): Promise<number> => {
    let review = await post(`${Q}/systems/${qms[r]}/reviews`, { heldOn: TODAY, attendees: 'Lãnh đạo và các phòng, ban' });
    if (state === 'draft') return review.id;
    review = await put(`${Q}/reviews/${review.id}`, { version: review.version, decisions: [{ text: 'Rà soát lại các quy trình giải quyết thủ tục hành chính.', ownerUnitId: agency[r], dueOn: '2026-06-30' }] });
    review = await post(`${Q}/reviews/${review.id}/hold`, { version: review.version });
    if (state === 'held') return review.id;
    await post(`${Q}/reviews/${review.id}/assign`, { version: review.version, number: `${++n}/TB-MX` });
    return review.id;
  };

  const proposalTaken = async (qmsId: number, key: string) =>
    !!(await db.selectFrom('qms_nonconformities').select('id').where('qms_id', '=', qmsId).where('source_key', '=', key).executeTakeFirst())
    || !!(await db.selectFrom('qms_proposal_dismissals').select('qms_id').where('qms_id', '=', qmsId).where('source_key', '=', key).executeTakeFirst());

  const rec = async (id: number, version: (id: number) => Promise<number>): Promise<Rec> => ({ id, version: await version(id) });

  return {
    agency, qms, section, process, auditLead: lead,
    unique: () => ++n,
    freshAgency: (r) => pooled(`agency-${r}`, async (id: number) => !(await db.selectFrom('qms_systems').select('id').where('agency_unit_id', '=', id).executeTakeFirst()),
      async () => (await post('/api/v1/org/units', { parentId: unit[r].id, name: `Đơn vị lập hệ thống của ma trận quyền số ${++n}`, kind: 'office' })).id),
    system: (r) => rec(qms[r], versionOf.system),
    pendingPolicy: async (r) => {
      const row = await db.selectFrom('qms_systems').select(['version', 'policy_text', 'policy_approved_on']).where('id', '=', qms[r]).executeTakeFirstOrThrow();
      if (row.policy_text.trim() && row.policy_approved_on === null) return { id: qms[r], version: row.version };
      const detail = await put(`${Q}/systems/${qms[r]}`, { version: row.version, policyText: `Phục vụ nhân dân tận tình, đúng hạn (bản ${++n}).` });
      return { id: qms[r], version: detail.version };
    },
    objective: (r) => once(`objective-${r}`, async () => (await post(`${Q}/systems/${qms[r]}/objectives`, {
      year: YEAR, code: 'MT-MX', text: 'Tỷ lệ cán bộ được phổ biến quy trình', measure: 'manual', targetPercent: 90, manualNumerator: 9, manualDenominator: 10,
    })).id).then((id) => rec(id, versionOf.objective)),
    processRec: (r) => rec(process[r], versionOf.process),
    keptDocument: (r) => once(`document-${r}`, async () => {
      const doc = await post(`${Q}/systems/${qms[r]}/documents`, { code: 'QT-MX-01', title: 'Quy trình đăng ký khai sinh', kind: 'process', processId: process[r] });
      await approveIssue(doc.versions[0]);
      return doc.id as number;
    }),
    issuedDocument: (r) => pooled(`issued-${r}`, async (id: number) => !(await db.selectFrom('qms_document_versions').select('id').where('document_id', '=', id).where('status', '=', 'draft').executeTakeFirst()), async () => {
      const { documentId, issue } = await makeDocument(r);
      await approveIssue(issue);
      return documentId;
    }),
    documentVersion: async (r, want) => {
      const id = await pooled(`issue-${r}-${want}`, async (v: number) => {
        const status = (await docVersion(v)).status;
        return want === 'draft' ? status === 'draft' : status !== 'obsolete';
      }, async () => (await makeDocument(r)).issue.id);
      const v = await docVersion(id);
      return { id, version: v.version };
    },
    keptAudit: (r) => once(`audit-${r}`, () => makeAudit(r, 'in_progress')).then((id) => rec(id, versionOf.audit)),
    audit: async (r, status) => rec(await pooled(`audit-${r}-${status}`, async (id: number) => (await db.selectFrom('qms_audits').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status === status,
      () => makeAudit(r, status)), versionOf.audit),
    keptNonconformity: async (r) => keptNc[r],
    nonconformity: async (r, status) => {
      const id = await pooled(`nc-${r}-${status}`, async (v: number) => (await ncOf(v)).status === status && (status !== 'action_planned' || (await openAction(v)) !== undefined),
        () => makeNonconformity(r, status));
      return { id, version: (await ncOf(id)).version, seq: (await openAction(id)) ?? 1 };
    },
    proposal: (r) => pooled(`proposal-${r}`, async (key: string) => !(await proposalTaken(qms[r], key)), async () => {
      const to = addDays(SIGNAL_DAY, ++periods);
      const list = await asRoot({ method: 'GET', url: `${Q}/systems/${qms[r]}/proposals?from=${SIGNAL_DAY}&to=${to}` });
      const found = (list.items as { source: string; procedureCode: string; sourceKey: string }[]).find((p) => p.source === 'overdue' && p.procedureCode === PROCEDURE);
      if (!found) throw new Error(`no proposal in the QMS of ${r} over ${SIGNAL_DAY}..${to}: ${JSON.stringify(list).slice(0, 300)}`);
      return found.sourceKey;
    }),
    proposalPeriod: { from: '2024-01-01', to: '2024-03-31' },
    keptReview: (r, state = 'draft') => once(`review-${r}-${state}`, () => makeReview(r, state)).then((id) => rec(id, versionOf.review)),
    review: async (r, status) => rec(await pooled(`review-${r}-${status}`, async (id: number) => {
      const row = await db.selectFrom('qms_reviews').select(['status', 'directive_document_id']).where('id', '=', id).executeTakeFirstOrThrow();
      return row.status === status && row.directive_document_id === null;
    }, () => makeReview(r, status)), versionOf.review),
    budgetLine: (r) => once(`line-${r}`, async () => (await post('/api/v1/reform-budget/lines', {
      unitId: agency[r], year: YEAR, activityKind: 'iso', title: 'Duy trì hệ thống quản lý chất lượng theo TCVN ISO 9001:2015',
      plannedVnd: 50_000_000, allocatedVnd: 40_000_000, spentVnd: 10_000_000, allocationDecisionNo: '15/QĐ-UBND',
    })).id as number).then((id) => rec(id, versionOf.line)),
  };
}
