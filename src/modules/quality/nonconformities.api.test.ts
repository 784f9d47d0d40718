import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { TEST_NOW } from '../../../test/support/test-db.js';

// The Department of Justice (Sở Tư pháp, H30.102) keeps a QMS whose ISO secretary is nhansu.stp (an HR
// officer of the department's office, no grant to keep the QMS otherwise). A nonconformity is raised by
// hand for its judicial-support section (H30.102.02), where chuyenvien.stp works: he plans and carries out
// the corrective actions (vanthu.stp, the records clerk, owns one of them), may not verify his own work;
// the secretary verifies and closes. Staff of the Department of Construction do not see any of it. The
// clock is TEST_NOW (Monday 2/3/2026) and moves on a few days.
let t: TestApp;
let clock = TEST_NOW;
const at = (day: string) => { clock = new Date(`${day}T09:00:00+07:00`); sessions.clear(); };
const sessions = new Map<string, Session>();
const u = {} as Record<string, number>;
const staff = {} as Record<string, number>;
let qmsId: number;
let ncId: number;
let expectedCode: string;
const P = '/api/v1/quality';

async function as(who: string): Promise<Session> {
  if (!sessions.has(who)) sessions.set(who, await t.login(who));
  return sessions.get(who)!;
}
const api = async (method: string, url: string, who: string, body?: unknown) => t.request(method, `${P}${url}`, { session: await as(who), body });
const nc = async (who = 'nhansu.stp') => (await api('GET', `/nonconformities/${ncId}`, who)).json();
const err = (res: { statusCode: number; json(): { error?: { code: string } } }) => [res.statusCode, res.json().error?.code];

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  for (const code of ['H30.102', 'H30.102.02', 'H30.105']) u[code] = await t.unitId(code);
  for (const name of ['chuyenvien.stp', 'nhansu.stp', 'vanthu.stp', 'lanhdao.stp', 'chuyenvien.sxd']) {
    staff[name] = (await t.db.selectFrom('auth_accounts').select('staff_id').where('username', '=', name).executeTakeFirstOrThrow()).staff_id!;
  }
  // The QMS itself is part A's; a row as it leaves one is all this part needs.
  const existing = await t.db.selectFrom('qms_systems').select('id').where('agency_unit_id', '=', u['H30.102']!).executeTakeFirst();
  qmsId = existing
    ? (await t.db.updateTable('qms_systems').set({ iso_secretary_staff_id: staff['nhansu.stp']! }).where('id', '=', existing.id).returning('id').executeTakeFirstOrThrow()).id
    : (await t.db.insertInto('qms_systems').values({ agency_unit_id: u['H30.102']!, exclusions: '[]', settings: '{}', iso_secretary_staff_id: staff['nhansu.stp']! }).returning('id').executeTakeFirstOrThrow()).id;
  const taken = await t.db.selectFrom('qms_nonconformities').select((eb) => eb.fn.max('seq').as('seq')).where('qms_id', '=', qmsId).where('year', '=', 2026).executeTakeFirst();
  expectedCode = `KPH-2026-${String(Number(taken?.seq ?? 0) + 1).padStart(3, '0')}`;
  // Building the seeded template database (when the sources changed since the last one) happens here.
}, 240_000);
afterAll(async () => { await t?.close(); });

const newNc = () => ({ title: 'Phiếu hướng dẫn bổ sung hồ sơ ghi thiếu căn cứ pháp lý', description: 'Ba phiếu hướng dẫn tháng 2 không ghi căn cứ.', ownerUnitId: u['H30.102.02'] });

describe('raising a nonconformity by hand', () => {
  it('is for who keeps the QMS; a reader may not; another department does not see the QMS', async () => {
    expect((await api('POST', `/systems/${qmsId}/nonconformities`, 'chuyenvien.sxd', newNc())).statusCode).toBe(404);
    expect((await api('POST', `/systems/${qmsId}/nonconformities`, 'vanthu.stp', newNc())).statusCode).toBe(403);
    const res = await api('POST', `/systems/${qmsId}/nonconformities`, 'chuyenvien.stp', newNc());
    expect(res.statusCode, res.body).toBe(201);
    ncId = res.json().id;
    expect(res.json()).toMatchObject({
      code: expectedCode, qmsId, source: 'manual', sourceLabel: 'Ghi nhận trực tiếp', status: 'open', statusLabel: 'Mới ghi nhận',
      ownerUnitId: u['H30.102.02'], raisedOn: '2026-03-02', raisedByName: expect.any(String), actions: [], verifications: [], verification: null,
      // chuyenvien.stp works in the owner section and keeps the QMS: he plans, never verifies.
      allowedSteps: ['plan'],
    });
    expect(res.json().ownerUnitName).toBeTruthy();
    expect(res.json().history.map((h: { action: string }) => h.action)).toEqual(['raised']);
  });

  it('refuses an owner unit outside the agency, a missing title, an unknown procedure', async () => {
    for (const [body, path] of [
      [{ ...newNc(), ownerUnitId: u['H30.105'] }, 'ownerUnitId'],
      [{ ...newNc(), title: ' ' }, 'title'],
      [{ ...newNc(), procedureCode: '9.999999' }, 'procedureCode'],
      [{ ...newNc(), ownerUnitId: 'H30.102' }, 'ownerUnitId'],
    ] as const) {
      const res = await api('POST', `/systems/${qmsId}/nonconformities`, 'chuyenvien.stp', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.fields[0].path).toBe(path);
      expect(res.json().error.fields[0].message).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
    }
  });

  it('is read by the agency\'s staff, not by another department (404)', async () => {
    expect((await api('GET', `/nonconformities/${ncId}`, 'vanthu.stp')).statusCode).toBe(200);
    expect((await api('GET', `/nonconformities/${ncId}`, 'chuyenvien.sxd')).statusCode).toBe(404);
    expect((await api('GET', `/systems/${qmsId}/nonconformities`, 'chuyenvien.sxd')).statusCode).toBe(404);
    expect((await api('GET', '/nonconformities', 'chuyenvien.sxd')).json().items.map((i: { id: number }) => i.id)).not.toContain(ncId);
    expect((await api('GET', '/nonconformities/2147483647', 'nhansu.stp')).statusCode).toBe(404);
    expect((await api('GET', '/nonconformities/abc', 'nhansu.stp')).statusCode).toBe(400);
  });
});

describe('corrective actions (ISO 9001 §10.2)', () => {
  const plan = (version: number, extra: Record<string, unknown> = {}) => ({
    version, correction: 'Bổ sung căn cứ vào ba phiếu đã phát hành.', rootCause: 'Mẫu phiếu cũ chưa có dòng căn cứ pháp lý.',
    actions: [
      { text: 'Sửa mẫu phiếu hướng dẫn, thêm dòng căn cứ pháp lý', ownerStaffId: staff['chuyenvien.stp'], dueOn: '2026-03-10' },
      { text: 'Cập nhật mẫu trên hệ thống văn thư', ownerStaffId: staff['vanthu.stp'], dueOn: '2026-03-13' },
    ],
    ...extra,
  });

  it('the owner plans: root cause and actions with due days, under the version read', async () => {
    const { version } = await nc();
    expect(err(await api('POST', `/nonconformities/${ncId}/plan`, 'chuyenvien.stp', plan(version + 1)))).toEqual([409, 'VERSION_CONFLICT']);
    expect((await api('POST', `/nonconformities/${ncId}/plan`, 'chuyenvien.sxd', plan(version))).statusCode).toBe(404);
    expect(err(await api('POST', `/nonconformities/${ncId}/plan`, 'vanthu.stp', plan(version)))).toEqual([403, 'NC_NOT_ALLOWED']);
    for (const [body, path] of [
      [plan(version, { rootCause: '' }), 'rootCause'],
      [plan(version, { actions: [] }), 'actions'],
      [plan(version, { actions: [{ text: 'Làm lại', dueOn: '2026-02-27' }] }), 'actions.0.dueOn'],
      [plan(version, { actions: [{ text: 'Làm lại', dueOn: '2026-02-30' }] }), 'actions.0.dueOn'],
      [plan(version, { actions: [{ text: 'Làm lại', ownerStaffId: staff['chuyenvien.sxd'], dueOn: '2026-03-20' }] }), 'actions.0.ownerStaffId'],
    ] as const) {
      const res = await api('POST', `/nonconformities/${ncId}/plan`, 'chuyenvien.stp', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.fields[0].path).toBe(path);
    }
    const res = await api('POST', `/nonconformities/${ncId}/plan`, 'chuyenvien.stp', plan(version));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'action_planned', statusLabel: 'Đã lập kế hoạch khắc phục', rootCause: 'Mẫu phiếu cũ chưa có dòng căn cứ pháp lý.', version: version + 1,
      actions: [
        { seq: 1, ownerStaffId: staff['chuyenvien.stp'], dueOn: '2026-03-10', doneOn: null },
        { seq: 2, ownerStaffId: staff['vanthu.stp'], ownerName: expect.any(String), dueOn: '2026-03-13', doneOn: null },
      ],
      verification: { state: 'awaiting_actions', opensOn: null },
    });
    const listed = (await api('GET', `/systems/${qmsId}/nonconformities`, 'vanthu.stp')).json().items.find((i: { id: number }) => i.id === ncId);
    expect(listed).toMatchObject({ code: expectedCode, status: 'action_planned', dueOn: '2026-03-10' });
  });

  it('nobody verifies before every action is done', async () => {
    const { version } = await nc();
    expect(err(await api('POST', `/nonconformities/${ncId}/verify`, 'nhansu.stp', { version, result: 'effective', note: 'Đã kiểm tra' }))).toEqual([409, 'NC_WRONG_STATUS']);
  });

  it('actions are reported done by their owners; the last one moves it to "actions done"', async () => {
    at('2026-03-05');
    let { version } = await nc();
    expect((await api('POST', `/nonconformities/${ncId}/actions/9/done`, 'chuyenvien.stp', { version })).statusCode).toBe(404);
    let res = await api('POST', `/nonconformities/${ncId}/actions/1/done`, 'chuyenvien.stp', { version, note: 'Đã sửa mẫu' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'action_planned', actions: [{ seq: 1, doneOn: '2026-03-05', doneNote: 'Đã sửa mẫu' }, { seq: 2, doneOn: null }] });
    version = res.json().version;
    expect(err(await api('POST', `/nonconformities/${ncId}/actions/1/done`, 'chuyenvien.stp', { version }))).toEqual([409, 'NC_ACTION_DONE']);
    at('2026-03-06');
    // The records clerk is no one in the owner section, but owns the second action.
    res = await api('POST', `/nonconformities/${ncId}/actions/2/done`, 'vanthu.stp', { version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'actions_done', statusLabel: 'Đã thực hiện hành động khắc phục',
      verification: { state: 'verifiable', opensOn: '2026-03-06', dueOn: '2026-04-05', remeasure: null },
    });
  });

  it('shows the work in "my" lists: the owner\'s and the secretary\'s, not a reader\'s', async () => {
    const mine = async (who: string) => (await api('GET', '/nonconformities?mine=true', who)).json().items.map((i: { id: number }) => i.id);
    expect(await mine('chuyenvien.stp')).toContain(ncId);
    expect(await mine('nhansu.stp')).toContain(ncId);
    expect(await mine('lanhdao.stp')).toContain(ncId);
    expect(await mine('chuyenvien.sxd')).not.toContain(ncId);
    expect((await api('GET', `/systems/${qmsId}/nonconformities?status=actions_done&source=manual`, 'vanthu.stp')).json().items.map((i: { id: number }) => i.id)).toEqual([ncId]);
    expect((await api('GET', `/systems/${qmsId}/nonconformities?status=closed`, 'vanthu.stp')).json().items).toEqual([]);
    expect((await api('GET', `/systems/${qmsId}/nonconformities?status=done`, 'vanthu.stp')).statusCode).toBe(400);
  });

  it('the owner cannot verify his own work; the secretary finds it not effective and it goes back to planning', async () => {
    const { version, allowedSteps } = await nc('chuyenvien.stp');
    expect(allowedSteps).toEqual([]);
    expect((await nc('nhansu.stp')).allowedSteps).toEqual(['verify_effective', 'verify_not_effective']);
    expect(err(await api('POST', `/nonconformities/${ncId}/verify`, 'chuyenvien.stp', { version, result: 'effective', note: 'Tôi đã làm xong' }))).toEqual([403, 'NC_OWN_ACTION']);
    expect(err(await api('POST', `/nonconformities/${ncId}/verify`, 'vanthu.stp', { version, result: 'effective', note: 'Đã xong' }))).toEqual([403, 'NC_OWN_ACTION']);
    expect((await api('POST', `/nonconformities/${ncId}/verify`, 'nhansu.stp', { version, result: 'maybe', note: 'Chưa rõ' })).statusCode).toBe(400);
    expect((await api('POST', `/nonconformities/${ncId}/verify`, 'nhansu.stp', { version, result: 'effective' })).statusCode).toBe(400);
    at('2026-03-09');
    const res = await api('POST', `/nonconformities/${ncId}/verify`, 'nhansu.stp', { version, result: 'not_effective', note: 'Mẫu trên hệ thống vẫn là mẫu cũ.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'action_planned', verification: { state: 'awaiting_actions' },
      verifications: [{ result: 'not_effective', resultLabel: 'Không có hiệu lực', note: 'Mẫu trên hệ thống vẫn là mẫu cũ.', verifiedOn: '2026-03-09', measured: null }],
    });
    expect(res.json().verifications[0].verifiedByName).toBeTruthy();
  });

  it('a revised plan keeps the done actions and adds new ones; the secretary then verifies it effective and closes', async () => {
    let { version } = await nc();
    let res = await api('POST', `/nonconformities/${ncId}/plan`, 'chuyenvien.stp', {
      version, rootCause: 'Mẫu phiếu cũ chưa có dòng căn cứ pháp lý; mẫu trên hệ thống không được thay.',
      actions: [{ text: 'Thay mẫu trên hệ thống và kiểm tra phiếu in ra', dueOn: '2026-03-16' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().actions.map((a: { seq: number; doneOn: string | null }) => [a.seq, a.doneOn])).toEqual([[1, '2026-03-05'], [2, '2026-03-06'], [3, null]]);
    expect(res.json().correction).toBe('Bổ sung căn cứ vào ba phiếu đã phát hành.');
    at('2026-03-12');
    res = await api('POST', `/nonconformities/${ncId}/actions/3/done`, 'chuyenvien.stp', { version: res.json().version });
    expect(res.json()).toMatchObject({ status: 'actions_done', verification: { opensOn: '2026-03-12' } });
    version = res.json().version;
    // Two people at once: the second answer is a conflict, not a second verification.
    const [a, b] = await Promise.all([
      api('POST', `/nonconformities/${ncId}/verify`, 'nhansu.stp', { version, result: 'effective', note: 'Phiếu in ra đã có căn cứ.' }),
      api('POST', `/nonconformities/${ncId}/verify`, 'lanhdao.stp', { version, result: 'effective', note: 'Đồng ý.' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().error.code).toBe('VERSION_CONFLICT');
    const after = await nc();
    expect(after).toMatchObject({ status: 'verified_effective', statusLabel: 'Đã xác nhận hiệu lực', verification: null });
    expect(after.verifications.map((v: { result: string }) => v.result)).toEqual(['not_effective', 'effective']);
    expect(err(await api('POST', `/nonconformities/${ncId}/close`, 'vanthu.stp', { version: after.version }))).toEqual([403, 'NC_NOT_ALLOWED']);
    expect(err(await api('POST', `/nonconformities/${ncId}/close`, 'nhansu.stp', { version: after.version - 1 }))).toEqual([409, 'VERSION_CONFLICT']);
    res = await api('POST', `/nonconformities/${ncId}/close`, 'nhansu.stp', { version: after.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', closedOn: '2026-03-12', allowedSteps: [] });
    expect((await api('GET', '/nonconformities?mine=true', 'chuyenvien.stp')).json().items.map((i: { id: number }) => i.id)).not.toContain(ncId);
  });

  it('keeps the history and the audit log of every step', async () => {
    const { history } = await nc();
    expect(history.map((h: { action: string }) => h.action)).toEqual(['raised', 'planned', 'action_done', 'action_done', 'verified_not_effective', 'plan_revised', 'action_done', 'verified_effective', 'closed']);
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity', '=', 'qms_nonconformity').where('entity_id', '=', String(ncId)).orderBy('id').execute();
    expect(audit.map((r) => r.action)).toEqual([
      'quality.nonconformity_raised', 'quality.nonconformity_planned', 'quality.nonconformity_action_done', 'quality.nonconformity_action_done',
      'quality.nonconformity_verified', 'quality.nonconformity_planned', 'quality.nonconformity_action_done', 'quality.nonconformity_verified', 'quality.nonconformity_closed',
    ]);
  });

  it('numbers the next nonconformities of the year after it, also when raised at the same moment', async () => {
    const next = Number(expectedCode.slice(-3)) + 1;
    const res = await Promise.all([0, 1, 2].map((i) => api('POST', `/systems/${qmsId}/nonconformities`, i === 1 ? 'chuyenvien.stp' : 'lanhdao.stp', { ...newNc(), title: `Sổ theo dõi hồ sơ ghi thiếu ngày trả kết quả (${i})` })));
    expect(res.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(res.map((r) => r.json().code).sort()).toEqual([0, 1, 2].map((i) => `KPH-2026-${String(next + i).padStart(3, '0')}`));
  });
});
