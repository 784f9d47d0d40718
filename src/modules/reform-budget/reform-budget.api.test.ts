import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { ACTIVITY_KINDS } from './rules/budget.js';

// The reform budget of 2025 (issue 20 scope 5): the Department of Home Affairs (H30.101) keeps its lines —
// its specialist drafts them, the deputy director edits them —, the Department of Construction (H30.105)
// keeps its own, and the province's oversight (kiemtra) reads both. Totals are checked against sums the
// test makes itself from the stored rows, never against the service's own arithmetic.
let t: TestApp;
const sessions = new Map<string, Session>();
const u = {} as Record<string, number>;
const P = '/api/v1/reform-budget';
const YEAR = 2025;

async function as(who: string): Promise<Session> {
  if (!sessions.has(who)) sessions.set(who, await t.login(who));
  return sessions.get(who)!;
}
const api = async (method: string, url: string, who: string, body?: unknown) => t.request(method, `${P}${url}`, { session: await as(who), body });
const line = (unit: string, over: Record<string, unknown> = {}) => ({ unitId: u[unit], year: YEAR, activityKind: 'training', title: 'Tập huấn nghiệp vụ một cửa', plannedVnd: 50_000_000, allocatedVnd: 45_000_000, spentVnd: 30_000_000, ...over });
const created: Record<string, { id: number; version: number }> = {};

/** Σ of the stored rows of the year over some units, as big integers (bigint columns come back as text). */
async function storedSums(unitIds: number[] | 'all') {
  let q = t.db.selectFrom('reform_budget_lines').select(['planned_vnd', 'allocated_vnd', 'spent_vnd', 'activity_kind']).where('year', '=', YEAR);
  if (unitIds !== 'all') q = q.where('unit_id', 'in', unitIds);
  const rows = await q.execute();
  const sum = (pick: (r: (typeof rows)[number]) => string | number) => rows.reduce((n, r) => n + BigInt(pick(r)), 0n);
  return {
    lines: rows.length, planned: sum((r) => r.planned_vnd), allocated: sum((r) => r.allocated_vnd), spent: sum((r) => r.spent_vnd),
    spentOf: (kind: string) => rows.filter((r) => r.activity_kind === kind).reduce((n, r) => n + BigInt(r.spent_vnd), 0n),
  };
}

beforeAll(async () => {
  t = await createTestApp();
  for (const code of ['H30.101', 'H30.101.01', 'H30.102', 'H30.105']) u[code] = await t.unitId(code);
});
afterAll(async () => t?.close());

describe('reform budget lines', () => {
  it('lists the units whose budget the caller reads, sections left out', async () => {
    const head = (await api('GET', '/units', 'lanhdao.snv')).json().items as { unitId: number; mayManage: boolean }[];
    expect(head.find((x) => x.unitId === u['H30.101'])).toMatchObject({ mayManage: true });
    expect(head.some((x) => x.unitId === u['H30.101.01'] || x.unitId === u['H30.102'])).toBe(false);
    const oversight = (await api('GET', '/units', 'kiemtra')).json().items as { unitId: number; mayManage: boolean }[];
    expect(oversight.find((x) => x.unitId === u['H30.105'])).toMatchObject({ mayManage: false });
    // A specialist granted at a section only keeps no agency's budget.
    expect((await api('GET', '/units', 'chuyenvien.stp')).json().items).toEqual([]);
  });

  it('creates lines in whole đồng, beyond 32 bits, and records the creation', async () => {
    const res = await api('POST', '/lines', 'chuyenvien.snv', line('H30.101', { activityKind: 'digitisation', title: 'Số hóa hồ sơ, kết quả giải quyết TTHC', plannedVnd: 12_345_678_901, allocatedVnd: 10_000_000_000, spentVnd: 4_000_000_001, allocationDecisionNo: '123/QĐ-UBND' }));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ unitId: u['H30.101'], year: YEAR, activityKind: 'digitisation', plannedVnd: 12_345_678_901, allocatedVnd: 10_000_000_000, spentVnd: 4_000_000_001, executionRate: 40, overspent: false, version: 1, allocationDecisionNo: '123/QĐ-UBND' });
    expect(body.unitName).toBe('Sở Nội vụ');
    created.digitisation = body;
    const stored = await t.db.selectFrom('reform_budget_lines').select(['planned_vnd', 'created_by']).where('id', '=', body.id).executeTakeFirstOrThrow();
    expect(String(stored.planned_vnd)).toBe('12345678901');
    const changes = (await api('GET', `/lines/${body.id}/changes`, 'lanhdao.snv')).json().items;
    expect(changes).toHaveLength(1);
    expect(changes[0].changes.plannedVnd).toEqual([null, 12_345_678_901]);
    expect(changes[0].actorName).toBe('Sùng A Páo');
    const audit = await t.db.selectFrom('audit_events').select(['action', 'unit_id']).where('entity', '=', 'reform_budget_line').where('entity_id', '=', String(body.id)).execute();
    expect(audit).toEqual([{ action: 'reform_budget.line_created', unit_id: u['H30.101'] }]);

    for (const [key, unit, who, over] of [
      ['training', 'H30.101', 'lanhdao.snv', {}],
      ['iso', 'H30.101', 'lanhdao.snv', { activityKind: 'iso', title: 'Duy trì HTQLCL theo TCVN ISO 9001:2015', plannedVnd: 80_000_000, allocatedVnd: 60_000_000, spentVnd: 15_500_000 }],
      ['sxd', 'H30.105', 'lanhdao.sxd', { activityKind: 'survey', title: 'Khảo sát sự hài lòng của người dân', plannedVnd: 20_000_000, allocatedVnd: 0, spentVnd: 0 }],
    ] as const) {
      const r = await api('POST', '/lines', who, line(unit, over));
      expect(r.statusCode, r.body).toBe(201);
      created[key] = r.json();
    }
    expect(created.sxd!).toMatchObject({ executionRate: null, allocatedVnd: 0 });
  });

  it('refuses amounts that are not whole, non-negative, safe numbers of đồng (400 in Vietnamese)', async () => {
    for (const [field, value] of [['plannedVnd', -1], ['allocatedVnd', 1.5], ['spentVnd', 2 ** 53], ['plannedVnd', '1000000']] as const) {
      const res = await api('POST', '/lines', 'lanhdao.snv', line('H30.101', { [field]: value }));
      expect(res.statusCode, `${field}=${value}`).toBe(400);
      const f = res.json().error.fields.find((x: { path: string }) => x.path === field);
      expect(f?.message, res.body).toMatch(/^Kinh phí (dự kiến|được giao|đã chi): /);
    }
    const noTitle = await api('POST', '/lines', 'lanhdao.snv', line('H30.101', { title: ' ', activityKind: 'party' }));
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['activityKind', 'title']);
    // Lines belong to the agency, not its sections.
    const section = await api('POST', '/lines', 'lanhdao.snv', line('H30.101.01'));
    expect(section.statusCode).toBe(400);
    expect(section.json().error.fields[0].message).toContain('phòng, ban');
    expect(await t.db.selectFrom('reform_budget_lines').select('id').where('title', '=', ' ').execute()).toEqual([]);
  });

  it('accepts spending above the allocation only when flagged with a reason', async () => {
    const over = line('H30.101', { title: 'Tập huấn kỹ năng giao tiếp', allocatedVnd: 10_000_000, spentVnd: 12_000_000 });
    const plain = await api('POST', '/lines', 'lanhdao.snv', over);
    expect(plain.statusCode).toBe(400);
    expect(plain.json().error.fields[0]).toMatchObject({ path: 'spentVnd' });
    expect(plain.json().error.fields[0].message).toContain('vượt số được giao (10.000.000 đồng)');
    const noReason = await api('POST', '/lines', 'lanhdao.snv', { ...over, overspend: true, overspendReason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0]).toMatchObject({ path: 'overspendReason', message: 'Phải ghi lý do vượt chi.' });
    const ok = await api('POST', '/lines', 'lanhdao.snv', { ...over, overspend: true, overspendReason: 'Đã có quyết định bổ sung dự toán, chưa cập nhật' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ overspent: true, overspendReason: 'Đã có quyết định bổ sung dự toán, chưa cập nhật', executionRate: 120 });
    created.overspent = ok.json();
  });

  it('edits under the version read, keeps each change with its reason, and answers 409 to a stale edit', async () => {
    const id = created.training!.id;
    const res = await api('PUT', `/lines/${id}`, 'chuyenvien.snv', { version: 1, spentVnd: 44_000_000, note: 'Hai lớp đã tổ chức', reason: 'Cập nhật số chi quý IV' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, spentVnd: 44_000_000, executionRate: 97.8, note: 'Hai lớp đã tổ chức' });
    const stale = await api('PUT', `/lines/${id}`, 'lanhdao.snv', { version: 1, title: 'Tập huấn khác' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    // Spending past the allocation on edit is refused the same way.
    const past = await api('PUT', `/lines/${id}`, 'lanhdao.snv', { version: 2, spentVnd: 46_000_000 });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields[0].path).toBe('spentVnd');
    const changes = (await api('GET', `/lines/${id}/changes`, 'kiemtra')).json().items;
    expect(changes).toHaveLength(2);
    expect(changes[1]).toMatchObject({ reason: 'Cập nhật số chi quý IV', actorName: 'Sùng A Páo', changes: { spentVnd: [30_000_000, 44_000_000], note: [null, 'Hai lớp đã tổ chức'] } });
    expect(Object.keys(changes[1].changes).sort()).toEqual(['note', 'spentVnd']);
    const row = await t.db.selectFrom('reform_budget_lines').select(['title', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ title: 'Tập huấn nghiệp vụ một cửa', version: 2 });
    // The change log is append-only in the database itself.
    await expect(t.db.deleteFrom('reform_budget_changes').where('line_id', '=', id).execute()).rejects.toThrow(/append-only/);
  });

  it("hides another unit's lines (404) and refuses a reader who may not keep them (403)", async () => {
    const id = created.training!.id;
    expect((await api('GET', `/lines?unitId=${u['H30.101']}&year=${YEAR}`, 'lanhdao.stp')).statusCode).toBe(404);
    expect((await api('GET', `/lines/${id}`, 'lanhdao.stp')).statusCode).toBe(404);
    expect((await api('GET', `/lines/${id}/changes`, 'lanhdao.sxd')).statusCode).toBe(404);
    expect((await api('PUT', `/lines/${id}`, 'lanhdao.stp', { version: 2, title: 'Không được sửa' })).statusCode).toBe(404);
    expect((await api('POST', '/lines', 'chuyenvien.stp', line('H30.102'))).statusCode).toBe(404);
    expect((await api('POST', '/lines', 'lanhdao.stp', line('H30.101'))).statusCode).toBe(404);
    // Oversight reads every unit's budget but keeps none.
    expect((await api('GET', `/lines/${id}`, 'kiemtra')).statusCode).toBe(200);
    expect((await api('PUT', `/lines/${id}`, 'kiemtra', { version: 2, title: 'Không được sửa' })).statusCode).toBe(403);
    expect((await api('POST', '/lines', 'kiemtra', line('H30.101'))).statusCode).toBe(403);
    expect((await t.db.selectFrom('reform_budget_lines').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version).toBe(2);
  });

  it("lists a unit's lines with the unit's summary", async () => {
    const res = await api('GET', `/lines?unitId=${u['H30.101']}&year=${YEAR}`, 'chuyenvien.snv');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.may.manage).toBe(true);
    const sums = await storedSums([u['H30.101']!]);
    expect(body.items).toHaveLength(sums.lines);
    expect(body.items.map((l: { id: number }) => l.id)).toEqual(expect.arrayContaining([created.digitisation!.id, created.training!.id, created.iso!.id, created.overspent!.id]));
    expect(BigInt(body.summary.total.spentVnd)).toBe(sums.spent);
    expect(body.summary.total.overspentLines).toBe(1);
    expect(body.summary.byKind.iso.spentVnd).toBe(15_500_000);
    expect((await api('GET', `/lines?unitId=${u['H30.101']}&year=${YEAR}`, 'kiemtra')).json().may.manage).toBe(false);
  });

  it('sums the year over the lines the caller reads, per unit and per activity', async () => {
    const own = (await api('GET', `/summary?year=${YEAR}`, 'lanhdao.snv')).json();
    const snv = await storedSums([u['H30.101']!]);
    expect(own.units.map((x: { unitId: number }) => x.unitId)).toEqual([u['H30.101']]);
    expect(own.units[0].unitName).toBe('Sở Nội vụ');
    expect([own.total.lines, BigInt(own.total.plannedVnd), BigInt(own.total.allocatedVnd), BigInt(own.total.spentVnd)]).toEqual([snv.lines, snv.planned, snv.allocated, snv.spent]);

    const all = (await api('GET', `/summary?year=${YEAR}`, 'kiemtra')).json();
    const every = await storedSums('all');
    expect([all.total.lines, BigInt(all.total.plannedVnd), BigInt(all.total.allocatedVnd), BigInt(all.total.spentVnd)]).toEqual([every.lines, every.planned, every.allocated, every.spent]);
    expect(all.units.map((x: { unitId: number }) => x.unitId)).toEqual(expect.arrayContaining([u['H30.101'], u['H30.105']]));
    for (const kind of ACTIVITY_KINDS) expect(BigInt(all.byKind[kind].spentVnd), kind).toBe(every.spentOf(kind));
    expect(all.total.executionRate).toBe(Math.round((Number(every.spent) * 1000) / Number(every.allocated)) / 10);
    expect(all.overspentLines.map((l: { id: number }) => l.id)).toEqual([created.overspent!.id]);
    // Another year holds none of these.
    expect((await api('GET', `/summary?year=${YEAR + 1}`, 'kiemtra')).json().total.lines).toBe((await t.db.selectFrom('reform_budget_lines').select('id').where('year', '=', YEAR + 1).execute()).length);
  });

  it('exports the summary as a workbook with the same figures', async () => {
    const res = await api('GET', `/summary.xlsx?year=${YEAR}`, 'lanhdao.snv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(`kinh-phi-cchc-${YEAR}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const units = book.getWorksheet('Theo đơn vị')!;
    const snv = await storedSums([u['H30.101']!]);
    const rows: unknown[][] = [];
    units.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const total = rows.find((r) => r[1] === 'Tổng cộng')!;
    expect(BigInt(total[5] as number)).toBe(snv.spent);
    expect(rows.some((r) => r[1] === 'Sở Nội vụ')).toBe(true);
    const detail = book.getWorksheet('Chi tiết')!;
    let lines = 0;
    detail.eachRow((row) => { if (typeof row.getCell(1).value === 'number') lines++; });
    expect(lines).toBe(snv.lines);
    expect((await api('GET', `/summary.xlsx?year=abc`, 'lanhdao.snv')).statusCode).toBe(400);
  });
});
