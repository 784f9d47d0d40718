import { can, type Actor, type Permission } from '../../src/platform/access/policy.js';
import type { Relation, Rule, Subject, Target, UnitRelation } from './access-matrix.rules.js';
import type { Req, Row } from './access-matrix.rows.js';
import { QUALITY_CASE_ROWS } from './access-matrix.rows.quality-cases.js';

const get = (url: string): Req => ({ method: 'GET', url });
const UNITS: Relation[] = ['own', 'child', 'sibling', 'other'];
const Q = '/api/v1/quality';
const today = '2026-03-02';

// Rows of the access matrix for the quality management systems (TCVN ISO 9001, issue 20; API.md, RULES.md
// "Who does what"), as quality.context.ts `accessTo` / `loadSystem` decide: a QMS, and everything in it, is
// read with qms.read at its agency (or a unit inside it), else 404; kept (scope, objectives, processes,
// document drafts, audits, nonconformities, review drafts) with qms.manage there; approved (policy, issues of
// documents, the announcement, holding a review and assigning its decisions) with qms.approve at the agency
// itself; a reader without the right gets 403. The fixture (access-matrix.quality-fixture.ts) gives each
// relation's agency a QMS made by the root administrator, with no ISO secretary, nonconformities owned by a
// section no subject works in and audits led by an officer of it: the per-person rules (secretary, owner,
// audit team) never apply to a subject. For the child relation the agency is an office under the child
// section: every subject's grant reaches it exactly as it reaches the section, the target the rule reads.
const reads: Rule = { kind: 'listAtUnit', perm: 'qms.read', ok: 200 };
const by = (perm: Permission, ok = 200): Rule => ({ kind: 'atUnit', perm, visibleWith: 'qms.read', ok });
const rel = (t: Target) => t.relation as UnitRelation;
/** The record of the relation's QMS a list row must show: set by the row's request, read by its check. */
let expectedId = 0;

/** A list across QMSs shows the relation's record exactly when the caller reads there. */
function listsWithin(items: (body: unknown) => { id: number }[]) {
  return (body: unknown, s: Subject, t: Target) => {
    const listed = items(body).some((i) => i.id === expectedId);
    if (listed !== can(s.actor as Actor, 'qms.read', t.unitId!)) throw new Error(`record ${expectedId} of ${t.relation} ${listed ? 'listed' : 'not listed'} to ${s.name}`);
  };
}

export const QUALITY_ROWS: Row[] = [
  // ---- systems, policy, people, announcements -------------------------------------------------------
  {
    op: `GET ${Q}/systems`, rule: { kind: 'signedIn', ok: 200 }, targets: UNITS,
    request: (f, _s, t) => { expectedId = f.quality.qms[rel(t)]; return get(`${Q}/systems`); },
    check: listsWithin((b) => (b as { items: { id: number }[] }).items),
  },
  {
    // Decision 19/2014 art. 4: the head sets up the agency's QMS (qms.approve at the unit itself).
    op: `POST ${Q}/systems`, rule: by('qms.approve', 201), targets: UNITS,
    request: async (f, _s, t) => ({ method: 'POST', url: `${Q}/systems`, body: { agencyUnitId: await f.quality.freshAgency(rel(t)) } }),
  },
  { op: `GET ${Q}/systems/{id}`, rule: reads, targets: UNITS, request: (f, _s, t) => get(`${Q}/systems/${f.quality.qms[rel(t)]}`) },
  {
    op: `PUT ${Q}/systems/{id}`, rule: by('qms.manage'), targets: UNITS,
    request: async (f, _s, t) => {
      const s = await f.quality.system(rel(t));
      return { method: 'PUT', url: `${Q}/systems/${s.id}`, body: { version: s.version, scopeText: `Phạm vi áp dụng: mọi thủ tục hành chính (bản ${f.quality.unique()}).` } };
    },
  },
  {
    op: `POST ${Q}/systems/{id}/policy/approve`, rule: by('qms.approve'), targets: UNITS,
    request: async (f, _s, t) => {
      const s = await f.quality.pendingPolicy(rel(t));
      return { method: 'POST', url: `${Q}/systems/${s.id}/policy/approve`, body: { version: s.version } };
    },
  },
  { op: `GET ${Q}/systems/{id}/people`, rule: reads, targets: UNITS, request: (f, _s, t) => get(`${Q}/systems/${f.quality.qms[rel(t)]}/people`) },
  { op: `GET ${Q}/systems/{id}/declarations`, rule: reads, targets: UNITS, request: (f, _s, t) => get(`${Q}/systems/${f.quality.qms[rel(t)]}/declarations`) },
  {
    op: `POST ${Q}/systems/{id}/declarations`, rule: by('qms.approve', 201), targets: UNITS,
    request: (f, _s, t) => ({ method: 'POST', url: `${Q}/systems/${f.quality.qms[rel(t)]}/declarations`, body: { decisionNo: `${f.quality.unique()}/QĐ-MX`, decisionDate: today, signerName: 'Nguyễn Văn Ký' } }),
  },

  // ---- objectives, processes -------------------------------------------------------------------------
  { op: `GET ${Q}/systems/{id}/objectives`, rule: reads, targets: UNITS, request: (f, _s, t) => get(`${Q}/systems/${f.quality.qms[rel(t)]}/objectives?year=2026`) },
  {
    op: `POST ${Q}/systems/{id}/objectives`, rule: by('qms.manage', 201), targets: UNITS,
    request: (f, _s, t) => ({ method: 'POST', url: `${Q}/systems/${f.quality.qms[rel(t)]}/objectives`, body: {
      year: 2026, code: `MT-${f.quality.unique()}`, text: 'Tỷ lệ hồ sơ được số hóa', measure: 'manual', targetPercent: 80, manualNumerator: 4, manualDenominator: 5,
    } }),
  },
  {
    op: `PUT ${Q}/objectives/{id}`, rule: by('qms.manage'), targets: UNITS,
    request: async (f, _s, t) => {
      const o = await f.quality.objective(rel(t));
      return { method: 'PUT', url: `${Q}/objectives/${o.id}`, body: { version: o.version, text: `Tỷ lệ cán bộ được phổ biến quy trình (lần ${f.quality.unique()})` } };
    },
  },
  { op: `GET ${Q}/systems/{id}/processes`, rule: reads, targets: UNITS, request: (f, _s, t) => get(`${Q}/systems/${f.quality.qms[rel(t)]}/processes`) },
  {
    op: `POST ${Q}/systems/{id}/processes`, rule: by('qms.manage', 201), targets: UNITS,
    request: (f, _s, t) => ({ method: 'POST', url: `${Q}/systems/${f.quality.qms[rel(t)]}/processes`, body: { code: `QT-HT-${f.quality.unique()}`, name: 'Quy trình kiểm soát hồ sơ', kind: 'support' } }),
  },
  {
    op: `PUT ${Q}/processes/{id}`, rule: by('qms.manage'), targets: UNITS,
    request: async (f, _s, t) => {
      const p = await f.quality.processRec(rel(t));
      return { method: 'PUT', url: `${Q}/processes/${p.id}`, body: { version: p.version, name: `Quy trình đăng ký khai sinh (lần sửa ${f.quality.unique()})` } };
    },
  },

  // ---- controlled documents ---------------------------------------------------------------------------
  { op: `GET ${Q}/systems/{id}/documents`, rule: reads, targets: UNITS, request: async (f, _s, t) => { await f.quality.keptDocument(rel(t)); return get(`${Q}/systems/${f.quality.qms[rel(t)]}/documents`); } },
  {
    op: `POST ${Q}/systems/{id}/documents`, rule: by('qms.manage', 201), targets: UNITS,
    request: (f, _s, t) => ({ method: 'POST', url: `${Q}/systems/${f.quality.qms[rel(t)]}/documents`, body: { code: `STCL-${f.quality.unique()}`, title: 'Sổ tay chất lượng', kind: 'manual', content: 'Sổ tay chất lượng của cơ quan.' } }),
  },
  { op: `GET ${Q}/documents/{id}`, rule: reads, targets: UNITS, request: async (f, _s, t) => get(`${Q}/documents/${await f.quality.keptDocument(rel(t))}`) },
  {
    op: `POST ${Q}/documents/{id}/versions`, rule: by('qms.manage', 201), targets: UNITS,
    request: async (f, _s, t) => ({ method: 'POST', url: `${Q}/documents/${await f.quality.issuedDocument(rel(t))}/versions`, body: { content: 'Phiếu theo dõi (sửa đổi).', changeLog: 'Bổ sung cột ghi chú.' } }),
  },
  {
    op: `POST ${Q}/document-versions/{id}/approve`, rule: by('qms.approve'), targets: UNITS,
    request: async (f, _s, t) => {
      const v = await f.quality.documentVersion(rel(t), 'draft');
      return { method: 'POST', url: `${Q}/document-versions/${v.id}/approve`, body: { version: v.version } };
    },
  },
  {
    op: `POST ${Q}/document-versions/{id}/obsolete`, rule: by('qms.approve'), targets: UNITS,
    request: async (f, _s, t) => {
      const v = await f.quality.documentVersion(rel(t), 'live');
      return { method: 'POST', url: `${Q}/document-versions/${v.id}/obsolete`, body: { version: v.version, reason: 'Không còn sử dụng biểu mẫu này.' } };
    },
  },

  ...QUALITY_CASE_ROWS,

  // ---- management reviews ------------------------------------------------------------------------------
  { op: `GET ${Q}/systems/{id}/reviews`, rule: reads, targets: UNITS, request: (f, _s, t) => get(`${Q}/systems/${f.quality.qms[rel(t)]}/reviews`) },
  {
    op: `POST ${Q}/systems/{id}/reviews`, rule: by('qms.manage', 201), targets: UNITS,
    request: (f, _s, t) => ({ method: 'POST', url: `${Q}/systems/${f.quality.qms[rel(t)]}/reviews`, body: { heldOn: '2026-03-20' } }),
  },
  { op: `GET ${Q}/reviews/{id}`, variant: 'draft', rule: reads, targets: UNITS, request: async (f, _s, t) => get(`${Q}/reviews/${(await f.quality.keptReview(rel(t))).id}`) },
  // Its decisions' tasks are read from the directives module as the caller: every subject who reads the QMS reads them.
  { op: `GET ${Q}/reviews/{id}`, variant: 'assigned', rule: reads, targets: UNITS, request: async (f, _s, t) => get(`${Q}/reviews/${(await f.quality.keptReview(rel(t), 'assigned')).id}`) },
  {
    op: `PUT ${Q}/reviews/{id}`, rule: by('qms.manage'), targets: UNITS,
    request: async (f, _s, t) => {
      const r = await f.quality.keptReview(rel(t));
      return { method: 'PUT', url: `${Q}/reviews/${r.id}`, body: { version: r.version, minutes: `Biên bản cuộc họp (bản ${f.quality.unique()}).` } };
    },
  },
  {
    op: `POST ${Q}/reviews/{id}/hold`, rule: by('qms.approve'), targets: UNITS,
    request: async (f, _s, t) => {
      const r = await f.quality.review(rel(t), 'draft');
      return { method: 'POST', url: `${Q}/reviews/${r.id}/hold`, body: { version: r.version } };
    },
  },
  {
    // The decisions become a steering notice registered as the caller (directive.register at the agency,
    // which every holder of qms.approve here has).
    op: `POST ${Q}/reviews/{id}/assign`, rule: by('qms.approve'), targets: UNITS,
    request: async (f, _s, t) => {
      const r = await f.quality.review(rel(t), 'held');
      return { method: 'POST', url: `${Q}/reviews/${r.id}/assign`, body: { version: r.version, number: `${f.quality.unique()}/TB-CL` } };
    },
  },
];

