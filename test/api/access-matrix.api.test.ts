/**
 * The access matrix (issue 10 item 9): every operation of the OpenAPI document × every subject
 * (anonymous, each role granted at a commune, the province's administrator) × every relation of the
 * target record to the subjects' unit, asserting the EXACT status the policy table implies.
 * Expectations are computed (access-matrix.rules.ts), rows are in access-matrix.rows.ts; an
 * operation without a row, or a row naming no operation, fails the suite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOutboxMessage, writeStaffMessage } from '../../src/platform/notify/outbox.js';
import { buildReach, ROLES, type Grant, type Role } from '../../src/platform/access/policy.js';
import { multipartFile } from '../support/multipart.js';
import { createTestApp, TEST_CITIZEN, type Session, type TestApp } from '../support/test-app.js';
import { TEST_DB } from '../support/test-db.js';
import { procedureBody, ROWS, type Fixture, type Req } from './access-matrix.rows.js';
import { citizenFixture } from './access-matrix.citizen-fixture.js';
import { feedbackFixture } from './access-matrix.feedback-fixture.js';
import { open311Fixture } from './access-matrix.open311-fixture.js';
import { parFixture } from './access-matrix.par-fixture.js';
import { personnelFixture } from './access-matrix.personnel-fixture.js';
import { inspectionFixture } from './access-matrix.inspection-fixture.js';
import { registryFixture } from './access-matrix.registry-fixture.js';
import { qualityFixture } from './access-matrix.quality-fixture.js';
import { procedureReviewFixture } from './access-matrix.procedure-review-fixture.js';
import { expected, UNIT_RELATIONS, type Relation, type Subject, type Target, type UnitRelation } from './access-matrix.rules.js';

// About 12,300 requests over 370 operations and 10 subjects (about 4 minutes on this 2-core machine, issue 20),
// many rendering a PDF or receiving a fresh dossier, so the matrix itself runs on PostgreSQL only (the database production uses; the access
// decisions are the same code on both). The check that every operation has a row runs on both.
// MATRIX_DEBUG=<part of an operation> runs the matching rows on any database, for working on a row.
const RUN_MATRIX = TEST_DB === 'postgresql' || !!process.env.MATRIX_DEBUG;
let t: TestApp;
let root: Session;
const sessions = new Map<string, Session | null>();
const passwords = new Map<string, string>();
const usernames = new Map<string, string>();
const subjects: Subject[] = [];
const f = {} as Fixture;
let rootUnitIds: number[] = [];
let counter = 0;

const UNIT_CODES: Record<UnitRelation, string> = { own: 'H30.501', child: 'H30.501.02', sibling: 'H30.502', other: 'H30.105' };
const DESKS = { child: 'motcua.tanphong', sibling: 'motcua.doanket', other: 'motcua.tinh' } as const;
const PROCEDURE_AT = { child: '1.001193', sibling: '1.001193', other: '1.009972' } as const;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const PDF = Buffer.from('%PDF-1.4\n%matrix\n');

async function send(session: Session | null, req: Req) {
  const headers: Record<string, string> = { ...(req.headers ?? {}) };
  if (session) Object.assign(headers, { cookie: session.cookie, 'x-csrf-token': session.csrf });
  const payload = req.raw ?? (req.body === undefined ? undefined : JSON.stringify(req.body));
  if (req.body !== undefined && !req.raw) headers['content-type'] = 'application/json';
  return t.app.inject({ method: req.method as never, url: req.url, headers, ...(payload !== undefined ? { payload } : {}) });
}

async function asRoot(req: Req) {
  const res = await send(root, req);
  if (res.statusCode >= 300) throw new Error(`setup ${req.method} ${req.url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

async function subtreeMap(): Promise<Map<number, number[]>> {
  const units = await t.db.selectFrom('org_units').select(['id', 'parent_id']).execute();
  const children = new Map<number, number[]>();
  for (const u of units) if (u.parent_id !== null) children.set(u.parent_id, [...(children.get(u.parent_id) ?? []), u.id]);
  const map = new Map<number, number[]>();
  for (const u of units) {
    const all: number[] = [];
    const stack = [u.id];
    while (stack.length) { const id = stack.pop()!; all.push(id); stack.push(...(children.get(id) ?? [])); }
    map.set(u.id, all);
  }
  rootUnitIds = units.filter((u) => u.parent_id === null).map((u) => u.id);
  return map;
}

const deskSessions = new Map<string, Session>();
async function receiveAt(relation: 'child' | 'sibling' | 'other', idNumber?: string, scanKey?: string): Promise<string> {
  if (!deskSessions.has(relation)) deskSessions.set(relation, await t.login(DESKS[relation]));
  const desk = deskSessions.get(relation)!;
  const res = await send(desk, {
    method: 'POST', url: '/api/v1/dossiers',
    body: {
      procedureCode: PROCEDURE_AT[relation], channel: 'desk', resultDelivery: 'desk', idempotencyKey: `matrix-${relation}-${++counter}`, applicant: { kind: 'citizen', fullName: 'Giàng Thị Mỷ', phone: '0912345678', ...(idNumber ? { idNumber } : {}) },
      ...(scanKey ? { documents: [{ name: 'Tờ khai', originals: 1, fileKey: scanKey }] } : {}),
    },
  });
  if (res.statusCode !== 201) throw new Error(`intake at ${relation}: ${res.statusCode} ${res.body}`);
  return res.json().code;
}

async function scanAt(relation: 'child' | 'sibling' | 'other'): Promise<string> {
  if (!deskSessions.has(relation)) deskSessions.set(relation, await t.login(DESKS[relation]));
  const { payload, headers } = multipartFile('file', 'to-khai.pdf', Buffer.from(`%PDF-1.4\n% matrix scan ${relation}\n`), 'application/pdf');
  const res = await send(deskSessions.get(relation)!, { method: 'POST', url: '/api/v1/files', raw: payload, headers });
  if (res.statusCode !== 201) throw new Error(`scan at ${relation}: ${res.statusCode} ${res.body}`);
  return res.json().key;
}

async function dossierTarget(code: string): Promise<Target['dossier']> {
  const row = await t.db.selectFrom('dossiers').select(['id', 'receiving_unit_id', 'competent_unit_id', 'current_unit_id', 'current_staff_id', 'involved_unit_ids']).where('code', '=', code).executeTakeFirstOrThrow();
  const actors = await t.db.selectFrom('dossier_events').select('actor_staff_id').distinct().where('dossier_id', '=', row.id).where('actor_staff_id', 'is not', null).execute();
  return {
    receivingUnitId: row.receiving_unit_id, involvedUnitIds: row.involved_unit_ids,
    holderUnitId: row.current_unit_id ?? row.competent_unit_id ?? row.receiving_unit_id,
    assigneeStaffId: row.current_staff_id,
    actorStaffIds: actors.map((e) => e.actor_staff_id!),
  };
}

beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

async function setUp(): Promise<void> {
  // Setup acts through its own province-wide administrator: the subject "admin@root" (the demo
  // account) changes its password and signs out during the run, which ends its other sessions.
  const demoAdmin = await t.login('admin');
  const h30 = await t.unitId('H30');
  const setup = await send(demoAdmin, { method: 'POST', url: '/api/v1/org/staff', body: { fullName: 'Ma trận thiết lập', unitId: h30, username: 'matrix.setup', password: 'matran-mat-khau-1', roles: [{ role: 'admin', unitId: h30 }] } });
  if (setup.statusCode !== 201) throw new Error(setup.body);
  root = await t.login('matrix.setup', 'matran-mat-khau-1');
  const unit = {} as Fixture['unit'];
  for (const r of UNIT_RELATIONS) unit[r] = { id: await t.unitId(UNIT_CODES[r]), code: UNIT_CODES[r] };
  const home = await t.unitId('H30.501.01');

  // Subjects: one staff member per role granted at H30.501, at its one-stop centre.
  const subtrees = await subtreeMap();
  subjects.push({ name: 'anonymous', actor: null });
  sessions.set('anonymous', null);
  usernames.set('anonymous', 'kiemtra');
  passwords.set('anonymous', 'motcua');
  for (const role of ROLES) {
    const username = `matrix.${role.replace('_', '')}`;
    const staff = await asRoot({ method: 'POST', url: '/api/v1/org/staff', body: { fullName: `Ma trận ${role}`, unitId: home, username, password: 'matran-mat-khau-1', roles: [{ role, unitId: unit.own.id }] } });
    const grants: Grant[] = [{ role, unitId: unit.own.id, unitName: 'Phường Tân Phong', provinceWide: false }];
    subjects.push({ name: `${role}@H30.501`, role, actor: { grants, reach: buildReach(grants, subtrees), unitId: home, staffId: staff.id } });
    usernames.set(`${role}@H30.501`, username);
    passwords.set(`${role}@H30.501`, 'matran-mat-khau-1');
  }
  const rootStaff = await t.db.selectFrom('auth_accounts').innerJoin('org_staff', 'org_staff.id', 'auth_accounts.staff_id').select(['org_staff.id', 'org_staff.unit_id']).where('username', '=', 'admin').executeTakeFirstOrThrow();
  const rootGrants: Grant[] = [{ role: 'admin' as Role, unitId: await t.unitId('H30'), unitName: 'Tỉnh Lai Châu', provinceWide: true }];
  subjects.push({ name: 'admin@root', role: 'admin', actor: { grants: rootGrants, reach: buildReach(rootGrants, subtrees), unitId: rootStaff.unit_id, staffId: rootStaff.id } });
  usernames.set('admin@root', 'admin');
  passwords.set('admin@root', 'motcua');
  for (const s of subjects) if (s.actor) sessions.set(s.name, await t.login(usernames.get(s.name)!, passwords.get(s.name)!));
  // A citizen signed in with e-ID: anonymous to every staff endpoint (it signs in to the staff side
  // with the same spare account as the anonymous subject), the owner of its own records.
  subjects.push({ name: 'citizen', actor: null, citizen: true });
  sessions.set('citizen', await t.citizenSession({ subject: 'matrix-citizen' }));
  usernames.set('citizen', 'kiemtra');
  passwords.set('citizen', 'motcua');

  // Records per relation.
  f.unit = unit;
  f.staffAt = {} as Fixture['staffAt'];
  f.positionAt = {} as Fixture['positionAt'];
  for (const r of UNIT_RELATIONS) {
    f.staffAt[r] = (await asRoot({ method: 'POST', url: '/api/v1/org/staff', body: { fullName: `Cán bộ ${r}`, unitId: unit[r].id } })).id;
    f.positionAt[r] = (await asRoot({ method: 'POST', url: '/api/v1/org/positions', body: { unitId: unit[r].id, code: `MX-${r}`, name: `Vị trí ${r}`, quota: 1 } })).id;
  }
  const withPhoto = f.staffAt.own;
  const { raw: photo, headers } = (() => { const m = multipartFile('file', 'a.png', PNG, 'image/png'); return { raw: m.payload, headers: m.headers }; })();
  await asRoot({ method: 'PUT', url: `/api/v1/org/staff/${withPhoto}/photo`, raw: photo, headers });
  f.publicStaffWithPhoto = (await asRoot({ method: 'GET', url: `/api/v1/org/staff/${withPhoto}` })).publicId;
  f.publicStaffId = f.publicStaffWithPhoto;
  // The department's dossier is the data subject's (privacy export): it carries their ID number.
  f.subjectIdNumber = '001190007777';
  // Each fixture dossier carries a scan its desk uploaded (a dossier's file is read in its context).
  f.scanAt = { child: await scanAt('child'), sibling: await scanAt('sibling'), other: await scanAt('other') };
  f.dossierAt = { child: await receiveAt('child', undefined, f.scanAt.child), sibling: await receiveAt('sibling', undefined, f.scanAt.sibling), other: await receiveAt('other', f.subjectIdNumber, f.scanAt.other) };
  f.awaitingPaymentAt = {} as Fixture['awaitingPaymentAt'];
  for (const r of ['child', 'sibling', 'other'] as const) {
    const code = await receiveAt(r);
    const res = await send(deskSessions.get(r)!, { method: 'POST', url: `/api/v1/dossiers/${code}/actions`, body: { action: 'request_payment', version: 1, items: [{ name: 'Lệ phí', amount: 8000 }] } });
    if (res.statusCode !== 200) throw new Error(`payment request of ${code}: ${res.statusCode} ${res.body}`);
    f.awaitingPaymentAt[r] = code;
  }

  // Data-subject requests (an access request for the subject above) at each unit relation: recorded
  // by the setup administrator (at the province), then moved to the unit, as if received there.
  const privacyRequestAt = async (r: UnitRelation): Promise<number> => {
    const created = await asRoot({ method: 'POST', url: '/api/v1/privacy/requests', body: { kind: 'access', idNumber: f.subjectIdNumber, requesterName: 'Giàng Thị Mỷ', channel: 'desk' } });
    await t.db.updateTable('privacy_requests').set({ unit_id: unit[r].id }).where('id', '=', String(created.id)).execute();
    return created.id;
  };
  f.privacyRequestAt = {} as Fixture['privacyRequestAt'];
  for (const r of UNIT_RELATIONS) f.privacyRequestAt[r] = await privacyRequestAt(r);
  f.freshPrivacyRequest = privacyRequestAt;

  f.messageAt = {} as Fixture['messageAt'];
  for (const r of [...UNIT_RELATIONS, 'unitless'] as const) {
    const key = `matrix-message-${r}`;
    await writeOutboxMessage(t.db, { dedupeKey: key, channel: 'email', recipient: 'a@example.vn', body: 'Thử', unitIds: r === 'unitless' ? [] : [unit[r].id], at: new Date('2026-03-02T02:00:00Z') });
    f.messageAt[r] = (await t.db.selectFrom('outbox_messages').select('id').where('dedupe_key', '=', key).executeTakeFirstOrThrow()).id;
  }

  f.unique = (prefix) => `${prefix}-${++counter}`;
  f.procedureCode = () => `1.97${String(++counter).padStart(4, '0')}`;
  f.unitSuffix = () => String(50 + (++counter % 50));
  f.version = async (url) => (await asRoot({ method: 'GET', url })).version;
  f.json = (url) => asRoot({ method: 'GET', url });
  f.positionVersion = async (id) => {
    const row = await t.db.selectFrom('org_positions').select('version').where('id', '=', id).executeTakeFirstOrThrow();
    return row.version;
  };
  f.template = async () => (await asRoot({ method: 'GET', url: '/api/v1/admin/message-templates' })).items[0];
  f.lookupKey = async (code) => (await t.db.selectFrom('dossiers').select('lookup_secret').where('code', '=', code).executeTakeFirstOrThrow()).lookup_secret;
  f.catalogDraft = async () => {
    const code = f.procedureCode();
    await asRoot({ method: 'POST', url: '/api/v1/admin/procedures', body: procedureBody(code) });
    return code;
  };
  const directives = new Map<string, Awaited<ReturnType<Fixture['directiveAt']>>>();
  f.directiveAt = async (relation, fresh = false) => {
    const kept = directives.get(relation);
    if (kept && !fresh) return kept;
    const unitId = f.unit[relation].id;
    const file = f.scanAt.child;
    const doc = await asRoot({ method: 'POST', url: '/api/v1/directives', body: {
      docType: 'CV', number: `${900 + counter}/${f.unique('UBND-VX')}`, issuer: 'Ủy ban nhân dân tỉnh Lai Châu', signedOn: '2026-02-10', subject: 'Văn bản của ma trận quyền',
      ownerUnitId: unitId, files: [{ key: file, name: 'van-ban.pdf' }], tasks: [{ ref: '1', content: 'Nhiệm vụ của ma trận quyền', leads: [{ unitId }], dueOn: '2026-06-30' }],
    } }) as { document: { id: number }; tasks: { id: number; version: number }[] };
    const task = doc.tasks[0]!;
    const staff = (await asRoot({ method: 'GET', url: `/api/v1/directives/assignees?unitId=${unitId}` })).staff[0].id as number;
    const assigned = await asRoot({ method: 'POST', url: `/api/v1/directives/tasks/${task.id}/actions`, body: { action: 'assign', version: task.version, staffId: staff } });
    await asRoot({ method: 'POST', url: `/api/v1/directives/tasks/${task.id}/actions`, body: { action: 'progress', version: assigned.task.version, percent: 20, note: 'Báo cáo', files: [{ key: file, name: 'minh-chung.pdf' }] } });
    const period = await asRoot({ method: 'POST', url: `/api/v1/directives/${doc.document.id}/periods`, body: { kind: 'half', year: 2026 } });
    const made = { documentId: doc.document.id, taskId: task.id, periodId: period.id, file };
    if (!kept) directives.set(relation, made);
    return made;
  };
  f.directiveAlias = async () => (await asRoot({ method: 'POST', url: '/api/v1/directives/aliases', body: { unitId: f.unit.own.id, alias: f.unique('Tên gọi khác') } })).id;
  f.catalogPublished = async () => {
    const code = await f.catalogDraft();
    await asRoot({ method: 'POST', url: `/api/v1/admin/procedures/${code}/versions/1/actions`, body: { action: 'publish', decision: { number: '100/QĐ-UBND', date: '2025-12-20', signer: 'Nguyễn Văn Ký', title: 'Công bố' }, effectiveFrom: '2026-01-01', revision: 0 } });
    return code;
  };
  f.freshDossier = receiveAt;
  f.handedOverDossier = async (relation) => {
    const code = await receiveAt(relation);
    const version = await f.version(`/api/v1/dossiers/${code}`);
    const res = await send(deskSessions.get(relation)!, { method: 'POST', url: `/api/v1/dossiers/${code}/actions`, body: { action: 'transfer', version } });
    if (res.statusCode !== 200) throw new Error(`hand-over of ${code}: ${res.statusCode} ${res.body}`);
    return code;
  };
  f.staffAtHolder = async (code) => {
    const d = (await dossierTarget(code))!;
    const row = await t.db.selectFrom('org_staff').select('id').where('unit_id', '=', d.holderUnitId).where('active', '=', true).orderBy('id').executeTakeFirst();
    if (!row) throw new Error(`no staff at the holder of ${code}`);
    return row.id;
  };
  f.noticeToWithdraw = async () => {
    const document = f.unique('Công văn thu hồi');
    await asRoot({ method: 'POST', url: '/api/v1/calendar/years/2029/notices', body: { version: await f.version('/api/v1/calendar/admin/years/2029'), document, date: '2028-11-20', title: 'Thông báo sẽ thu hồi', days: [{ date: '2029-06-04', kind: 'holiday', name: 'Nghỉ thử' }] } });
    return (await t.db.selectFrom('calendar_notices').select('id').where('document', '=', document).executeTakeFirstOrThrow()).id;
  };
  f.failedMessage = async (r) => {
    await t.db.updateTable('outbox_messages').set({ status: 'failed' }).where('id', '=', f.messageAt[r]).execute();
    return f.messageAt[r];
  };
  f.notificationOf = async (s, relation) => {
    const staffId = relation === 'self' ? s.actor?.staffId ?? f.staffAt.own : f.staffAt.sibling;
    const key = f.unique('matrix-note');
    await writeStaffMessage(t.db, { staffId, fullName: 'x', email: null }, { dedupeKey: key, kind: 'test', message: { subject: 'Thử', body: 'Thử', sms: null }, templateKey: 'test', at: new Date('2026-03-02T02:00:00Z') });
    return (await t.db.selectFrom('staff_notifications').select('id').where('dedupe_key', '=', `${key}:staff:${staffId}`).executeTakeFirstOrThrow()).id;
  };
  f.multipart = (filename, content, type) => { const m = multipartFile('file', filename, content, type); return { raw: m.payload, headers: m.headers }; };
  f.pdf = PDF;
  f.png = PNG;
  f.auditCount = async (action, entityId) => {
    const r = await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).where('action', '=', action).where('entity_id', '=', entityId).executeTakeFirstOrThrow();
    return Number(r.n);
  };
  f.credentials = (s) => ({ username: usernames.get(s.name)!, password: passwords.get(s.name)! });
  f.citizenVersion = async () => (await t.db.selectFrom('citizens').select('version').where('subject', '=', 'matrix-citizen').executeTakeFirstOrThrow()).version;
  if (!deskSessions.has('child')) deskSessions.set('child', await t.login(DESKS.child));
  f.citizen = await citizenFixture(t, deskSessions.get('child')!, TEST_CITIZEN.idNumber!);
  f.feedback = await feedbackFixture(t, unit);
  let sharedRatingCode: string | undefined;
  f.ratingCode = async (fresh) => {
    if (!fresh && sharedRatingCode) return sharedRatingCode;
    const res = await send(deskSessions.get('child')!, { method: 'POST', url: `/api/v1/dossiers/${await receiveAt('child')}/rating-code`, body: {} });
    if (res.statusCode !== 200) throw new Error(`rating code: ${res.statusCode} ${res.body}`);
    const code = res.json().code as string;
    if (!fresh) sharedRatingCode = code;
    return code;
  };
  f.open311 = open311Fixture(t);
  f.par = await parFixture(t, asRoot, unit, UNIT_RELATIONS.map((r) => f.staffAt[r]), async () => {
    const { payload, headers } = multipartFile('file', 'ke-hoach.pdf', PDF, 'application/pdf');
    return (await asRoot({ method: 'POST', url: '/api/v1/files', raw: payload, headers })).key;
  }, async (setId) => (await send(root, { method: 'GET', url: `/api/v1/par/sets/${setId}/xlsx` })).rawPayload);
  f.personnel = await personnelFixture(t, asRoot);
  f.inspection = await inspectionFixture(t, asRoot);
  f.registry = await registryFixture(t, asRoot, unit);
  f.quality = await qualityFixture(t, asRoot, unit);
  f.procedureReview = await procedureReviewFixture(t, asRoot, unit, f.quality.agency);
  f.newPassword = (s) => `Doi-mat-khau-${s.name.length}-${++counter}-Lai-Chau`;
}

function operationsOfDocument(): string[] {
  const paths = (t.app as unknown as { swagger(): { paths: Record<string, Record<string, unknown>> } }).swagger().paths;
  const ops = Object.entries(paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
  return [...ops, 'GET /health'];
}

describe('the access matrix', () => {
  if (RUN_MATRIX) beforeAll(setUp);

  it('has a row for every operation of the OpenAPI document, and no row for an operation that does not exist', () => {
    const ops = operationsOfDocument();
    expect(ops.length).toBeGreaterThanOrEqual(87);
    const rows = new Set(ROWS.map((r) => r.op));
    expect(ops.filter((op) => !rows.has(op)), 'operations without a row').toEqual([]);
    expect([...rows].filter((op) => !ops.includes(op)), 'rows naming no operation').toEqual([]);
  });

  if (RUN_MATRIX) it('answers every subject × operation × relation exactly as the policy table implies', async () => {
    const failures: string[] = [];
    let asserted = 0;
    for (const row of ROWS.filter((r) => !process.env.MATRIX_DEBUG || `${r.op} ${r.variant ?? ''}`.includes(process.env.MATRIX_DEBUG))) {
      for (const relation of row.targets ?? [null]) {
        for (const s of subjects) {
          const target = targetOf(relation);
          if (target.relation && ['child', 'sibling', 'other'].includes(target.relation) && row.rule.kind.startsWith('dossier')) {
            target.dossier = await dossierTarget(f.dossierAt[target.relation as 'child']);
          }
          let session = sessions.get(s.name) ?? null;
          if (row.selfDestructive && s.actor) session = await t.login(usernames.get(s.name)!, passwords.get(s.name)!);
          if (row.selfDestructive && s.citizen) sessions.set(s.name, session = await t.citizenSession({ subject: 'matrix-citizen' }));
          const req = await row.request(f, s, target);
          // Dossier actions are judged on the dossier the request names, as it stands right now.
          const code = /\/api\/v1\/dossiers\/([^/]+)\/actions$/.exec(req.url)?.[1];
          if (code) target.dossier = await dossierTarget(code);
          const want = expected(row.rule, s, target);
          const res = await send(session, req);
          // The citizen's session in the map was just signed out: later rows need a live one.
          if (row.selfDestructive && s.citizen) sessions.set(s.name, await t.citizenSession({ subject: 'matrix-citizen' }));
          asserted++;
          const label = `${row.op}${row.variant ? ` [${row.variant}]` : ''} as ${s.name}${relation ? ` on ${relation}` : ''}`;
          if (res.statusCode !== want) failures.push(`${label}: expected ${want}, got ${res.statusCode} ${res.body.slice(0, 200)}`);
          else if (want === 200 && row.check) {
            try { row.check(res.json(), s, target); } catch (e) { failures.push(`${label}: ${(e as Error).message.slice(0, 300)}`); }
          }
          if (res.statusCode === want && want < 300 && row.after) {
            try { await row.after(f, s, target); } catch (e) { failures.push(`${label}: ${(e as Error).message.slice(0, 300)}`); }
          }
          if (row.op === 'POST /api/v1/auth/password' && res.statusCode === 204) {
            passwords.set(s.name, (req.body as { newPassword: string }).newPassword);
            sessions.set(s.name, await t.login(usernames.get(s.name)!, passwords.get(s.name)!));
          }
        }
      }
    }
    console.info(`access matrix: ${asserted} requests asserted over ${new Set(ROWS.map((r) => r.op)).size} operations and ${subjects.length} subjects`);
    expect(failures).toEqual([]);
  }, 600_000);
});

function targetOf(relation: Relation | null): Target {
  const target: Target = { relation, rootUnitIds };
  if (relation && (UNIT_RELATIONS as readonly string[]).includes(relation)) {
    const u = f.unit[relation as UnitRelation];
    target.unitId = u.id;
    target.unit = u;
  }
  if (relation === 'unitless') target.messageUnitIds = [];
  else if (relation && (UNIT_RELATIONS as readonly string[]).includes(relation)) target.messageUnitIds = [f.unit[relation as UnitRelation].id];
  return target;
}
