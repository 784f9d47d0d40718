import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { TEST_NOW } from '../../../test/support/test-db.js';

// Sở Tư pháp (H30.102) considers discipline for its specialist Vàng A Dính (chuyenvien.stp): its HR officer
// (nhansu.stp) prepares the case, its deputy director (lanhdao.stp) chairs the council and decides. The
// clock starts at TEST_NOW (2/3/2026) and moves on to see the reprimand in force, then lapsed. Tết Bính Ngọ
// (16–20/2/2026) and 30/4–1/5 are off in the demo calendar.
let t: TestApp;
let clock = TEST_NOW;
const s = {} as Record<string, Session>;
const staff = {} as Record<string, number>;
let unit: number;
const P = '/api/v1/inspection/discipline';
const api = (method: string, url: string, who: string, body?: unknown) => t.request(method, `${P}${url}`, { session: s[who]!, body });
const act = async (id: number, who: string, body: Record<string, unknown>) => {
  const version = (await api('GET', `/${id}`, 'nhansu.stp')).json().version as number;
  return api('POST', `/${id}/actions`, who, { version, ...body });
};
const clockOf = (body: { clocks: { name: string }[] }, name: string) => body.clocks.find((c) => c.name === name);
const MINUTES = 'Ý kiến của ông Tòng Văn Ủy viên: đề nghị cảnh cáo vì đã được nhắc nhở nhiều lần.';
const open = (body: Record<string, unknown> = {}) => api('POST', '', 'nhansu.stp', {
  unitId: unit, subjectStaffId: staff['chuyenvien.stp'], personKind: 'cong_chuc', offenceSummary: 'Chậm giải quyết hồ sơ, gây phiền hà cho công dân',
  offenceEndedOn: '2025-12-15', limitationClass: 'reprimand_level', discoveredOn: '2026-02-02', ...body,
});

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  for (const name of ['admin', 'nhansu.stp', 'lanhdao.stp', 'chuyenvien.stp', 'lanhdao.sxd', 'kiemtra']) {
    s[name] = await t.login(name);
    staff[name] = (await t.db.selectFrom('auth_accounts').select('staff_id').where('username', '=', name).executeTakeFirstOrThrow()).staff_id;
  }
  unit = await t.unitId('H30.102');
  const leader = await t.request('POST', '/api/v1/org/staff', { session: s.admin!, body: { fullName: 'Tòng Văn Trưởng Phòng', unitId: await t.unitId('H30.102.02'), position: 'Trưởng phòng Bổ trợ tư pháp' } });
  staff.leader = leader.json().id;
  const sister = await t.request('POST', '/api/v1/org/staff', { session: s.admin!, body: { fullName: 'Vàng Thị Em Ruột', unitId: await t.unitId('H30.102.01'), position: 'Chuyên viên' } });
  staff.sister = sister.json().id;
});
afterAll(async () => { await t?.close(); });

describe('a discipline case through the council to a reprimand, and its lapse', () => {
  let id: number;

  it('is opened by HR, not by a reader or an outsider, with its clocks from discovery', async () => {
    expect((await open()).statusCode).toBe(201);
    const body = { unitId: unit, subjectStaffId: staff['chuyenvien.stp'], personKind: 'cong_chuc', offenceSummary: 'Chậm trễ', offenceEndedOn: '2025-12-15', limitationClass: 'reprimand_level', discoveredOn: '2026-02-02' };
    for (const who of ['kiemtra', 'lanhdao.sxd', 'chuyenvien.stp']) expect((await api('POST', '', who, body)).statusCode, who).toBe(404);
    expect((await open({ discoveredOn: '2025-06-30' })).json().error.fields[0].message).toContain('01/07/2025');
    const res = await open({ offenceSummary: 'Không tiếp nhận hồ sơ đủ điều kiện, yêu cầu bổ sung giấy tờ ngoài quy định' });
    id = res.json().id;
    // 90 days from 2/2/2026 end on Sunday 3/5: Monday 4/5. Five years from 15/12/2025 for a reprimand-level offence.
    expect(clockOf(res.json(), 'time_limit')).toMatchObject({ dueOn: '2026-05-04', state: 'running' });
    expect(clockOf(res.json(), 'limitation')).toMatchObject({ dueOn: '2030-12-16', state: 'running' }); // 15/12/2030 is a Sunday
    expect(res.json()).toMatchObject({ stage: 'opened', formsAllowed: ['khien_trach', 'canh_cao', 'buoc_thoi_viec'] });
  });

  it('records the steps in order, their timers skipping Tết, and refuses one out of order', async () => {
    expect((await act(id, 'nhansu.stp', { action: 'record_step', step: 'review_meeting', on: '2026-02-12' })).json().error.code).toBe('STEP_ORDER');
    await act(id, 'nhansu.stp', { action: 'record_step', step: 'notice', on: '2026-02-03' });
    let res = await act(id, 'nhansu.stp', { action: 'record_step', step: 'review_meeting', on: '2026-02-12' });
    // Three working days after Thursday 12/2: 13/2, then Tết and the weekends, then 23 and 24/2 — past, on 2/3.
    expect(clockOf(res.json(), 'review_report')).toMatchObject({ dueOn: '2026-02-24', state: 'overdue' });
    res = await act(id, 'nhansu.stp', { action: 'record_step', step: 'review_report', on: '2026-02-24' });
    expect(clockOf(res.json(), 'review_report')).toMatchObject({ doneOn: '2026-02-24', state: 'done_in_time' });
    expect(clockOf(res.json(), 'council_set_up')).toMatchObject({ dueOn: '2026-03-03' });
  });

  it('sets up a council of three with no relative of the person', async () => {
    const members = [{ staffId: staff['lanhdao.stp'], role: 'chair' }, { staffId: staff.sister, role: 'employing_unit_leader' }, { staffId: staff['nhansu.stp'], role: 'personnel' }];
    const relatives = [{ staffId: staff.sister, kind: 'sibling' }];
    let res = await act(id, 'nhansu.stp', { action: 'set_council', on: '2026-02-25', members, relatives });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].message).toContain('Người thân');
    res = await act(id, 'nhansu.stp', { action: 'set_council', on: '2026-02-25', members: members.slice(0, 2), relatives });
    expect(res.json().error.fields.map((f: { message: string }) => f.message)).toContain('Hội đồng kỷ luật có đúng 3 thành viên (điều 19).');
    members[1] = { staffId: staff.leader!, role: 'employing_unit_leader' };
    res = await act(id, 'nhansu.stp', { action: 'set_council', on: '2026-02-25', members, relatives });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().council.map((m: { role: string }) => m.role)).toEqual(['chair', 'employing_unit_leader', 'personnel']);
  });

  it("keeps the council's ballot and minutes from the person under discipline, who still reads the case", async () => {
    clock = new Date('2026-03-20T09:00:00+07:00');
    await act(id, 'nhansu.stp', { action: 'record_step', step: 'summons', on: '2026-02-25' });
    let res = await act(id, 'nhansu.stp', { action: 'record_step', step: 'council_meeting', on: '2026-03-04' });
    // At least five working days before Wednesday 4/3: the summons of 25/2 was in time.
    expect(clockOf(res.json(), 'summons')).toMatchObject({ dueOn: '2026-02-25', doneOn: '2026-02-25', state: 'done_in_time' });
    expect((await act(id, 'nhansu.stp', { action: 'record_ballot', yes: 3, no: 0, forms: { khien_trach: 1, canh_cao: 2 }, recommendedForm: 'khien_trach', minutes: MINUTES })).statusCode).toBe(400);
    res = await act(id, 'nhansu.stp', { action: 'record_ballot', yes: 3, no: 0, forms: { khien_trach: 2, canh_cao: 1 }, recommendedForm: 'khien_trach', minutes: MINUTES });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().deliberations).toEqual({ ballot: { present: 3, yes: 3, no: 0, forms: { khien_trach: 2, canh_cao: 1 } }, minutes: MINUTES });

    const own = await api('GET', `/${id}`, 'chuyenvien.stp');
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ standing: 'subject', deliberations: null, deliberationsHidden: true, allowedActions: [] });
    expect(own.body).not.toContain('Tòng Văn Ủy viên');
    expect(own.body).not.toContain('canh_cao":');
    expect((await api('GET', '', 'chuyenvien.stp')).json().cases.map((c: { id: number }) => c.id)).toContain(id);
    expect((await act(id, 'chuyenvien.stp', { action: 'record_step', step: 'recommendation', on: '2026-03-06' })).statusCode).toBe(403);
    expect((await api('GET', `/${id}`, 'lanhdao.sxd')).statusCode).toBe(404);
    const audit = await t.db.selectFrom('audit_events').select('summary').where('entity', '=', 'insp_discipline_case').where('entity_id', '=', String(id)).execute();
    expect(JSON.stringify(audit)).not.toContain('Tòng Văn Ủy viên');
  });

  it('is decided by the head as a reprimand, in force 12 months, then lapses by itself', async () => {
    let res = await act(id, 'nhansu.stp', { action: 'record_step', step: 'recommendation', on: '2026-03-06' });
    expect(clockOf(res.json(), 'time_limit')).toMatchObject({ name: 'time_limit', dueOn: '2026-05-04' });
    const decision = { action: 'decide', form: 'khien_trach', decisionNo: '45/QĐ-STP', decisionDate: '2026-03-10', effectiveOn: '2026-03-10' };
    expect((await act(id, 'nhansu.stp', decision)).statusCode).toBe(403);
    const version = res.json().version as number;
    res = await api('POST', `/${id}/actions`, 'lanhdao.stp', { ...decision, version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'decided', decision: { form: 'khien_trach', effectiveOn: '2026-03-10', lapsesOn: '2027-03-11', lastDayInForce: '2027-03-10', inForce: true }, allowedActions: [] });
    expect(res.json().clocks.filter((c: { state: string }) => c.state !== 'done_in_time')).toEqual([]);
    const stale = await api('POST', `/${id}/actions`, 'lanhdao.stp', { ...decision, version });
    expect(stale.statusCode).toBe(409);

    expect((await t.services.inspection.discipline.inForceFor([staff['chuyenvien.stp']!], '2027-03-10')).get(staff['chuyenvien.stp']!)).toMatchObject({ form: 'khien_trach', lapsesOn: '2027-03-11' });
    expect((await t.services.inspection.discipline.inForceFor([staff['chuyenvien.stp']!], '2027-03-11')).size).toBe(0);
    clock = new Date('2027-03-11T08:00:00+07:00');
    res = await api('GET', `/${id}`, 'chuyenvien.stp');
    expect(res.json()).toMatchObject({ status: 'decided', decision: { inForce: false, lapsesOn: '2027-03-11' } });
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity', '=', 'insp_discipline_case').where('entity_id', '=', String(id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['inspection.discipline_opened', ...Array(3).fill('inspection.discipline_record_step'), 'inspection.discipline_set_council',
      'inspection.discipline_record_step', 'inspection.discipline_record_step', 'inspection.discipline_record_ballot', 'inspection.discipline_record_step', 'inspection.discipline_decide']);
    clock = new Date('2026-03-20T09:00:00+07:00');
  });
});

describe('limitation and deferral', () => {
  it('refuses the notice once the limitation has run out', async () => {
    const res = await open({ offenceEndedOn: '2020-01-10' });
    const notice = await act(res.json().id, 'nhansu.stp', { action: 'record_step', step: 'notice', on: '2026-03-02' });
    expect(notice.json().error).toMatchObject({ code: 'LIMITATION_EXPIRED' });
    expect(notice.json().error.message).toContain('10/01/2025');
    const other = await open({ offenceEndedOn: '2020-01-10', limitationClass: 'other' });
    expect((await act(other.json().id, 'nhansu.stp', { action: 'record_step', step: 'notice', on: '2026-03-02' })).statusCode).toBe(200);
    // A new offence within the running limitation restarts it (art. 5(1)): five years from 1/3/2022.
    const again = await open({ offenceEndedOn: '2020-01-10', laterOffences: ['2022-03-01'] });
    expect(clockOf(again.json(), 'limitation')).toMatchObject({ dueOn: '2027-03-01' });
    expect(again.json().laterOffences).toEqual(['2022-03-01']);
    expect((await act(again.json().id, 'nhansu.stp', { action: 'record_step', step: 'notice', on: '2026-03-02' })).statusCode).toBe(200);
  });

  it('stops the time to decide while deferred, and no step is taken meanwhile', async () => {
    const id = (await open()).json().id as number;
    let res = await act(id, 'nhansu.stp', { action: 'defer', from: '2026-03-03', reason: 'illness', note: 'Điều trị nội trú' });
    expect(res.json()).toMatchObject({ stage: 'deferred', deferred: true });
    // Open up to today (20/3): 18 days not counted, 108 days from 2/2/2026.
    expect(clockOf(res.json(), 'time_limit')).toMatchObject({ dueOn: '2026-05-21' });
    expect((await act(id, 'nhansu.stp', { action: 'record_step', step: 'notice', on: '2026-03-02' })).json().error.code).toBe('CASE_DEFERRED');
    res = await act(id, 'nhansu.stp', { action: 'resume', lastDeferredDay: '2026-03-12' });
    // 90 + 10 days from 2/2/2026: Wednesday 13/5.
    expect(res.json()).toMatchObject({ deferred: false, deferrals: [{ from: '2026-03-03', to: '2026-03-12', reason: 'illness' }] });
    expect(clockOf(res.json(), 'time_limit')).toMatchObject({ dueOn: '2026-05-13' });
  });
});

describe('a discipline case opened from a founded denunciation', () => {
  it('takes a concluded, founded case about the same person as its source, and refuses any other', async () => {
    clock = new Date('2026-04-20T09:00:00+07:00');
    const C = '/api/v1/inspection/cases';
    const caseAct = async (caseId: number, body: Record<string, unknown>) => {
      const version = (await t.request('GET', `${C}/${caseId}`, { session: s['lanhdao.stp']! })).json().version as number;
      const res = await t.request('POST', `${C}/${caseId}/actions`, { session: s['lanhdao.stp']!, body: { version, ...body } });
      expect(res.statusCode, res.body).toBe(200);
    };
    const received = await t.request('POST', C, { session: s['lanhdao.stp']!, body: {
      kind: 'denunciation', handlingUnitId: unit, receivedOn: '2026-04-01', channel: 'desk', subjectUnitId: unit, subjectStaffId: staff['chuyenvien.stp'],
      summary: 'Công chức yêu cầu nộp giấy tờ ngoài quy định', party: { fullName: 'Người Tố Cáo Kỷ Luật' },
    } });
    expect(received.statusCode, received.body).toBe(201);
    const caseId = received.json().id as number;
    const body = { unitId: unit, subjectStaffId: staff['chuyenvien.stp'], personKind: 'cong_chuc', offenceSummary: 'Yêu cầu giấy tờ ngoài quy định', offenceConcludedOn: '2026-04-15', limitationClass: 'reprimand_level', discoveredOn: '2026-04-15' };
    // Not concluded yet; unknown.
    expect((await api('POST', '', 'nhansu.stp', { ...body, sourceCaseId: caseId })).json().error.fields[0]).toMatchObject({ path: 'sourceCaseId' });
    expect((await api('POST', '', 'nhansu.stp', { ...body, sourceCaseId: 999_999 })).statusCode).toBe(400);
    await caseAct(caseId, { action: 'accept', on: '2026-04-02' });
    await caseAct(caseId, { action: 'conclude', outcome: 'founded', conclusion: 'Nội dung tố cáo là đúng.', decisionNo: '15/KL-STP', decisionDate: '2026-04-15' });
    // About someone else.
    expect((await api('POST', '', 'nhansu.stp', { ...body, subjectStaffId: staff.leader, sourceCaseId: caseId })).json().error.fields[0].message).toContain('không phải về người');

    // HR reads no complaint case, but the conclusion was about its own agency: it may cite it.
    const res = await api('POST', '', 'nhansu.stp', { ...body, sourceCaseId: caseId });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ sourceCaseId: caseId });
    const source = await t.request('GET', `${C}/${caseId}`, { session: s['lanhdao.stp']! });
    expect(source.json().disciplineCaseIds).toEqual([res.json().id]);
    clock = new Date('2026-03-20T09:00:00+07:00');
  });
});

describe('what a discipline case blocks in the personnel module (Law 80/2025 art. 38)', () => {
  it('refuses a transfer while a reprimand is in force and while a case is under review, and allows it once both are over', async () => {
    const person = await t.db.selectFrom('hr_people').select(['id', 'version']).where('staff_id', '=', staff['chuyenvien.stp']!).executeTakeFirstOrThrow();
    const move = async (on: string) => {
      const version = (await t.db.selectFrom('hr_people').select('version').where('id', '=', person.id).executeTakeFirstOrThrow()).version;
      return t.request('POST', `/api/v1/personnel/people/${person.id}/movements`, { session: s['nhansu.stp']!, body: {
        version, kind: 'transfer', on, toUnitId: await t.unitId('H30.102.01'), decisionNo: '9/QĐ-STP', decisionDate: on,
      } });
    };
    // The reprimand decided above is in force from 10/3/2026 to 10/3/2027.
    clock = new Date('2027-06-01T09:00:00+07:00');
    let res = await move('2026-09-01');
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'DISCIPLINE_BLOCKS' });
    expect(res.json().error.message).toContain('khiển trách');
    // Every case opened for this person in these tests is still open (under review) except the decided one: close them.
    res = await move('2027-05-31');
    expect(res.json().error.message).toContain('đang bị xem xét');
    const open = await t.db.selectFrom('insp_discipline_cases').select(['id', 'version']).where('subject_staff_id', '=', staff['chuyenvien.stp']!).where('status', '=', 'open').execute();
    for (const c of open) {
      const closed = await api('POST', `/${c.id}/actions`, 'lanhdao.stp', { action: 'close', version: c.version, reason: 'Hội đồng không đề nghị kỷ luật.' });
      expect(closed.statusCode, closed.body).toBe(200);
    }
    res = await move('2027-05-31');
    expect(res.statusCode, res.body).toBe(201);
    clock = new Date('2026-03-20T09:00:00+07:00');
  });
});
