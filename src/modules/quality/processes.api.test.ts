import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { TEST_NOW } from '../../../test/support/test-db.js';

// The Department of Home Affairs (Sở Nội vụ, H30.101) lists the processes of its QMS: one per
// administrative procedure it handles, linked to the catalogue by code (and case), and its own support
// and management processes. Its staff keep the list; the Department of Justice (H30.102) does not see it.
let t: TestApp;
const sessions = new Map<string, Session>();
const Q = '/api/v1/quality';
const ids = {} as Record<string, number>;

async function as(who: string): Promise<Session> {
  if (!sessions.has(who)) sessions.set(who, await t.login(who));
  return sessions.get(who)!;
}
const api = async (method: string, url: string, who: string, body?: unknown) => t.request(method, `${Q}${url}`, { session: await as(who), body });
const errorCode = (res: { json(): { error?: { code: string } } }) => res.json().error?.code;
const processes = () => `/systems/${ids.qms}/processes`;
type ProcessView = { id: number; code: string; version: number; [k: string]: unknown };
const listed = async (who = 'chuyenvien.snv') => (await api('GET', processes(), who)).json().items as ProcessView[];

beforeAll(async () => {
  t = await createTestApp();
  for (const code of ['H30.101', 'H30.101.01', 'H30.102']) ids[code] = await t.unitId(code);
  // Part A (the systems API) is built beside this part: the QMS row is inserted as it would leave it.
  ids.qms = (await t.db.insertInto('qms_systems').values({ agency_unit_id: ids['H30.101']!, exclusions: '[]', settings: '{}' }).returning('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => { await t?.close(); });

describe('the processes of a QMS', () => {
  it('are added by the agency\'s staff, linked to a procedure in force in the catalogue', async () => {
    expect(await listed()).toEqual([]);
    const inForce = (await t.services.catalog.service.findInForce('1.003822', TEST_NOW))!;
    const res = await api('POST', processes(), 'chuyenvien.snv', { code: 'QT-02', name: 'Quy trình thành lập hội', kind: 'tthc', ownerUnitId: ids['H30.101.01'], catalogProcedureCode: '1.003822' });
    expect(res.statusCode, res.body).toBe(201);
    ids.assoc = res.json().id;
    const section = (await t.db.selectFrom('org_units').select('name').where('id', '=', ids['H30.101.01']!).executeTakeFirstOrThrow()).name;
    expect(res.json()).toMatchObject({
      code: 'QT-02', kind: 'tthc', kindLabel: 'Quy trình giải quyết thủ tục hành chính', ownerUnitId: ids['H30.101.01'], ownerUnitName: section,
      catalogProcedureCode: '1.003822', caseCode: null, procedureName: inForce.content.name, active: true, version: 1, document: null,
    });
    const withCase = await api('POST', processes(), 'lanhdao.snv', { code: 'QT-03', name: 'Cấp lại giấy phép lao động', kind: 'tthc', catalogProcedureCode: '1.000105', caseCode: 'cap_lai' });
    expect(withCase.statusCode, withCase.body).toBe(201);
    expect(withCase.json()).toMatchObject({ caseCode: 'cap_lai', ownerUnitId: null, ownerUnitName: null });
    expect((await api('POST', processes(), 'chuyenvien.snv', { code: 'QT-01', name: 'Kiểm soát tài liệu', kind: 'management' })).statusCode).toBe(201);
    expect((await listed('kiemtra')).map((p) => p.code)).toEqual(['QT-01', 'QT-02', 'QT-03']);
    const events = await t.db.selectFrom('qms_events').select(['action', 'actor_name']).where('entity', '=', 'process').where('entity_id', '=', ids.assoc!).execute();
    expect(events).toEqual([{ action: 'created', actor_name: 'Sùng A Páo' }]);
    expect(await t.db.selectFrom('audit_events').select('action').where('entity', '=', 'qms_process').where('entity_id', '=', String(ids.assoc)).execute()).toEqual([{ action: 'quality.process_created' }]);
  });

  it('are kept by the agency only: a reader may not add, another department does not see them', async () => {
    const body = { code: 'QT-09', name: 'Quy trình thử', kind: 'support' };
    expect((await api('POST', processes(), 'kiemtra', body)).statusCode).toBe(403);
    for (const who of ['lanhdao.stp', 'chuyenvien.stp']) {
      expect((await api('GET', processes(), who)).statusCode).toBe(404);
      expect((await api('POST', processes(), who, body)).statusCode).toBe(404);
      expect((await api('PUT', `/processes/${ids.assoc}`, who, { version: 1, name: 'Đổi tên' })).statusCode).toBe(404);
    }
    expect((await api('GET', '/systems/999999/processes', 'lanhdao.snv')).statusCode).toBe(404);
    expect((await api('PUT', '/processes/999999', 'lanhdao.snv', { version: 1, name: 'Đổi tên' })).statusCode).toBe(404);
    expect((await listed()).map((p) => p.code)).not.toContain('QT-09');
  });

  it('refuses a procedure the catalogue does not have in force, an unknown case, an owner outside the agency, bad fields', async () => {
    const base = { code: 'QT-10', name: 'Quy trình thử nghiệm', kind: 'tthc' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, catalogProcedureCode: '1.999999' }, 'catalogProcedureCode'],
      [{ ...base, catalogProcedureCode: 'abc' }, 'catalogProcedureCode'],
      [{ ...base, catalogProcedureCode: '1.000105', caseCode: 'khong_co' }, 'caseCode'],
      [{ ...base, caseCode: 'cap_lai' }, 'caseCode'],
      [{ ...base, ownerUnitId: ids['H30.102'] }, 'ownerUnitId'],
      [{ ...base, kind: 'core' }, 'kind'],
      [{ ...base, code: 'QT 10' }, 'code'],
      [{ ...base, name: 'ab' }, 'name'],
    ];
    for (const [body, path] of cases) {
      const res = await api('POST', processes(), 'chuyenvien.snv', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.fields[0].path, JSON.stringify(body)).toBe(path);
      expect(res.json().error.fields[0].message).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵệềếểễộồốổỗơớờợởỡưứừựửữđ]/i);
    }
    expect((await api('POST', processes(), 'chuyenvien.snv', { ...base, unknown: 1 })).statusCode).toBe(400);
    expect((await api('POST', '/systems/abc/processes', 'chuyenvien.snv', base)).statusCode).toBe(400);
    expect(errorCode(await api('POST', processes(), 'chuyenvien.snv', { ...base, code: 'QT-02' }))).toBe('QMS_PROCESS_CODE_TAKEN');
  });

  it('are edited under their version: a stale one conflicts, nothing to change is a 400', async () => {
    const url = `/processes/${ids.assoc}`;
    expect((await api('PUT', url, 'kiemtra', { version: 1, name: 'Đổi tên' })).statusCode).toBe(403);
    expect((await api('PUT', url, 'chuyenvien.snv', { version: 1 })).statusCode).toBe(400);
    expect((await api('PUT', url, 'chuyenvien.snv', { version: 1, ownerUnitId: ids['H30.102'] })).json().error.fields[0].path).toBe('ownerUnitId');
    const res = await api('PUT', url, 'chuyenvien.snv', { version: 1, name: 'Quy trình cho phép thành lập hội', ownerUnitId: null, active: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Quy trình cho phép thành lập hội', ownerUnitId: null, active: false, version: 2, catalogProcedureCode: '1.003822' });
    expect(errorCode(await api('PUT', url, 'lanhdao.snv', { version: 1, active: true }))).toBe('VERSION_CONFLICT');
    expect((await listed()).find((p) => p.id === ids.assoc)).toMatchObject({ active: false, version: 2 });
    const events = await t.db.selectFrom('qms_events').select(['action', 'details']).where('entity', '=', 'process').where('entity_id', '=', ids.assoc!).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual(['created', 'updated']);
    expect(events[1]!.details).toMatchObject({ before: { active: true, ownerUnitId: ids['H30.101.01'] }, after: { active: false, ownerUnitId: null } });
  });
});
