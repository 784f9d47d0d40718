import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { searchKey } from './rules/search.js';

// The shared part of the registry: agencies' settings, the list across both registers with search
// without diacritics, and one document's detail whose every view is part of its history. Documents are
// written with the repository here; the outgoing and incoming parts have their own tests.
let t: TestApp;
const s = {} as Record<string, Session>;
const u = {} as Record<string, number>;
const P = '/api/v1/registry';

beforeAll(async () => {
  t = await createTestApp();
  s.admin = await t.login('admin');
  for (const name of ['lanhdao.snv', 'chuyenvien.snv', 'lanhdao.stp', 'kiemtra']) s[name] = await t.login(name);
  for (const code of ['H30.101', 'H30.102', 'H30.101.01']) u[code] = await t.unitId(code);
});
afterAll(async () => { await t?.close(); });

let arrival = 100;
async function insertIncoming(unitCode: string, subject: string, extra: Record<string, unknown> = {}) {
  arrival += 1;
  const row = { unit_id: u[unitCode]!, direction: 'in' as const, status: 'registered' as const, doc_type: 'KH', subject, symbol: '12/KH-UBND', issued_on: '2026-02-20', issuer_name: 'Ủy ban nhân dân tỉnh Lai Châu', arrival_number: arrival, arrival_on: '2026-02-23', channel: 'paper' as const, recipients: '[]', search_text: searchKey(['12/KH-UBND', subject, 'Ủy ban nhân dân tỉnh Lai Châu', arrival]), ...extra };
  return (await t.db.insertInto('reg_documents').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

describe('agencies and their records-office settings', () => {
  it('are set by an administrator, validated, and guarded by their version', async () => {
    const bad = await t.request('PUT', `${P}/agencies/${u['H30.102']}/settings`, { session: s.admin!, body: { symbol: 'stp lowercase', placeName: 'Lai Châu', numbering: 'per_type' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Ký hiệu cơ quan');
    // The demo's own settings of the Department of Justice, if any: the change is a new version of them.
    const before = ((await t.request('GET', `${P}/agencies`, { session: s.admin! })).json() as { unitId: number; version: number }[]).find((a) => a.unitId === u['H30.102']);
    const res = await t.request('PUT', `${P}/agencies/${u['H30.102']}/settings`, { session: s.admin!, body: { symbol: 'STP', placeName: 'Lai Châu', managingBody: 'UBND tỉnh Lai Châu', numbering: 'per_type' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ unitId: u['H30.102'], symbol: 'STP', version: before ? before.version + 1 : 1 });
    expect((await t.request('PUT', `${P}/agencies/${u['H30.102']}/settings`, { session: s['lanhdao.stp']!, body: { symbol: 'STP', placeName: 'Lai Châu', numbering: 'single' } })).statusCode).toBe(403);
    const stale = await t.request('PUT', `${P}/agencies/${u['H30.102']}/settings`, { session: s.admin!, body: { symbol: 'STP', placeName: 'Lai Châu', numbering: 'single', version: 7 } });
    expect(stale.statusCode).toBe(409);
    const mine = (await t.request('GET', `${P}/agencies`, { session: s['lanhdao.stp']! })).json() as { unitId: number; may: Record<string, boolean> }[];
    expect(mine.find((a) => a.unitId === u['H30.102'])?.may).toMatchObject({ read: true, sign: true, register: false, configure: false });
  });
});

describe('documents: list, search and detail', () => {
  it('finds a document by any field without diacritics, only within reach', async () => {
    const id = await insertIncoming('H30.101', 'Kế hoạch cải cách hành chính năm 2026 của tỉnh');
    const found = (q: string, who: string) => t.request('GET', `${P}/documents?q=${encodeURIComponent(q)}&direction=in`, { session: s[who]! }).then((r) => (r.json().items as { id: number }[]).map((i) => i.id));
    expect(await found('ke hoach cai cach', 'lanhdao.snv')).toContain(id);
    expect(await found('12/kh-ubnd', 'lanhdao.snv')).toContain(id);
    expect(await found('Uy ban nhan dan tinh', 'lanhdao.snv')).toContain(id);
    expect(await found('ke hoach cai cach', 'lanhdao.stp')).not.toContain(id);
    expect(await found('ke hoach cai cach', 'kiemtra')).toContain(id);
  });

  it('keeps a confidential document to the leadership and its handlers', async () => {
    const id = await insertIncoming('H30.101', 'Tài liệu mật về tổ chức bộ máy', { confidentiality: 'mat' });
    expect((await t.request('GET', `${P}/documents/${id}`, { session: s['chuyenvien.snv']! })).statusCode).toBe(404);
    expect((await t.request('GET', `${P}/documents/${id}`, { session: s['lanhdao.snv']! })).statusCode).toBe(200);
    const staffId = (await t.db.selectFrom('auth_accounts').select('staff_id').where('username', '=', 'chuyenvien.snv').executeTakeFirstOrThrow()).staff_id!;
    await t.db.insertInto('reg_assignments').values({ document_id: id, role: 'lead', staff_id: staffId, due_on: '2026-03-10' }).execute();
    const res = await t.request('GET', `${P}/documents/${id}`, { session: s['chuyenvien.snv']! });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ confidentialityLabel: 'Mật', assignments: [{ role: 'lead', dueOn: '2026-03-10', status: 'open' }] });
    const mine = await t.request('GET', `${P}/documents?mine=true`, { session: s['chuyenvien.snv']! });
    expect((mine.json().items as { id: number }[]).map((i) => i.id)).toContain(id);
  });

  it('records every view in the document\'s history', async () => {
    const id = await insertIncoming('H30.101', 'Công văn về việc rà soát thủ tục hành chính');
    await t.request('GET', `${P}/documents/${id}`, { session: s['lanhdao.snv']! });
    const second = (await t.request('GET', `${P}/documents/${id}`, { session: s.kiemtra! })).json() as { events: { action: string; actorName: string }[] };
    expect(second.events.filter((e) => e.action === 'viewed')).toHaveLength(2);
    expect((await t.request('GET', `${P}/documents/${id}`, { session: s['lanhdao.stp']! })).statusCode).toBe(404);
    expect((await t.request('GET', `${P}/documents/abc`, { session: s['lanhdao.snv']! })).statusCode).toBe(400);
  });

  it('lists the 29 document types of Decree 30', async () => {
    const types = (await t.request('GET', `${P}/document-types`, { session: s['chuyenvien.snv']! })).json() as { code: string; abbreviation: string | null }[];
    expect(types).toHaveLength(29);
    expect(types.find((x) => x.code === 'CV')?.abbreviation).toBeNull();
    expect(types.find((x) => x.code === 'QyĐ')?.abbreviation).toBe('QyĐ');
  });
});

describe('an agency\'s people and a document\'s electronic copy', () => {
  it('lets a section\'s specialist find the department\'s signers, not another agency\'s people', async () => {
    const stpSpecialist = await t.login('chuyenvien.stp');
    const signers = await t.request('GET', `${P}/agencies/${u['H30.102']}/people?signers=true`, { session: stpSpecialist });
    expect(signers.statusCode, signers.body).toBe(200);
    const names = (signers.json().items as { fullName: string; maySign: boolean }[]);
    expect(names.map((p) => p.fullName)).toContain('Đặng Quốc Việt');
    expect(names.every((p) => p.maySign)).toBe(true);
    const everyone = (await t.request('GET', `${P}/agencies/${u['H30.102']}/people?q=vang a dinh`, { session: stpSpecialist })).json().items as { fullName: string; maySign: boolean }[];
    expect(everyone).toEqual([expect.objectContaining({ fullName: 'Vàng A Dính', maySign: false })]);
    expect((await t.request('GET', `${P}/agencies/${u['H30.101']}/people`, { session: stpSpecialist })).statusCode).toBe(404);
  });

  it('serves the stored copy to the document\'s readers, each download in its history', async () => {
    const pdf = Buffer.from('%PDF-1.4\n% Bản điện tử của công văn\n');
    const key = await t.services.files.put(pdf);
    const id = await insertIncoming('H30.101', 'Công văn gửi qua trục liên thông', { file_key: key, channel: 'exchange' });
    const res = await t.request('GET', `${P}/documents/${id}/file`, { session: s['lanhdao.snv']! });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.rawPayload.equals(pdf)).toBe(true);
    expect((await t.request('GET', `${P}/documents/${id}/file`, { session: s['lanhdao.stp']! })).statusCode).toBe(404);
    const events = await t.db.selectFrom('reg_events').select('action').where('document_id', '=', id).execute();
    expect(events.map((e) => e.action)).toContain('file_downloaded');
    const without = await insertIncoming('H30.101', 'Công văn giấy chưa có bản điện tử');
    expect((await t.request('GET', `${P}/documents/${without}/file`, { session: s['lanhdao.snv']! })).statusCode).toBe(404);
  });
});
