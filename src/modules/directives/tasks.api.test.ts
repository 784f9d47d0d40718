import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { multipartFile } from '../../../test/support/multipart.js';

// The clock is pinned at Monday 02/03/2026 09:00 (TEST_NOW); the demo calendar's Tết runs 16–20/02/2026.
let t: TestApp;
const s = {} as Record<string, Session>;
const u = {} as Record<string, number>;
beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['chuyenvien.snv', 'lanhdao.snv', 'lanhdao.stp', 'chuyenvien.stp', 'lanhdao.sxd', 'lanhdao.tanphong']) s[name] = await t.login(name);
  for (const code of ['H30.101', 'H30.102', 'H30.105', 'H30.103']) u[code] = await t.unitId(code);
});
afterAll(async () => { await t?.close(); });

const register = (session: Session, over: Record<string, unknown> = {}) => t.request('POST', '/api/v1/directives', {
  session,
  body: {
    docType: 'KH', number: '45/KH-UBND', issuer: 'Ủy ban nhân dân tỉnh Lai Châu', signer: 'Tống Thanh Hải', signedOn: '2026-01-20',
    subject: 'Kế hoạch cải cách hành chính năm 2026', fullText: '', ownerUnitId: u['H30.101'], files: [],
    tasks: [
      { ref: '1', content: 'Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền', leads: [{ unitId: u['H30.102'] }], coordinatingUnitIds: [u['H30.101']], dueOn: '2026-02-15', priority: 'high' },
      { ref: '2', content: 'Báo cáo kết quả cải cách hành chính', leads: [{ unitId: u['H30.102'] }, { group: 'pair', unitIds: [u['H30.102'], u['H30.105']] }], dueOn: '2026-06-14', recurrence: 'half_yearly' },
      { ref: '3', content: 'Số hóa kết quả giải quyết thủ tục hành chính', leads: [{ unitId: u['H30.103'] }], dueInWorkingDays: 10 },
    ],
    ...over,
  },
});

describe('registering a steering document with its confirmed tasks', () => {
  let doc: { document: { id: number; counts: Record<string, number> }; tasks: { id: number; ref: string; leadUnitId: number; dueDay: string | null; dueOn: string | null; deadline: { state: string; workingDaysLate: number; label: string }; coordinatingUnits: { id: number }[] }[] };
  beforeAll(async () => {
    const res = await register(s['chuyenvien.snv']!);
    expect(res.statusCode, res.body).toBe(201);
    doc = res.json();
  });

  it('gives each task one lead unit: a group fans out, a unit named twice gets one task', () => {
    expect(doc.tasks.map((x) => [x.ref, x.leadUnitId])).toEqual([['1', u['H30.102']], ['2', u['H30.102']], ['2', u['H30.105']], ['3', u['H30.103']]]);
    expect(doc.document.counts.total).toBe(4);
  });

  it('moves a deadline on a day off to the next working day and counts the lateness in working days', () => {
    const one = doc.tasks[0]!;
    // 15/02 is a Sunday before Tết (16–20/02), then a weekend: the deadline really ends on Monday 23/02.
    expect(one.dueOn).toBe('2026-02-15');
    expect(one.dueDay).toBe('2026-02-23');
    // 24, 25, 26, 27/02 and 02/03 are worked; 28/02 and 01/03 are a weekend.
    expect(one.deadline).toMatchObject({ state: 'overdue', workingDaysLate: 5, label: 'Quá hạn 5 ngày làm việc' });
    expect(doc.document.counts.overdue).toBe(1);
  });

  it('counts "within 10 working days" from the day after registration', () => {
    // From Tuesday 03/03: 3, 4, 5, 6, 9, 10, 11, 12, 13, 16 March.
    expect(doc.tasks[3]!.dueOn).toBe('2026-03-16');
    expect(doc.tasks[3]!.deadline.state).toBe('on_track');
  });

  it('refuses the same number of the same issuer in the same year, a unit out of reach, and an item without a lead', async () => {
    const again = await register(s['chuyenvien.snv']!);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'DOCUMENT_EXISTS' });
    expect(again.json().error.message).toContain('45/KH-UBND');
    const elsewhere = await register(s['chuyenvien.snv']!, { number: '46/KH-UBND', ownerUnitId: u['H30.105'] });
    // A unit the caller does not even read is not revealed (404), as everywhere.
    expect(elsewhere.statusCode).toBe(404);
    const noLead = await register(s['chuyenvien.snv']!, { number: '47/KH-UBND', tasks: [{ ref: '1', content: 'Một việc chưa rõ ai làm', leads: [] }] });
    expect(noLead.statusCode).toBe(400);
    expect(noLead.json().error.fields[0].message).toContain('chưa chọn đơn vị chủ trì');
    const count = await t.db.selectFrom('directive_documents').select((eb) => eb.fn.countAll<string>().as('n')).where('number', 'in', ['46/KH-UBND', '47/KH-UBND']).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('runs a task from assignment to approved completion, each move by whom the rules allow, with its history and audit', async () => {
    const taskId = doc.tasks[0]!.id;
    const get = async (session: Session) => (await t.request('GET', `/api/v1/directives/tasks/${taskId}`, { session })).json();
    const act = (session: Session, body: Record<string, unknown>) => t.request('POST', `/api/v1/directives/tasks/${taskId}/actions`, { session, body });

    // Another department's head neither sees the task nor may assign it.
    expect((await t.request('GET', `/api/v1/directives/tasks/${taskId}`, { session: s['lanhdao.sxd'] })).statusCode).toBe(404);
    const staff = (await t.request('GET', `/api/v1/directives/assignees?unitId=${u['H30.102']}`, { session: s['lanhdao.stp'] })).json().staff as { id: number; fullName: string }[];
    const dinh = staff.find((x) => x.fullName === 'Vàng A Dính')!;
    expect(dinh).toBeDefined();
    let view = await get(s['lanhdao.stp']!);
    expect(view.allowedActions).toContain('assign');
    // Progress before anyone is in charge is refused with the reason.
    const early = await act(s['lanhdao.stp']!, { action: 'progress', version: view.task.version, percent: 10, note: 'x', files: [] });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('TASK_NOT_ASSIGNED');

    let res = await act(s['lanhdao.stp']!, { action: 'assign', version: view.task.version, staffId: dinh.id });
    expect(res.statusCode, res.body).toBe(200);
    view = res.json();
    expect(view.task).toMatchObject({ status: 'assigned', assigneeName: 'Vàng A Dính' });

    // The person in charge reports progress with an evidence file.
    const pdf = Buffer.from('%PDF-1.4\n% biên bản rà soát thủ tục\n');
    const m = multipartFile('file', 'bien-ban.pdf', pdf, 'application/pdf');
    const up = await t.request('POST', '/api/v1/files', { session: s['chuyenvien.stp'], body: m.payload, headers: m.headers });
    expect(up.statusCode, up.body).toBe(201);
    const stale = view.task.version;
    res = await act(s['chuyenvien.stp']!, { action: 'progress', version: view.task.version, percent: 60, note: 'Đã rà soát 12/20 thủ tục.', files: [{ key: up.json().key, name: 'bien-ban.pdf' }] });
    expect(res.statusCode, res.body).toBe(200);
    view = res.json();
    expect(view.task).toMatchObject({ status: 'in_progress', progress: 60 });
    const progressEvent = view.events.find((e: { action: string }) => e.action === 'progress');
    expect(progressEvent.files[0]).toMatchObject({ name: 'bien-ban.pdf', type: 'application/pdf' });
    const file = await t.request('GET', `/api/v1/directives/tasks/${taskId}/files/${up.json().key}`, { session: s['lanhdao.snv'] });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(pdf)).toBe(true);

    // An edit based on what someone else has already changed is detected, not applied.
    const late = await act(s['lanhdao.stp']!, { action: 'progress', version: stale, percent: 70, note: 'cũ', files: [] });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('STALE_VERSION');

    // The person in charge may not ask for completion; the lead unit's head may. The assigner approves.
    expect((await act(s['chuyenvien.stp']!, { action: 'request_completion', version: view.task.version, note: 'Xong', files: [] })).statusCode).toBe(403);
    res = await act(s['lanhdao.stp']!, { action: 'request_completion', version: view.task.version, note: 'Đã hoàn thành rà soát 20 thủ tục.', files: [] });
    expect(res.statusCode, res.body).toBe(200);
    view = res.json();
    expect(view.task.status).toBe('completion_requested');
    expect((await act(s['lanhdao.stp']!, { action: 'approve', version: view.task.version })).statusCode).toBe(403);
    res = await act(s['lanhdao.snv']!, { action: 'approve', version: view.task.version, note: 'Công nhận hoàn thành.' });
    expect(res.statusCode, res.body).toBe(200);
    view = res.json();
    // Done on 02/03, after the deadline of 23/02: late by the same 5 working days.
    expect(view.task).toMatchObject({ status: 'completed', progress: 100, doneOn: '2026-03-02' });
    expect(view.task.deadline).toMatchObject({ state: 'done_late', workingDaysLate: 5 });
    expect(view.events.map((e: { action: string }) => e.action)).toEqual(['created', 'assign', 'progress', 'request_completion', 'approve']);
    // Once completed, only a note can be added.
    expect(view.allowedActions).toEqual(['note']);
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity', '=', 'directive_task').where('entity_id', '=', String(taskId)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['directive.task_assign', 'directive.task_progress', 'directive.task_request_completion', 'directive.task_approve']);
  });

  it('opens the next occurrence of a recurring task when one is approved', async () => {
    const task = doc.tasks[1]!;
    const act = async (session: Session, body: Record<string, unknown>) => {
      const r = await t.request('POST', `/api/v1/directives/tasks/${task.id}/actions`, { session, body });
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const staff = (await t.request('GET', `/api/v1/directives/assignees?unitId=${u['H30.102']}`, { session: s['lanhdao.stp'] })).json().staff;
    let v = (await t.request('GET', `/api/v1/directives/tasks/${task.id}`, { session: s['lanhdao.stp'] })).json();
    v = await act(s['lanhdao.stp']!, { action: 'assign', version: v.task.version, staffId: staff[0].id });
    v = await act(s['lanhdao.stp']!, { action: 'request_completion', version: v.task.version, note: 'Đã gửi báo cáo 6 tháng.', files: [] });
    v = await act(s['lanhdao.snv']!, { action: 'approve', version: v.task.version });
    expect(v.task).toMatchObject({ status: 'in_progress', occurrence: 1, dueOn: '2026-12-14', progress: 0 });
  });
});

describe('the periodic implementation report', () => {
  it('shows who has reported, takes a unit\'s draft then its submission, and refuses a unit\'s report by another unit', async () => {
    const doc = (await t.request('GET', '/api/v1/directives', { session: s['chuyenvien.snv'] })).json().documents.find((d: { number: string }) => d.number === '45/KH-UBND');
    const created = await t.request('POST', `/api/v1/directives/${doc.id}/periods`, { session: s['chuyenvien.snv'], body: { kind: 'half', year: 2026 } });
    expect(created.statusCode, created.body).toBe(201);
    const period = created.json();
    // DOMAIN §6.2: six months from 15/12 of the year before to 14/6.
    expect(period).toMatchObject({ code: '2026-H1', startsOn: '2025-12-15', endsOn: '2026-06-14', units: 3 });
    expect((await t.request('POST', `/api/v1/directives/${doc.id}/periods`, { session: s['chuyenvien.snv'], body: { kind: 'half', year: 2026 } })).statusCode).toBe(409);

    const mine = (await t.request('GET', `/api/v1/directives/periods/${period.id}/units/${u['H30.102']}`, { session: s['lanhdao.stp'] })).json();
    expect(mine.canEdit).toBe(true);
    expect(mine.report).toMatchObject({ version: 0, status: 'missing' });
    const put = (session: Session, body: Record<string, unknown>) => t.request('PUT', `/api/v1/directives/periods/${period.id}/units/${u['H30.102']}`, { session, body });
    // Another responsible department sees the period but may not write the Department of Justice's report.
    expect((await put(s['lanhdao.sxd']!, { version: 0, narrative: 'x', results: [], submit: false })).statusCode).toBe(403);
    let r = await put(s['lanhdao.stp']!, { version: 0, narrative: '', results: mine.tasks.map((x: { id: number }) => ({ taskId: x.id, result: 'Đang làm' })), submit: false });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().report).toMatchObject({ version: 1, status: 'draft' });
    // Submitting needs the overall assessment.
    expect((await put(s['lanhdao.stp']!, { version: 1, narrative: '', results: [], submit: true })).statusCode).toBe(400);
    r = await put(s['lanhdao.stp']!, { version: 1, narrative: 'Sở đã hoàn thành rà soát thủ tục.', results: [{ taskId: mine.tasks[0].id, result: 'Đã rà soát 20 thủ tục.' }], submit: true });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().report).toMatchObject({ status: 'submitted', submittedByName: 'Đặng Quốc Việt' });
    expect((await put(s['lanhdao.stp']!, { version: 2, narrative: 'sửa', results: [], submit: false })).statusCode).toBe(409);

    const overview = (await t.request('GET', `/api/v1/directives/periods/${period.id}`, { session: s['lanhdao.snv'] })).json();
    expect(overview.units.map((x: { unitId: number; status: string }) => [x.unitId, x.status]).sort()).toEqual(
      [[u['H30.102'], 'submitted'], [u['H30.103'], 'missing'], [u['H30.105'], 'missing']].sort(),
    );
    expect(overview.totals).toMatchObject({ tasks: 4, completed: 1, completedLate: 1, unitsResponsible: 3, unitsReported: 1, completionRate: 25 });
  });

  it('reports a period as it stood at its cut-off: tasks given after it are not in it', async () => {
    const doc = (await t.request('GET', '/api/v1/directives', { session: s['chuyenvien.snv'] })).json().documents.find((d: { number: string }) => d.number === '45/KH-UBND');
    // Year 2025 ends its data on 14/12/2025; the plan's tasks were given on 02/03/2026.
    const created = await t.request('POST', `/api/v1/directives/${doc.id}/periods`, { session: s['chuyenvien.snv'], body: { kind: 'year', year: 2025 } });
    expect(created.statusCode, created.body).toBe(201);
    const overview = (await t.request('GET', `/api/v1/directives/periods/${created.json().id}`, { session: s['lanhdao.snv'] })).json();
    expect(overview.totals).toMatchObject({ tasks: 0, completed: 0, unitsResponsible: 0, completionRate: null });
    expect(overview.units).toEqual([]);
  });
});

describe('the demo', () => {
  it('ships Directive 16 registered by the Department of Home Affairs, broken into tasks, one of them overdue', async () => {
    const board = (await t.request('GET', '/api/v1/directives', { session: s['lanhdao.snv'] })).json();
    const d16 = board.documents.find((d: { number: string }) => d.number === '16/CT-UBND');
    expect(d16).toMatchObject({ docType: 'CT', signedOn: '2014-12-31', ownerUnitId: u['H30.101'] });
    const detail = (await t.request('GET', `/api/v1/directives/${d16.id}`, { session: s['lanhdao.snv'] })).json();
    const refs = new Set(detail.tasks.map((x: { ref: string }) => x.ref));
    expect([...refs]).toEqual(expect.arrayContaining(['1', '2', '3', '4', '5', '6', '7a', '7b', '7c', '7d', '7e', '7g']));
    expect(detail.tasks.find((x: { ref: string }) => x.ref === '7b')).toMatchObject({ leadUnitId: u['H30.102'], status: 'in_progress', deadline: { state: 'overdue' } });
    // 7g names the newspaper, the radio-TV and the portal: matched through the province's alias table.
    const g = detail.tasks.filter((x: { ref: string }) => x.ref === '7g').map((x: { leadUnitName: string }) => x.leadUnitName).sort();
    expect(g).toEqual(['Báo và Phát thanh, Truyền hình Lai Châu', 'Văn phòng Ủy ban nhân dân tỉnh']);
    // 02/03/2026 falls in the first half of 2026 (15/12/2025–14/6/2026).
    expect(detail.periods[0]).toMatchObject({ kind: 'half', code: '2026-H1', reported: 1 });
    // The commune's desk sees the tasks fanned out to its commune, not the departments'.
    const commune = (await t.request('GET', '/api/v1/directives/tasks?scope=unit', { session: s['lanhdao.tanphong'] })).json();
    expect(commune.tasks.length).toBeGreaterThan(0);
    expect(new Set(commune.tasks.map((x: { leadUnitName: string }) => x.leadUnitName))).toEqual(new Set(['Phường Tân Phong']));
  });
});

describe('the daily reminder', () => {
  it('tells the person in charge and the lead unit\'s heads of an overdue task, escalates it to the tracking unit after five working days, once a day', async () => {
    const { createDirectiveReminders } = await import('./directives.reminders.js');
    const { workingDayPredicate } = await import('./wiring.js');
    const { loadDirectory } = await import('../dossiers/reminders/recipients.js');
    const reminders = createDirectiveReminders({
      db: t.db, workingDays: async () => workingDayPredicate(await t.services.calendar.deadlines.calculator()),
      recipients: { load: () => loadDirectory(t.db, t.services.org) }, unitName: async () => 'Sở Tư pháp',
    });
    const staffId = async (username: string) => (await t.db.selectFrom('auth_accounts').select('staff_id').where('username', '=', username).executeTakeFirstOrThrow()).staff_id;
    const notes = async (username: string) => t.db.selectFrom('staff_notifications').select(['kind', 'title']).where('staff_id', '=', await staffId(username)).where('kind', 'like', 'directive_%').execute();
    const first = await reminders.run(new Date('2026-03-02T07:50:00+07:00'));
    // The demo's 7b (due Sunday 15/02, so Monday 23/02 after Tết) is five working days late on 02/03.
    expect((await notes('chuyenvien.stp')).map((n) => n.title)).toContain('Nhiệm vụ mục 7b của văn bản 16/CT-UBND đã quá hạn 5 ngày làm việc');
    expect((await notes('lanhdao.stp')).some((n) => n.kind === 'directive_task_overdue')).toBe(true);
    expect((await notes('lanhdao.snv')).filter((n) => n.kind === 'directive_task_escalated').length).toBeGreaterThan(0);
    expect(first.overdue).toBeGreaterThan(0);
    const again = await reminders.run(new Date('2026-03-02T15:00:00+07:00'));
    expect(again).toEqual({ nearDue: 0, overdue: 0, escalated: 0 });
    // Saturday: nothing is sent.
    expect(await reminders.run(new Date('2026-03-07T07:50:00+07:00'))).toEqual({ nearDue: 0, overdue: 0, escalated: 0 });
  });
});

describe('the consolidated report and the end of tracking', () => {
  it('exports the period as a Word file naming the tasks and the report a unit sent, and a workbook of the same figures', async () => {
    const doc = (await t.request('GET', '/api/v1/directives', { session: s['lanhdao.snv'] })).json().documents.find((d: { number: string }) => d.number === '45/KH-UBND');
    const detail = (await t.request('GET', `/api/v1/directives/${doc.id}`, { session: s['lanhdao.snv'] })).json();
    const period = detail.periods.find((p: { code: string }) => p.code === '2026-H1');
    const docx = await t.request('GET', `/api/v1/directives/periods/${period.id}/export/docx`, { session: s['lanhdao.snv'] });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.headers['content-disposition']).toContain('bao-cao-45-KH-UBND-2026-H1.docx');
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const expected of ['BÁO CÁO', '45/KH-UBND', 'Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền', 'Sở đã hoàn thành rà soát thủ tục.', 'Đã rà soát 20 thủ tục.', 'Nơi nhận']) {
      expect(text, expected).toContain(expected);
    }
    const xlsx = await t.request('GET', `/api/v1/directives/periods/${period.id}/export/xlsx`, { session: s['lanhdao.snv'] });
    expect(xlsx.statusCode).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Nhiệm vụ', 'Quá hạn']);
    expect(book.getWorksheet('Nhiệm vụ')!.rowCount).toBeGreaterThanOrEqual(5);
  });

  it('closes a document: its tasks no longer move until tracking resumes; a stale edit is refused', async () => {
    const doc = (await t.request('GET', '/api/v1/directives', { session: s['chuyenvien.snv'] })).json().documents.find((d: { number: string }) => d.number === '45/KH-UBND');
    const patch = (body: Record<string, unknown>) => t.request('PATCH', `/api/v1/directives/${doc.id}`, { session: s['chuyenvien.snv'], body });
    let r = await patch({ version: doc.version, status: 'closed' });
    expect(r.statusCode, r.body).toBe(200);
    expect((await patch({ version: doc.version, subject: 'Cũ' })).statusCode).toBe(409);
    const task = r.json().tasks.find((x: { status: string }) => x.status !== 'completed');
    const view = (await t.request('GET', `/api/v1/directives/tasks/${task.id}`, { session: s['lanhdao.stp'] })).json();
    expect(view.allowedActions).toEqual([]);
    const refused = await t.request('POST', `/api/v1/directives/tasks/${task.id}/actions`, { session: s['lanhdao.stp'], body: { action: 'note', version: view.task.version, text: 'Sau khi kết thúc' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('DOCUMENT_CLOSED');
    r = await patch({ version: r.json().document.version, status: 'active' });
    expect(r.statusCode).toBe(200);
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity', '=', 'directive_document').where('entity_id', '=', String(doc.id)).orderBy('id').execute();
    expect(audit.map((a) => a.action).slice(-2)).toEqual(['directive.closed', 'directive.reopened']);
  });
});

describe('editing a task', () => {
  it('lets the tracking unit change content and deadline, keeps the old values in the history, and refuses a recurring task without a first due day', async () => {
    const doc = (await t.request('GET', '/api/v1/directives', { session: s['chuyenvien.snv'] })).json().documents.find((d: { number: string }) => d.number === '45/KH-UBND');
    const detail = (await t.request('GET', `/api/v1/directives/${doc.id}`, { session: s['chuyenvien.snv'] })).json();
    const one = detail.tasks.find((x: { ref: string }) => x.ref === '3');
    const act = (session: Session, body: Record<string, unknown>) => t.request('POST', `/api/v1/directives/tasks/${one.id}/actions`, { session, body });
    expect((await act(s['lanhdao.stp']!, { action: 'edit', version: one.version, dueOn: '2026-04-30' })).statusCode).toBe(404);
    const r = await act(s['chuyenvien.snv']!, { action: 'edit', version: one.version, content: 'Số hóa 100% kết quả giải quyết thủ tục hành chính', dueOn: '2026-04-30', reason: 'Theo chỉ đạo mới' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().task).toMatchObject({ content: 'Số hóa 100% kết quả giải quyết thủ tục hành chính', dueOn: '2026-04-30' });
    expect(r.json().events.at(-1)).toMatchObject({ action: 'edit', note: 'Theo chỉ đạo mới' });
    const recurring = detail.tasks.find((x: { recurrence: string | null; leadUnitId: number }) => x.recurrence && x.leadUnitId === u['H30.105']);
    const bad = await t.request('POST', `/api/v1/directives/tasks/${recurring.id}/actions`, { session: s['chuyenvien.snv'], body: { action: 'edit', version: recurring.version, dueOn: null } });
    expect(bad.statusCode).toBe(400);
  });
});
