import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { multipartFile } from '../../../test/support/multipart.js';

// The clock is pinned at Monday 02/03/2026 09:00 (TEST_NOW). One round of 2026 for the wards block is run
// from its set to publication and a correction; the figures are recomputed below by hand.
let t: TestApp;
const s = {} as Record<string, Session>;
const u = {} as Record<string, number>;
const staff = {} as Record<string, number>;
const NAMES = ['chuyenvien.snv', 'lanhdao.snv', 'lanhdao.stp', 'chuyenvien.stp', 'lanhdao.sxd', 'lanhdao.tanphong', 'motcua.doanket'];
beforeAll(async () => {
  t = await createTestApp();
  for (const name of NAMES) {
    s[name] = await t.login(name);
    staff[name] = (await t.db.selectFrom('auth_accounts').select('staff_id').where('username', '=', name).executeTakeFirstOrThrow()).staff_id!;
  }
  for (const code of ['H30.101', 'H30.102', 'H30.501', 'H30.502']) u[code] = await t.unitId(code);
});
afterAll(async () => { await t?.close(); });

/** 20 points: area 1 appraised by the organiser, area 2 by the Department of Justice; a bonus item outside the scale. */
const tree = () => ({
  caps: { bonus: 2, penalty: 2 },
  areas: [
    { code: '1', text: 'Chỉ đạo, điều hành cải cách hành chính', maxPoints: 10, children: [
      { code: '1.1', text: 'Ban hành kế hoạch cải cách hành chính năm đúng hạn', maxPoints: 4, scoring: { kind: 'binary' }, evidence: 'Kế hoạch CCHC năm' },
      { code: '1.2', text: 'Tuyên truyền cải cách hành chính', maxPoints: 6, scoring: { kind: 'manual' } },
    ] },
    { code: '2', text: 'Cải cách thể chế', maxPoints: 10, appraisingUnitId: u['H30.102'], children: [
      { code: '2.1', text: 'Rà soát văn bản quy phạm pháp luật', maxPoints: 5, scoring: { kind: 'tiered', better: 'higher', tiers: [{ threshold: 100, points: 5 }, { threshold: 80, points: 3 }] } },
      { code: '2.2', text: 'Tỷ lệ văn bản được kiểm tra', maxPoints: 5, scoring: { kind: 'ratio', target: 0.8 } },
    ] },
    { code: '9', text: 'Điểm thưởng', maxPoints: 2, children: [{ code: '9.1', text: 'Sáng kiến cải cách hành chính', maxPoints: 2, scoring: { kind: 'bonus' } }] },
  ],
});

const api = (method: string, url: string, who: string, body?: unknown) => t.request(method, url, { session: s[who]!, body });
type Sheet = { version: number; status: string; partial: boolean; nodes: { code: string; leaf: boolean; counts: { layer: string; points: number } | null; can: Record<string, unknown> | null; evidence?: unknown[] }[]; totals: { total: number; index: number | null; applicableMax: number; band: string | null } };

describe('a PAR round from the criteria set to the published ranking', () => {
  let setId = 0;
  let roundId = 0;
  let sheet: Sheet;
  const sheetUrl = (unit: string) => `/api/v1/par/rounds/${roundId}/units/${u[unit]}`;
  const self = async (code: string, input: unknown, explanation?: string) => {
    const res = await api('PUT', `${sheetUrl('H30.501')}/leaves/${code}/self`, 'lanhdao.tanphong', { version: sheet.version, input, explanation });
    if (res.statusCode === 200) sheet = res.json();
    return res;
  };
  const layer = async (who: string, code: string, name: string, points: number | null, reason: string) => {
    const current = (await api('GET', sheetUrl('H30.501'), who)).json() as Sheet;
    const res = await api('PUT', `${sheetUrl('H30.501')}/leaves/${code}/layers/${name}`, who, { version: current.version, points, reason });
    if (res.statusCode === 200) sheet = res.json();
    return res;
  };
  const board = async () => (await api('GET', `/api/v1/par/rounds/${roundId}`, 'chuyenvien.snv')).json();
  const stage = async (to: string, extra: Record<string, unknown> = {}) => api('POST', `/api/v1/par/rounds/${roundId}/stage`, 'chuyenvien.snv', { version: (await board()).round.version, stage: to, ...extra });

  it('lets only the organiser create and issue a set, and refuses to issue one whose sums do not add up', async () => {
    const bad = tree();
    bad.areas[0]!.maxPoints = 11;
    expect((await api('POST', '/api/v1/par/sets', 'lanhdao.tanphong', { year: 2026, name: 'Bộ tiêu chí khối phường 2026', blocks: ['phuong'], tree: tree() })).statusCode).toBe(403);
    let res = await api('POST', '/api/v1/par/sets', 'chuyenvien.snv', { year: 2026, name: 'Bộ tiêu chí khối phường 2026', blocks: ['phuong'], tree: bad });
    expect(res.statusCode, res.body).toBe(201);
    setId = res.json().id;
    expect(res.json().problems[0]).toContain('khác tổng điểm các mục con');
    res = await api('POST', `/api/v1/par/sets/${setId}/issue`, 'chuyenvien.snv', { version: res.json().version, decisionNumber: '35/QĐ-UBND', decisionDate: '2026-01-15', decisionSigner: 'Chủ tịch UBND tỉnh' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('SET_INVALID');
    res = await api('PATCH', `/api/v1/par/sets/${setId}`, 'chuyenvien.snv', { version: 1, tree: tree() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().problems).toEqual([]);
    res = await api('POST', `/api/v1/par/sets/${setId}/issue`, 'chuyenvien.snv', { version: res.json().version, decisionNumber: '35/QĐ-UBND', decisionDate: '2026-01-15', decisionSigner: 'Chủ tịch UBND tỉnh' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'issued', decision: { number: '35/QĐ-UBND' } });
  });

  it('opens the round with a deadline in working days and freezes the set', async () => {
    const res = await api('POST', '/api/v1/par/rounds', 'chuyenvien.snv', {
      year: 2026, name: 'Xác định Chỉ số CCHC năm 2026', selfDeadlineWorkingDays: 10, surveyHeld: false, setIds: [setId],
      participants: [{ unitId: u['H30.501'], setId, block: 'phuong' }, { unitId: u['H30.502'], setId, block: 'phuong' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    roundId = res.json().round.id;
    // Ten working days from Monday 02/03: 3, 4, 5, 6, 9, 10, 11, 12, 13, 16 March.
    expect(res.json().round).toMatchObject({ stage: 'self_assessment', selfDeadline: '2026-03-16' });
    expect(res.json().participants.map((p: { unitId: number }) => p.unitId).sort()).toEqual([u['H30.501'], u['H30.502']].sort());
    const edit = await api('PATCH', `/api/v1/par/sets/${setId}`, 'chuyenvien.snv', { version: 3, name: 'Đổi tên' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('SET_FROZEN');
    const again = await api('POST', '/api/v1/par/rounds', 'chuyenvien.snv', { year: 2026, name: 'Lần hai', selfDeadlineWorkingDays: 5, setIds: [setId] });
    expect(again.statusCode).toBe(409);
  });

  it('shows a unit its own sheet only, an appraiser only its criteria, and nothing to others', async () => {
    const own = await api('GET', sheetUrl('H30.501'), 'lanhdao.tanphong');
    expect(own.statusCode, own.body).toBe(200);
    sheet = own.json();
    expect(sheet.partial).toBe(false);
    expect(sheet.nodes.filter((n) => n.leaf).map((n) => n.code)).toEqual(['1.1', '1.2', '2.1', '2.2', '9.1']);
    expect((await api('GET', sheetUrl('H30.502'), 'lanhdao.tanphong')).statusCode).toBe(404);
    const justice = (await api('GET', sheetUrl('H30.501'), 'lanhdao.stp')).json() as Sheet;
    expect(justice.partial).toBe(true);
    expect(justice.nodes.filter((n) => n.leaf).map((n) => n.code)).toEqual(['2.1', '2.2']);
    expect((await api('GET', sheetUrl('H30.501'), 'lanhdao.sxd')).statusCode).toBe(404);
    // The Department of Justice may not self-score a ward's sheet.
    const res = await api('PUT', `${sheetUrl('H30.501')}/leaves/2.1/self`, 'lanhdao.stp', { version: sheet.version, input: 90 });
    expect(res.statusCode).toBe(403);
  });

  it('self-scores each type, refuses a score over the maximum, and keeps concurrent edits apart', async () => {
    let res = await self('1.2', 7);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].message).toContain('vượt điểm tối đa');
    expect((await self('1.1', true)).statusCode).toBe(200);
    const stale = sheet.version;
    expect((await self('1.2', 5, 'Đã tổ chức 3 hội nghị tuyên truyền; biên bản đang lưu tại văn phòng.')).statusCode).toBe(200);
    res = await api('PUT', `${sheetUrl('H30.501')}/leaves/2.1/self`, 'lanhdao.tanphong', { version: stale, input: 90 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('STALE_VERSION');
    expect((await self('2.1', 90)).statusCode).toBe(200);
    expect((await self('9.1', 1)).statusCode).toBe(200);
    expect(sheet.nodes.find((n) => n.code === '2.1')!.counts).toEqual({ layer: 'self', points: 3 });
  });

  it('refuses to submit an incomplete sheet, then the unit head submits with evidence', async () => {
    let res = await api('POST', `${sheetUrl('H30.501')}/submit`, 'lanhdao.tanphong', { version: sheet.version });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'SHEET_INCOMPLETE' });
    expect(res.json().error.details.unscored).toEqual(['2.2']);
    expect((await self('2.2', 0.6)).statusCode).toBe(200);
    // 0.6 of a target 0.8 earns 0.6 / 0.8 × 5 = 3.75.
    expect(sheet.nodes.find((n) => n.code === '2.2')!.counts!.points).toBe(3.75);
    res = await api('POST', `${sheetUrl('H30.501')}/submit`, 'lanhdao.tanphong', { version: sheet.version });
    expect(res.json().error.details.unexplained).toEqual(['1.1', '2.1', '2.2']);

    const pdf = Buffer.from('%PDF-1.4\n% Kế hoạch cải cách hành chính năm 2026\n');
    const m = multipartFile('file', 'ke-hoach-cchc.pdf', pdf, 'application/pdf');
    const up = await t.request('POST', '/api/v1/files', { session: s['lanhdao.tanphong'], body: m.payload, headers: m.headers });
    expect(up.statusCode, up.body).toBe(201);
    for (const code of ['1.1', '2.1', '2.2']) {
      res = await api('POST', `${sheetUrl('H30.501')}/leaves/${code}/evidence`, 'lanhdao.tanphong', { kind: 'file', title: 'Kế hoạch CCHC năm 2026', fileKey: up.json().key, fileName: 'ke-hoach-cchc.pdf', section: 'Mục II', page: '3' });
      expect(res.statusCode, res.body).toBe(201);
      sheet = res.json();
    }
    // A document of the ward's own register may be cited (issue 19); one of another agency's register may not.
    const registered = async (unitCode: string) => (await t.db.insertInto('reg_documents').values({
      unit_id: u[unitCode] ?? await t.unitId(unitCode), direction: 'out', status: 'released', doc_type: 'KH', subject: 'Kế hoạch cải cách hành chính năm 2026 của phường', number: 3, symbol: `03/KH-UBND-${unitCode}`,
      series: 'KH', issued_on: '2026-01-15', recipients: '[]',
    }).returning('id').executeTakeFirstOrThrow()).id;
    res = await api('POST', `${sheetUrl('H30.501')}/leaves/1.1/evidence`, 'lanhdao.tanphong', { kind: 'record', title: 'Kế hoạch CCHC của Sở Tư pháp', recordKind: 'registry_document', recordRef: String(await registered('H30.102')) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Không có văn bản này trong sổ văn bản');
    res = await api('POST', `${sheetUrl('H30.501')}/leaves/1.1/evidence`, 'lanhdao.tanphong', { kind: 'record', title: 'Kế hoạch CCHC năm 2026 (số 03/KH-UBND)', recordKind: 'registry_document', recordRef: String(await registered('H30.501')) });
    expect(res.statusCode, res.body).toBe(201);
    sheet = res.json();
    expect(sheet.nodes.find((n) => n.code === '1.1')!.evidence).toContainEqual(expect.objectContaining({ kind: 'record', recordKind: 'registry_document' }));
    const evidenceId = (sheet.nodes.find((n) => n.code === '1.1')!.evidence![0] as { id: number }).id;
    const file = await api('GET', `${sheetUrl('H30.501')}/evidence/${evidenceId}/file`, 'lanhdao.stp');
    expect(file.statusCode).toBe(404); // the Department of Justice appraises area 2, not 1.1
    expect((await api('GET', `${sheetUrl('H30.501')}/evidence/${evidenceId}/file`, 'chuyenvien.snv')).rawPayload.equals(pdf)).toBe(true);
    res = await api('POST', `${sheetUrl('H30.501')}/submit`, 'lanhdao.tanphong', { version: sheet.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', submittedLate: false });
    expect((await self('1.2', 6)).statusCode).toBe(409);
  });

  it('lets each department appraise only its criteria, and asks for an explanation', async () => {
    expect((await stage('appraisal2')).statusCode).toBe(409);
    expect((await stage('appraisal1')).statusCode).toBe(200);
    const b = await board();
    expect(b.participants.find((p: { unitId: number }) => p.unitId === u['H30.502'])).toMatchObject({ status: 'draft', late: false });
    expect((await layer('chuyenvien.snv', '1.2', 'appraisal1', 4, 'Thiếu biên bản hội nghị thứ ba')).statusCode).toBe(200);
    expect((await layer('lanhdao.stp', '1.2', 'appraisal1', 3, 'Không thuộc thẩm quyền')).statusCode).toBe(404);
    expect((await layer('lanhdao.stp', '2.1', 'appraisal1', 2, 'Chỉ rà soát được 70% văn bản')).statusCode).toBe(200);
    expect((await layer('lanhdao.stp', '2.1', 'appraisal1', 9, 'Quá điểm')).statusCode).toBe(400);
    const res = await api('POST', `${sheetUrl('H30.501')}/leaves/2.1/explanation-request`, 'lanhdao.stp', { request: 'Đề nghị bổ sung danh mục văn bản đã rà soát.' });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('takes the unit\'s explanation, the second appraisal, and the council\'s adjustment', async () => {
    expect((await stage('explanation', { explanationDeadlineWorkingDays: 3 })).statusCode).toBe(200);
    sheet = (await api('GET', sheetUrl('H30.501'), 'lanhdao.tanphong')).json();
    expect(sheet.nodes.find((n) => n.code === '2.1')!.can).toMatchObject({ explain: true });
    let res = await api('PUT', `${sheetUrl('H30.501')}/leaves/2.1/explanation`, 'lanhdao.tanphong', { version: sheet.version, answer: 'Bổ sung danh mục 45 văn bản đã rà soát (đạt 90%).', points: 3 });
    expect(res.statusCode, res.body).toBe(200);
    sheet = res.json();
    res = await api('POST', `${sheetUrl('H30.501')}/submit-explanation`, 'lanhdao.tanphong', { version: sheet.version });
    expect(res.statusCode, res.body).toBe(200);

    expect((await stage('appraisal2')).statusCode).toBe(200);
    expect((await layer('lanhdao.stp', '2.1', 'appraisal2', 3, 'Chấp nhận giải trình')).statusCode).toBe(200);
    expect(sheet.nodes.find((n) => n.code === '2.1')!.counts).toEqual({ layer: 'appraisal2', points: 3 });

    expect((await stage('council')).statusCode).toBe(409); // no council yet
    res = await api('PUT', `/api/v1/par/rounds/${roundId}/council`, 'chuyenvien.snv', { version: (await board()).round.version, members: [
      { staffId: staff['lanhdao.snv'], role: 'chair' }, { staffId: staff['chuyenvien.snv'], role: 'secretary' }, { staffId: staff['lanhdao.stp'], role: 'member' },
    ] });
    expect(res.statusCode, res.body).toBe(200);
    expect((await stage('council')).statusCode).toBe(200);
    expect((await layer('lanhdao.stp', '2.2', 'council', 3.5, 'Hội đồng thống nhất')).statusCode).toBe(403);
    expect((await layer('lanhdao.snv', '2.2', 'council', 3.5, 'Hội đồng thống nhất điều chỉnh')).statusCode).toBe(200);
  });

  it('approves by a majority of all members, then publishes the ranking computed independently', async () => {
    expect((await api('POST', `/api/v1/par/rounds/${roundId}/votes`, 'lanhdao.tanphong', { vote: 'approve' })).statusCode).toBe(403);
    let res = await api('POST', `/api/v1/par/rounds/${roundId}/votes`, 'lanhdao.snv', { vote: 'approve' });
    expect(res.json()).toMatchObject({ approvedNow: false, votes: { approve: 1, members: 3 } });
    res = await api('POST', `/api/v1/par/rounds/${roundId}/votes`, 'lanhdao.stp', { vote: 'approve' });
    expect(res.json()).toMatchObject({ approvedNow: true, round: { stage: 'approved' } });

    const review = (await api('GET', `/api/v1/par/rounds/${roundId}/results`, 'lanhdao.stp')).json();
    expect(review.results.find((r: { unitId: number }) => r.unitId === u['H30.501']).selfPoints).toBe(4 + 5 + 3 + 3.75);
    expect((await api('GET', `/api/v1/par/rounds/${roundId}/results`, 'lanhdao.tanphong')).statusCode).toBe(404);

    res = await api('POST', `/api/v1/par/rounds/${roundId}/publish`, 'chuyenvien.snv', { version: (await board()).round.version, decisionNumber: '120/QĐ-UBND', decisionDate: '2026-03-02', signer: 'Chủ tịch UBND tỉnh' });
    expect(res.statusCode, res.body).toBe(200);
    const pub = (await t.request('GET', '/api/v1/public/par/results?year=2026')).json();
    const ward = pub.blocks.find((b: { block: string }) => b.block === 'phuong');
    // Independently: 1.1 = 4 (self), 1.2 = 4 (appraisal 1), 2.1 = 3 (appraisal 2), 2.2 = 3.5 (council), bonus 1 → 15.5 / 20.
    const expected = Math.round(((4 + 4 + 3 + 3.5 + 1) / 20) * 100 * 100) / 100;
    expect(ward.units[0]).toMatchObject({ unitId: u['H30.501'], rank: 1, index: expected, band: 'Khá', total: 15.5, applicableMax: 20 });
    expect(ward.units[1]).toMatchObject({ unitId: u['H30.502'], rank: 2, index: 0 });
    expect(ward.units[0].areas.map((a: { code: string; points: number }) => [a.code, a.points])).toEqual([['1', 8], ['2', 6.5], ['9', 0]]);
  });

  it('changes nothing after publication except under a recorded correction decision', async () => {
    expect((await layer('lanhdao.snv', '1.2', 'council', 6, 'Sửa sau công bố')).statusCode).toBe(409);
    expect((await api('POST', `/api/v1/par/rounds/${roundId}/corrections`, 'lanhdao.stp', { decisionNumber: '130/QĐ-UBND', decisionDate: '2026-03-02', reason: 'Sai sót', unitId: u['H30.501'], code: '1.2', points: 6 })).statusCode).toBe(403);
    const res = await api('POST', `/api/v1/par/rounds/${roundId}/corrections`, 'chuyenvien.snv', { decisionNumber: '130/QĐ-UBND', decisionDate: '2026-03-02', reason: 'Bổ sung biên bản hội nghị thứ ba đã được xác minh', unitId: u['H30.501'], code: '1.2', points: 6 });
    expect(res.statusCode, res.body).toBe(201);
    const pub = (await t.request('GET', '/api/v1/public/par/results?year=2026')).json();
    expect(pub.blocks[0].units[0]).toMatchObject({ total: 17.5, index: 87.5, band: 'Tốt' });
    const history = (await api('GET', `${sheetUrl('H30.501')}/leaves/1.2/history`, 'lanhdao.tanphong')).json();
    expect(history.map((h: { layer: string; points: number }) => [h.layer, h.points])).toEqual([['self', 5], ['appraisal1', 4], ['council', 6]]);
    expect(history[2].correctionId).not.toBeNull();
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity', '=', 'par_round').where('entity_id', '=', String(roundId)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['par.round_opened', 'par.stage_changed', 'par.stage_changed', 'par.stage_changed', 'par.council_set', 'par.stage_changed',
      'par.council_voted', 'par.council_voted', 'par.council_approved', 'par.published', 'par.corrected']);
  });
});

describe('a criteria set as the workbook provinces exchange', () => {
  it('exports a set as XLSX and reads it back into the same tree, without saving', async () => {
    const made = await api('POST', '/api/v1/par/sets', 'chuyenvien.snv', { year: 2027, name: 'Bộ tiêu chí khối phường 2027', blocks: ['phuong'], tree: tree() });
    expect(made.statusCode, made.body).toBe(201);
    const xlsx = await api('GET', `/api/v1/par/sets/${made.json().id}/xlsx`, 'lanhdao.tanphong');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const m = multipartFile('file', 'bo-tieu-chi.xlsx', xlsx.rawPayload, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const upload = (who: string) => t.request('POST', `/api/v1/par/sets/${made.json().id}/import`, { session: s[who], body: m.payload, headers: m.headers });
    const read = await upload('chuyenvien.snv');
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().problems).toEqual([]);
    expect(read.json().tree).toEqual(tree());
    expect((await upload('lanhdao.tanphong')).statusCode).toBe(403);
    expect((await api('GET', `/api/v1/par/sets/${made.json().id}`, 'chuyenvien.snv')).json().version).toBe(1);
  });
});

describe('seating the council', () => {
  it('offers the organiser staff of any unit, searched without diacritics, and nobody else', async () => {
    const round = (await api('GET', '/api/v1/par/rounds', 'chuyenvien.snv')).json().rounds[0].id;
    const found = await api('GET', `/api/v1/par/rounds/${round}/council/candidates?q=${encodeURIComponent('so tu phap')}`, 'chuyenvien.snv');
    expect(found.statusCode, found.body).toBe(200);
    const ids = found.json().items.map((x: { id: number }) => x.id);
    expect(ids).toContain(staff['lanhdao.stp']);
    expect(found.json().items.every((x: { unitName: string }) => x.unitName.includes('Sở Tư pháp'))).toBe(true);
    expect((await api('GET', `/api/v1/par/rounds/${round}/council/candidates`, 'lanhdao.stp')).statusCode).toBe(403);
  });
});
