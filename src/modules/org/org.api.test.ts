import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { systemContext } from '../../platform/http/context.js';

let t: TestApp;
const sessions: Record<string, Session> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'kiemtra', 'motcua.tinh', 'lanhdao.stp', 'chuyenvien.stp', 'motcua.tanphong', 'lanhdao.tanphong', 'motcua.doanket']) sessions[u] = await t.login(u);
});
afterAll(async () => { await t?.close(); });

async function staffIn(code: string): Promise<{ id: number; version: number }> {
  const unitId = await t.unitId(code);
  return t.db.selectFrom('org_staff').select(['id', 'version']).where('unit_id', '=', unitId).orderBy('id').executeTakeFirstOrThrow();
}

describe('access by unit subtree', () => {
  // [user, staff member's unit, can read?, can change?]
  const cases: [string, string, boolean, boolean][] = [
    ['admin', 'H30.502.01', true, true],
    ['kiemtra', 'H30.102.01', true, false],
    ['lanhdao.stp', 'H30.102.01', true, true],
    ['lanhdao.stp', 'H30.105.01', false, false],
    ['chuyenvien.stp', 'H30.102.02', true, false],
    ['chuyenvien.stp', 'H30.102.01', false, false],
    ['motcua.tinh', 'H30.002', true, false],
    ['motcua.tinh', 'H30.501.01', false, false],
    ['motcua.tanphong', 'H30.501.02', true, false],
    ['motcua.tanphong', 'H30.502.01', false, false],
    ['lanhdao.tanphong', 'H30.501.02', true, true],
    ['lanhdao.tanphong', 'H30.502.02', false, false],
    ['motcua.doanket', 'H30.501.01', false, false],
  ];
  it.each(cases)('%s on staff of %s: read %s, change %s', async (user, code, read, change) => {
    const staff = await staffIn(code);
    const get = await t.request('GET', `/api/v1/org/staff/${staff.id}`, { session: sessions[user] });
    expect(get.statusCode).toBe(read ? 200 : 404);
    const current = await staffIn(code);
    const patch = await t.request('PATCH', `/api/v1/org/staff/${staff.id}`, { session: sessions[user], body: { version: current.version, phone: '0912345678' } });
    expect(patch.statusCode).toBe(change ? 200 : read ? 403 : 404);
  });

  it('lists only the staff of units the caller reaches', async () => {
    const res = await t.request('GET', '/api/v1/org/staff?pageSize=200', { session: sessions['motcua.tanphong'] });
    const tanPhong = new Set((await t.services.org.subtrees([await t.unitId('H30.501')])).get(await t.unitId('H30.501')));
    expect(res.json().total).toBeGreaterThan(0);
    for (const s of res.json().items) expect(tanPhong.has(s.unitId)).toBe(true);
  });

  it('answers 404 for a unit filter outside the reach, and 401 without a session', async () => {
    const other = await t.unitId('H30.502');
    expect((await t.request('GET', `/api/v1/org/staff?unitId=${other}`, { session: sessions['motcua.tanphong'] })).statusCode).toBe(404);
    expect((await t.request('GET', '/api/v1/org/staff')).statusCode).toBe(401);
  });
});

describe('units', () => {
  it('creates a unit under a parent, validates the agency code, and refuses a duplicate code', async () => {
    const parentId = await t.unitId('H30.108');
    const bad = await t.request('POST', '/api/v1/org/units', { session: sessions.admin, body: { parentId, code: 'H30.108.001', name: 'Phòng sai mã', kind: 'section' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].message).toContain('2 ký tự');
    const ok = await t.request('POST', '/api/v1/org/units', { session: sessions.admin, body: { parentId, code: 'h30.108.02', name: 'Phòng Kế hoạch - Tài chính', kind: 'section' } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().code).toBe('H30.108.02');
    const dup = await t.request('POST', '/api/v1/org/units', { session: sessions.admin, body: { parentId, code: 'H30.108.02', name: 'Trùng', kind: 'section' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('UNIT_CODE_TAKEN');
  });

  it('refuses to move a unit under its own descendant', async () => {
    const dept = await t.db.selectFrom('org_units').select(['id', 'version']).where('code', '=', 'H30.109').executeTakeFirstOrThrow();
    const child = await t.unitId('H30.109.01');
    const res = await t.request('PATCH', `/api/v1/org/units/${dept.id}`, { session: sessions.admin, body: { version: dept.version, parentId: child } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('parentId');
  });

  it('answers 409 STALE_VERSION when two people edit the same unit', async () => {
    const unit = await t.db.selectFrom('org_units').select(['id', 'version']).where('code', '=', 'H30.107.01').executeTakeFirstOrThrow();
    const first = await t.request('PATCH', `/api/v1/org/units/${unit.id}`, { session: sessions.admin, body: { version: unit.version, shortName: 'P.VH' } });
    expect(first.statusCode).toBe(200);
    const second = await t.request('PATCH', `/api/v1/org/units/${unit.id}`, { session: sessions.admin, body: { version: unit.version, shortName: 'Khác' } });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('STALE_VERSION');
    const after = await t.db.selectFrom('org_units').select('short_name').where('id', '=', unit.id).executeTakeFirstOrThrow();
    expect(after.short_name).toBe('P.VH');
  });
});

describe('audit', () => {
  it('writes an audit row with the change in the same transaction', async () => {
    const before = await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).where('action', '=', 'org.staff.created').executeTakeFirstOrThrow();
    const res = await t.request('POST', '/api/v1/org/staff', { session: sessions.admin, body: { fullName: 'Nguyễn Văn Kiểm', unitId: await t.unitId('H30.101.01'), badgeNumber: 'AUD-1' } });
    expect(res.statusCode).toBe(201);
    const rows = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'org.staff.created').where('entity_id', '=', String(res.json().id)).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actor_name).toContain('admin');
    const after = await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).where('action', '=', 'org.staff.created').executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n) + 1);
  });

  it('a failing transaction leaves neither the change nor the audit row', async () => {
    const unitId = await t.unitId('H30.101');
    await expect(inTransaction(t.db, async (trx) => {
      await trx.updateTable('org_units').set({ short_name: 'SẼ BỊ HỦY' }).where('id', '=', unitId).execute();
      await recordAudit(trx, systemContext('rollback-test'), { action: 'test.rollback', entity: 'unit', entityId: unitId });
      throw new Error('boom');
    })).rejects.toThrow('boom');
    const unit = await t.db.selectFrom('org_units').select('short_name').where('id', '=', unitId).executeTakeFirstOrThrow();
    expect(unit.short_name).not.toBe('SẼ BỊ HỦY');
    expect(await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'test.rollback').execute()).toHaveLength(0);
  });

  it('the database itself refuses to change or delete audit rows', async () => {
    await expect(t.db.updateTable('audit_events').set({ action: 'forged' } as never).where('id', '>', '0').execute()).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('audit_events').where('id', '>', '0').execute()).rejects.toThrow(/append-only/);
  });

  it('the audit page API: admin sees events; a specialist may not read the log', async () => {
    const res = await t.request('GET', '/api/v1/audit?action=auth.login&limit=5', { session: sessions.admin });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(0);
    expect(res.json().items[0]).toMatchObject({ action: 'auth.login' });
    expect((await t.request('GET', '/api/v1/audit', { session: sessions['chuyenvien.stp'] })).statusCode).toBe(403);
  });
});

describe('public official page', () => {
  it('shows who the official is, without private contact data, and 404 for an unknown id', async () => {
    const staff = await t.db.selectFrom('org_staff').select('public_id').where('badge_number', '=', 'LC-0101').executeTakeFirstOrThrow();
    const res = await t.request('GET', `/api/v1/public/staff/${staff.public_id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ fullName: 'Nguyễn Thị Hồng Nhung', badgeNumber: 'LC-0101' });
    expect(res.json()).not.toHaveProperty('phone');
    expect((await t.request('GET', '/api/v1/public/staff/00000000-0000-0000-0000-000000000000')).statusCode).toBe(404);
    expect((await t.request('GET', '/api/v1/public/staff/not-a-uuid')).statusCode).toBe(404);
  });
});
