import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../platform/http/types.js';
import { TEST_NOW, type TestDatabase } from '../../../test/support/test-db.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { leaf, group } from './rules/factories.js';
import type { CriteriaTree } from './rules/criteria.js';
import type { SurveyService } from './survey.service.js';

/**
 * The sociological survey through HTTP on a real database. The round, its sets and participants are
 * written here directly: opening a round is the core service's business and tested in par.api.test.ts.
 */
type Session = { cookie: string; csrf: string };
let t: TestApp;
let db: TestDatabase;
let app: App;
let survey: SurveyService;
const s = {} as Record<string, Session>;
const u = {} as Record<string, number>;
let roundId: number;

async function request(method: string, url: string, o: { session?: Session; body?: unknown; remoteAddress?: string } = {}): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = o.session ? { cookie: o.session.cookie, 'x-csrf-token': o.session.csrf } : {};
  return app.inject({ method: method as never, url, headers, ...(o.body !== undefined ? { payload: o.body as never } : {}), ...(o.remoteAddress ? { remoteAddress: o.remoteAddress } : {}) });
}

async function login(username: string): Promise<Session> {
  const res = await request('POST', '/api/v1/auth/login', { body: { username, password: 'motcua' } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookies = res.cookies as { name: string; value: string }[];
  const sid = cookies.find((c) => c.name === 'motcua_sid')!.value;
  const csrf = cookies.find((c) => c.name === 'motcua_csrf')!.value;
  return { cookie: `motcua_sid=${sid}; motcua_csrf=${csrf}`, csrf };
}

/** Departments (so) are scored on 3.1 and 3.2 by the survey and 1.1 by hand; wards (phuong) on 3.1 with their own weights. */
const soTree = (): CriteriaTree => ({ caps: { bonus: 0, penalty: 0 }, areas: [
  group('1', 10, [leaf('1.1', 10, { kind: 'manual' })]),
  group('3', 10, [leaf('3.1', 6, { kind: 'survey' }, { text: 'Mức độ hài lòng về công khai, minh bạch' }), leaf('3.2', 4, { kind: 'survey' })]),
] });
const wardTree = (): CriteriaTree => ({ caps: { bonus: 0, penalty: 0 }, areas: [
  group('1', 10, [leaf('1.1', 10, { kind: 'manual' })]),
  group('3', 6, [leaf('3.1', 6, { kind: 'survey' })]),
] });

beforeAll(async () => {
  t = await createTestApp({ now: () => TEST_NOW });
  db = t;
  app = t.app;
  survey = t.services.par.survey;
  for (const name of ['chuyenvien.snv', 'lanhdao.stp', 'motcua.tanphong']) s[name] = await login(name);
  for (const code of ['H30.101', 'H30.102', 'H30.105', 'H30.501']) u[code] = (await db.db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

  const set = async (name: string, blocks: string[], tree: CriteriaTree, weights: Record<string, number>) => (await db.db.insertInto('par_sets').values({
    year: 2031, name, blocks, tree: JSON.stringify(tree), bands: JSON.stringify([{ label: 'Tốt', min: 80 }]), answer_weights: JSON.stringify(weights), organiser_unit_id: u['H30.101']!,
  }).returning('id').executeTakeFirstOrThrow()).id;
  const soSet = await set('Bộ tiêu chí khảo sát thử - sở', ['so'], soTree(), { A: 100, B: 60, C: 20, D: 0 });
  const wardSet = await set('Bộ tiêu chí khảo sát thử - phường', ['phuong'], wardTree(), { A: 100, B: 50, C: 0 });
  roundId = (await db.db.insertInto('par_rounds').values({ year: 2031, name: 'Chỉ số CCHC năm 2031 (thử)', organiser_unit_id: u['H30.101']!, self_deadline: '2031-12-15' }).returning('id').executeTakeFirstOrThrow()).id;
  await db.db.insertInto('par_participants').values([
    { round_id: roundId, unit_id: u['H30.102']!, set_id: soSet, block: 'so', facts: '{}' },
    { round_id: roundId, unit_id: u['H30.105']!, set_id: soSet, block: 'so', facts: '{}' },
    { round_id: roundId, unit_id: u['H30.501']!, set_id: wardSet, block: 'phuong', facts: '{}' },
  ]).execute();
});
afterAll(async () => {
  await t?.close();
});

const options = [{ key: 'A', text: 'Rất hài lòng' }, { key: 'B', text: 'Hài lòng' }, { key: 'C', text: 'Chưa hài lòng lắm' }, { key: 'D', text: 'Không hài lòng' }, { key: 'E', text: 'Không biết / không trả lời' }];
const phieu02 = (over: Record<string, unknown> = {}) => ({
  code: '02', name: 'Phiếu 02: đại biểu HĐND, lãnh đạo MTTQ đánh giá các sở', respondentGroup: 'Đại biểu HĐND tỉnh, lãnh đạo Ủy ban MTTQ tỉnh', blocks: ['so'],
  questions: [
    { id: 'C1', text: 'Việc công khai thủ tục hành chính của sở', criterionCode: '3.1', options },
    { id: 'C2', text: 'Thái độ phục vụ của công chức', criterionCode: '3.1', options },
    { id: 'C3', text: 'Thời gian giải quyết hồ sơ', criterionCode: '3.2', options },
  ],
  ...over,
});
const createForm = (body: unknown, session = s['chuyenvien.snv']) => request('POST', `/api/v1/par/rounds/${roundId}/survey/forms`, { session, body });
const invite = (formId: number, unitId: number, count: number, session = s['chuyenvien.snv']) => request('POST', `/api/v1/par/survey/forms/${formId}/invitations`, { session, body: { unitId, count } });
const paper = (formId: number, unitId: number, answers: Record<string, string | null>, respondent: Record<string, string> = {}) =>
  request('POST', `/api/v1/par/survey/forms/${formId}/responses`, { session: s['chuyenvien.snv'], body: { unitId, respondent, answers } });
let address = 0;
const answerOnline = (code: string, answers: Record<string, string | null>, respondent: Record<string, string> = {}) =>
  request('POST', `/api/v1/public/par/survey/${code}`, { body: { respondent, answers }, remoteAddress: `10.16.0.${++address % 250}` });

describe('survey forms', () => {
  it('refuse a question mapped to a criterion that is not a survey leaf of the round\'s sets', async () => {
    const manual = await createForm(phieu02({ code: 'X1', questions: [{ id: 'C1', text: 'Kế hoạch CCHC', criterionCode: '1.1', options }] }));
    expect(manual.statusCode).toBe(400);
    expect(manual.json().error.fields).toEqual([expect.objectContaining({ path: 'questions.0.criterionCode', message: expect.stringContaining('không phải tiêu chí điều tra xã hội học') })]);
    // 3.2 is a survey leaf of the departments' set only: a form for wards cannot use it.
    const ward = await createForm(phieu02({ code: 'X2', blocks: ['phuong'] }));
    expect(ward.statusCode).toBe(400);
    expect(ward.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['questions.2.criterionCode']);
    // A question whose options none of the set's weights score would never count.
    const unweighted = await createForm(phieu02({ code: 'X3', questions: [{ id: 'C1', text: 'Câu hỏi', criterionCode: '3.1', options: [{ key: 'E', text: 'Không biết' }, { key: 'F', text: 'Khác' }] }] }));
    expect(unweighted.statusCode).toBe(400);
    expect(unweighted.json().error.fields[0].path).toBe('questions.0.options');
  });

  it('are run only by the organiser: others get 403, anonymous callers 401, an unknown round 404', async () => {
    for (const name of ['lanhdao.stp', 'motcua.tanphong']) {
      expect((await request('GET', `/api/v1/par/rounds/${roundId}/survey/forms`, { session: s[name] })).statusCode).toBe(403);
      expect((await createForm(phieu02({ code: 'Y1' }), s[name])).statusCode).toBe(403);
      expect((await request('GET', `/api/v1/par/rounds/${roundId}/survey/results`, { session: s[name] })).statusCode).toBe(403);
    }
    expect((await request('GET', `/api/v1/par/rounds/${roundId}/survey/forms`)).statusCode).toBe(401);
    expect((await request('GET', '/api/v1/par/rounds/999999/survey/forms', { session: s['chuyenvien.snv'] })).statusCode).toBe(404);
    const count = await db.db.selectFrom('par_survey_forms').select((eb) => eb.fn.countAll<string>().as('n')).where('code', '=', 'Y1').executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});

describe('answering', () => {
  let form: { id: number; version: number };
  let codes: string[];
  beforeAll(async () => {
    const res = await createForm(phieu02());
    expect(res.statusCode, res.body).toBe(201);
    form = res.json();
    const inv = await invite(form.id, u['H30.102']!, 6);
    expect(inv.statusCode, inv.body).toBe(201);
    codes = inv.json().invitations.map((i: { code: string; link: string }) => {
      expect(i.link).toBe(`${db.config.publicUrl}/khao-sat/${i.code}`);
      return i.code;
    });
  });

  it('invitation codes are random, readable, unique, and kept only as keyed hashes', async () => {
    expect(new Set(codes).size).toBe(6);
    for (const c of codes) expect(c).toMatch(/^[2-9A-HJ-NP-Z]{12}$/);
    const stored = await db.db.selectFrom('par_survey_invitations').selectAll().where('form_id', '=', form.id).execute();
    expect(stored).toHaveLength(6);
    for (const c of codes) expect(JSON.stringify(stored)).not.toContain(c);
    const audit = await db.db.selectFrom('audit_events').select('summary').where('action', '=', 'par.survey_invitations_issued').execute();
    for (const c of codes) expect(JSON.stringify(audit)).not.toContain(c);
    // A unit outside the form's blocks, and more than 500 at once, are refused.
    expect((await invite(form.id, u['H30.501']!, 1)).statusCode).toBe(400);
    expect((await invite(form.id, u['H30.102']!, 501)).statusCode).toBe(400);
  });

  it('shows the form by its code, with nothing about other respondents; an unknown code is 404', async () => {
    const res = await request('GET', `/api/v1/public/par/survey/${codes[0]}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ unitName: expect.stringContaining('Tư pháp'), form: { code: '02', questions: [{ id: 'C1', options }, { id: 'C2' }, { id: 'C3' }] } });
    const lower = await request('GET', `/api/v1/public/par/survey/${codes[0]!.toLowerCase().replace(/(.{4})/g, '$1-').slice(0, -1)}`);
    expect(lower.statusCode).toBe(200);
    const unknown = await request('GET', '/api/v1/public/par/survey/ABCDEFGHJKLM');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('SURVEY_CODE_NOT_FOUND');
  });

  it('checks answers against the form: unknown questions, options and respondent fields are refused', async () => {
    expect((await answerOnline(codes[5]!, { C9: 'A' })).json().error.fields[0].path).toBe('answers.C9');
    expect((await answerOnline(codes[5]!, { C1: 'G' })).json().error.fields[0].path).toBe('answers.C1');
    expect((await answerOnline(codes[5]!, { C1: null })).statusCode).toBe(400);
    expect((await answerOnline(codes[5]!, { C1: 'A' }, { religion: 'x' })).statusCode).toBe(400);
    expect((await answerOnline(codes[5]!, { C1: 'A' }, { sex: 'unknown' })).statusCode).toBe(400);
    // Nothing refused spent the code.
    expect((await request('GET', `/api/v1/public/par/survey/${codes[5]}`)).statusCode).toBe(200);
  });

  it('takes one answer per code, even when two arrive at once', async () => {
    const [a, b] = await Promise.all([answerOnline(codes[0]!, { C1: 'A', C2: 'A', C3: 'A' }), answerOnline(codes[0]!, { C1: 'D', C2: 'D', C3: 'D' })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const refused = a.statusCode === 409 ? a : b;
    expect(refused.json().error).toMatchObject({ code: 'SURVEY_CODE_USED', message: expect.stringContaining('Mã khảo sát này đã được dùng') });
    const rows = await db.db.selectFrom('par_survey_responses').selectAll().where('form_id', '=', form.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'online', unit_id: u['H30.102'], entered_by_staff_id: null });
    const again = await request('GET', `/api/v1/public/par/survey/${codes[0]}`);
    expect(again.statusCode).toBe(409);
  });

  it('weighs A/B/C/D as 100/60/20/0, leaves out blank and "E" answers, averages each question on its own, and counts paper slips', async () => {
    // Online so far: C1 A, C2 A, C3 A (either of the two concurrent answers was all A or all D).
    const first = (await db.db.selectFrom('par_survey_responses').select('answers').where('form_id', '=', form.id).executeTakeFirstOrThrow()).answers;
    expect(first.C1 === 'A' || first.C1 === 'D').toBe(true);
    const c1First = first.C1 === 'A' ? 100 : 0;
    for (const [i, answers] of [{ C1: 'B', C2: 'E', C3: null }, { C1: 'C', C2: 'B', C3: 'D' }].entries()) {
      expect((await answerOnline(codes[i + 1]!, answers, { sex: 'female', ageGroup: '30_44', level: 'university', unit: 'Sở Tài chính', position: 'Chuyên viên' })).statusCode).toBe(201);
    }
    const slip = await paper(form.id, u['H30.102']!, { C1: 'D', C2: 'C', C3: 'e' }, { sex: 'male' });
    expect(slip.statusCode, slip.body).toBe(201);
    expect(slip.json()).toMatchObject({ channel: 'paper' });
    // Paper is typed by staff; a paper slip, too, is checked against the form.
    expect((await paper(form.id, u['H30.102']!, { C1: 'Z' })).statusCode).toBe(400);

    // C1: first, 60, 20, 0 → 4 counted; C2: first, (E), 60, 20 → 3 counted, 1 skipped; C3: first, (blank), 0, (E).
    const c1 = (c1First + 60 + 20 + 0) / 4;
    const c2 = (c1First + 60 + 20) / 3;
    const percents = await survey.percents(roundId);
    expect(percents.get(u['H30.102']!)?.get('3.1')).toBeCloseTo((c1 + c2) / 2, 2);
    expect(percents.get(u['H30.102']!)?.get('3.2')).toBe(c1First / 2);
    // A unit without a counted answer has no result, not 0.
    expect(percents.get(u['H30.105']!)?.get('3.1')).toBeNull();

    const res = await request('GET', `/api/v1/par/rounds/${roundId}/survey/results`, { session: s['chuyenvien.snv'] });
    expect(res.statusCode, res.body).toBe(200);
    const stp = res.json().units.find((x: { unitId: number }) => x.unitId === u['H30.102']);
    expect(stp.slips).toEqual({ paper: 1, online: 3, total: 4 });
    const c31 = stp.criteria.find((c: { code: string }) => c.code === '3.1');
    expect(c31.questions.map((q: { questionId: string; counted: number; skipped: number }) => [q.questionId, q.counted, q.skipped])).toEqual([['C1', 4, 0], ['C2', 3, 1]]);
    const c32 = stp.criteria.find((c: { code: string }) => c.code === '3.2');
    expect(c32.questions[0]).toMatchObject({ questionId: 'C3', counted: 2, skipped: 2, text: 'Thời gian giải quyết hồ sơ' });

    const stored = await db.db.selectFrom('par_survey_responses').select(['respondent', 'answers']).where('form_id', '=', form.id).where('channel', '=', 'online').orderBy('id').execute();
    expect(stored[1]).toEqual({ respondent: { sex: 'female', ageGroup: '30_44', level: 'university', unit: 'Sở Tài chính', position: 'Chuyên viên' }, answers: { C1: 'B', C2: 'E', C3: null } });
    const audited = await db.db.selectFrom('audit_events').select('action').where('action', 'in', ['par.survey_answered', 'par.survey_paper_entered']).execute();
    expect(audited.length).toBeGreaterThanOrEqual(4);
  });

  it('uses the set\'s own weights (the wards\' set: A/B/C = 100/50/0)', async () => {
    const res = await createForm(phieu02({ code: '06', name: 'Phiếu 06: lãnh đạo cấp xã đánh giá phường', blocks: ['phuong'], questions: [{ id: 'C1', text: 'Công khai, minh bạch', criterionCode: '3.1', options }] }));
    expect(res.statusCode, res.body).toBe(201);
    for (const a of ['A', 'B', 'D']) expect((await paper(res.json().id, u['H30.501']!, { C1: a })).statusCode).toBe(201);
    // D has no weight in this set: left out like E.
    expect((await survey.percents(roundId)).get(u['H30.501']!)?.get('3.1')).toBe(75);
  });

  it('edits a form only under its version and only while nobody has answered it', async () => {
    const fresh = (await createForm(phieu02({ code: '04' }))).json();
    const body = { ...phieu02({ code: '04', name: 'Phiếu 04: lãnh đạo cấp huyện đánh giá các sở' }), version: fresh.version };
    const edited = await request('PUT', `/api/v1/par/survey/forms/${fresh.id}`, { session: s['chuyenvien.snv'], body });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, name: 'Phiếu 04: lãnh đạo cấp huyện đánh giá các sở' });
    expect((await request('PUT', `/api/v1/par/survey/forms/${fresh.id}`, { session: s['chuyenvien.snv'], body })).json().error.code).toBe('STALE_VERSION');
    expect((await request('PUT', `/api/v1/par/survey/forms/${fresh.id}`, { session: s['lanhdao.stp'], body: { ...body, version: 2 } })).statusCode).toBe(403);

    const answered = await request('PUT', `/api/v1/par/survey/forms/${form.id}`, { session: s['chuyenvien.snv'], body: { ...phieu02(), version: form.version } });
    expect(answered.statusCode).toBe(409);
    expect(answered.json().error).toMatchObject({ code: 'SURVEY_FORM_ANSWERED', message: expect.stringContaining('không sửa được') });
    expect((await createForm(phieu02())).json().error.code).toBe('SURVEY_FORM_CODE_TAKEN');

    const list = await request('GET', `/api/v1/par/rounds/${roundId}/survey/forms`, { session: s['chuyenvien.snv'] });
    expect(list.statusCode).toBe(200);
    const f02 = list.json().forms.find((f: { code: string }) => f.code === '02');
    expect(f02.perUnit).toEqual([expect.objectContaining({ unitId: u['H30.102'], paper: 1, online: 3, invited: 6, used: 3 })]);
    expect(list.json().criteria).toEqual(expect.arrayContaining([{ code: '3.2', text: 'Mục 3.2', blocks: ['so'] }, expect.objectContaining({ code: '3.1', blocks: ['phuong', 'so'] })]));
  });

  it('closes once the result is approved', async () => {
    await db.db.updateTable('par_rounds').set({ stage: 'approved' }).where('id', '=', roundId).execute();
    try {
      const late = await answerOnline(codes[4]!, { C1: 'A' });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe('SURVEY_CLOSED');
      expect((await paper(form.id, u['H30.102']!, { C1: 'A' })).json().error.code).toBe('SURVEY_CLOSED');
      expect((await invite(form.id, u['H30.102']!, 1)).json().error.code).toBe('SURVEY_CLOSED');
    } finally {
      await db.db.updateTable('par_rounds').set({ stage: 'self_assessment' }).where('id', '=', roundId).execute();
    }
  });
});
