import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';

const DIRECTIVE_16 = readFileSync(new URL('./rules/fixtures/chi-thi-16-2014-lai-chau.txt', import.meta.url), 'utf8');

let t: TestApp;
const s = {} as Record<string, Session>;
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'chuyenvien.tanphong', 'kiemtra']) s[u] = await t.login(u);
});
afterAll(async () => { await t?.close(); });

const unitId = async (code: string) => (await t.db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

describe('POST /api/v1/directives/outline (API contract, issue 15)', () => {
  it('proposes Directive 16\'s items with the demo province\'s agencies, through its alias table, and stores nothing', async () => {
    const before = await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const res = await t.request('POST', '/api/v1/directives/outline', { session: s['chuyenvien.tanphong'], body: { text: DIRECTIVE_16 } });
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    expect(o.number).toBe('16/CT-UBND');
    expect(o.items.map((i: { n: string }) => i.n)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    const seven = o.items[6];
    expect(seven.subitems.map((x: { n: string }) => x.n)).toEqual(['a', 'b', 'c', 'd', 'e', 'g']);
    expect(seven.subitems.slice(0, 5).map((x: { leads: { unitId: number | null }[] }) => x.leads[0]?.unitId)).toEqual([
      await unitId('H30.101'), await unitId('H30.102'), await unitId('H30.104'), await unitId('H30.104'), await unitId('H30.103'),
    ]);
    // The old name, as the text writes it, led to the department that took its work over.
    expect(seven.subitems[2].leads[0].name).toBe('Sở Thông tin và Truyền thông');
    // The newspaper and the radio-TV merged in 2025, the portal is run by the People's Committee's office:
    // the three names of 7g reach those units through the alias table, the merged one once.
    expect(seven.subitems[5].leads.map((l: { name: string; unitId: number | null }) => [l.name, l.unitId])).toEqual([
      ['Báo Lai Châu', await unitId('H30.150')], ['Cổng Giao tiếp điện tử tỉnh', await unitId('H30.001')],
    ]);
    // Items 1–6 fan out to every department and every commune of the demo province.
    const departments = (await t.db.selectFrom('org_units').select('id').where('kind', '=', 'department').execute()).map((u) => u.id).sort();
    expect(o.items[0].leads[0]).toMatchObject({ group: 'departments', unitId: null });
    expect([...o.items[0].leads[0].unitIds].sort()).toEqual(departments);
    expect(o.items[0].leads[1]).toMatchObject({ group: 'communes' });
    const after = await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('refuses what is not a document with a reason, and a caller who is not signed in', async () => {
    const empty = await t.request('POST', '/api/v1/directives/outline', { session: s['chuyenvien.tanphong'], body: { text: '   ' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0].message).toContain('quá ngắn');
    const missing = await t.request('POST', '/api/v1/directives/outline', { session: s['chuyenvien.tanphong'], body: {} });
    expect(missing.statusCode).toBe(400);
    const huge = await t.request('POST', '/api/v1/directives/outline', { session: s['chuyenvien.tanphong'], body: { text: 'a'.repeat(200_001) } });
    expect(huge.statusCode).toBe(400);
    expect((await t.request('POST', '/api/v1/directives/outline', { body: { text: DIRECTIVE_16 } })).statusCode).toBe(401);
  });
});

describe('the agency alias table', () => {
  it('lets the province\'s organisation administrator add and remove a name, audited, and the outline follows it at once', async () => {
    const text = 'UBND tỉnh yêu cầu:\n1. Sở Văn hóa và Thể thao chủ trì tổ chức tuyên truyền.';
    const first = (await t.request('POST', '/api/v1/directives/outline', { session: s.kiemtra, body: { text } })).json();
    expect(first.items[0].leads).toEqual([]);
    const culture = await unitId('H30.107');
    const added = await t.request('POST', '/api/v1/directives/aliases', { session: s.admin, body: { unitId: culture, alias: 'Sở Văn hóa và Thể thao', note: 'Tên trước năm 2008' } });
    expect(added.statusCode, added.body).toBe(201);
    const second = (await t.request('POST', '/api/v1/directives/outline', { session: s.kiemtra, body: { text } })).json();
    expect(second.items[0].leads).toEqual([{ name: 'Sở Văn hóa và Thể thao', unitId: culture }]);
    // One name, one agency: the same name again (any case) is refused.
    const again = await t.request('POST', '/api/v1/directives/aliases', { session: s.admin, body: { unitId: culture, alias: 'sở văn hóa và thể thao' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('đã được gán');
    // Others may read the table, not change it.
    expect((await t.request('GET', '/api/v1/directives/aliases', { session: s['chuyenvien.tanphong'] })).json().aliases.map((a: { alias: string }) => a.alias)).toContain('Sở Thông tin và Truyền thông');
    expect((await t.request('POST', '/api/v1/directives/aliases', { session: s['chuyenvien.tanphong'], body: { unitId: culture, alias: 'Sở VHTT' } })).statusCode).toBe(403);
    expect((await t.request('POST', '/api/v1/directives/aliases', { session: s.admin, body: { unitId: 999_999, alias: 'Sở Ma' } })).statusCode).toBe(400);
    const removed = await t.request('DELETE', `/api/v1/directives/aliases/${added.json().id}`, { session: s.admin });
    expect(removed.statusCode).toBe(204);
    expect((await t.request('DELETE', `/api/v1/directives/aliases/${added.json().id}`, { session: s.admin })).statusCode).toBe(404);
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity', '=', 'directive_agency_alias').where('entity_id', '=', String(added.json().id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['directive.alias_added', 'directive.alias_removed']);
  });
});
