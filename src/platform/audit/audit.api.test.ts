import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { inTransaction } from '../db/transaction.js';
import { systemContext } from '../http/context.js';
import { recordAudit } from './audit.service.js';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  await t.login('motcua.tinh');
  admin = await t.login('admin');
});
afterAll(async () => { await t?.close(); });

type Item = { action: string; entity: string; entityId: string | null; actionLabel: { vi: string; en: string }; object: { vi: string; en: string } };
const items = async (query: string): Promise<Item[]> => {
  const res = await t.request('GET', `/api/v1/audit?${query}`, { session: admin });
  expect(res.statusCode).toBe(200);
  return res.json().items;
};

describe('the audit log in words (GET /api/v1/audit)', () => {
  it('labels the action and names the object: "Đăng nhập", "Tài khoản motcua.tinh"', async () => {
    const account = await t.db.selectFrom('auth_accounts').select('id').where('username', '=', 'motcua.tinh').executeTakeFirstOrThrow();
    const [login] = await items(`action=auth.login&entityId=${account.id}&limit=1`);
    expect(login).toMatchObject({
      action: 'auth.login', entity: 'account', entityId: String(account.id),
      actionLabel: { vi: 'Đăng nhập', en: 'Signed in' },
      object: { vi: 'Tài khoản motcua.tinh', en: 'Account motcua.tinh' },
    });
  });

  it('names staff, units and procedure versions, and keeps a dossier code as its name', async () => {
    const staff = await t.db.selectFrom('org_staff').select(['id', 'full_name', 'unit_id']).where('badge_number', '=', 'LC-0101').executeTakeFirstOrThrow();
    const unit = await t.db.selectFrom('org_units').select(['id', 'name']).where('id', '=', staff.unit_id).executeTakeFirstOrThrow();
    const procedure = await t.db.selectFrom('catalog_procedure_versions as v').innerJoin('catalog_procedures as p', 'p.id', 'v.procedure_id')
      .select(['p.code', 'v.name', 'v.number']).orderBy('v.id').executeTakeFirstOrThrow();
    await inTransaction(t.db, async (trx) => {
      const ctx = systemContext('audit-words');
      await recordAudit(trx, ctx, { action: 'org.staff.updated', entity: 'staff', entityId: staff.id });
      await recordAudit(trx, ctx, { action: 'org.unit.updated', entity: 'unit', entityId: unit.id });
      await recordAudit(trx, ctx, { action: 'catalog.version.published', entity: 'procedure', entityId: `${procedure.code}@${procedure.number}` });
      await recordAudit(trx, ctx, { action: 'dossier.taken+transferred', entity: 'dossier', entityId: 'H30.22-260302-0001' });
    });
    const rows = await items('limit=4');
    expect(rows.map((r) => r.object.vi)).toEqual([
      'Hồ sơ H30.22-260302-0001',
      `Thủ tục ${procedure.code} “${procedure.name}”, phiên bản ${procedure.number}`,
      `Đơn vị ${unit.name}`,
      `Cán bộ ${staff.full_name}`,
    ]);
    expect(rows[0]!.actionLabel).toEqual({ vi: 'Nhận xử lý, Chuyển xử lý', en: 'Taken, Transferred' });
    expect(rows[1]!.object.en).toBe(`Procedure ${procedure.code} “${procedure.name}”, version ${procedure.number}`);
  });

  it('filters by one step and finds the rows that recorded it together with others', async () => {
    const rows = await items('action=dossier.transferred&entityId=H30.22-260302-0001');
    expect(rows.map((r) => r.action)).toEqual(['dossier.taken+transferred']);
  });

  it('offers the actions and kinds of object for the filters, labelled in both languages', async () => {
    const res = await t.request('GET', '/api/v1/audit/vocabulary', { session: admin });
    expect(res.statusCode).toBe(200);
    const { actions, entities } = res.json() as { actions: { action: string; label: { vi: string } }[]; entities: { entity: string; label: { vi: string } }[] };
    expect(actions).toContainEqual({ action: 'auth.login', label: { vi: 'Đăng nhập', en: 'Signed in' } });
    expect(entities).toContainEqual({ entity: 'account', label: { vi: 'Tài khoản', en: 'Account' } });
    const specialist = await t.login('chuyenvien.stp');
    expect((await t.request('GET', '/api/v1/audit/vocabulary', { session: specialist })).statusCode).toBe(403);
  });
});
