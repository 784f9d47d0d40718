/**
 * Public catalogue API on the demo catalogue (loaded by the demo seed through the import path):
 * search, filters, contract shapes, version history, the posting sheet, and who may change what.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { pdfToText } from '../../platform/documents/pdf-text.js';
import { normalizeForSearch } from './rules/search.js';
import { procedureInput } from './testing.js';

let t: TestApp;
const sessions: Record<string, Session> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'motcua.tinh', 'lanhdao.stp', 'kiemtra']) sessions[u] = await t.login(u);
});
afterAll(async () => { await t?.close(); });

const search = async (query: string) => {
  const res = await t.request('GET', `/api/v1/procedures?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { code: string; name: string; field: { code: string }; levels: string[]; onlineMode: string }[]; total: number; fuzzy: boolean };
};

describe('search', () => {
  // [query as a citizen types it, the procedure that must come first]
  const cases: [string, string][] = [
    ['dang ky khai sinh', '1.001193'], ['Đăng ký khai sinh', '1.001193'], ['DANG KY KHAI SINH', '1.001193'], ['khai sihn', '1.001193'],
    ['dang ky ket hon', '1.000894'], ['dang ky ket hno', '1.000894'], ['khai tu', '1.000656'], ['dnag ky khai tu', '1.000656'],
    ['xac nhan tinh trang hon nhan', '1.004873'], ['giay doc than', '1.004873'], ['sang ten so do', '1.012790'], ['so do', '1.012756'],
    ['phieu ly lich tu phap cho cong dan', '2.000488'], ['karaoke', '1.001029'], ['giay phep karaoke', '1.001029'],
    ['giay phep xay dung nha o', '1.009994'], ['gia han giay phep xay dung', '1.009976'], ['thanh lap ho kinh doanh', '2.000575'],
    ['cham dut ho kinh doanh', '2.000736'], ['cong ty co phan', '1.010027'], ['chung thuc di chuc', '2.001406'], ['chung thuc chu ky', '2.000884'],
    ['huong dan vien du lich', '1.001432'], ['chung chi hanh nghe duoc', '1.004616'], ['mai tang', '1.001758'], ['work permit', '1.000105'],
    ['giay phep lao dongg', '1.000105'], ['karaoek', '1.001029'], ['chuyen truong trung hco pho thong', '2.002481'], ['1.001193', '1.001193'],
    ['trich luc ho tich', '2.000635'], ['cai chinh ho tich', '1.004859'], ['dang ky giam hoo', '1.000110'], ['thành lập hội', '1.003822'],
    ['khach san 3 sao', '1.004580'], ['khuyet tat', '1.001699'], ['chung thuc ban sao', '2.000815'], ['tam ngung kinh doanh', '2.002050'],
  ];
  it.each(cases)('"%s" finds %s first', async (q, code) => {
    const body = await search(`q=${encodeURIComponent(q)}&pageSize=5`);
    expect(body.items[0]?.code).toBe(code);
  });

  it('does not bring look-alikes when the words match exactly, and says when it fell back to typos', async () => {
    const exact = await search('q=khai%20tu');
    expect(exact.fuzzy).toBe(false);
    expect(exact.items.map((i) => i.code)).not.toContain('1.001193');
    const typo = await search('q=khai%20sihn') as Awaited<ReturnType<typeof search>> & { corrected?: string };
    expect(typo.fuzzy).toBe(true);
    // The unknown word is corrected to the catalogue's nearest one, and only that is searched: no "khai tử".
    expect(typo.corrected).toBe('khai sinh');
    expect(typo.items.map((i) => i.code)).not.toContain(exact.items[0]!.code);
    expect((await search('q=zzqqxx')).total).toBe(0);
  });

  it('filters by field, level and online mode, and lists fields with counts', async () => {
    const all = await search('pageSize=100');
    expect(all.total).toBe(48);
    const civil = await search('field=HOTICH&pageSize=100');
    expect(civil.total).toBeGreaterThanOrEqual(8);
    expect(civil.items.every((i) => i.field.code === 'HOTICH')).toBe(true);
    const province = await search('level=province&online=full&pageSize=100');
    expect(province.total).toBeGreaterThan(0);
    expect(province.items.every((i) => i.levels.includes('province') && i.onlineMode === 'full')).toBe(true);
    const combined = await search('q=kinh%20doanh&level=commune');
    expect(combined.items.every((i) => i.levels.includes('commune'))).toBe(true);
    const fields = (await t.request('GET', '/api/v1/procedures/fields')).json();
    expect(fields.items.length).toBe(18);
    expect(fields.items.reduce((n: number, f: { count: number }) => n + f.count, 0)).toBe(48);
    expect(fields.items.find((f: { code: string }) => f.code === 'HOTICH')).toMatchObject({ name: 'Hộ tịch' });
  });

  it('lists implementing agencies and filters by one, by code or (commune level) by name', async () => {
    const agencies = (await t.request('GET', '/api/v1/procedures/agencies')).json().items as { code: string | null; name: string; count: number }[];
    expect(agencies).toContainEqual(expect.objectContaining({ code: 'H30.105', name: 'Sở Xây dựng' }));
    const construction = await search('agency=H30.105&pageSize=100');
    expect(construction.total).toBe(agencies.find((a) => a.code === 'H30.105')!.count);
    expect((construction.items as unknown as { agency: string }[]).every((i) => i.agency === 'Sở Xây dựng')).toBe(true);
    const commune = agencies.find((a) => a.code === null)!;
    expect((await search(`agency=${encodeURIComponent(commune.name)}&pageSize=100`)).total).toBe(commune.count);
  });

  it('pages, and answers 400 (never 500) for bad parameters', async () => {
    const p1 = await search('pageSize=10&page=1');
    const p2 = await search('pageSize=10&page=2');
    expect(p2.total).toBe(p1.total);
    expect(p2.items[0]!.code).not.toBe(p1.items[0]!.code);
    for (const bad of ['level=ward', 'online=maybe', 'pageSize=1000', 'page=0', 'unknown=1', `q=${'a'.repeat(201)}`]) {
      const res = await t.request('GET', `/api/v1/procedures?${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await search('q=%25%25%5F%27')).total).toBe(0);
  });

  it('keeps the stored search keys equal to normalizeForSearch() (the SQL and JS normalisations agree)', async () => {
    const rows = await t.db.selectFrom('catalog_procedure_versions').select(['name', 'name_search']).execute();
    for (const r of rows) expect(r.name_search).toBe(normalizeForSearch(r.name));
    const samples = ['Đăng ký khai sinh', 'CẤP GIẤY “XÁC NHẬN”', 'Trích lục\u00a0hộ tịch — 1.000948.H30'];
    for (const s of samples) {
      const { rows: [row] } = await sql<{ n: string }>`select catalog_search_normalize(${s}) as n`.execute(t.db);
      expect(row!.n).toBe(normalizeForSearch(s));
    }
  });
});

describe('procedure record', () => {
  it('answers the list contract shape', async () => {
    const body = await search('q=khai%20sinh&pageSize=1');
    expect(body).toEqual({ items: [expect.anything()], total: expect.any(Number), fuzzy: false });
    expect(body.items[0]).toMatchObject({
      code: '1.001193', name: 'Đăng ký khai sinh', field: { code: 'HOTICH', name: 'Hộ tịch' }, levels: ['commune'], onlineMode: 'full',
      processingTimes: [{ channel: 'desk', amount: 1, unit: 'working_days', cutoff: '15:00' }, { channel: 'online', amount: 1, unit: 'working_days', cutoff: '15:00' }],
    });
  });

  it('gives the version in force with everything a citizen needs', async () => {
    const res = await t.request('GET', '/api/v1/procedures/1.004873');
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ code: '1.004873', name: 'Cấp Giấy xác nhận tình trạng hôn nhân', version: { number: 2, status: 'published' } });
    for (const key of ['steps', 'cases', 'documents', 'fees', 'legalBasis', 'internalProcesses', 'channels', 'results']) expect(Array.isArray(p[key]), key).toBe(true);
    expect(p.internalProcesses[0].steps.length).toBeGreaterThan(0);
    expect(typeof p.versionId).toBe('number');
    expect((await t.request('GET', '/api/v1/procedures/9.999999')).statusCode).toBe(404);
    expect((await t.request('GET', '/api/v1/procedures/not-a-code')).json().error.code).toBe('PROCEDURE_NOT_FOUND');
  });

  it('shows the public history and a diff between versions', async () => {
    const versions = (await t.request('GET', '/api/v1/procedures/1.004873/versions')).json().items;
    expect(versions.map((v: { number: number; status: string }) => [v.number, v.status])).toEqual([[1, 'amended'], [2, 'published']]);
    expect(versions[0].effectiveTo).toBe('2025-12-31');
    const v1 = (await t.request('GET', '/api/v1/procedures/1.004873/versions/1')).json();
    expect(v1.content.name).toBe('Cấp Giấy xác nhận tình trạng hôn nhân');
    const diff = (await t.request('GET', '/api/v1/procedures/1.004873/diff?from=1&to=2')).json();
    expect(diff.changes.length).toBeGreaterThan(0);
    expect(diff.changes[0]).toHaveProperty('label');
    expect((await t.request('GET', '/api/v1/procedures/1.004873/diff?from=1&to=9')).statusCode).toBe(404);
    expect((await t.request('GET', '/api/v1/procedures/1.004873/diff?from=x&to=2')).statusCode).toBe(400);
  });

  it('serves the forms on file: the demo seed gives every named .docx form a blank demo form', async () => {
    const p = (await t.request('GET', '/api/v1/procedures/1.001193')).json();
    expect(p.availableForms).toContain('to-khai-dang-ky-khai-sinh.docx');
    const res = await t.request('GET', '/api/v1/procedures/1.001193/forms/to-khai-dang-ky-khai-sinh.docx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(res.rawPayload.toString('utf8')).toContain('TỜ KHAI ĐĂNG KÝ KHAI SINH');
    expect((await t.request('GET', '/api/v1/procedures/1.001193/forms/khong-co.docx')).json().error.code).toBe('FORM_NOT_FOUND');
  });

  it('prints a posting sheet whose text reads back with its Vietnamese marks', async () => {
    const res = await t.request('GET', '/api/v1/procedures/1.001193/posting-sheet.pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = (await pdfToText(res.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('Đăng ký khai sinh');
    expect(text).toContain('Thành phần, số lượng hồ sơ');
    expect(text).toContain('Tờ khai đăng ký khai sinh');
    expect(text).toContain('Quy trình nội bộ');
    expect(text).toContain('ỦY BAN NHÂN DÂN');
    expect(text).toContain('02/03/2026'); // printed on the services' (pinned) day, not the day the suite runs
    expect((await t.request('GET', '/api/v1/procedures/9.999999/posting-sheet.pdf')).statusCode).toBe(404);
  });
});

describe('who may change the catalogue', () => {
  const draft = () => procedureInput({ code: '1.999001', name: 'Thủ tục thử quyền', version: undefined });

  it('a desk officer, a department head and an auditor cannot create procedures; nobody signed out can', async () => {
    for (const user of ['motcua.tinh', 'lanhdao.stp', 'kiemtra']) {
      const res = await t.request('POST', '/api/v1/admin/procedures', { session: sessions[user], body: draft() });
      expect(res.statusCode, user).toBe(403);
      expect((await t.request('GET', '/api/v1/admin/procedures', { session: sessions[user] })).statusCode).toBe(403);
      expect((await t.request('GET', '/api/v1/admin/export/procedures.json', { session: sessions[user] })).statusCode).toBe(403);
    }
    expect((await t.request('POST', '/api/v1/admin/procedures', { body: draft() })).statusCode).toBe(401);
    expect((await t.request('POST', '/api/v1/admin/import/procedures', { body: { format: 'motcua.catalog/v1', procedures: [] } })).statusCode).toBe(401);
    expect(await t.db.selectFrom('catalog_procedures').select('id').where('code', '=', '1.999001').executeTakeFirst()).toBeUndefined();
  });

  it('only a catalogue manager uploads forms', async () => {
    const boundary = 'form-boundary';
    const body = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 mẫu\r\n--${boundary}--\r\n`);
    const headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };
    const url = '/api/v1/admin/procedures/1.001193/forms/mau-thu.pdf';
    expect((await t.request('PUT', url, { session: sessions['motcua.tinh'], body, headers })).statusCode).toBe(403);
    expect((await t.request('PUT', url, { session: sessions.admin, body, headers })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/v1/procedures/1.001193/forms/mau-thu.pdf')).body).toContain('%PDF-1.4');
    expect((await t.request('PUT', '/api/v1/admin/procedures/1.001193/forms/bad name.exe', { session: sessions.admin, body, headers })).statusCode).toBe(400);
  });

  it('the provincial administrator can; the draft stays invisible to the public', async () => {
    const res = await t.request('POST', '/api/v1/admin/procedures', { session: sessions.admin, body: draft() });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code: '1.999001', number: 1, status: 'draft', revision: 0 });
    expect((await t.request('GET', '/api/v1/procedures/1.999001')).statusCode).toBe(404);
    expect((await t.request('GET', '/api/v1/procedures/1.999001/versions')).statusCode).toBe(404);
    expect((await t.request('GET', '/api/v1/procedures/1.999001/versions/1', { session: sessions['motcua.tinh'] })).statusCode).toBe(404);
    expect((await t.request('GET', '/api/v1/procedures/1.999001/versions/1', { session: sessions.admin })).statusCode).toBe(200);
    expect((await search('q=thu%20tuc%20thu%20quyen')).items.map((i) => i.code)).not.toContain('1.999001');
  });
});
