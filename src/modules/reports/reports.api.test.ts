import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { pdfToText } from '../../platform/documents/pdf-text.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { demoAccountStaff, demoProcedures, demoUnits } from '../dossiers/import/generator/demo-data.js';
import { generateDossiers, type GeneratedLine } from '../dossiers/import/generator/index.js';

// The clock is pinned: Monday 11/05/2026 10:00 (+07:00). The histories are generated over January to
// April 2026 and cut at that instant, so some dossiers are still open (paused, within or past their date).
const NOW = new Date('2026-05-11T10:00:00+07:00');
let now = NOW;
let t: TestApp;
const s = {} as Record<string, Session>;
let lines: GeneratedLine[] = [];

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  for (const u of ['admin', 'kiemtra', 'lanhdao.tanphong', 'motcua.tanphong', 'chuyenvien.tanphong']) s[u] = await t.login(u);
  const accounts = demoAccountStaff();
  lines = [...generateDossiers({
    procedures: demoProcedures('2026-01-05'), units: demoUnits(), staff: accounts, accounts,
    calc: await t.services.calendar.deadlines.calculator(), from: new Date('2026-01-05T00:00:00+07:00'), to: new Date('2026-04-30T17:00:00+07:00'),
    now: new Date('2026-05-08T17:00:00+07:00'), count: 700, seed: 13,
  })];
  // Uploaded 100 lines at a time: the importer looks up a chunk's procedures all at once, and on a
  // loaded machine 500 lookups queued on the test pool (8 connections, 2 s to get one) can time out.
  const boundary = '----motcua-reports';
  for (let i = 0; i < lines.length; i += 100) {
    const part = lines.slice(i, i + 100);
    const body = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ho-so.ndjson"\r\nContent-Type: application/x-ndjson\r\n\r\n${part.map((l) => JSON.stringify(l)).join('\n')}\r\n--${boundary}--\r\n`);
    const res = await t.request('POST', '/api/v1/admin/import/dossiers', { session: s.admin, body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ failed: 0, imported: part.length });
  }

  // Live work on top of the imported history (the event writer's path): one dossier received and
  // withdrawn today, one received today and left open.
  const applicant = { kind: 'citizen', fullName: 'Lò Thị Hương', idNumber: '012345678901', phone: '0912345678', address: 'Bản Sang Ngà, phường Tân Phong' };
  for (const [i, withdraw] of [[1, true], [2, false]] as const) {
    now = new Date(NOW.getTime() - 3_600_000);
    const r = await t.request('POST', '/api/v1/dossiers', { session: s['motcua.tanphong'], body: { procedureCode: '1.001193', channel: 'desk', applicant, resultDelivery: 'desk', idempotencyKey: `report-live-${i}` } });
    expect(r.statusCode, r.body).toBe(201);
    if (withdraw) {
      now = new Date(NOW.getTime() - 1_800_000);
      const w = await t.request('POST', `/api/v1/dossiers/${r.json().code}/actions`, { session: s['motcua.tanphong'], body: { action: 'withdraw', version: r.json().version, reason: 'Công dân xin rút hồ sơ' } });
      expect(w.statusCode, w.body).toBe(200);
    }
  }
  now = NOW;
}, 240_000);
afterAll(async () => { await t?.close(); });

// ---- the independent oracle: a plain count over the events, as docs/reports.md words each column ----

type Ev = { type: string; at: Date; payload: Record<string, unknown> };
type D = { unitId: number; channel: string; field: string; procedure: string; events: Ev[] };
type Figures = Record<'carriedOver' | 'online' | 'direct' | 'completed' | 'early' | 'onTime' | 'late' | 'withdrawn' | 'inProgress' | 'within' | 'overdue' | 'awaiting', number>;

async function loadDossiers(): Promise<D[]> {
  const ds = await t.db.selectFrom('dossiers').select(['id', 'channel', 'receiving_unit_id', 'competent_unit_id', 'field_code', 'procedure_code']).execute();
  const evs = await t.db.selectFrom('dossier_events').select(['dossier_id', 'type', 'at', 'payload']).orderBy('dossier_id').orderBy('seq').execute();
  const byId = new Map<string, D>(ds.map((d) => [String(d.id), { unitId: d.competent_unit_id ?? d.receiving_unit_id, channel: d.channel, field: d.field_code ?? '', procedure: d.procedure_code, events: [] }]));
  for (const e of evs) byId.get(String(e.dossier_id))!.events.push({ type: e.type, at: new Date(e.at), payload: e.payload as Record<string, unknown> });
  return [...byId.values()];
}

const vnDate = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** Which row of the report a dossier falls in, or null when it is outside the period. */
function classify(d: D, start: Date, end: Date): Partial<Figures> | null {
  const received = d.events.find((e) => e.type === 'received');
  if (!received) return null;
  const receivedAt = new Date(received.payload.receivedAt as string);
  if (receivedAt >= end) return null;
  const done = d.events.find((e) => ['result_recorded', 'stopped', 'withdrawn'].includes(e.type));
  if (done && done.at < start) return null;
  // Every due date with the instant it took effect.
  const dues = [{ from: receivedAt, due: new Date(received.payload.dueAt as string) }];
  for (const e of d.events) if (e.type === 'supplement_received' || e.type === 'extended') dues.push({ from: e.at, due: new Date(e.payload.newDueAt as string) });
  const dueBefore = (x: Date) => dues.filter((v) => v.from < x).at(-1)!.due;
  const dueAtOrBefore = (x: Date) => dues.filter((v) => v.from <= x).at(-1)!.due;
  const pauseStart = d.events.find((e) => e.type === 'supplement_requested')?.at;
  const pauseEnd = d.events.find((e) => e.type === 'supplement_received')?.at;
  const pausedAt = (x: Date) => !!pauseStart && pauseStart <= x && (!pauseEnd || pauseEnd > x);

  const out: Partial<Figures> = {};
  if (receivedAt < start) out.carriedOver = 1;
  else if (d.channel === 'online') out.online = 1;
  else out.direct = 1;
  if (done && done.at < end) {
    out.completed = 1;
    if (done.type === 'withdrawn') {
      out.onTime = 1;
      out.withdrawn = 1;
    } else {
      const judged = pausedAt(done.at) ? pauseStart! : done.at;
      const due = dueAtOrBefore(done.at);
      if (judged > due) out.late = 1;
      else if (vnDate(judged) < vnDate(due)) out.early = 1;
      else out.onTime = 1;
    }
  } else {
    out.inProgress = 1;
    const paused = !!pauseStart && pauseStart < end && (!pauseEnd || pauseEnd >= end);
    if (paused) out.awaiting = 1;
    // Paused: as late as it was when the clock stopped; else against the due date in force at the end.
    const overdue = paused ? pauseStart! > dueAtOrBefore(pauseStart!) : dueBefore(end) < end;
    if (overdue) out.overdue = 1;
    else out.within = 1;
  }
  return out;
}

function oracle(ds: D[], start: Date, end: Date, groupOf: (d: D) => string | null): Map<string, Figures> {
  const rows = new Map<string, Figures>();
  for (const d of ds) {
    const key = groupOf(d);
    if (key === null) continue;
    const c = classify(d, start, end);
    if (!c) continue;
    const row = rows.get(key) ?? { carriedOver: 0, online: 0, direct: 0, completed: 0, early: 0, onTime: 0, late: 0, withdrawn: 0, inProgress: 0, within: 0, overdue: 0, awaiting: 0 };
    for (const [k, v] of Object.entries(c)) row[k as keyof Figures] += v;
    rows.set(key, row);
  }
  return rows;
}

type ApiFigures = { received: { total: number; online: number; direct: number; carriedOver: number }; completed: { total: number; early: number; onTime: number; late: number }; inProgress: { total: number; withinDeadline: number; overdue: number }; awaitingSupplement: number; withdrawn: number };
const flat = (r: ApiFigures): Figures & { total: number } => ({
  total: r.received.total, carriedOver: r.received.carriedOver, online: r.received.online, direct: r.received.direct,
  completed: r.completed.total, early: r.completed.early, onTime: r.completed.onTime, late: r.completed.late, withdrawn: r.withdrawn,
  inProgress: r.inProgress.total, within: r.inProgress.withinDeadline, overdue: r.inProgress.overdue, awaiting: r.awaitingSupplement,
});
const withTotal = (f: Figures) => ({ ...f, total: f.carriedOver + f.online + f.direct });

const PERIODS: [string, string][] = [
  ['2025-12-15', '2026-03-14'], // Q1 2026 (statutory cut-off)
  ['2026-03-15', '2026-04-14'], // month 4 of 2026
  ['2026-02-01', '2026-02-28'], // a custom month
  ['2025-12-15', '2026-06-14'], // first six months, not over yet: judged as of now, not at 14/06 24:00
  ['2026-04-15', '2026-05-11'], // up to today
];

/** A period's bounds as the report counts them: a period not yet over ends now. */
function boundsOf(from: string, to: string): { start: Date; end: Date } {
  const end = new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 86_400_000);
  return { start: new Date(`${from}T00:00:00+07:00`), end: end > now ? now : end };
}

async function unitsTree() {
  const units = await t.services.org.allUnits();
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  const code = new Map(units.map((u) => [u.id, u.code ?? String(u.id)]));
  /** The child of `rootId` that `unitId` lies under (or the root itself), null outside the subtree. */
  const groupUnder = (rootId: number, unitId: number): string | null => {
    for (let u: number | null = unitId, prev: number | null = null; u !== null; prev = u, u = parent.get(u) ?? null) {
      if (u === rootId) return code.get(prev ?? u)!;
    }
    return null;
  };
  return { units, groupUnder };
}

async function report(q: string, session = s.kiemtra) {
  const res = await t.request('GET', `/api/v1/reports/ii06a?${q}`, { session });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The per-day and per-half-month counts that are not zero, in key order. */
async function countRows() {
  const read = async (table: 'report_counts_day' | 'report_counts_half') => (await sql<Record<string, unknown>>`
    select * from ${sql.table(table)} order by unit_id, bucket, procedure_code, field_code`.execute(t.db)).rows
    .filter((r) => Object.entries(r).some(([k, v]) => !['unit_id', 'bucket', 'procedure_code', 'field_code', 'procedure_name', 'field_name'].includes(k) && v !== 0));
  return { day: await read('report_counts_day'), half: await read('report_counts_half') };
}

/** Every answer compared with the oracle; returned so the rebuild can be compared with them. */
async function checkAll(): Promise<unknown[]> {
  const ds = await loadDossiers();
  const { units, groupUnder } = await unitsTree();
  const province = units.find((u) => u.parentId === null)!;
  const commune = units.find((u) => u.code === 'H30.501')!;
  const answers: unknown[] = [];
  for (const [from, to] of PERIODS) {
    const { start, end } = boundsOf(from, to);
    for (const [root, groupBy] of [[province, 'unit'], [province, 'field'], [province, 'procedure'], [commune, 'unit'], [commune, 'procedure']] as const) {
      const body = await report(`from=${from}&to=${to}&unit=${root.code}&groupBy=${groupBy}`);
      answers.push(body);
      const expected = oracle(ds, start, end, (d) => {
        const g = groupUnder(root.id, d.unitId);
        if (g === null) return null;
        return groupBy === 'unit' ? g : groupBy === 'field' ? d.field : d.procedure;
      });
      const got = new Map((body.rows as (ApiFigures & { key: string })[]).filter((r) => r.received.total > 0).map((r) => [r.key, flat(r)]));
      const want = new Map([...expected].map(([k, v]) => [k, withTotal(v)]));
      expect(Object.fromEntries(got), `${from}..${to} ${root.code} by ${groupBy}`).toEqual(Object.fromEntries(want));
      const sum = [...want.values()].reduce((a, v) => { for (const k of Object.keys(v) as (keyof typeof v)[]) a[k] = (a[k] ?? 0) + v[k]; return a; }, {} as Record<string, number>);
      expect(flat(body.totals)).toEqual({ ...withTotal({ carriedOver: 0, online: 0, direct: 0, completed: 0, early: 0, onTime: 0, late: 0, withdrawn: 0, inProgress: 0, within: 0, overdue: 0, awaiting: 0 }), ...sum });
      // The form's identity: what was to be handled was either completed or is still in progress.
      expect(body.totals.received.total).toBe(body.totals.completed.total + body.totals.inProgress.total);
    }
  }
  return answers;
}

describe('form II.06a from imported histories (issue 13 done-when)', () => {
  let live: unknown[] = [];

  it('the histories cover what the columns must handle', async () => {
    const types = new Set(lines.flatMap((l) => l.events.map((e) => e.type)));
    for (const k of ['supplement_requested', 'supplement_received', 'extended', 'withdrawn', 'stopped', 'result_recorded', 'submitted']) expect(types, k).toContain(k);
    const interAgency = await t.db.selectFrom('report_dossier_facts').select((eb) => eb.fn.countAll<string>().as('n')).where('inter_agency', '=', true).executeTakeFirstOrThrow();
    expect(Number(interAgency.n)).toBeGreaterThan(0);
    // Across the periods the oracle finds every kind of count: nothing is checked against a column that stays at zero.
    const ds = await loadDossiers();
    const seen = new Set<string>();
    for (const [from, to] of PERIODS) {
      const { start, end } = boundsOf(from, to);
      const all = oracle(ds, start, end, () => 'all').get('all')!;
      for (const [k, v] of Object.entries(all)) if (v > 0) seen.add(k);
    }
    expect([...seen].sort()).toEqual(['awaiting', 'carriedOver', 'completed', 'direct', 'early', 'inProgress', 'late', 'onTime', 'online', 'overdue', 'withdrawn', 'within']);
  });

  it('the figures equal a plain count over the events, for every period, unit subtree and grouping', async () => {
    live = await checkAll();
  }, 120_000);

  it('rebuilding the read model from the events gives the same figures', async () => {
    const before = await t.db.selectFrom('report_dossier_facts').selectAll().orderBy('dossier_id').execute();
    const countsBefore = await countRows();
    expect(countsBefore.day.length).toBeGreaterThan(100);
    await t.db.deleteFrom('report_dossier_facts').execute();
    const r = await t.services.reports.rebuild();
    expect(r.dossiers).toBe(before.length);
    const after = await t.db.selectFrom('report_dossier_facts').selectAll().orderBy('dossier_id').execute();
    const strip = (rows: typeof before) => rows.map(({ updated_at: _u, ...rest }) => rest);
    expect(strip(after)).toEqual(strip(before));
    // The per-day counts written event by event equal those summed from the rebuilt rows (rows netted to zero aside).
    expect(await countRows()).toEqual(countsBefore);
    // A database written before the counts existed: they are filled at start from the stored rows, to the same sums.
    await t.db.deleteFrom('report_counts_day').execute();
    await t.db.deleteFrom('report_counts_half').execute();
    expect(await t.services.reports.fillCounts()).toBe(before.length);
    expect(await countRows()).toEqual(countsBefore);
    expect(await t.services.reports.fillCounts()).toBe(0);
    expect(await checkAll()).toEqual(live);
  }, 120_000);

  it('answers the contract shape with the period named and satisfaction left empty', async () => {
    const body = await report('from=2025-12-15&to=2026-06-14&unit=H30&groupBy=unit');
    expect(body).toMatchObject({ form: 'II.06a', period: { kind: 'half', code: '2026-H1', from: '2025-12-15', to: '2026-06-14' }, unit: { code: 'H30' }, groupBy: 'unit', asOf: NOW.toISOString() });
    expect(body.rows[0]).toMatchObject({ key: expect.any(String), name: expect.any(String), received: expect.any(Object), completed: expect.any(Object), inProgress: expect.any(Object), satisfactionRate: null });
  });
});

describe('the dossiers behind a figure of II.06a', () => {
  const COLUMNS = {
    'received.total': (f: ApiFigures) => f.received.total, 'received.carriedOver': (f: ApiFigures) => f.received.carriedOver,
    'received.online': (f: ApiFigures) => f.received.online, 'received.direct': (f: ApiFigures) => f.received.direct,
    'completed.total': (f: ApiFigures) => f.completed.total, 'completed.early': (f: ApiFigures) => f.completed.early,
    'completed.onTime': (f: ApiFigures) => f.completed.onTime, 'completed.late': (f: ApiFigures) => f.completed.late,
    'inProgress.total': (f: ApiFigures) => f.inProgress.total, 'inProgress.withinDeadline': (f: ApiFigures) => f.inProgress.withinDeadline,
    'inProgress.overdue': (f: ApiFigures) => f.inProgress.overdue, awaitingSupplement: (f: ApiFigures) => f.awaitingSupplement, withdrawn: (f: ApiFigures) => f.withdrawn,
  };
  async function behind(q: string) {
    const codes: string[] = [];
    let total = -1;
    for (let page = 1; ; page++) {
      const res = await t.request('GET', `/api/v1/reports/ii06a/dossiers?${q}&limit=200&page=${page}`, { session: s.kiemtra });
      expect(res.statusCode, res.body).toBe(200);
      total = res.json().total;
      codes.push(...res.json().items.map((x: { code: string }) => x.code));
      if (codes.length >= total || !res.json().items.length) break;
    }
    expect(new Set(codes).size).toBe(codes.length);
    return { total, codes };
  }

  it('lists exactly as many dossiers as each figure counts: every column, the total and rows by unit and by procedure', async () => {
    let nonZero = 0;
    for (const [from, to] of [PERIODS[0]!, PERIODS[4]!]) {
      for (const groupBy of ['unit', 'procedure'] as const) {
        const body = await report(`from=${from}&to=${to}&unit=H30&groupBy=${groupBy}`);
        // The total line, and the three busiest rows.
        const rows = [...(body.rows as (ApiFigures & { key: string })[])].sort((a, b) => b.received.total - a.received.total).slice(0, 3);
        for (const [column, figure] of Object.entries(COLUMNS)) {
          const all = await behind(`from=${from}&to=${to}&unit=H30&groupBy=${groupBy}&column=${column}`);
          expect({ column, n: all.codes.length }).toEqual({ column, n: figure(body.totals) });
          expect(all.total).toBe(figure(body.totals));
          if (figure(body.totals) > 0) nonZero++;
          for (const row of rows) {
            const one = await behind(`from=${from}&to=${to}&unit=H30&groupBy=${groupBy}&key=${encodeURIComponent(row.key)}&column=${column}`);
            expect({ row: row.key, column, n: one.codes.length }).toEqual({ row: row.key, column, n: figure(row) });
          }
        }
      }
    }
    expect(nonZero).toBeGreaterThan(15);
  }, 120_000);

  it('refuses an unknown column or row, and a unit outside reach', async () => {
    const q = 'from=2025-12-15&to=2026-03-14&unit=H30&groupBy=unit';
    expect((await t.request('GET', `/api/v1/reports/ii06a/dossiers?${q}&column=late`, { session: s.kiemtra })).statusCode).toBe(400);
    expect((await t.request('GET', `/api/v1/reports/ii06a/dossiers?${q}&column=completed.late&key=H30.999`, { session: s.kiemtra })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/v1/reports/ii06a/dossiers?${q}&column=completed.late`, { session: s['lanhdao.tanphong'] })).statusCode).toBe(404);
    // A desk officer has no reports: refused as the form itself is.
    const form = (await t.request('GET', `/api/v1/reports/ii06a?${q}`, { session: s['motcua.tanphong'] })).statusCode;
    expect([403, 404]).toContain(form);
    expect((await t.request('GET', `/api/v1/reports/ii06a/dossiers?${q}&column=completed.late`, { session: s['motcua.tanphong'] })).statusCode).toBe(form);
  });
});

describe('form II.06a as files', () => {
  const q = 'from=2025-12-15&to=2026-03-14&unit=H30&groupBy=unit';

  it('exports XLSX in the form’s layout: heading, merged two-level headers, Times New Roman, the JSON’s figures, a signature block', async () => {
    const json = await report(q);
    const res = await t.request('GET', `/api/v1/reports/ii06a?${q}&format=xlsx`, { session: s.kiemtra });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('bao-cao-II06a-H30-2025-12-15-2026-03-14.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => texts.push(String(c.value ?? ''))));
    expect(texts).toEqual(expect.arrayContaining(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Biểu số II.06a/VPCP/KSTT', 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH', 'NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG ĐƠN VỊ']));
    expect(texts.join(' ')).toContain('Quý I năm 2026 (từ ngày 15/12/2025 đến ngày 14/03/2026)');
    // The header row of groups: "received" spans its four columns, merged.
    const groupRow = [...Array(sheet.rowCount).keys()].map((i) => i + 1).find((r) => sheet.getCell(r, 3).value === 'Số hồ sơ nhận giải quyết')!;
    expect(groupRow).toBeGreaterThan(0);
    for (const col of [4, 5, 6]) expect(sheet.getCell(groupRow, col).master.address).toBe(sheet.getCell(groupRow, 3).address);
    expect(sheet.getCell(groupRow, 7).value).toBe('Số hồ sơ đã giải quyết');
    expect(sheet.getCell(groupRow + 1, 4).value).toBe('Trực tuyến');
    // One line per row of the report, then the total; the figures are the JSON's.
    const firstData = groupRow + 3;
    json.rows.forEach((r: { name: string; received: { total: number }; completed: { late: number } }, i: number) => {
      expect(sheet.getCell(firstData + i, 2).value).toBe(r.name);
      expect(sheet.getCell(firstData + i, 3).value).toBe(r.received.total);
      expect(sheet.getCell(firstData + i, 10).value).toBe(r.completed.late);
    });
    const totalRow = firstData + json.rows.length;
    expect(sheet.getCell(totalRow, 2).value).toBe('Tổng cộng');
    expect(sheet.getCell(totalRow, 3).value).toBe(json.totals.received.total);
    expect(sheet.getCell(totalRow, 13).value).toBe(json.totals.inProgress.overdue);
    expect(json.totals.received.total).toBeGreaterThan(0);
    expect(sheet.getCell(totalRow, 3).font?.name).toBe('Times New Roman');
  });

  it('exports PDF with the same title and total', async () => {
    const json = await report(q);
    const res = await t.request('GET', `/api/v1/reports/ii06a?${q}&format=pdf`, { session: s.kiemtra });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = (await pdfToText(res.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    expect(text).toContain('Biểu số II.06a/VPCP/KSTT');
    // The text comes out column by column; the total row's figures are all there, and the headers repeat on each page.
    expect(text).toContain('Tổng cộng');
    for (const v of [json.totals.received.total, json.totals.completed.total, json.totals.completed.onTime]) expect(text).toContain(` ${v} `);
    expect(text.split('Số hồ sơ nhận giải quyết').length - 1).toBeGreaterThanOrEqual(1);
  });

  it('refuses an unknown format with 400, and a file outside the caller’s reach with 404', async () => {
    expect((await t.request('GET', `/api/v1/reports/ii06a?${q}&format=docx`, { session: s.kiemtra })).statusCode).toBe(400);
    expect((await t.request('GET', `/api/v1/reports/ii06a?${q}&format=xlsx`, { session: s['lanhdao.tanphong'] })).statusCode).toBe(404);
  });
});

describe('form II.07b from the catalogue in force', () => {
  it('counts the procedures of each level, at the one-stop desk and with an internal process, as a plain count over the demo files', async () => {
    const res = await t.request('GET', '/api/v1/reports/ii07b?from=2025-12-15&to=2026-06-14', { session: s.kiemtra });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const procs = demoProcedures('2026-06-14');
    const centres = new Set(demoUnits().filter((u) => u.kind === 'service_centre').map((u) => u.code));
    const processes = (p: (typeof procs)[number]) => [...p.internalProcesses, ...p.cases.flatMap((c) => c.internalProcesses ?? [])];
    const atDesk = (p: (typeof procs)[number]) => processes(p).every((ip) => {
      const first = ip.steps.reduce((a, b) => (b.order < a.order ? b : a));
      return first.responsible.function === 'one_stop' || centres.has(first.responsible.unitCode ?? '');
    });
    for (const level of ['province', 'commune', 'vertical'] as const) {
      const here = procs.filter((p) => p.levels.includes(level));
      expect(body.rows.find((r: { level: string }) => r.level === level), level).toMatchObject({
        total: here.length, oneStop: here.filter(atDesk).length, internalProcess: here.filter((p) => processes(p).length > 0).length,
      });
    }
    expect(body.totals.total).toBe(procs.length);
    expect(body.totals.total).toBeGreaterThan(0);
    expect((await t.request('GET', '/api/v1/reports/ii07b?from=2025-12-15&to=2026-06-14', { session: s['chuyenvien.tanphong'] })).statusCode).toBe(403);
  });

  it('exports XLSX and PDF in the form’s layout with the JSON’s figures', async () => {
    const q = 'from=2025-12-15&to=2026-06-14';
    const body = (await t.request('GET', `/api/v1/reports/ii07b?${q}`, { session: s.kiemtra })).json();
    const xlsx = await t.request('GET', `/api/v1/reports/ii07b?${q}&format=xlsx`, { session: s.kiemtra });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('bao-cao-II07b-2025-12-15-2026-06-14.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('II.07b')!;
    const find = (text: string) => [...Array(sheet.rowCount).keys()].map((i) => i + 1).find((r) => sheet.getCell(r, 2).value === text)!;
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.value ?? ''))));
    expect(cells).toContain('Biểu số II.07b/VPCP/KSTT');
    expect(cells).toContain('Giải quyết theo cơ chế một cửa, một cửa liên thông');
    for (const row of body.rows) {
      const r = find(row.name);
      expect([sheet.getCell(r, 3).value, sheet.getCell(r, 4).value, sheet.getCell(r, 5).value]).toEqual([row.total, row.oneStop, row.internalProcess]);
    }
    const total = find('Tổng cộng');
    expect([sheet.getCell(total, 3).value, sheet.getCell(total, 4).value, sheet.getCell(total, 5).value]).toEqual([body.totals.total, body.totals.oneStop, body.totals.internalProcess]);
    expect(sheet.getCell(total, 3).font.name).toBe('Times New Roman');

    const pdf = await t.request('GET', `/api/v1/reports/ii07b?${q}&format=pdf`, { session: s.kiemtra });
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = await pdfToText(pdf.rawPayload);
    expect(text).toContain('Biểu số II.07b/VPCP/KSTT');
    expect(text).toContain('Cấp xã');
    expect((await t.request('GET', `/api/v1/reports/ii07b?${q}&format=doc`, { session: s.kiemtra })).statusCode).toBe(400);
    expect((await t.request('GET', `/api/v1/reports/ii07b?${q}&format=xlsx`, { session: s['chuyenvien.tanphong'] })).statusCode).toBe(403);
  });
});

describe('reports: access and input', () => {
  it('a commune head reads their commune and not the province (404: not revealed)', async () => {
    expect((await t.request('GET', '/api/v1/reports/ii06a?from=2026-01-01&to=2026-01-31&unit=H30.501', { session: s['lanhdao.tanphong'] })).statusCode).toBe(200);
    const other = await t.request('GET', '/api/v1/reports/ii06a?from=2026-01-01&to=2026-01-31&unit=H30', { session: s['lanhdao.tanphong'] });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('REPORT_UNIT_NOT_FOUND');
    // Without a unit: the top of the caller's reach.
    expect((await report('from=2026-01-01&to=2026-01-31', s['lanhdao.tanphong'])).unit.code).toBe('H30.501');
  });

  it('a specialist or desk officer has no reports; anonymous 401', async () => {
    expect((await t.request('GET', '/api/v1/reports/ii06a?from=2026-01-01&to=2026-01-31', { session: s['chuyenvien.tanphong'] })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/v1/reports/ii06a?from=2026-01-01&to=2026-01-31&unit=H30.501', { session: s['motcua.tanphong'] })).statusCode).toBe(404);
    expect((await t.request('GET', '/api/v1/reports/ii06a?from=2026-01-01&to=2026-01-31')).statusCode).toBe(401);
  });

  it('refuses a reversed or overlong period, a bad date and an unknown grouping with 400', async () => {
    for (const q of ['from=2026-02-01&to=2026-01-31', 'from=2015-01-01&to=2026-01-31', 'from=2026-02-30&to=2026-03-01', 'from=2026-01-01&to=2026-01-31&groupBy=ward', 'from=2026-01-01&to=2026-01-31&format=docx']) {
      const res = await t.request('GET', `/api/v1/reports/ii06a?${q}`, { session: s.kiemtra });
      expect(res.statusCode, q).toBe(400);
    }
  });

  it('lists the statutory periods of a year', async () => {
    const res = await t.request('GET', '/api/v1/reports/periods?year=2026', { session: s.kiemtra });
    expect(res.statusCode).toBe(200);
    expect(res.json().periods.find((p: { code: string }) => p.code === '2026-H1')).toMatchObject({ from: '2025-12-15', to: '2026-06-14' });
    expect(res.json().periods).toHaveLength(19);
  });
});
