import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeProcedure, inMemoryCatalog, provinceInterAgencyProcedure } from '../../../test/support/procedure-factory.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { createDossierService } from './dossiers.service.js';

// Monday 02/03/2026 09:00 (+07:00), an ordinary working week.
const now = new Date('2026-03-02T09:00:00+07:00');
let t: TestApp;
const s = {} as Record<string, Session>;
beforeAll(async () => {
  t = await createTestApp({
    override: (services) => ({
      dossiers: createDossierService({ db: services.db, org: services.org, catalog: inMemoryCatalog([communeProcedure(), provinceInterAgencyProcedure()]), deadlines: services.calendar.deadlines, keys: services.dataKeys, now: () => now }),
    }),
  });
  for (const u of ['motcua.tinh', 'motcua.tanphong', 'motcua.doanket', 'chuyenvien.sxd', 'lanhdao.sxd', 'kiemtra']) s[u] = await t.login(u);
});
afterAll(async () => { await t?.close(); });

const applicant = { kind: 'citizen', fullName: 'Lò Thị Hương', idNumber: '012345678901', phone: '0912345678' };
let keys = 0;
async function receive(session: Session, procedureCode: string): Promise<string> {
  const res = await t.request('POST', '/api/v1/dossiers', { session, body: { procedureCode, channel: 'desk', applicant, resultDelivery: 'desk', idempotencyKey: `route-staff-${++keys}-${procedureCode}` } });
  expect(res.statusCode).toBe(201);
  return res.json().code;
}
const routeStaff = (session: Session | undefined, code: string, query = '') => t.request('GET', `/api/v1/dossiers/${code}/route-staff${query}`, { session });
type StepStaff = { step: number; unitId: number | null; external: boolean; staff: { id: number; fullName: string; position: string | null; unitName: string }[] };

describe('GET /dossiers/:code/route-staff', () => {
  it('lets the provincial desk name the officer of the deciding department, whose staff list is otherwise closed to it', async () => {
    const code = await receive(s['motcua.tinh']!, '1.009972');
    const section = await t.unitId('H30.105.01');
    // The org directory stays closed to the desk: the department is outside its reach.
    expect((await t.request('GET', `/api/v1/org/staff?unitId=${section}`, { session: s['motcua.tinh'] })).statusCode).toBe(404);

    const res = await routeStaff(s['motcua.tinh'], code, '?step=2');
    expect(res.statusCode).toBe(200);
    const steps = res.json().steps as StepStaff[];
    expect(steps.map((x) => [x.step, x.unitId])).toEqual([[2, section]]);
    const officer = steps[0]!.staff.find((p) => p.fullName === 'Hoàng Thị Thu Hà');
    expect(officer).toMatchObject({ position: 'Chuyên viên Phòng Quản lý xây dựng', unitName: 'Phòng Quản lý xây dựng' });
    // Names and positions only: no contact data, badge, public id or account.
    for (const p of steps[0]!.staff) expect(Object.keys(p).sort()).toEqual(['fullName', 'id', 'position', 'unitName']);
    expect(res.body).not.toMatch(/chuyenvien\.sxd|LC-0302|phone|email|username|publicId|badge/);

    const v = (await t.request('GET', `/api/v1/dossiers/${code}`, { session: s['motcua.tinh'] })).json().version;
    const moved = await t.request('POST', `/api/v1/dossiers/${code}/actions`, { session: s['motcua.tinh'], body: { action: 'transfer', version: v, toStaffId: officer!.id } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ currentStep: 2, currentUnitId: section, currentStaffId: officer!.id });
  });

  it('lists the units on the route only: each step’s own unit first, then its sub-units; nobody for an outside body', async () => {
    const code = await receive(s['motcua.tinh']!, '1.009972');
    const res = await routeStaff(s['motcua.tinh'], code);
    expect(res.statusCode).toBe(200);
    const steps = res.json().steps as StepStaff[];
    expect(steps.map((x) => x.step)).toEqual([1, 2, 3, 4, 5]);
    // Step 3 is the tax authority, outside the province's tree.
    expect(steps[2]).toMatchObject({ external: true, unitId: null, staff: [] });
    // Step 4 is the department (Sở Xây dựng): its head first, then the staff of its sections.
    const dept = steps[3]!.staff.map((p) => p.fullName);
    expect(dept.indexOf('Trần Minh Đức')).toBeGreaterThanOrEqual(0);
    expect(dept.indexOf('Trần Minh Đức')).toBeLessThan(dept.indexOf('Hoàng Thị Thu Hà'));
    // Every listed person belongs to a unit on the route (or under one); others never appear.
    const routeUnits = steps.flatMap((x) => (x.unitId ? [x.unitId] : []));
    const allowed = new Set((await t.db.selectFrom('org_units').select('name').where((eb) => eb.or([eb('id', 'in', routeUnits), eb('parent_id', 'in', routeUnits)])).execute()).map((u) => u.name));
    const listed = steps.flatMap((x) => x.staff);
    expect(listed.length).toBeGreaterThan(0);
    for (const p of listed) expect(allowed).toContain(p.unitName);
    for (const outsider of ['Lường Thị Ánh', 'Vàng A Dính', 'Giàng Thị Mai']) expect(listed.map((p) => p.fullName)).not.toContain(outsider);

    const off = await routeStaff(s['motcua.tinh'], code, '?step=9');
    expect(off.statusCode).toBe(400);
    expect(off.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['step']);
  });

  it('answers 404 to whoever cannot see the dossier, 403 to a reader who cannot act on it, 401 without a session', async () => {
    const code = await receive(s['motcua.tanphong']!, '1.001193');
    expect((await routeStaff(s['motcua.tanphong'], code, '?step=2')).statusCode).toBe(200);
    // Another commune's desk: the dossier does not exist for it.
    const other = await routeStaff(s['motcua.doanket'], code, '?step=2');
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('DOSSIER_NOT_FOUND');
    // A department that is not on this dossier's route cannot see it either.
    expect((await routeStaff(s['lanhdao.sxd'], code)).statusCode).toBe(404);
    // The province-wide auditor reads every dossier but moves none on.
    expect((await routeStaff(s.kiemtra, code)).statusCode).toBe(403);
    expect((await routeStaff(undefined, code)).statusCode).toBe(401);
    expect((await routeStaff(s['motcua.tanphong'], 'H30.501.01-260302-9999')).statusCode).toBe(404);
  });
});
