/**
 * The version life cycle through the admin API: drafts with optimistic locking, validation on save,
 * publication by a decision, immutability (service and database), amendment by a new version,
 * and the version in force at an instant as the one-stop shop asks for it.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { procedureInput, step } from './testing.js';

let t: TestApp;
let admin: Session;
const CODE = '1.999100';
const base = `/api/v1/admin/procedures/${CODE}/versions`;
const decision = (number: string, date: string) => ({ number, date, signer: 'Nguyễn Văn Ký', title: 'Công bố thủ tục hành chính' });

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(async () => { await t?.close(); });

const content = (over: Record<string, unknown> = {}) => procedureInput({ code: CODE, name: 'Cấp giấy xác nhận thử nghiệm', version: undefined, ...over });
const put = (n: number, body: unknown) => t.request('PUT', `${base}/${n}`, { session: admin, body });
const act = (n: number, body: unknown) => t.request('POST', `${base}/${n}/actions`, { session: admin, body });
const revisionOf = async (n: number) => (await t.request('GET', `/api/v1/procedures/${CODE}/versions/${n}`, { session: admin })).json().revision as number;

describe('a procedure from draft to amendment', () => {
  it('creates a draft and refuses invalid content with Vietnamese messages per field', async () => {
    const bad = await t.request('POST', '/api/v1/admin/procedures', { session: admin, body: { ...content(), name: '' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toContainEqual(expect.objectContaining({ path: 'name', message: expect.stringContaining('Tên thủ tục không được để trống') }));
    // 3 working days = 24 hours; steps of 16 + 16 hours exceed it.
    const budget = await t.request('POST', '/api/v1/admin/procedures', { session: admin, body: content({ internalProcesses: [{ steps: [step(1, 16), step(2, 16)] }] }) });
    expect(budget.statusCode).toBe(400);
    expect(budget.json().error.code).toBe('CATALOG_VALIDATION_FAILED');
    expect(budget.json().error.fields[0]).toMatchObject({ path: 'internalProcesses.0.steps', message: expect.stringMatching(/Tổng thời gian các bước \(32 giờ làm việc\) khác thời hạn giải quyết .*thừa 8 giờ/) });
    const unit = await t.request('POST', '/api/v1/admin/procedures', { session: admin, body: content({ internalProcesses: [{ steps: [step(1, 24, { responsible: { unitCode: 'H30.999', role: 'specialist' } })] }] }) });
    expect(unit.statusCode).toBe(400);
    expect(unit.json().error.fields[0]).toMatchObject({ path: 'internalProcesses.0.steps.0.responsible.unitCode', message: expect.stringContaining('H30.999') });

    const ok = await t.request('POST', '/api/v1/admin/procedures', { session: admin, body: content() });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ number: 1, status: 'draft', revision: 0, allowedActions: ['edit', 'publish'] });
    expect((await t.request('POST', '/api/v1/admin/procedures', { session: admin, body: content() })).json().error.code).toBe('PROCEDURE_EXISTS');
  });

  it('saves a draft with its revision and answers 409 STALE_VERSION to a second editor', async () => {
    const first = await put(1, { ...content({ name: 'Cấp giấy xác nhận thử nghiệm (sửa)' }), revision: 0 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().revision).toBe(1);
    const second = await put(1, { ...content({ name: 'Bản của người thứ hai' }), revision: 0 });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('STALE_VERSION');
    expect((await t.request('GET', `/api/v1/procedures/${CODE}/versions/1`, { session: admin })).json().content.name).toBe('Cấp giấy xác nhận thử nghiệm (sửa)');
    expect((await put(1, { ...content({ code: '1.999101' }), revision: 1 })).statusCode).toBe(400);
  });

  it('publishes by a decision; the published version is immutable in the service and in the database', async () => {
    const missing = await act(1, { action: 'publish', revision: await revisionOf(1), effectiveFrom: '2026-01-01' });
    expect(missing.statusCode).toBe(400);
    const res = await act(1, { action: 'publish', decision: decision('101/QĐ-UBND', '2025-12-20'), effectiveFrom: '2026-01-01', revision: await revisionOf(1) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'published', effectiveFrom: '2026-01-01', decision: { number: '101/QĐ-UBND' } });

    const edit = await put(1, { ...content(), revision: res.json().revision });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('PUBLISHED_IMMUTABLE');
    expect((await act(1, { action: 'publish', decision: decision('1/QĐ', '2026-01-01'), effectiveFrom: '2026-02-01', revision: res.json().revision })).json().error.code).toBe('PUBLISHED_IMMUTABLE');

    const id = res.json().id as number;
    await expect(sql`update catalog_procedure_versions set content = jsonb_set(content, '{name}', '"Sửa lén"') where id = ${id}`.execute(t.db)).rejects.toThrow(/immutable/);
    await expect(sql`update catalog_procedure_versions set effective_from = '2020-01-01' where id = ${id}`.execute(t.db)).rejects.toThrow(/immutable/);
    await expect(sql`delete from catalog_procedure_versions where id = ${id}`.execute(t.db)).rejects.toThrow(/cannot be deleted/);
    expect((await t.request('GET', `/api/v1/procedures/${CODE}`)).json().name).toBe('Cấp giấy xác nhận thử nghiệm (sửa)');
  });

  it('amends by a new version: the draft copies the last one, publication closes the old one the day before', async () => {
    const draft = await t.request('POST', base, { session: admin, body: { changeNote: 'Rút ngắn thời hạn trực tuyến' } });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json()).toMatchObject({ number: 2, status: 'draft', changeNote: 'Rút ngắn thời hạn trực tuyến' });
    expect((await t.request('POST', base, { session: admin, body: {} })).json().error.code).toBe('DRAFT_EXISTS');

    const shorter = content({
      name: 'Cấp giấy xác nhận thử nghiệm (sửa)',
      channels: [{ kind: 'desk', time: { amount: 3, unit: 'working_days' } }, { kind: 'online', time: { amount: 2, unit: 'working_days' } }],
      internalProcesses: [
        { channels: ['desk'], steps: [step(1, 2, { responsible: { function: 'one_stop', role: 'desk_officer' } }), step(2, 22)] },
        { channels: ['online'], steps: [step(1, 2, { responsible: { function: 'one_stop', role: 'desk_officer' } }), step(2, 14)] },
      ],
    });
    expect((await put(2, { ...shorter, revision: 0 })).statusCode).toBe(200);
    const early = await act(2, { action: 'publish', decision: decision('202/QĐ-UBND', '2026-02-15'), effectiveFrom: '2025-12-01', revision: 1 });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('EFFECTIVE_OVERLAP');
    const published = await act(2, { action: 'publish', decision: decision('202/QĐ-UBND', '2026-02-15'), effectiveFrom: '2026-03-01', revision: 1 });
    expect(published.statusCode, published.body).toBe(200);

    const history = (await t.request('GET', `/api/v1/procedures/${CODE}/versions`)).json().items;
    expect(history.map((v: { number: number; status: string; effectiveTo: string | null }) => [v.number, v.status, v.effectiveTo])).toEqual([[1, 'amended', '2026-02-28'], [2, 'published', null]]);
    expect(history[0].closingDecision).toMatchObject({ number: '202/QĐ-UBND', action: 'amend' });
    const diff = (await t.request('GET', `/api/v1/procedures/${CODE}/diff?from=1&to=2`)).json();
    expect(diff.changes.map((c: { path: string }) => c.path)).toContain('channels[online].time.amount');
    expect(diff.changes.find((c: { path: string }) => c.path === 'channels[online].time.amount').where)
      .toBe('Cách thức và thời hạn giải quyết › Cách thức trực tuyến › Thời hạn giải quyết › Thời hạn');
  });

  it('finds the version in force at an instant by the day in Asia/Ho_Chi_Minh, and the pinned version by id', async () => {
    const port = t.services.catalog.port;
    const at = async (iso: string) => (await port.findInForce(CODE, new Date(iso)))?.versionNumber;
    expect(await at('2025-12-31T16:59:59Z')).toBeUndefined(); // 23:59 on 31/12/2025 in Hà Nội
    expect(await at('2025-12-31T17:00:00Z')).toBe(1); // 00:00 on 01/01/2026
    expect(await at('2026-02-28T16:59:59Z')).toBe(1);
    expect(await at('2026-02-28T17:00:00Z')).toBe(2);
    const v1 = await port.findInForce(CODE, new Date('2026-02-01T03:00:00Z'));
    expect((await port.findVersion(v1!.versionId))?.content.channels).toEqual(v1!.content.channels);
  });

  it('abolishes: nothing is in force after the last day', async () => {
    const res = await act(2, { action: 'abolish', decision: decision('303/QĐ-UBND', '2026-06-01'), effectiveTo: '2026-06-30', revision: await revisionOf(2) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'abolished', allowedActions: [] });
    expect((await t.services.catalog.port.findInForce(CODE, new Date('2026-06-30T10:00:00Z')))?.versionNumber).toBe(2);
    expect(await t.services.catalog.port.findInForce(CODE, new Date('2026-07-01T10:00:00Z'))).toBeUndefined();
    expect((await act(2, { action: 'amend', decision: decision('1/QĐ', '2026-07-01'), effectiveTo: '2026-07-01', revision: res.json().revision })).json().error.code).toBe('VERSION_CLOSED');
  });

  it('deletes only a draft, with its revision, and audits every change', async () => {
    const draft = await t.request('POST', base, { session: admin, body: {} });
    expect(draft.json().number).toBe(3);
    expect((await t.request('DELETE', `${base}/3?revision=5`, { session: admin })).statusCode).toBe(409);
    expect((await t.request('DELETE', `${base}/3?revision=0`, { session: admin })).statusCode).toBe(204);
    expect((await t.request('DELETE', `${base}/2?revision=0`, { session: admin })).json().error.code).toBe('PUBLISHED_IMMUTABLE');
    const actions = (await t.db.selectFrom('audit_events').select('action').where('entity', '=', 'procedure').where('entity_id', 'like', `${CODE}@%`).orderBy('id').execute()).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['catalog.version.drafted', 'catalog.version.updated', 'catalog.version.published', 'catalog.version.amended', 'catalog.version.abolished', 'catalog.version.deleted']));
  });

  it('answers bad requests with 4xx, never 500', async () => {
    const cases: [string, string, unknown, number][] = [
      ['PUT', `${base}/1`, { ...content(), revision: 'x' }, 400],
      ['POST', `${base}/1/actions`, { action: 'fly' }, 400],
      ['POST', `${base}/99/actions`, { action: 'abolish', decision: decision('1/QĐ', '2026-01-01'), effectiveTo: '2026-01-01', revision: 0 }, 404],
      ['POST', '/api/v1/admin/procedures/9.999999/versions', {}, 404],
      ['GET', `/api/v1/procedures/${CODE}/versions/abc`, undefined, 400],
      ['DELETE', `${base}/1`, undefined, 400],
      ['POST', '/api/v1/admin/procedures', [], 400],
      ['POST', `${base}/1/actions`, { action: 'publish', decision: decision('1/QĐ', '2026-02-30'), effectiveFrom: '2026-13-01', revision: 0 }, 400],
    ];
    for (const [method, url, body, status] of cases) {
      const res = await t.request(method, url, { session: admin, body });
      expect(res.statusCode, `${method} ${url} ${res.body}`).toBe(status);
    }
    const text = await t.request('POST', '/api/v1/admin/import/procedures', { session: admin, body: 'not json', headers: { 'content-type': 'text/plain' } });
    expect(text.json()).toMatchObject({ applied: false, errors: [{ row: 0, message: expect.stringContaining('không phải JSON') }] });
    const array = await t.request('POST', '/api/v1/admin/import/procedures', { session: admin, body: [1, 2] });
    expect(array.json()).toMatchObject({ applied: false, errors: [{ field: 'format' }] });
  });
});
