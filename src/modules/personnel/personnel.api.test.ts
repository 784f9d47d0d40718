import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';

// The clock is pinned at Monday 02/03/2026 09:00 (TEST_NOW). Sở Tư pháp (H30.102) has no scheme in the demo:
// its HR officer proposes one, the Department of Home Affairs appraises and approves it, a specialist is
// placed, corrects their record, is viewed, evaluated, and a colleague leaves.
let t: TestApp;
const s = {} as Record<string, Session>;
const u = {} as Record<string, number>;
const NAMES = ['admin', 'nhansu.stp', 'nhansu.snv', 'lanhdao.snv', 'lanhdao.stp', 'chuyenvien.stp', 'lanhdao.sxd'];
const api = (method: string, url: string, who: string, body?: unknown) => t.request(method, `/api/v1/personnel${url}`, { session: s[who]!, body });
const staffOf = async (username: string) => (await t.db.selectFrom('auth_accounts').select('staff_id').where('username', '=', username).executeTakeFirstOrThrow()).staff_id;
const personOf = async (username: string) => (await t.db.selectFrom('hr_people').select(['id', 'version']).where('staff_id', '=', await staffOf(username)).executeTakeFirstOrThrow());

beforeAll(async () => {
  t = await createTestApp();
  for (const name of NAMES) s[name] = await t.login(name);
  for (const code of ['H30.102', 'H30.105']) u[code] = await t.unitId(code);
});
afterAll(async () => { await t?.close(); });

/** A new staff member of Sở Tư pháp with an account and a record (as the administrator and HR would make them). */
async function colleague(username: string, fullName: string) {
  const made = await t.request('POST', '/api/v1/org/staff', { session: s.admin!, body: { fullName, unitId: await t.unitId('H30.102.02'), position: 'Chuyên viên', username, password: 'Mat-khau-Lai-Chau-2026', roles: [{ role: 'specialist', unitId: await t.unitId('H30.102.02') }] } });
  expect(made.statusCode, made.body).toBe(201);
  const opened = await api('POST', '/people', 'nhansu.stp', { staffId: made.json().id, recruitedOn: '2019-09-01', record: { sex: 'female', ethnicity: 'Thái' } });
  expect(opened.statusCode, opened.body).toBe(201);
  await t.db.updateTable('auth_accounts').set({ must_change_password: false }).where('username', '=', username).execute();
  return { staffId: made.json().id as number, personId: opened.json().id as number };
}

describe('a job-position scheme from proposal to approval, and a placement against it', () => {
  let scheme: { id: number; version: number };
  const positions = [
    { code: 'LD-01', name: 'Giám đốc Sở', category: 'leadership', gradeCode: '01.001', gradeName: 'Chuyên viên cao cấp', quota: 1 },
    { code: 'CM-01', name: 'Chuyên viên bổ trợ tư pháp', category: 'professional', gradeCode: '01.003', gradeName: 'Chuyên viên', quota: 1 },
  ];

  it('is proposed by the unit\'s HR officer only', async () => {
    expect((await api('POST', '/schemes', 'chuyenvien.stp', { unitId: u['H30.102'], effectiveFrom: '2026-03-01', positions })).statusCode).toBe(404);
    expect((await api('POST', '/schemes', 'lanhdao.stp', { unitId: u['H30.102'], effectiveFrom: '2026-03-01', positions })).statusCode).toBe(403);
    const dup = await api('POST', '/schemes', 'nhansu.stp', { unitId: u['H30.102'], effectiveFrom: '2026-03-01', positions: [positions[0], positions[0]] });
    expect(dup.statusCode).toBe(400);
    expect(dup.body).toContain('Mã vị trí bị trùng');
    const res = await api('POST', '/schemes', 'nhansu.stp', { unitId: u['H30.102'], effectiveFrom: '2026-03-01', positions });
    expect(res.statusCode, res.body).toBe(201);
    scheme = res.json();
    expect(scheme).toMatchObject({ status: 'draft', versionNo: 1, unitName: 'Sở Tư pháp' });
  });

  it('goes to the Department, which returns it with a reason, then agrees; its head records the decision', async () => {
    let res = await api('POST', `/schemes/${scheme.id}/submit`, 'nhansu.stp', { version: scheme.version });
    expect(res.json().status).toBe('submitted');
    expect((await api('POST', `/schemes/${scheme.id}/appraise`, 'nhansu.stp', { version: res.json().version, outcome: 'agree', note: '' })).statusCode).toBe(403);
    expect((await api('POST', `/schemes/${scheme.id}/appraise`, 'nhansu.snv', { version: res.json().version, outcome: 'return', note: '' })).statusCode).toBe(400);
    res = await api('POST', `/schemes/${scheme.id}/appraise`, 'nhansu.snv', { version: res.json().version, outcome: 'return', note: 'Thiếu khung năng lực của vị trí chuyên viên' });
    expect(res.json()).toMatchObject({ status: 'returned', appraisalNote: 'Thiếu khung năng lực của vị trí chuyên viên' });
    res = await api('PUT', `/schemes/${scheme.id}`, 'nhansu.stp', { version: res.json().version, positions: positions.map((p) => ({ ...p, competencies: 'Nghiệp vụ bổ trợ tư pháp' })) });
    res = await api('POST', `/schemes/${scheme.id}/submit`, 'nhansu.stp', { version: res.json().version });
    res = await api('POST', `/schemes/${scheme.id}/appraise`, 'nhansu.snv', { version: res.json().version, outcome: 'agree', note: '' });
    expect(res.json().status).toBe('appraised');
    expect((await api('POST', `/schemes/${scheme.id}/approve`, 'nhansu.snv', { version: res.json().version, decisionNo: '210/QĐ-UBND', decisionDate: '2026-02-27', signer: 'Chủ tịch UBND tỉnh' })).statusCode).toBe(403);
    expect((await api('POST', `/schemes/${scheme.id}/approve`, 'lanhdao.snv', { version: res.json().version - 1, decisionNo: '210/QĐ-UBND', decisionDate: '2026-02-27', signer: 'Chủ tịch UBND tỉnh' })).statusCode).toBe(409);
    res = await api('POST', `/schemes/${scheme.id}/approve`, 'lanhdao.snv', { version: res.json().version, decisionNo: '210/QĐ-UBND', decisionDate: '2026-02-27', signer: 'Chủ tịch UBND tỉnh' });
    expect(res.json()).toMatchObject({ status: 'approved', decisionNo: '210/QĐ-UBND' });
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity', '=', 'hr_scheme').where('entity_id', '=', String(scheme.id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['personnel.scheme_created', 'personnel.scheme_submitted', 'personnel.scheme_returned', 'personnel.scheme_edited', 'personnel.scheme_submitted', 'personnel.scheme_appraised', 'personnel.scheme_approved']);
  });

  it('places a specialist of a section in a position of the department\'s scheme; the gap closes, a second placement shows the overfill', async () => {
    const before = await api('GET', `/units/${u['H30.102']}/positions?day=2026-03-02`, 'nhansu.stp');
    expect(before.json().totals).toEqual({ quota: 2, filled: 0, vacant: 2, over: 0 });
    const p = await personOf('chuyenvien.stp');
    const bad = await api('POST', `/people/${p.id}/movements`, 'nhansu.stp', { version: p.version, kind: 'appointment', on: '2026-03-02', positionCode: 'XX-99', decisionNo: '15/QĐ-STP', decisionDate: '2026-03-01' });
    expect(bad.statusCode).toBe(400);
    const ok = await api('POST', `/people/${p.id}/movements`, 'nhansu.stp', { version: p.version, kind: 'appointment', on: '2026-03-02', positionCode: 'CM-01', decisionNo: '15/QĐ-STP', decisionDate: '2026-03-01' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await api('POST', `/people/${p.id}/movements`, 'nhansu.stp', { version: p.version, kind: 'appointment', on: '2026-03-02', positionCode: 'CM-01', decisionNo: '16/QĐ-STP', decisionDate: '2026-03-01' })).statusCode).toBe(409);
    const other = await colleague(`cv.stp.${process.pid}`, 'Lò Văn Pẳng');
    const v = (await t.db.selectFrom('hr_people').select('version').where('id', '=', other.personId).executeTakeFirstOrThrow()).version;
    await api('POST', `/people/${other.personId}/movements`, 'nhansu.stp', { version: v, kind: 'appointment', on: '2026-03-02', positionCode: 'CM-01', decisionNo: '17/QĐ-STP', decisionDate: '2026-03-01' });
    const after = await api('GET', `/units/${u['H30.102']}/positions?day=2026-03-02`, 'nhansu.stp');
    expect(after.json().totals).toEqual({ quota: 2, filled: 2, vacant: 1, over: 1 });
    expect(after.json().rows[1].holders.map((h: { fullName: string }) => h.fullName).sort()).toEqual(['Lò Văn Pẳng', 'Vàng A Dính']);
    const board = await api('GET', '/board?day=2026-03-02', 'nhansu.snv');
    const row = board.json().rows.find((r: { unitId: number }) => r.unitId === u['H30.102']);
    expect(row).toMatchObject({ quota: 2, filled: 2, over: 1 });
    expect(row.placement.placed).toBe(2);
    expect(board.json().deadline).toBe('2027-07-01');
  });
});

describe('the record: changes apply only once approved, views by others are logged', () => {
  it('a person proposes a correction; nothing changes until HR approves it', async () => {
    const me = await api('GET', '/me', 'chuyenvien.stp');
    expect(me.statusCode).toBe(200);
    expect(me.json().standing).toBe('self');
    const before = me.json().record.foreignLanguage;
    const proposed = await api('POST', `/people/${me.json().person.id}/changes`, 'chuyenvien.stp', { set: { foreignLanguage: 'Tiếng Anh bậc 4' }, reason: 'Đã có chứng chỉ mới' });
    expect(proposed.statusCode, proposed.body).toBe(201);
    expect((await api('GET', '/me', 'chuyenvien.stp')).json().record.foreignLanguage).toBe(before);
    expect((await api('POST', `/changes/${proposed.json().id}/decide`, 'lanhdao.stp', { decision: 'approve' })).statusCode).toBe(403);
    const queue = await api('GET', '/changes', 'nhansu.stp');
    expect(queue.json().find((c: { id: number }) => c.id === proposed.json().id).diff).toEqual([{ field: 'foreignLanguage', before, after: 'Tiếng Anh bậc 4' }]);
    expect((await api('POST', `/changes/${proposed.json().id}/decide`, 'nhansu.stp', { decision: 'approve' })).statusCode).toBe(200);
    expect((await api('GET', '/me', 'chuyenvien.stp')).json().record.foreignLanguage).toBe('Tiếng Anh bậc 4');
    expect((await api('POST', `/changes/${proposed.json().id}/decide`, 'nhansu.stp', { decision: 'reject' })).statusCode).toBe(409);
  });

  it('the unit head must say why to read it, and the person sees who did and why; HR and the person leave no trace; another agency sees nothing', async () => {
    const p = await personOf('chuyenvien.stp');
    const count = async () => Number((await t.db.selectFrom('hr_record_views').select((eb) => eb.fn.countAll().as('n')).where('person_id', '=', p.id).executeTakeFirstOrThrow()).n);
    const start = await count();
    await api('GET', `/people/${p.id}`, 'nhansu.stp');
    await api('GET', '/me', 'chuyenvien.stp');
    expect(await count()).toBe(start);
    const noReason = await api('GET', `/people/${p.id}`, 'lanhdao.stp');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toContain('cần nêu lý do');
    const read = await api('GET', `/people/${p.id}?reason=${encodeURIComponent('Xem xét đề nghị khen thưởng')}`, 'lanhdao.stp');
    expect(read.statusCode).toBe(200);
    expect(read.json().viewLogged).toBe(true);
    expect(await count()).toBe(start + 1);
    const views = await api('GET', `/people/${p.id}/views`, 'chuyenvien.stp');
    expect(views.json()[0]).toMatchObject({ viewer: 'Đặng Quốc Việt', reason: 'Xem xét đề nghị khen thưởng', what: 'record' });
    expect((await api('GET', `/people/${p.id}/views`, 'lanhdao.stp')).statusCode).toBe(403);
    expect((await api('GET', `/people/${p.id}?reason=${encodeURIComponent('Tò mò xem hồ sơ')}`, 'lanhdao.sxd')).statusCode).toBe(404);
    const audit = await t.db.selectFrom('audit_events').select(['actor_name', 'summary']).where('action', '=', 'personnel.record_viewed').where('entity_id', '=', String(p.id)).execute();
    expect(audit.map((a) => a.actor_name)).toEqual(['Đặng Quốc Việt (lanhdao.stp)']);
    expect(JSON.stringify(audit[0]!.summary)).toContain('Xem xét đề nghị khen thưởng');
  });

  it('exports the form as PDF and DOCX under the same rule', async () => {
    const p = await personOf('chuyenvien.stp');
    const pdf = await api('GET', `/people/${p.id}/form.pdf`, 'nhansu.stp');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await api('GET', `/people/${p.id}/form.docx`, 'lanhdao.stp')).statusCode).toBe(400);
  });
});

describe('roles, leaving, and the year-end rating with the quota', () => {
  it('roles are edited with a reason; the administrator role and one\'s own roles are refused', async () => {
    const p = await personOf('chuyenvien.stp');
    expect((await api('PUT', `/people/${p.id}/grants`, 'nhansu.stp', { grants: [{ role: 'admin', unitId: u['H30.102'] }], reason: 'Thử cấp quyền quản trị' })).statusCode).toBe(400);
    expect((await api('PUT', `/people/${p.id}/grants`, 'nhansu.stp', { grants: [{ role: 'specialist', unitId: u['H30.105'] }], reason: 'Ngoài phạm vi quản lý' })).statusCode).toBe(400);
    const own = await personOf('nhansu.stp').catch(() => undefined);
    if (own) expect((await api('PUT', `/people/${own.id}/grants`, 'nhansu.stp', { grants: [{ role: 'unit_head', unitId: u['H30.102'] }], reason: 'Tự nâng quyền' })).statusCode).toBe(400);
    const res = await api('PUT', `/people/${p.id}/grants`, 'nhansu.stp', { grants: [{ role: 'specialist', unitId: u['H30.102'] }], reason: 'Giao xử lý hồ sơ toàn Sở' });
    expect(res.json().grants).toEqual([{ role: 'specialist', unitId: u['H30.102'] }]);
    const audit = await t.db.selectFrom('audit_events').select('summary').where('action', '=', 'personnel.grants_changed').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.summary)).toContain('Giao xử lý hồ sơ toàn Sở');
    const again = await t.login('chuyenvien.stp');
    const who = await t.request('GET', '/api/v1/auth/me', { session: again });
    expect(JSON.stringify(who.json())).toContain(`"unitId":${u['H30.102']}`);
  });

  it('leaving disables the account at once: the open session ends and the password no longer signs in', async () => {
    const name = `roi.stp.${process.pid}`;
    const c = await colleague(name, 'Tao Văn Sơn');
    const session = await t.login(name, 'Mat-khau-Lai-Chau-2026');
    expect((await t.request('GET', '/api/v1/auth/me', { session })).statusCode).toBe(200);
    const v = (await t.db.selectFrom('hr_people').select('version').where('id', '=', c.personId).executeTakeFirstOrThrow()).version;
    expect((await api('POST', `/people/${c.personId}/movements`, 'nhansu.stp', { version: v, kind: 'leaving', on: '2026-03-09', decisionNo: '20/QĐ-STP', decisionDate: '2026-03-01' })).statusCode).toBe(400);
    const left = await api('POST', `/people/${c.personId}/movements`, 'nhansu.stp', { version: v, kind: 'leaving', on: '2026-03-02', decisionNo: '20/QĐ-STP', decisionDate: '2026-03-01' });
    expect(left.json()).toMatchObject({ kind: 'leaving', accountDisabled: true });
    expect((await t.request('GET', '/api/v1/auth/me', { session })).statusCode).toBe(401);
    const login = await t.request('POST', '/api/v1/auth/login', { body: { username: name, password: 'Mat-khau-Lai-Chau-2026' } });
    expect(login.statusCode).toBe(401);
  });

  it('rates two who both reach "excellent"; the province\'s quota (20 % of those good or better) rates them "good", and says why', async () => {
    const mine = await personOf('chuyenvien.stp');
    const second = await colleague(`xs.stp.${process.pid}`, 'Lường Thị Nga');
    const secondSession = await t.login(`xs.stp.${process.pid}`, 'Mat-khau-Lai-Chau-2026');
    const self = { selfAssessment: 'Hoàn thành vượt mức các nhiệm vụ được giao.', generalPoints: 19, taskPoints: 76, tasks: { total: 6, done: 6, exceeded: 4 }, criteria: { total: 8, weak: 0, failed: 0 } };
    expect((await api('PUT', `/people/${mine.id}/evaluations/2026/self`, 'nhansu.stp', self)).statusCode).toBe(403);
    expect((await api('PUT', `/people/${mine.id}/evaluations/2026/self`, 'chuyenvien.stp', self)).statusCode).toBe(200);
    expect((await t.request('PUT', `/api/v1/personnel/people/${second.personId}/evaluations/2026/self`, { session: secondSession, body: self })).statusCode).toBe(200);
    expect((await api('POST', '/evaluations/approve', 'lanhdao.stp', { unitId: u['H30.102'], year: 2026 })).statusCode).toBe(409);
    for (const id of [mine.id, second.personId]) {
      const sheet = (await api('GET', `/people/${id}/evaluations/2026`, 'lanhdao.stp')).json();
      expect(sheet.canReview).toBe(true);
      const r = await api('PUT', `/people/${id}/evaluations/2026/review`, 'lanhdao.stp', { version: sheet.sheet.version, managerComment: 'Đồng ý', meetingMinutes: 'Biên bản họp ngày 02/03/2026', generalPoints: 19, taskPoints: 76 });
      expect(r.json()).toMatchObject({ status: 'reviewed', points: 95, proposedRating: 'excellent' });
    }
    expect((await api('POST', '/evaluations/approve', 'nhansu.stp', { unitId: u['H30.102'], year: 2026 })).statusCode).toBe(403);
    const approved = await api('POST', '/evaluations/approve', 'lanhdao.stp', { unitId: u['H30.102'], year: 2026 });
    expect(approved.json().demoted.sort()).toEqual([mine.id, second.personId].sort());
    const list = await api('GET', `/evaluations?unitId=${u['H30.102']}&year=2026`, 'lanhdao.stp');
    const rated = list.json().items.filter((i: { personId: number }) => [mine.id, second.personId].includes(i.personId));
    expect(rated.map((r: { rating: string; demoted: boolean }) => [r.rating, r.demoted])).toEqual([['good', true], ['good', true]]);
    const sheet = (await api('GET', `/people/${mine.id}/evaluations/2026`, 'chuyenvien.stp')).json();
    expect(sheet.sheet.reasons.at(-1)).toContain('Vượt tỷ lệ "Hoàn thành xuất sắc"');
  });

  it('counts the serving civil servants in the staffing table and its workbook alike', async () => {
    const stats = (await api('GET', '/stats?day=2026-03-02', 'nhansu.snv')).json();
    const serving = await t.db.selectFrom('hr_people').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'serving').where('recruited_on', '<=', '2026-03-02').executeTakeFirstOrThrow();
    expect(stats.total.total).toBe(Number(serving.n));
    expect(stats.rows.reduce((a: number, r: { counts: { total: number } }) => a + r.counts.total, 0)).toBe(stats.total.total);
    const xlsx = await api('GET', '/stats.xlsx?day=2026-03-02', 'nhansu.snv');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    const sheet = wb.worksheets[0]!;
    let totalRow: ExcelJS.Row | undefined;
    sheet.eachRow((row) => { if (String(row.getCell(2).value ?? '').includes('Tổng cộng')) totalRow = row; });
    expect(totalRow).toBeDefined();
    expect(Number(totalRow!.getCell(3).value)).toBe(stats.total.total);
  });
});
