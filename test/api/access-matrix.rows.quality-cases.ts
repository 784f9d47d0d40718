import { can, type Actor, type Permission } from '../../src/platform/access/policy.js';
import type { Relation, Rule, Subject, Target, UnitRelation } from './access-matrix.rules.js';
import type { Fixture, Req, Row } from './access-matrix.rows.js';

const get = (url: string): Req => ({ method: 'GET', url });
const UNITS: Relation[] = ['own', 'child', 'sibling', 'other'];
const Q = '/api/v1/quality';

// Rows of the access matrix for a QMS's internal audits, nonconformities and proposed nonconformities (issue
// 20, API.md part C), as access-matrix.rows.quality.ts says for the QMS. The audits' team is an officer of the
// fixture's section, never a subject, so a subject works an audit only by keeping the QMS (qms.manage); a
// nonconformity's owner unit is that section, so a subject plans, completes, verifies and closes only as the
// one who keeps the QMS (rules/corrective-actions.ts: `iso_secretary` for qms.manage, `head` for qms.approve
// — which comes with qms.manage in every role). Each step is tried on a record in the state it needs.
const reads: Rule = { kind: 'listAtUnit', perm: 'qms.read', ok: 200 };
const by = (perm: Permission, ok = 200): Rule => ({ kind: 'atUnit', perm, visibleWith: 'qms.read', ok });
const rel = (t: Target) => t.relation as UnitRelation;
/** The QMS whose nonconformities the list across QMSs must show: set by the row's request, read by its check. */
let expectedQms = 0;

function nonconformitiesWithin(body: unknown, s: Subject, t: Target) {
  const listed = (body as { items: { qmsId: number }[] }).items.some((i) => i.qmsId === expectedQms);
  if (listed !== can(s.actor as Actor, 'qms.read', t.unitId!)) throw new Error(`nonconformities of ${t.relation} ${listed ? 'listed' : 'not listed'} to ${s.name}`);
}

const auditStep = (method: 'POST' | 'PUT', path: string, ok: number, pick: 'kept' | 'planned' | 'in_progress', body: (f: Fixture, r: UnitRelation) => Record<string, unknown>, urlPath = path): Row => ({
  op: `${method} ${Q}/audits/{id}${path}`, rule: by('qms.manage', ok), targets: UNITS,
  request: async (f, _s, t) => {
    const a = pick === 'kept' ? await f.quality.keptAudit(rel(t)) : await f.quality.audit(rel(t), pick);
    return { method, url: `${Q}/audits/${a.id}${urlPath}`, body: { version: a.version, ...body(f, rel(t)) } };
  },
});

const ncStep = (path: string, status: 'open' | 'action_planned' | 'actions_done' | 'verified_effective', body: Record<string, unknown>): Row => ({
  op: `POST ${Q}/nonconformities/{id}${path}`, rule: by('qms.manage'), targets: UNITS,
  request: async (f, _s, t) => {
    const nc = await f.quality.nonconformity(rel(t), status);
    return { method: 'POST', url: `${Q}/nonconformities/${nc.id}${path.replace('{seq}', String(nc.seq))}`, body: { version: nc.version, ...body } };
  },
});

export const QUALITY_CASE_ROWS: Row[] = [
  // ---- internal audits: planned, worked and reported by who keeps the QMS (or the audit's team) -----------
  { op: `GET ${Q}/systems/{id}/audits`, rule: reads, targets: UNITS, request: (f, _s, t) => get(`${Q}/systems/${f.quality.qms[rel(t)]}/audits?year=2026`) },
  {
    op: `POST ${Q}/systems/{id}/audits`, rule: by('qms.manage', 201), targets: UNITS,
    request: (f, _s, t) => ({ method: 'POST', url: `${Q}/systems/${f.quality.qms[rel(t)]}/audits`, body: {
      year: 2026, title: 'Đánh giá nội bộ quý I', plannedFrom: '2026-03-09', plannedTo: '2026-03-13', processIds: [f.quality.process[rel(t)]], leadStaffId: f.quality.auditLead[rel(t)],
    } }),
  },
  { op: `GET ${Q}/audits/{id}`, rule: reads, targets: UNITS, request: async (f, _s, t) => get(`${Q}/audits/${(await f.quality.keptAudit(rel(t))).id}`) },
  auditStep('POST', '/start', 200, 'planned', () => ({})),
  auditStep('POST', '/items', 200, 'kept', () => ({ question: 'Hồ sơ có được ghi sổ theo dõi đầy đủ không?', clause: '7.5.3' })),
  auditStep('PUT', '/items/{seq}', 200, 'kept', () => ({ result: 'conform', evidenceNote: 'Đã xem sổ theo dõi hồ sơ.' }), '/items/1'),
  // A nonconformity finding opens a nonconformity of the section in the same transaction.
  auditStep('POST', '/findings', 201, 'kept', (f, r) => ({ kind: 'nonconformity', description: 'Phiếu kiểm soát không ghi ngày chuyển.', ownerUnitId: f.quality.section[r] })),
  auditStep('POST', '/report', 200, 'in_progress', () => ({ summary: 'Hệ thống được duy trì; một điểm không phù hợp.' })),

  // ---- nonconformities ------------------------------------------------------------------------------------
  { op: `GET ${Q}/systems/{id}/nonconformities`, rule: reads, targets: UNITS, request: (f, _s, t) => get(`${Q}/systems/${f.quality.qms[rel(t)]}/nonconformities`) },
  {
    op: `POST ${Q}/systems/{id}/nonconformities`, rule: by('qms.manage', 201), targets: UNITS,
    request: (f, _s, t) => ({ method: 'POST', url: `${Q}/systems/${f.quality.qms[rel(t)]}/nonconformities`, body: { title: 'Trả kết quả không đúng hẹn', ownerUnitId: f.quality.section[rel(t)] } }),
  },
  {
    // Across every QMS the caller reads: the relation's QMS is in it exactly when qms.read reaches there.
    op: `GET ${Q}/nonconformities`, rule: { kind: 'signedIn', ok: 200 }, targets: UNITS,
    request: (f, _s, t) => { expectedQms = f.quality.qms[rel(t)]; return get(`${Q}/nonconformities`); },
    check: nonconformitiesWithin,
  },
  { op: `GET ${Q}/nonconformities/{id}`, rule: reads, targets: UNITS, request: async (f, _s, t) => get(`${Q}/nonconformities/${await f.quality.keptNonconformity(rel(t))}`) },
  ncStep('/plan', 'open', { rootCause: 'Cán bộ mới chưa nắm quy trình.', actions: [{ text: 'Tập huấn lại quy trình.', dueOn: '2026-03-31' }] }),
  ncStep('/actions/{seq}/done', 'action_planned', { note: 'Đã tập huấn.' }),
  ncStep('/verify', 'actions_done', { result: 'effective', note: 'Kiểm tra lại hồ sơ: đã thực hiện đúng.' }),
  ncStep('/close', 'verified_effective', {}),

  // ---- proposed nonconformities: read, opened and dismissed by who keeps the QMS ------------------------------
  {
    op: `GET ${Q}/systems/{id}/proposals`, rule: by('qms.manage'), targets: UNITS,
    request: (f, _s, t) => get(`${Q}/systems/${f.quality.qms[rel(t)]}/proposals?from=${f.quality.proposalPeriod.from}&to=${f.quality.proposalPeriod.to}`),
  },
  {
    op: `POST ${Q}/systems/{id}/proposals/accept`, rule: by('qms.manage', 201), targets: UNITS,
    request: async (f, _s, t) => ({ method: 'POST', url: `${Q}/systems/${f.quality.qms[rel(t)]}/proposals/accept`, body: { sourceKey: await f.quality.proposal(rel(t)), ownerUnitId: f.quality.section[rel(t)] } }),
  },
  {
    op: `POST ${Q}/systems/{id}/proposals/dismiss`, rule: by('qms.manage', 204), targets: UNITS,
    request: async (f, _s, t) => ({ method: 'POST', url: `${Q}/systems/${f.quality.qms[rel(t)]}/proposals/dismiss`, body: { sourceKey: await f.quality.proposal(rel(t)), reason: 'Đã có văn bản xin lỗi và gia hạn cho từng hồ sơ.' } }),
  },
];
