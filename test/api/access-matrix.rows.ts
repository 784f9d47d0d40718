/**
 * One row per operation of the OpenAPI document: the rule its answer follows (access-matrix.rules.ts),
 * the targets it is tried on, and how to build a VALID request, so that an allowed subject gets the
 * exact success code. The suite fails when an operation has no row or a row names no operation.
 * Rows marked FINDING encode today's behaviour where it departs from what the policy table implies;
 * docs/security-notes/matrix.md lists them.
 */
import { procedureInput } from '../../src/modules/catalog/testing.js';
import type { Actor } from '../../src/platform/access/policy.js';
import { PAYMENT_ROWS } from './access-matrix.rows.payments.js';
import { PRIVACY_ROWS } from './access-matrix.rows.privacy.js';
import { CITIZEN_ROWS } from './access-matrix.rows.citizens.js';
import { FEEDBACK_ROWS } from './access-matrix.rows.feedback.js';
import { OPEN311_ROWS } from './access-matrix.rows.open311.js';
import type { Open311Fixture } from './access-matrix.open311-fixture.js';
import type { FeedbackFixture } from './access-matrix.feedback-fixture.js';
import { SATISFACTION_ROWS } from './access-matrix.rows.satisfaction.js';
import { REPORT_ROWS } from './access-matrix.rows.reports.js';
import { MANAGEMENT_ROWS, RECORDS_ROWS } from './access-matrix.rows.management.js';
import { AUDIT_FILE_NOTIFY_ROWS, CALENDAR_ROWS } from './access-matrix.rows.platform.js';
import type { CitizenFixture } from './access-matrix.citizen-fixture.js';
import { worksOn, type Relation, type Rule, type Subject, type Target, type UnitRelation } from './access-matrix.rules.js';

export type Req = { method: string; url: string; body?: unknown; headers?: Record<string, string>; raw?: Buffer };

/** What the suite's setup offers a row: ids of fixture records per relation and helpers that make fresh ones. */
export type Fixture = {
  unit: Record<UnitRelation, { id: number; code: string }>;
  staffAt: Record<UnitRelation, number>;
  positionAt: Record<UnitRelation, number>;
  publicStaffId: string;
  publicStaffWithPhoto: string;
  dossierAt: Record<'child' | 'sibling' | 'other', string>;
  /** The key of the scan attached at intake to the first document of each `dossierAt` dossier. */
  scanAt: Record<'child' | 'sibling' | 'other', string>;
  messageAt: Record<UnitRelation | 'unitless', string>;
  /** The subject's own unread notification and someone else's. */
  notificationOf(s: Subject, relation: 'self' | 'another'): Promise<string>;
  unique(prefix: string): string;
  /** A catalogue code nobody uses yet (1.97xxxx). */
  procedureCode(): string;
  /** A two-digit suffix for a new unit code under a relation's unit. */
  unitSuffix(): string;
  /** The current version of a record, read (as the root administrator) right before the request. */
  version(url: string): Promise<number>;
  json(url: string): Promise<unknown>;
  positionVersion(id: number): Promise<number>;
  template(): Promise<{ key: string; version: number; subject: string | null; body: string; sms: string | null }>;
  lookupKey(code: string): Promise<string>;
  catalogDraft(): Promise<string>;
  /** A new agency alias (directives), made by the root administrator; its id. */
  directiveAlias(): Promise<number>;
  /**
   * A fresh steering document tracked by the relation's unit with one task led by it (made by the root
   * administrator); the task has a progress report with the stored scan `file`, and the document a
   * reporting period. One per relation is kept for the rows that only read; `fresh` makes a new one.
   */
  directiveAt(relation: UnitRelation, fresh?: boolean): Promise<{ documentId: number; taskId: number; periodId: number; file: string }>;
  catalogPublished(): Promise<string>;
  /** A dossier of each relation's desk awaiting payment of a fee (status 6): a payment link can be started for it any number of times. */
  awaitingPaymentAt: Record<'child' | 'sibling' | 'other', string>;
  /** A dossier freshly received at the relation's desk, in the state an action needs. */
  freshDossier(relation: 'child' | 'sibling' | 'other'): Promise<string>;
  /** A fresh dossier its receiving officer has handed to the next step, where nobody holds it yet. */
  handedOverDossier(relation: 'child' | 'sibling' | 'other'): Promise<string>;
  staffAtHolder(code: string): Promise<number>;
  noticeToWithdraw(): Promise<number>;
  failedMessage(relation: UnitRelation | 'unitless'): Promise<string>;
  multipart(filename: string, content: Buffer | string, type?: string): { raw: Buffer; headers: Record<string, string> };
  pdf: Buffer;
  png: Buffer;
  /** The ID number of the data subject: the applicant of `dossierAt.other` and of every privacy request below. */
  subjectIdNumber: string;
  /** An access request of the data subject held by each unit relation (stays `received`). */
  privacyRequestAt: Record<UnitRelation, number>;
  /** A fresh access request held by the relation's unit (for an action that changes it). */
  freshPrivacyRequest(relation: UnitRelation): Promise<number>;
  auditCount(action: string, entityId: string): Promise<number>;
  credentials(s: Subject): { username: string; password: string };
  /** The matrix citizen's profile version (for an edit that must not be stale). */
  citizenVersion(): Promise<number>;
  /** Online-service records of the matrix citizen and of another citizen (access-matrix.citizen-fixture.ts). */
  citizen: CitizenFixture;
  /** Feedback items per relation, fresh ones, a published one, citizens' own (access-matrix.feedback-fixture.ts). */
  feedback: FeedbackFixture;
  /** Open311 applications (access-matrix.open311-fixture.ts). */
  open311: Open311Fixture;
  par: import('./access-matrix.par-fixture.js').ParFixture; // PAR rounds with a sheet at each relation's unit
  personnel: import('./access-matrix.personnel-fixture.js').PersonnelFixture; // schemes, records and sheets at each relation's unit
  inspection: import('./access-matrix.inspection-fixture.js').InspectionFixture; // complaint, denunciation and discipline cases at each relation's unit
  registry: import('./access-matrix.registry-fixture.js').RegistryFixture; // documents, files and disposal lists at each relation's unit (an agency)
  quality: import('./access-matrix.quality-fixture.js').QualityFixture; // a QMS and reform budget lines at each relation's agency
  procedureReview: import('./access-matrix.procedure-review-fixture.js').ProcedureReviewFixture; // a review, a plan and a review plan per relation
  newPassword(s: Subject): string;
  /** A kiosk rating code of a dossier received at the child unit's desk: `fresh` for a new dossier, else the same one each time. */
  ratingCode(fresh: boolean): Promise<string>;
};

export type Row = {
  op: string;
  rule: Rule;
  /** Unit relations by default for atUnit-like rules; a single null target otherwise. */
  targets?: Relation[];
  /** Ends the session it is sent with (sign-out, password change): sent with a fresh one. */
  selfDestructive?: boolean;
  /** Several assertions on one operation (e.g. each dossier action) get a label. */
  variant?: string;
  request(f: Fixture, s: Subject, t: Target): Promise<Req> | Req;
  /** An extra check on a 200 (the import rule: imported only within reach). */
  check?: (body: unknown, s: Subject, t: Target) => void;
  /** Run after an expected success (e.g. the audit row a view with a reason leaves). */
  after?: (f: Fixture, s: Subject, t: Target) => Promise<void>;
};

const UNITS: Relation[] = ['own', 'child', 'sibling', 'other'];
const DOSSIERS: Relation[] = ['child', 'sibling', 'other'];
const get = (url: string): Req => ({ method: 'GET', url });
const today = '2026-03-02';
const REASON = 'Kiểm tra theo kế hoạch thanh tra năm 2026';
/** The count of `personal_data.viewed` rows of the dossier read last, taken right before the request. */
let viewsBefore = 0;

const dossierActionBody = async (f: Fixture, code: string, action: string): Promise<Record<string, unknown>> => {
  const version = await f.version(`/api/v1/dossiers/${code}`);
  if (action === 'assign') return { action, version, staffId: await f.staffAtHolder(code) };
  if (action === 'withdraw') return { action, version, reason: 'Công dân xin rút hồ sơ' };
  if (action === 'stop') return { action, version, reason: 'Dừng xử lý để kiểm tra' };
  return { action, version };
};

export const ROWS: Row[] = [
  // ---- health and auth -----------------------------------------------------------------------
  { op: 'GET /health', rule: { kind: 'public', ok: 200 }, request: () => get('/health') },
  {
    // Anyone may sign in: each subject with its own account (the anonymous one with a spare account).
    // Signing in ends the session the request came with (session fixation), so a fresh one is used.
    op: 'POST /api/v1/auth/login', rule: { kind: 'public', ok: 200 }, selfDestructive: true,
    request: (f, s) => ({ method: 'POST', url: '/api/v1/auth/login', body: f.credentials(s) }),
  },
  { op: 'POST /api/v1/auth/logout', rule: { kind: 'public', ok: 204 }, selfDestructive: true, request: () => ({ method: 'POST', url: '/api/v1/auth/logout' }) },
  { op: 'GET /api/v1/auth/me', rule: { kind: 'signedIn', ok: 200 }, request: () => get('/api/v1/auth/me') },
  // Ending every session of a staff member: staff.manage at their unit (the fixture staff have no account: ended 0).
  {
    op: 'POST /api/v1/auth/staff/{staffId}/revoke-sessions', rule: { kind: 'atUnit', perm: 'staff.manage', visibleWith: 'staff.read', ok: 200 }, targets: UNITS,
    request: (f, _s, t) => ({ method: 'POST', url: `/api/v1/auth/staff/${f.staffAt[t.relation as UnitRelation]}/revoke-sessions` }),
  },
  {
    op: 'POST /api/v1/auth/password', rule: { kind: 'signedIn', ok: 204 }, selfDestructive: true,
    request: (f, s) => ({ method: 'POST', url: '/api/v1/auth/password', body: { currentPassword: f.credentials(s).password, newPassword: f.newPassword(s) } }),
  },

  // ---- public portal -------------------------------------------------------------------------
  { op: 'GET /api/v1/public/site', rule: { kind: 'public', ok: 200 }, request: () => get('/api/v1/public/site') },
  { op: 'GET /api/v1/public/agencies', rule: { kind: 'public', ok: 200 }, request: () => get('/api/v1/public/agencies') },
  { op: 'GET /api/v1/public/staff/{publicId}', rule: { kind: 'public', ok: 200 }, request: (f) => get(`/api/v1/public/staff/${f.publicStaffId}`) },
  { op: 'GET /api/v1/public/staff/{publicId}/photo', rule: { kind: 'public', ok: 200 }, request: (f) => get(`/api/v1/public/staff/${f.publicStaffWithPhoto}/photo`) },
  {
    op: 'GET /api/v1/public/dossiers/{code}', rule: { kind: 'public', ok: 200 },
    request: async (f) => {
      const code = f.dossierAt.child;
      return get(`/api/v1/public/dossiers/${code}?key=${await f.lookupKey(code)}`);
    },
  },
  { op: 'GET /api/v1/calendar/years/{year}', rule: { kind: 'public', ok: 200 }, request: () => get('/api/v1/calendar/years/2026') },
  { op: 'GET /api/v1/calendar/deadline', rule: { kind: 'public', ok: 200 }, request: () => get('/api/v1/calendar/deadline?from=2026-03-02T09:00:00%2B07:00&amount=3&unit=working_days') },
  { op: 'GET /api/v1/calendar/lunar', rule: { kind: 'public', ok: 200 }, request: () => get('/api/v1/calendar/lunar?date=2026-03-02') },
  { op: 'GET /api/v1/calendar/solar', rule: { kind: 'public', ok: 200 }, request: () => get('/api/v1/calendar/solar?lunar=1-1-2026') },
  { op: 'GET /api/v1/calendar/hours', rule: { kind: 'public', ok: 200 }, request: () => get('/api/v1/calendar/hours') },
  { op: 'GET /api/v1/procedures', rule: { kind: 'public', ok: 200 }, request: () => get('/api/v1/procedures?q=khai%20sinh') },
  { op: 'GET /api/v1/procedures/fields', rule: { kind: 'public', ok: 200 }, request: () => get('/api/v1/procedures/fields') },
  { op: 'GET /api/v1/procedures/agencies', rule: { kind: 'public', ok: 200 }, request: () => get('/api/v1/procedures/agencies') },
  { op: 'GET /api/v1/procedures/{code}', rule: { kind: 'public', ok: 200 }, request: () => get('/api/v1/procedures/1.001193') },
  { op: 'GET /api/v1/procedures/{code}/versions', rule: { kind: 'public', ok: 200 }, request: () => get('/api/v1/procedures/1.001193/versions') },
  { op: 'GET /api/v1/procedures/{code}/versions/{n}', rule: { kind: 'public', ok: 200 }, variant: 'published', request: () => get('/api/v1/procedures/1.001193/versions/1') },
  { op: 'GET /api/v1/procedures/{code}/versions/{n}', rule: { kind: 'draftVersion', ok: 200 }, variant: 'draft', request: async (f) => get(`/api/v1/procedures/${await f.catalogDraft()}/versions/1`) },
  {
    op: 'GET /api/v1/procedures/{code}/diff', rule: { kind: 'public', ok: 200 },
    request: async (f) => get(`/api/v1/procedures/${await f.catalogPublished()}/diff?from=1&to=1`),
  },
  { op: 'GET /api/v1/procedures/{code}/forms/{file}', rule: { kind: 'public', ok: 200 }, request: () => get('/api/v1/procedures/1.001193/forms/to-khai-dang-ky-khai-sinh.docx') },
  { op: 'GET /api/v1/procedures/{code}/posting-sheet.pdf', rule: { kind: 'public', ok: 200 }, request: () => get('/api/v1/procedures/1.001193/posting-sheet.pdf') },

  ...CALENDAR_ROWS,

  // ---- catalogue administration: catalog.manage at a root -----------------------------------
  { op: 'GET /api/v1/admin/procedures', rule: { kind: 'rootOnly', perm: 'catalog.manage', ok: 200 }, request: () => get('/api/v1/admin/procedures') },
  {
    op: 'POST /api/v1/admin/procedures', rule: { kind: 'rootOnly', perm: 'catalog.manage', ok: 201 },
    request: (f) => ({ method: 'POST', url: '/api/v1/admin/procedures', body: procedureBody(f.procedureCode()) }),
  },
  {
    op: 'POST /api/v1/admin/procedures/{code}/versions', rule: { kind: 'rootOnly', perm: 'catalog.manage', ok: 201 },
    request: async (f) => ({ method: 'POST', url: `/api/v1/admin/procedures/${await f.catalogPublished()}/versions`, body: { from: 1, changeNote: 'Sửa đổi thử' } }),
  },
  {
    op: 'PUT /api/v1/admin/procedures/{code}/versions/{n}', rule: { kind: 'rootOnly', perm: 'catalog.manage', ok: 200 },
    request: async (f) => {
      const code = await f.catalogDraft();
      return { method: 'PUT', url: `/api/v1/admin/procedures/${code}/versions/1`, body: { ...procedureBody(code), name: 'Thủ tục thử (đã sửa)', revision: 0 } };
    },
  },
  {
    op: 'DELETE /api/v1/admin/procedures/{code}/versions/{n}', rule: { kind: 'rootOnly', perm: 'catalog.manage', ok: 204 },
    request: async (f) => ({ method: 'DELETE', url: `/api/v1/admin/procedures/${await f.catalogDraft()}/versions/1?revision=0` }),
  },
  {
    op: 'POST /api/v1/admin/procedures/{code}/versions/{n}/actions', rule: { kind: 'rootOnly', perm: 'catalog.manage', ok: 200 },
    request: async (f) => ({
      method: 'POST', url: `/api/v1/admin/procedures/${await f.catalogDraft()}/versions/1/actions`,
      body: { action: 'publish', decision: { number: '101/QĐ-UBND', date: '2025-12-20', signer: 'Nguyễn Văn Ký', title: 'Công bố thủ tục hành chính' }, effectiveFrom: '2026-01-01', revision: 0 },
    }),
  },
  {
    op: 'PUT /api/v1/admin/procedures/{code}/forms/{file}', rule: { kind: 'rootOnly', perm: 'catalog.manage', ok: 200 },
    request: (f) => ({ method: 'PUT', url: `/api/v1/admin/procedures/1.001193/forms/${f.unique('mau')}.pdf`, ...f.multipart('a.pdf', f.pdf, 'application/pdf') }),
  },
  ...['/api/v1/admin/import/procedures', '/api/v1/procedures/import'].map((path): Row => ({
    op: `POST ${path}`, rule: { kind: 'rootOnly', perm: 'catalog.manage', ok: 200 },
    request: async (f) => {
      const code = f.procedureCode();
      return { method: 'POST', url: path, body: { format: 'motcua.catalog/v1', procedures: [{ ...procedureBody(code), version: { number: 1, status: 'draft' } }] } };
    },
  })),
  { op: 'GET /api/v1/admin/export/procedures.json', rule: { kind: 'rootOnly', perm: 'catalog.manage', ok: 200 }, request: () => get('/api/v1/admin/export/procedures.json') },
  { op: 'GET /api/v1/admin/export/procedures.xlsx', rule: { kind: 'rootOnly', perm: 'catalog.manage', ok: 200 }, request: () => get('/api/v1/admin/export/procedures.xlsx') },
  { op: 'GET /api/v1/admin/import/procedures/template.xlsx', rule: { kind: 'rootOnly', perm: 'catalog.manage', ok: 200 }, request: () => get('/api/v1/admin/import/procedures/template.xlsx') },

  // ---- org: units, staff, positions ----------------------------------------------------------
  { op: 'GET /api/v1/org/units', rule: { kind: 'signedIn', ok: 200 }, request: () => get('/api/v1/org/units') },
  { op: 'GET /api/v1/org/units/{id}', rule: { kind: 'atUnit', perm: 'org.read', visibleWith: 'org.read', ok: 200 }, targets: UNITS, request: (_f, _s, t) => get(`/api/v1/org/units/${t.unitId}`) },
  {
    op: 'POST /api/v1/org/units', rule: { kind: 'atUnit', perm: 'org.manage', visibleWith: 'org.read', ok: 201 }, targets: UNITS,
    request: (f, _s, t) => ({ method: 'POST', url: '/api/v1/org/units', body: { parentId: t.unitId, name: f.unique('Tổ thử'), kind: 'section' } }),
  },
  {
    op: 'PATCH /api/v1/org/units/{id}', rule: { kind: 'atUnit', perm: 'org.manage', visibleWith: 'org.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => ({ method: 'PATCH', url: `/api/v1/org/units/${t.unitId}`, body: { version: await f.version(`/api/v1/org/units/${t.unitId}`), phone: '0213 3876 543' } }),
  },
  { op: 'GET /api/v1/org/staff', rule: { kind: 'listAtUnit', perm: 'staff.read', ok: 200 }, targets: UNITS, request: (_f, _s, t) => get(`/api/v1/org/staff?unitId=${t.unitId}`) },
  { op: 'GET /api/v1/org/staff/{id}', rule: { kind: 'atUnit', perm: 'staff.read', visibleWith: 'staff.read', ok: 200 }, targets: UNITS, request: (f, _s, t) => get(`/api/v1/org/staff/${f.staffAt[t.relation as UnitRelation]}`) },
  {
    op: 'POST /api/v1/org/staff', rule: { kind: 'atUnit', perm: 'staff.manage', visibleWith: 'staff.read', ok: 201 }, targets: UNITS,
    request: (f, _s, t) => ({ method: 'POST', url: '/api/v1/org/staff', body: { fullName: f.unique('Cán bộ thử'), unitId: t.unitId } }),
  },
  {
    op: 'PATCH /api/v1/org/staff/{id}', rule: { kind: 'atUnit', perm: 'staff.manage', visibleWith: 'staff.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => {
      const id = f.staffAt[t.relation as UnitRelation];
      return { method: 'PATCH', url: `/api/v1/org/staff/${id}`, body: { version: await f.version(`/api/v1/org/staff/${id}`), position: f.unique('Chuyên viên') } };
    },
  },
  {
    op: 'PUT /api/v1/org/staff/{id}/photo', rule: { kind: 'atUnit', perm: 'staff.manage', visibleWith: 'staff.read', ok: 200, gate: ['staff.manage'] }, targets: UNITS,
    request: (f, _s, t) => ({ method: 'PUT', url: `/api/v1/org/staff/${f.staffAt[t.relation as UnitRelation]}/photo`, ...f.multipart('anh.png', f.png, 'image/png') }),
  },
  ...['badges.pdf', 'nameplates.pdf'].map((name): Row => ({
    // A sheet of people outside reach answers as if they did not exist.
    op: `GET /api/v1/org/${name}`, rule: { kind: 'atUnit', perm: 'staff.read', visibleWith: 'staff.read', ok: 200 }, targets: UNITS,
    request: (f, _s, t) => get(`/api/v1/org/${name}?staffIds=${f.staffAt[t.relation as UnitRelation]}`),
  })),
  // Lists are filtered to reach; a unit outside it yields an empty list, not an error.
  { op: 'GET /api/v1/org/positions', rule: { kind: 'signedIn', ok: 200 }, targets: UNITS, request: (_f, _s, t) => get(`/api/v1/org/positions?unitId=${t.unitId}`) },
  {
    op: 'POST /api/v1/org/positions', rule: { kind: 'atUnit', perm: 'org.manage', visibleWith: 'org.read', ok: 201 }, targets: UNITS,
    request: (f, _s, t) => ({ method: 'POST', url: '/api/v1/org/positions', body: { unitId: t.unitId, code: f.unique('VT'), name: 'Vị trí thử', quota: 1 } }),
  },
  {
    op: 'PATCH /api/v1/org/positions/{id}', rule: { kind: 'atUnit', perm: 'org.manage', visibleWith: 'org.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => {
      const id = f.positionAt[t.relation as UnitRelation];
      return { method: 'PATCH', url: `/api/v1/org/positions/${id}`, body: { version: await f.positionVersion(id), quota: 2 } };
    },
  },
  {
    op: 'POST /api/v1/org/import/units', rule: { kind: 'importAtUnit', perm: 'org.manage', gate: ['org.manage'] }, targets: UNITS,
    request: (f, _s, t) => {
      const code = `${t.unit!.code}.${f.unitSuffix()}`;
      return { method: 'POST', url: '/api/v1/org/import/units', ...f.multipart('don-vi.csv', `ma_dinh_danh,ten,loai,ma_don_vi_cha\n${code},Tổ nhập thử,section,${t.unit!.code}\n`, 'text/csv') };
    },
    check: importedWithin('org.manage'),
  },
  {
    op: 'POST /api/v1/org/import/staff', rule: { kind: 'importAtUnit', perm: 'staff.manage', gate: ['staff.manage'] }, targets: UNITS,
    request: (f, _s, t) => ({ method: 'POST', url: '/api/v1/org/import/staff', ...f.multipart('can-bo.csv', `ho_ten,don_vi\n${f.unique('Cán bộ nhập')},${t.unit!.code}\n`, 'text/csv') }),
    check: importedWithin('staff.manage'),
  },
  ...(['units', 'staff'] as const).flatMap((kind): Row[] => ['columns', 'template.xlsx', 'template.csv'].map((what) => ({
    op: `GET /api/v1/org/import/${kind}/${what}`, rule: { kind: 'signedIn', ok: 200 }, request: () => get(`/api/v1/org/import/${kind}/${what}`),
  }))),

  ...AUDIT_FILE_NOTIFY_ROWS,

  // ---- dossiers ------------------------------------------------------------------------------
  {
    op: 'POST /api/v1/dossiers', rule: { kind: 'atHome', perm: 'dossier.receive', ok: 201 },
    request: (f) => ({
      method: 'POST', url: '/api/v1/dossiers',
      body: { procedureCode: '1.001193', competentUnitId: f.unit.own.id, channel: 'desk', resultDelivery: 'desk', idempotencyKey: f.unique('matrix-intake'), applicant: { kind: 'citizen', fullName: 'Lò Thị Hương', idNumber: '012345678901', phone: '0912345678' } },
    }),
  },
  { op: 'GET /api/v1/dossiers', rule: { kind: 'signedIn', ok: 200 }, request: () => get('/api/v1/dossiers?queue=all_open') },
  // A search by ID number or phone reads personal data: a reason from everyone (Decree 356/2025).
  {
    op: 'GET /api/v1/dossiers', variant: 'ID number search with a reason', rule: { kind: 'signedIn', ok: 200 },
    request: (f) => get(`/api/v1/dossiers?queue=all_open&q=${f.subjectIdNumber}&reason=${encodeURIComponent(REASON)}`),
  },
  {
    op: 'GET /api/v1/dossiers', variant: 'phone search with the reason in X-Access-Reason', rule: { kind: 'signedIn', ok: 200 },
    request: () => ({ method: 'GET', url: '/api/v1/dossiers?queue=all_open&q=0912345678', headers: { 'x-access-reason': encodeURIComponent(REASON) } }),
  },
  // FINDING (minor): the reason is checked before the sign-in, so an anonymous caller gets 403, not 401.
  { op: 'GET /api/v1/dossiers', variant: 'ID number search without a reason', rule: { kind: 'public', ok: 403 }, request: (f) => get(`/api/v1/dossiers?queue=all_open&q=${f.subjectIdNumber}`) },
  { op: 'GET /api/v1/dossiers/counts', rule: { kind: 'signedIn', ok: 200 }, request: () => get('/api/v1/dossiers/counts') },
  // FINDING: an anonymous caller gets 404, not 401 (the dossier service checks readability only).
  // Outside the dossier's own workflow (not its desk, holder, assignee, nor anyone who acted on it) a
  // reader states a reason: with one, 200 and a `personal_data.viewed` row (none for those working on
  // it); without one, 403 PERSONAL_DATA_REASON_REQUIRED (the auditor, a head or admin above, ...).
  ...([['reason', 'reason in the query'], ['header', 'reason in X-Access-Reason']] as const).map(([how, variant]): Row => ({
    op: 'GET /api/v1/dossiers/{code}', variant, rule: { kind: 'dossierRead', ok: 200, anonymous: 404 }, targets: DOSSIERS,
    request: async (f, _s, t) => {
      const code = f.dossierAt[t.relation as 'child'];
      viewsBefore = await f.auditCount('personal_data.viewed', code);
      return how === 'reason'
        ? get(`/api/v1/dossiers/${code}?reason=${encodeURIComponent(REASON)}`)
        : { method: 'GET', url: `/api/v1/dossiers/${code}`, headers: { 'x-access-reason': encodeURIComponent(REASON) } };
    },
    after: async (f, s, t) => {
      const logged = (await f.auditCount('personal_data.viewed', f.dossierAt[t.relation as 'child'])) - viewsBefore;
      const want = worksOn(s.actor as Actor, t) ? 0 : 1;
      if (logged !== want) throw new Error(`${logged} personal_data.viewed rows written, expected ${want}`);
    },
  })),
  {
    op: 'GET /api/v1/dossiers/{code}', variant: 'no reason', rule: { kind: 'dossierRead', ok: 200, anonymous: 404, withoutReason: true }, targets: DOSSIERS,
    request: (f, _s, t) => get(`/api/v1/dossiers/${f.dossierAt[t.relation as 'child']}`),
  },
  // A dossier's file reads like the dossier: readable → 200 (outside one's own work, with a logged
  // reason), else 404; without a reason, 403 to a reader outside the workflow.
  {
    op: 'GET /api/v1/dossiers/{code}/files/{key}', variant: 'reason in the query', rule: { kind: 'dossierRead', ok: 200, anonymous: 404 }, targets: DOSSIERS,
    request: (f, _s, t) => get(`/api/v1/dossiers/${f.dossierAt[t.relation as 'child']}/files/${f.scanAt[t.relation as 'child']}?reason=${encodeURIComponent(REASON)}`),
  },
  {
    op: 'GET /api/v1/dossiers/{code}/files/{key}', variant: 'no reason', rule: { kind: 'dossierRead', ok: 200, anonymous: 404, withoutReason: true }, targets: DOSSIERS,
    request: (f, _s, t) => get(`/api/v1/dossiers/${f.dossierAt[t.relation as 'child']}/files/${f.scanAt[t.relation as 'child']}`),
  },
  { op: 'GET /api/v1/dossiers/{code}/verify', rule: { kind: 'dossierRead', ok: 200, anonymous: 404 }, targets: DOSSIERS, request: (f, _s, t) => get(`/api/v1/dossiers/${f.dossierAt[t.relation as 'child']}/verify`) },
  { op: 'GET /api/v1/dossiers/{code}/slips/{form}.pdf', rule: { kind: 'dossierRead', ok: 200, anonymous: 401 }, targets: DOSSIERS, request: (f, _s, t) => get(`/api/v1/dossiers/${f.dossierAt[t.relation as 'child']}/slips/01.pdf`) },
  { op: 'GET /api/v1/dossiers/{code}/route-staff', rule: { kind: 'dossierActOn', ok: 200 }, targets: DOSSIERS, request: (f, _s, t) => get(`/api/v1/dossiers/${f.dossierAt[t.relation as 'child']}/route-staff`) },
  // Actions by kind: a head's (assign), the desk's or the handler's (withdraw), the assignee's own
  // work (stop: refused to others unless they head the holder), a handler's (take, on a dossier
  // nobody holds: the receiving officer holds the first step of a fresh one, so it is handed on first).
  ...(['assign', 'withdraw', 'stop', 'take'] as const).map((action): Row => ({
    op: 'POST /api/v1/dossiers/{code}/actions', variant: action, rule: { kind: 'dossierAction', action, anonymous: 404 }, targets: DOSSIERS,
    request: async (f, _s, t) => {
      const relation = t.relation as 'child' | 'sibling' | 'other';
      const code = action === 'take' ? await f.handedOverDossier(relation) : await f.freshDossier(relation);
      return { method: 'POST', url: `/api/v1/dossiers/${code}/actions`, body: await dossierActionBody(f, code, action) };
    },
  })),
  ...(['pdf', 'xlsx'] as const).map((ext): Row => ({
    op: `GET /api/v1/dossier-register.${ext}`, rule: { kind: 'listAtUnit', perm: 'dossier.read', ok: 200 }, targets: UNITS,
    request: (_f, _s, t) => get(`/api/v1/dossier-register.${ext}?unitId=${t.unitId}&from=${today}&to=${today}`),
  })),
  // Importing history for every unit needs an admin grant at the province (finding 3, fixed).
  {
    op: 'POST /api/v1/admin/import/dossiers', rule: { kind: 'provinceAdminGrant', ok: 200 },
    request: (f) => ({ method: 'POST', url: '/api/v1/admin/import/dossiers', ...f.multipart('lich-su.ndjson', '\n', 'application/x-ndjson') }),
  },
  // The archive period of closed dossiers belongs to no unit: org.manage at the province, as retention periods.
  { op: 'GET /api/v1/admin/dossier-archive', rule: { kind: 'provinceWide', perm: 'org.manage', ok: 200 }, request: () => ({ method: 'GET', url: '/api/v1/admin/dossier-archive' }) },
  {
    op: 'PUT /api/v1/admin/dossier-archive', rule: { kind: 'provinceWide', perm: 'org.manage', ok: 200 },
    request: async (f) => {
      const { afterYears, version } = (await f.json('/api/v1/admin/dossier-archive')) as { afterYears: number; version: number };
      return { method: 'PUT', url: '/api/v1/admin/dossier-archive', body: { afterYears, version } };
    },
  },
  ...PRIVACY_ROWS, ...CITIZEN_ROWS, ...FEEDBACK_ROWS, ...OPEN311_ROWS, ...PAYMENT_ROWS, ...SATISFACTION_ROWS,
  ...MANAGEMENT_ROWS, ...REPORT_ROWS, ...RECORDS_ROWS,
];

function importedWithin(perm: 'org.manage' | 'staff.manage') {
  return (body: unknown, s: Subject, t: Target) => {
    const outcome = (body as { outcome: string }).outcome;
    const reach = s.actor?.reach.get(perm);
    const allowed = !!reach?.has(t.unitId!);
    if ((outcome === 'imported') !== allowed) throw new Error(`import outcome ${outcome} for ${s.name} at ${t.relation}: ${JSON.stringify(body)}`);
  };
}

/** A valid commune procedure (the catalogue's own test factory), under a fresh code. */
export function procedureBody(code: string): Record<string, unknown> {
  const { version: _v, ...content } = procedureInput({ code, name: `Thủ tục thử ma trận ${code}` });
  return content;
}
