import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { TEST_NOW } from '../../../test/support/test-db.js';

// The provincial inspectorate (Thanh tra tỉnh, H30.112) handles complaints and denunciations. The clock
// starts at TEST_NOW (2/3/2026) and is moved to 30/9/2026 for the cases received around 1/7/2026, the day
// Law 136/2025 takes effect. The demo calendar has the swap 31/8 ↔ 22/8 and Quốc khánh 1–2/9/2026 off.
let t: TestApp;
let clock = TEST_NOW;
const s = {} as Record<string, Session>;
const u = {} as Record<string, number>;
const staff = {} as Record<string, number>;
const P = '/api/v1/inspection/cases';
const api = (method: string, url: string, who: string, body?: unknown) => t.request(method, `${P}${url}`, { session: s[who]!, body });
const act = async (id: number, who: string, body: Record<string, unknown>) => {
  const version = (await api('GET', `/${id}`, 'tt.truong')).json().version as number;
  return api('POST', `/${id}/actions`, who, { version, ...body });
};
const DENOUNCER = { fullName: 'Lò Thị Tố Giác', idNumber: '012345678912', address: 'Bản Nà Luông, xã Tân Phong', phone: '0987654321' };

async function makeStaff(username: string, unitCode: string, role: string) {
  const res = await t.request('POST', '/api/v1/org/staff', { session: s.admin!, body: { fullName: `Thanh tra ${username}`, unitId: await t.unitId(unitCode), position: 'Thanh tra viên', username, password: 'Mat-khau-Lai-Chau-2026', roles: [{ role, unitId: await t.unitId(unitCode) }] } });
  expect(res.statusCode, res.body).toBe(201);
  await t.db.updateTable('auth_accounts').set({ must_change_password: false }).where('username', '=', username).execute();
  staff[username] = res.json().id;
  s[username] = await t.login(username, 'Mat-khau-Lai-Chau-2026');
}

const receive = (who: string, body: Record<string, unknown>) => api('POST', '', who, {
  handlingUnitId: u['H30.112'], channel: 'desk', subjectUnitId: u['H30.105'], summary: 'Cán bộ gây khó khăn khi tiếp nhận hồ sơ', party: DENOUNCER, ...body,
});

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  s.admin = await t.login('admin');
  for (const code of ['H30.112', 'H30.105']) u[code] = await t.unitId(code);
  await makeStaff('tt.truong', 'H30.112', 'unit_head');
  await makeStaff('tt.cv1', 'H30.112', 'specialist');
  await makeStaff('tt.cv2', 'H30.112', 'specialist');
  for (const name of ['kiemtra', 'lanhdao.sxd']) s[name] = await t.login(name);
  staff['chuyenvien.sxd'] = (await t.db.selectFrom('auth_accounts').select('staff_id').where('username', '=', 'chuyenvien.sxd').executeTakeFirstOrThrow()).staff_id;
});
afterAll(async () => { await t?.close(); });

describe("a denouncer's identity", () => {
  let id: number;

  it('is recorded sealed, seen by the team that received it and by nobody else; a unit outside reach does not find the case', async () => {
    const res = await receive('tt.cv1', { kind: 'denunciation', receivedOn: '2026-02-26', subjectStaffId: staff['chuyenvien.sxd'] });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({ onTeam: true, identityProtected: true, party: { fullName: DENOUNCER.fullName, idNumber: DENOUNCER.idNumber } });
    const stored = await t.db.selectFrom('insp_case_parties').selectAll().where('case_id', '=', id).executeTakeFirstOrThrow();
    expect(stored.id_number_sealed).not.toContain(DENOUNCER.idNumber);

    for (const who of ['tt.cv2', 'tt.truong', 'kiemtra']) {
      const other = await api('GET', `/${id}`, who);
      expect(other.statusCode, who).toBe(200);
      expect(other.json()).toMatchObject({ party: null, identityProtected: true, onTeam: false });
      for (const secret of [DENOUNCER.fullName, DENOUNCER.idNumber, DENOUNCER.phone, 'Nà Luông']) expect(other.body, who).not.toContain(secret);
    }
    expect((await api('GET', `/${id}`, 'lanhdao.sxd')).statusCode).toBe(404);
  });

  it('never appears in a list, not even the team\'s own, nor in the audit log', async () => {
    for (const who of ['tt.cv1', 'tt.cv2', 'tt.truong', 'kiemtra']) {
      const list = await api('GET', '', who);
      expect(list.statusCode).toBe(200);
      expect(list.json().cases.map((c: { id: number }) => c.id)).toContain(id);
      for (const secret of [DENOUNCER.fullName, DENOUNCER.idNumber, DENOUNCER.phone]) expect(list.body, who).not.toContain(secret);
    }
    expect((await api('GET', '', 'lanhdao.sxd')).json().cases.map((c: { id: number }) => c.id)).not.toContain(id);
    const audit = await t.db.selectFrom('audit_events').select('summary').where('entity', '=', 'insp_case').where('entity_id', '=', String(id)).execute();
    expect(JSON.stringify(audit)).not.toContain(DENOUNCER.fullName);
  });

  it('is hidden from the official it accuses, even one who could read the inspectorate\'s cases', async () => {
    // The accused is given read access at the inspectorate, as if moved there: the case still does not exist for them.
    await t.db.insertInto('access_grants').values({ staff_id: staff['chuyenvien.sxd']!, role: 'auditor', unit_id: u['H30.112']! }).execute();
    const accused = await t.login('chuyenvien.sxd');
    expect((await api('GET', `/${id}`, 'tt.cv2')).statusCode).toBe(200);
    expect((await t.request('GET', `${P}/${id}`, { session: accused })).statusCode).toBe(404);
    expect((await t.request('GET', P, { session: accused })).json().cases.map((c: { id: number }) => c.id)).not.toContain(id);
  });

  it('reaches a new member once the head puts them on the team, and leaves one taken off it', async () => {
    expect((await act(id, 'tt.cv1', { action: 'set_team', members: [{ staffId: staff['tt.cv2'], role: 'lead' }] })).statusCode).toBe(403);
    const set = await act(id, 'tt.truong', { action: 'set_team', members: [{ staffId: staff['tt.cv2'], role: 'lead' }, { staffId: staff['tt.cv1'], role: 'member' }] });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().party).toBeNull(); // the head signs, but is not on the team
    expect((await api('GET', `/${id}`, 'tt.cv2')).json().party).toMatchObject({ fullName: DENOUNCER.fullName });
    await act(id, 'tt.truong', { action: 'set_team', members: [{ staffId: staff['tt.cv2'], role: 'lead' }] });
    expect((await api('GET', `/${id}`, 'tt.cv1')).json().party).toBeNull();
  });

  it("a complainant's identity, which the law does not keep secret, reaches the case's readers but never a list", async () => {
    const res = await receive('tt.cv1', { kind: 'complaint_first', receivedOn: '2026-02-27', party: { fullName: 'Vàng Văn Khiếu' } });
    expect(res.statusCode, res.body).toBe(201);
    expect((await api('GET', `/${res.json().id}`, 'kiemtra')).json()).toMatchObject({ identityProtected: false, party: { fullName: 'Vàng Văn Khiếu' } });
    expect((await api('GET', '', 'kiemtra')).body).not.toContain('Vàng Văn Khiếu');
  });
});

describe('permissions and versions', () => {
  it('answers 403 to a reader who may not act, 404 outside reach, 409 on a stale version or a wrong state', async () => {
    const id = (await receive('tt.cv1', { kind: 'denunciation', receivedOn: '2026-03-02' })).json().id as number;
    expect((await receive('kiemtra', { kind: 'denunciation', receivedOn: '2026-03-02' })).statusCode).toBe(403);
    expect((await receive('lanhdao.sxd', { kind: 'denunciation', receivedOn: '2026-03-02' })).statusCode).toBe(404);
    expect((await act(id, 'kiemtra', { action: 'accept', on: '2026-03-02' })).statusCode).toBe(403);
    expect((await act(id, 'lanhdao.sxd', { action: 'accept', on: '2026-03-02' })).statusCode).toBe(404);
    expect((await act(id, 'tt.cv1', { action: 'accept', on: '2026-03-03' })).statusCode).toBe(400); // tomorrow
    const accepted = await act(id, 'tt.cv1', { action: 'accept', on: '2026-03-02' });
    expect(accepted.json()).toMatchObject({ status: 'accepted', acceptedOn: '2026-03-02' });
    const stale = await api('POST', `/${id}/actions`, 'tt.cv1', { version: accepted.json().version - 1, action: 'start_verification' });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'STALE_VERSION']);
    expect((await act(id, 'tt.cv1', { action: 'accept', on: '2026-03-02' })).json().error.code).toBe('CASE_STATE');
    expect((await act(id, 'tt.cv1', { action: 'conclude', outcome: 'unfounded', conclusion: 'Nội dung tố cáo sai.', decisionNo: '5/KL-TTr', decisionDate: '2026-03-02' })).statusCode).toBe(403);
    expect((await act(id, 'tt.truong', { action: 'conclude', outcome: 'unfounded', conclusion: 'Nội dung tố cáo sai.', decisionNo: '5/KL-TTr', decisionDate: '2026-03-02' })).json().status).toBe('concluded');
    expect((await act(id, 'tt.truong', { action: 'publish', on: '2026-03-02' })).json()).toMatchObject({ published: true, publishedOn: '2026-03-02', allowedActions: [] });
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity', '=', 'insp_case').where('entity_id', '=', String(id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['inspection.case_received', 'inspection.case_accept', 'inspection.case_conclude', 'inspection.case_publish']);
    const events = await t.db.selectFrom('insp_case_events').select('action').where('case_id', '=', id).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual(['received', 'accept', 'conclude', 'publish']);
  });

  it('refuses with a reason, and records a petition that is not eligible as refused at once', async () => {
    const bad = await receive('tt.cv1', { kind: 'not_eligible', receivedOn: '2026-03-02' });
    expect(bad.statusCode).toBe(400);
    const res = await receive('tt.cv1', { kind: 'not_eligible', receivedOn: '2026-03-02', notEligibleReason: 'Đơn nặc danh, không rõ nội dung' });
    expect(res.json()).toMatchObject({ status: 'refused', refusalReason: 'Đơn nặc danh, không rõ nội dung', clocks: [] });
  });
});

describe('clocks on both sides of 1/7/2026 (Law 136/2025), on the province calendar', () => {
  beforeAll(() => { clock = new Date('2026-09-30T09:00:00+07:00'); });
  const clockOf = (body: { clocks: { name: string }[] }, name: string) => body.clocks.find((c) => c.name === name);

  it('takes the complaint acceptance period from the rule set in force on the day of receipt', async () => {
    const before = (await receive('tt.cv1', { kind: 'complaint_first', receivedOn: '2026-06-30' })).json();
    expect(clockOf(before, 'acceptance')).toMatchObject({ dueOn: '2026-07-10', period: { days: 10, kind: 'calendar' }, rulesFrom: '2012-07-01', verified: true, state: 'overdue' });
    const after = (await receive('tt.cv1', { kind: 'complaint_first', receivedOn: '2026-07-01' })).json();
    // Ten days end on Saturday 11/7: the period ends on the next working day (Civil Code art. 148(5)).
    expect(clockOf(after, 'acceptance')).toMatchObject({ dueOn: '2026-07-13', rulesFrom: '2026-07-01', verified: false });

    let res = await act(after.id, 'tt.cv1', { action: 'accept', on: '2026-07-02' });
    expect(clockOf(res.json(), 'acceptance')).toMatchObject({ doneOn: '2026-07-02', state: 'done_in_time' });
    expect(clockOf(res.json(), 'resolution')).toMatchObject({ dueOn: '2026-08-03', period: { days: 30 }, rulesFrom: '2026-07-01', state: 'overdue' });
    // A remote, complex case: 60 days end on 31/8, swapped off, then Quốc khánh 1–2/9: Thursday 3/9.
    res = await act(after.id, 'tt.cv1', { action: 'classify', remoteArea: true, complexity: 'complex' });
    expect(clockOf(res.json(), 'resolution')).toMatchObject({ dueOn: '2026-09-03', period: { days: 60 } });
    expect((await act(after.id, 'tt.truong', { action: 'extend', days: 10, decisionNo: '1/QĐ', decidedOn: '2026-07-20' })).json().error.code).toBe('NO_EXTENSION');
  });

  it('counts a denunciation intake in working days and its resolution, with its extension, in calendar days', async () => {
    const intake = (await receive('tt.cv1', { kind: 'denunciation', receivedOn: '2026-08-28' })).json();
    // 7 working days from Friday 28/8: 31/8, 1/9 and 2/9 are off, so 3, 4, 7, 8, 9, 10, 11/9.
    expect(clockOf(intake, 'intake')).toMatchObject({ dueOn: '2026-09-11', period: { days: 7, kind: 'working' }, rulesFrom: '2026-07-01', verified: false });

    const old = (await receive('tt.cv1', { kind: 'denunciation', receivedOn: '2026-06-25' })).json();
    expect(clockOf(old, 'intake')).toMatchObject({ rulesFrom: '2019-01-01', verified: true });
    let res = await act(old.id, 'tt.cv1', { action: 'accept', on: '2026-06-30' });
    expect(clockOf(res.json(), 'resolution')).toMatchObject({ dueOn: '2026-07-30', rulesFrom: '2019-01-01', latestPossibleOn: '2026-07-30' });
    expect((await act(old.id, 'tt.truong', { action: 'extend', days: 30, decisionNo: '12/QĐ-TTr', decidedOn: '2026-07-25' })).json().error.code).toBe('EXTENSION_NOT_ALLOWED');
    await act(old.id, 'tt.cv1', { action: 'classify', complexity: 'complex' });
    expect((await act(old.id, 'tt.cv1', { action: 'extend', days: 30, decisionNo: '12/QĐ-TTr', decidedOn: '2026-07-25' })).statusCode).toBe(403);
    res = await act(old.id, 'tt.truong', { action: 'extend', days: 30, decisionNo: '12/QĐ-TTr', decidedOn: '2026-07-25' });
    // 60 days from 30/6 end on Saturday 29/8; 31/8, 1/9 and 2/9 are off: Thursday 3/9.
    expect(clockOf(res.json(), 'resolution')).toMatchObject({ dueOn: '2026-09-03', period: { days: 60 }, state: 'overdue' });
    expect(res.json().extensions).toEqual([30]);
    expect((await act(old.id, 'tt.truong', { action: 'extend', days: 10, decisionNo: '13/QĐ-TTr', decidedOn: '2026-08-25' })).json().error.code).toBe('EXTENSION_NOT_ALLOWED');
    res = await act(old.id, 'tt.truong', { action: 'conclude', outcome: 'partly_founded', conclusion: 'Tố cáo đúng một phần.', decisionNo: '20/KL-TTr', decisionDate: '2026-09-02' });
    expect(clockOf(res.json(), 'resolution')).toMatchObject({ doneOn: '2026-09-02', state: 'done_in_time' });
  });
});

describe('feedback about an official turned into a denunciation', () => {
  it("is drafted for the official's head from the item, received with its source, and keeps the submitter to the team", async () => {
    const official = await t.db.selectFrom('org_staff').select(['id', 'public_id']).where('id', '=', staff['chuyenvien.sxd']!).executeTakeFirstOrThrow();
    const sent = await t.request('POST', '/api/v1/public/feedback', { body: {
      categoryCode: 'phuc-vu', about: { kind: 'official', staffPublicId: official.public_id }, title: 'Cán bộ đòi tiền ngoài quy định',
      content: 'Cán bộ yêu cầu nộp thêm tiền mới nhận hồ sơ.', submitter: { name: 'Vàng Thị Phản Ánh', phone: '0977123456', address: 'Bản Hon, xã Bình Lư' }, consentToPublish: false,
    } });
    expect(sent.statusCode, sent.body).toBe(201);
    const code = sent.json().code as string;

    // Someone who handles no case anywhere is refused; one who cannot see the item gets its 404.
    expect((await api('GET', `/draft-from-feedback/${code}`, 'kiemtra')).statusCode).toBe(403);
    expect((await api('GET', `/draft-from-feedback/${code}`, 'tt.cv1')).statusCode).toBe(404);
    expect((await api('GET', '/draft-from-feedback/PAKN-KHONG-CO', 'lanhdao.sxd')).statusCode).toBe(404);

    const draft = await api('GET', `/draft-from-feedback/${code}`, 'lanhdao.sxd');
    expect(draft.statusCode, draft.body).toBe(200);
    const sxd = await t.unitId('H30.105');
    expect(draft.json()).toMatchObject({
      kind: 'denunciation', channel: 'feedback', sourceRef: code, feedbackId: code, handlingUnitId: sxd, subjectStaffId: official.id,
      party: { fullName: 'Vàng Thị Phản Ánh', phone: '0977123456', address: 'Bản Hon, xã Bình Lư' },
    });
    expect(draft.json().summary).toContain('đòi tiền');

    // The officer received it a day later; an item the caller cannot see is refused as a source.
    clock = new Date('2026-03-03T03:00:00Z');
    const { feedbackId, ...body } = draft.json();
    expect((await api('POST', '', 'lanhdao.sxd', { ...body, feedbackId: 'PAKN-KHONG-CO', receivedOn: '2026-03-03' })).statusCode).toBe(400);
    const res = await api('POST', '', 'lanhdao.sxd', { ...body, feedbackId, sourceRef: undefined, receivedOn: '2026-03-03' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'feedback', sourceRef: code, onTeam: true, party: { fullName: 'Vàng Thị Phản Ánh' } });
    expect(res.json().events[0].details).toMatchObject({ feedback: code });
    clock = TEST_NOW;
  });
});
