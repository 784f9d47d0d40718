import { can, hasProvinceWide, type Actor } from '../../src/platform/access/policy.js';
import type { Fixture, Req, Row } from './access-matrix.rows.js';
import type { Relation, UnitRelation } from './access-matrix.rules.js';

// Rows of the access matrix for the privacy module (data-subject requests, time limits, retention).
const PRIVACY_UNITS: Relation[] = ['own', 'child', 'sibling', 'other'];
const get = (url: string): Req => ({ method: 'GET', url });

export const PRIVACY_ROWS: Row[] = [
  // ---- data-subject requests and retention (privacy module) ----------------------------------
  // A request is recorded at the caller's home unit, which privacy.manage must reach.
  {
    op: 'POST /api/v1/privacy/requests', rule: { kind: 'atHome', perm: 'privacy.manage', ok: 201 },
    request: (f) => ({ method: 'POST', url: '/api/v1/privacy/requests', body: { kind: 'correction', idNumber: f.subjectIdNumber, requesterName: 'Giàng Thị Mỷ', channel: 'letter', details: 'Sai ngày sinh', receivedAt: '2026-03-02T08:00:00+07:00' } }),
  },
  { op: 'GET /api/v1/privacy/requests', rule: { kind: 'anywhere', perms: ['privacy.manage'], ok: 200 }, request: () => get('/api/v1/privacy/requests?overdue=false') },
  // Another unit's request answers as if it did not exist (even to a reader of that unit).
  {
    op: 'GET /api/v1/privacy/requests/{id}', rule: { kind: 'atUnit', perm: 'privacy.manage', visibleWith: 'privacy.manage', ok: 200 }, targets: PRIVACY_UNITS,
    request: (f, _s, t) => get(`/api/v1/privacy/requests/${f.privacyRequestAt[t.relation as UnitRelation]}`),
  },
  {
    op: 'POST /api/v1/privacy/requests/{id}/actions', rule: { kind: 'atUnit', perm: 'privacy.manage', visibleWith: 'privacy.manage', ok: 200 }, targets: PRIVACY_UNITS,
    request: async (f, _s, t) => ({ method: 'POST', url: `/api/v1/privacy/requests/${await f.freshPrivacyRequest(t.relation as UnitRelation)}/actions`, body: { action: 'acknowledge', version: 0 } }),
  },
  // The export holds the person's dossiers that the officer preparing it may read (finding 9, fixed):
  // the subject's only dossier is the department's (`dossierAt.other`), so a commune's desk exports
  // none of it and says the export is partial; the province's administrator exports it, complete.
  {
    op: 'GET /api/v1/privacy/requests/{id}/export', rule: { kind: 'atUnit', perm: 'privacy.manage', visibleWith: 'privacy.manage', ok: 200 }, targets: PRIVACY_UNITS,
    request: (f, _s, t) => get(`/api/v1/privacy/requests/${f.privacyRequestAt[t.relation as UnitRelation]}/export`),
    check: (body, s) => {
      const b = body as { subject: { idNumber: string }; dossiers: { code: string; receivingUnitId: number; applicant: { idNumber?: string } }[]; scope: { complete: boolean } };
      const province = !!s.actor && hasProvinceWide(s.actor as Actor, 'dossier.read');
      if (b.scope.complete !== province) throw new Error(`scope.complete ${b.scope.complete}, expected ${province}`);
      if (province && !b.dossiers.some((d) => d.applicant.idNumber === b.subject.idNumber)) throw new Error('the province export lacks the subject\'s dossier');
      const unreadable = b.dossiers.filter((d) => !can(s.actor as Actor | null, 'dossier.read', d.receivingUnitId));
      if (unreadable.length) throw new Error(`exported dossiers the officer cannot read: ${unreadable.map((d) => d.code).join(', ')}`);
    },
  },
  { op: 'GET /api/v1/privacy/time-limits', rule: { kind: 'signedIn', ok: 200 }, request: () => get('/api/v1/privacy/time-limits') },
  // The province's time limits and retention periods are tied to no unit: org.manage at the province
  // (finding 10, fixed). Each row writes back the values in force, so the other rows are unaffected.
  {
    op: 'PUT /api/v1/privacy/time-limits/{kind}', rule: { kind: 'provinceWide', perm: 'org.manage', ok: 200 },
    request: async (f) => {
      const { items } = (await f.json('/api/v1/privacy/time-limits')) as { items: { kind: string; acknowledgeWorkingDays: number; resolveWorkingDays: number; basis: string }[] };
      const l = items.find((i) => i.kind === 'objection')!;
      return { method: 'PUT', url: '/api/v1/privacy/time-limits/objection', body: { acknowledgeWorkingDays: l.acknowledgeWorkingDays, resolveWorkingDays: l.resolveWorkingDays, basis: l.basis } };
    },
  },
  { op: 'GET /api/v1/privacy/retention', rule: { kind: 'anywhere', perms: ['privacy.manage', 'org.manage'], ok: 200 }, request: () => get('/api/v1/privacy/retention') },
  {
    op: 'PUT /api/v1/privacy/retention/{recordType}', rule: { kind: 'provinceWide', perm: 'org.manage', ok: 200 },
    request: async (f) => {
      const { items } = (await f.json('/api/v1/privacy/retention')) as { items: { recordType: string; months: number; basis: string | null }[] };
      const p = items.find((i) => i.recordType === 'privacy_request')!;
      return { method: 'PUT', url: '/api/v1/privacy/retention/privacy_request', body: { months: p.months, basis: p.basis } };
    },
  },
];
