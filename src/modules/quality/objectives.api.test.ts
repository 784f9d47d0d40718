import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';

// The clock is pinned: Monday 2 March 2026, 9:00 in Hà Nội. The 2026 objective year (15/12/2025 to
// 14/12/2026) is then running, so its readings stop at today.
const NOW = new Date('2026-03-02T09:00:00+07:00');
const TODAY = '2026-03-02';
let t: TestApp;
const s = {} as Record<string, Session>;
let qmsId = 0;

// ---- dossiers with known outcomes, imported as history (the same rules and read models as live work) ----

const at = (day: string, time = '09:00') => `${day}T${time}:00+07:00`;
const applicant = { kind: 'citizen', fullName: 'Lò Văn Pánh', idNumber: '012345678902', phone: '0912345670' };
type Ev = Record<string, unknown>;
let seq = 9100;
function dossierLine(competentUnitCode: string, receivedOn: string, dueOn: string, end?: { type: 'result_recorded' | 'withdrawn'; on: string; time?: string }) {
  const events: Ev[] = [{ type: 'received', at: at(receivedOn, '08:30'), actor: { badge: 'LC-0101' }, dueAt: at(dueOn, '17:00') }];
  if (end?.type === 'result_recorded') events.push({ type: 'result_recorded', at: at(end.on, end.time ?? '10:00'), summary: 'Đã cấp giấy phép' });
  if (end?.type === 'withdrawn') events.push({ type: 'withdrawn', at: at(end.on, end.time ?? '10:00'), reason: 'Tổ chức xin rút hồ sơ' });
  return {
    code: `H30.002-${receivedOn.slice(2, 4)}${receivedOn.slice(5, 7)}${receivedOn.slice(8, 10)}-${seq++}`,
    receivingUnitCode: 'H30.002', competentUnitCode, procedureCode: '1.000105', channel: 'desk', resultDelivery: 'desk', applicant, events,
  };
}

async function importLines(lines: unknown[]) {
  const boundary = '----motcua-quality';
  const body = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ho-so.ndjson"\r\nContent-Type: application/x-ndjson\r\n\r\n${lines.map((l) => JSON.stringify(l)).join('\n')}\r\n--${boundary}--\r\n`);
  const res = await t.request('POST', '/api/v1/admin/import/dossiers', { session: s.admin, body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json(), res.body).toMatchObject({ failed: 0, imported: lines.length });
}

// ---- the independent oracle: the period and the on-time share, from the dossiers' own events ----

/** The objective year of Decree 09/2019 art. 12 (15/12 of the year before to 14/12), cut at today while it runs. */
function statutoryPeriod(year: number, today: string): { from: string; to: string; partial: boolean } {
  const from = `${year - 1}-12-15`;
  const to = `${year}-12-14`;
  return today < to ? { from, to: today, partial: true } : { from, to, partial: false };
}

const dayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);

/**
 * Dossiers of the agency's subtree that ended in the period (a result, a stop, a withdrawal) and those
 * of them handled on time: a withdrawal counts as on time (the report form's reading); a result or stop
 * on time when its instant — for a stop while waiting for a supplement, the pause's start — is not
 * after the due date in force then (the first one, replaced by each supplement's and extension's).
 */
async function onTimeShare(agencyCode: string, period: { from: string; to: string }): Promise<{ numerator: number; denominator: number }> {
  const units = await t.db.selectFrom('org_units').select(['id', 'parent_id', 'code']).execute();
  const inside = new Set([units.find((u) => u.code === agencyCode)!.id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const u of units) if (u.parent_id !== null && inside.has(u.parent_id) && !inside.has(u.id)) { inside.add(u.id); grew = true; }
  }
  const start = dayStart(period.from);
  const afterLastDay = new Date(dayStart(period.to).getTime() + 86_400_000);
  const end = afterLastDay < NOW ? afterLastDay : NOW;
  const dossiers = (await t.db.selectFrom('dossiers').select(['id', 'competent_unit_id', 'receiving_unit_id']).execute())
    .filter((d) => inside.has(d.competent_unit_id ?? d.receiving_unit_id));
  if (dossiers.length === 0) return { numerator: 0, denominator: 0 };
  const events = await t.db.selectFrom('dossier_events').select(['dossier_id', 'type', 'at', 'payload'])
    .where('dossier_id', 'in', dossiers.map((d) => d.id)).orderBy('dossier_id').orderBy('seq').execute();
  let numerator = 0;
  let denominator = 0;
  for (const d of dossiers) {
    const evs = events.filter((e) => String(e.dossier_id) === String(d.id)).map((e) => ({ type: e.type, at: new Date(e.at), payload: e.payload as Record<string, string> }));
    const received = evs.find((e) => e.type === 'received');
    if (!received || new Date(received.payload.receivedAt!) >= end) continue;
    const ended = evs.find((e) => e.type === 'result_recorded' || e.type === 'stopped' || e.type === 'withdrawn');
    if (!ended || ended.at < start || ended.at >= end) continue;
    denominator++;
    if (ended.type === 'withdrawn') { numerator++; continue; }
    let due = new Date(received.payload.dueAt!);
    for (const e of evs) if ((e.type === 'supplement_received' || e.type === 'extended') && e.at <= ended.at) due = new Date(e.payload.newDueAt!);
    const pausedFrom = evs.find((e) => e.type === 'supplement_requested' && e.at < ended.at);
    const resumed = evs.find((e) => e.type === 'supplement_received' && pausedFrom && e.at > pausedFrom.at && e.at <= ended.at);
    const judged = ended.type === 'stopped' && pausedFrom && !resumed ? pausedFrom.at : ended.at;
    if (judged <= due) numerator++;
  }
  return { numerator, denominator };
}

/** The share as the pages print it: one decimal, half up, from integers. */
const oneDecimal = (f: { numerator: number; denominator: number }) => (f.denominator === 0 ? null : Math.floor((f.numerator * 2000 + f.denominator) / (2 * f.denominator)) / 10);
/** Met on the exact fraction: numerator / denominator ≥ target / 100, the target with two decimals. */
const meets = (f: { numerator: number; denominator: number }, targetPercent: number, direction: 'at_least' | 'at_most' = 'at_least') => {
  if (f.denominator === 0) return null;
  const left = BigInt(f.numerator) * 10_000n;
  const right = BigInt(Math.round(targetPercent * 100)) * BigInt(f.denominator);
  return direction === 'at_least' ? left >= right : left <= right;
};

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  for (const u of ['admin', 'lanhdao.snv', 'chuyenvien.snv', 'chuyenvien.stp', 'lanhdao.stp']) s[u] = await t.login(u);
  const res = await t.request('POST', '/api/v1/quality/systems', { session: s['lanhdao.snv'], body: { agencyUnitId: await t.unitId('H30.101') } });
  expect(res.statusCode, res.body).toBe(201);
  qmsId = res.json().id;
  await importLines([
    dossierLine('H30.101', '2026-01-05', '2026-01-12', { type: 'result_recorded', on: '2026-01-08' }), // early
    dossierLine('H30.101', '2026-01-06', '2026-01-13', { type: 'result_recorded', on: '2026-01-13', time: '15:00' }), // on the due day
    dossierLine('H30.101', '2026-01-07', '2026-01-14', { type: 'result_recorded', on: '2026-01-20' }), // late
    dossierLine('H30.101', '2026-02-02', '2026-02-09', { type: 'result_recorded', on: '2026-02-16' }), // late
    dossierLine('H30.101', '2026-02-03', '2026-02-10', { type: 'withdrawn', on: '2026-02-05' }), // withdrawn: on time
    dossierLine('H30.101', '2025-12-10', '2025-12-17', { type: 'result_recorded', on: '2025-12-16' }), // received in 2025's year, ended in 2026's
    dossierLine('H30.101', '2025-12-01', '2025-12-08', { type: 'result_recorded', on: '2025-12-10' }), // late, in 2025's year only
    dossierLine('H30.101', '2026-02-20', '2026-02-27'), // still open: not handled yet
    dossierLine('H30.102', '2026-01-08', '2026-01-15', { type: 'result_recorded', on: '2026-02-20' }), // another department's, late
    dossierLine('H30.102', '2026-01-09', '2026-01-16', { type: 'result_recorded', on: '2026-02-21' }),
  ]);
}, 240_000);
afterAll(async () => { await t?.close(); });

const post = (body: Record<string, unknown>, who = 'chuyenvien.snv') => t.request('POST', `/api/v1/quality/systems/${qmsId}/objectives`, { session: s[who], body });
const readings = async (year: number, who = 'chuyenvien.snv') => {
  const res = await t.request('GET', `/api/v1/quality/systems/${qmsId}/objectives?year=${year}`, { session: s[who] });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('objectives measured from live data', () => {
  it('reads the on-time share of the agency\'s dossiers over the objective year so far, as counted independently from their events', async () => {
    const period = statutoryPeriod(2026, TODAY);
    const expected = await onTimeShare('H30.101', period);
    // The dossiers made above are in it (six ended in the period); the other department's are not.
    expect(expected.denominator).toBeGreaterThanOrEqual(6);
    const below = expected.numerator * 100 / expected.denominator - 0.01;
    const target = Math.floor(below * 100) / 100;
    const above = Math.ceil((expected.numerator * 100 / expected.denominator + 0.01) * 100) / 100;
    const a = await post({ year: 2026, code: 'MT-01', text: 'Giải quyết đúng hạn các hồ sơ thủ tục hành chính', measure: 'dossiers.on_time_rate', targetPercent: target });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ code: 'MT-01', measureLabel: 'Tỷ lệ hồ sơ giải quyết đúng hạn', direction: 'at_least', yearBasis: 'statutory', active: true, version: 1 });
    const b = await post({ year: 2026, code: 'MT-02', text: 'Giải quyết đúng hạn hầu hết hồ sơ', measure: 'dossiers.on_time_rate', targetPercent: Math.min(100, above) });
    expect(b.statusCode, b.body).toBe(201);

    const answer = await readings(2026);
    expect(answer).toMatchObject({ year: 2026, period: { from: '2025-12-15', to: '2026-12-14' }, asOf: TODAY });
    const [one, two] = ['MT-01', 'MT-02'].map((c) => answer.items.find((o: { code: string }) => o.code === c));
    for (const [o, targetPercent] of [[one, target], [two, Math.min(100, above)]] as const) {
      expect(o.reading).toMatchObject({
        period: { from: period.from, to: period.to }, partial: period.partial,
        numerator: expected.numerator, denominator: expected.denominator,
        value: oneDecimal(expected), met: meets(expected, targetPercent),
      });
      expect(o.reading.display).toBe(`${oneDecimal(expected)!.toFixed(1).replace('.', ',')}%`);
      expect(o.target).toBe(`≥ ${String(targetPercent).replace('.', ',')}%`);
    }
    expect(one.reading.met).toBe(true);
    expect(two.reading.met).toBe(false);
  });

  it('reads a past year over the whole of it, the cut-off of 14/12 deciding which year a dossier counts in', async () => {
    const period = statutoryPeriod(2025, TODAY);
    expect(period.partial).toBe(false);
    const expected = await onTimeShare('H30.101', period);
    expect(expected.denominator).toBeGreaterThanOrEqual(1);
    const res = await post({ year: 2025, code: 'MT-01', text: 'Giải quyết đúng hạn các hồ sơ thủ tục hành chính', measure: 'dossiers.on_time_rate', targetPercent: 95 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().reading).toMatchObject({ period: { from: '2024-12-15', to: '2025-12-14' }, partial: false, ...expected, value: oneDecimal(expected), met: meets(expected, 95) });
  });

  it('answers "no data" — not 0 % and neither met nor not met — when nothing was handled in the period', async () => {
    const expected = await onTimeShare('H30.101', statutoryPeriod(2024, TODAY));
    expect(expected.denominator).toBe(0);
    const res = await post({ year: 2024, code: 'MT-01', text: 'Giải quyết đúng hạn các hồ sơ thủ tục hành chính', measure: 'dossiers.on_time_rate', targetPercent: 90 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().reading).toMatchObject({ numerator: 0, denominator: 0, value: null, display: 'Chưa có dữ liệu', met: null, partial: false });
    const manual = await post({ year: 2026, code: 'MT-09', text: 'Tỷ lệ góp ý được tiếp thu', measure: 'manual', targetPercent: 80, manualNumerator: 0, manualDenominator: 0 });
    expect(manual.statusCode, manual.body).toBe(201);
    expect(manual.json().reading).toMatchObject({ numerator: 0, denominator: 0, value: null, display: 'Chưa có dữ liệu', met: null });
  });

  it('measures a calendar-year objective from 1 January, and reads every other live measure', async () => {
    const expected = await onTimeShare('H30.101', { from: '2026-01-01', to: TODAY });
    const calendar = await post({ year: 2026, code: 'MT-03', text: 'Đúng hạn theo năm dương lịch', measure: 'dossiers.on_time_rate', targetPercent: 50, yearBasis: 'calendar' });
    expect(calendar.statusCode, calendar.body).toBe(201);
    expect(calendar.json().reading).toMatchObject({ period: { from: '2026-01-01', to: TODAY }, partial: true, ...expected, value: oneDecimal(expected), met: meets(expected, 50) });
    for (const [code, measure] of [['MT-11', 'satisfaction.rate'], ['MT-12', 'feedback.answered_on_time_rate'], ['MT-13', 'dossiers.overdue_rate']] as const) {
      const res = await post({ year: 2026, code, text: 'Mục tiêu đo từ dữ liệu', measure, targetPercent: 90 });
      expect(res.statusCode, res.body).toBe(201);
      const r = res.json().reading;
      expect(r.numerator).toBeLessThanOrEqual(r.denominator);
      expect(r.value).toBe(oneDecimal(r));
      expect(r.met).toBe(meets(r, 90, res.json().direction));
    }
  });

  it('reads a year that has not begun as not measured yet', async () => {
    const res = await post({ year: 2027, code: 'MT-01', text: 'Giải quyết đúng hạn các hồ sơ thủ tục hành chính', measure: 'dossiers.on_time_rate', targetPercent: 95 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().reading).toMatchObject({ period: { from: '2026-12-15', to: '2027-12-14' }, partial: false, numerator: null, denominator: null, value: null, display: 'Chưa có dữ liệu', met: null, statusLabel: 'Chưa đến kỳ đo' });
  });
});

describe('manual objectives and changes', () => {
  it('reads typed counts, re-reads them when changed, and keeps the numerator within the denominator', async () => {
    const [num, den] = [45, 50];
    const created = await post({ year: 2026, code: 'MT-05', text: 'Cán bộ được đào tạo về ISO 9001', measure: 'manual', targetPercent: 90, manualNumerator: num, manualDenominator: den });
    expect(created.statusCode, created.body).toBe(201);
    const o = created.json();
    expect(o).toMatchObject({ measureLabel: 'Nhập tay', target: '≥ 90%', manualNumerator: num, manualDenominator: den });
    expect(o.reading).toMatchObject({ numerator: num, denominator: den, value: oneDecimal({ numerator: num, denominator: den }), met: meets({ numerator: num, denominator: den }, 90) });
    expect(o.reading.met).toBe(true); // exactly the target meets it

    const changed = await t.request('PUT', `/api/v1/quality/objectives/${o.id}`, { session: s['chuyenvien.snv'], body: { version: o.version, manualNumerator: num - 1, ownerUnitId: await t.unitId('H30.101.02') } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ version: o.version + 1, ownerUnitName: 'Phòng Cải cách hành chính', reading: { numerator: num - 1, denominator: den, value: oneDecimal({ numerator: num - 1, denominator: den }), met: false } });

    const stale = await t.request('PUT', `/api/v1/quality/objectives/${o.id}`, { session: s['chuyenvien.snv'], body: { version: o.version, text: 'Nội dung khác' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const above = await t.request('PUT', `/api/v1/quality/objectives/${o.id}`, { session: s['chuyenvien.snv'], body: { version: o.version + 1, manualNumerator: den + 1 } });
    expect(above.statusCode).toBe(400);
    expect(above.body).toContain('Tử số không được lớn hơn mẫu số');
    const events = await t.db.selectFrom('qms_events').select(['action', 'actor_name']).where('entity', '=', 'objective').where('entity_id', '=', o.id).orderBy('id').execute();
    expect(events).toEqual([{ action: 'created', actor_name: 'Sùng A Páo' }, { action: 'updated', actor_name: 'Sùng A Páo' }]);
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity', '=', 'qms_objective').where('entity_id', '=', String(o.id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['quality.objective_created', 'quality.objective_updated']);
  });

  it('refuses bad input with Vietnamese messages, a taken code, and anyone outside the agency', async () => {
    const bad = await post({ year: 2026, code: 'MT-06', text: 'Mục tiêu', measure: 'dossiers.on_time_rate', targetPercent: 95.555 });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Chỉ tiêu (%): tối đa hai chữ số thập phân');
    const typed = await post({ year: 2026, code: 'MT-06', text: 'Mục tiêu', measure: 'dossiers.on_time_rate', targetPercent: 95, manualNumerator: 1, manualDenominator: 2 });
    expect(typed.statusCode).toBe(400);
    const measure = await post({ year: 2026, code: 'MT-06', text: 'Mục tiêu', measure: 'dossiers.fast', targetPercent: 95 });
    expect(measure.statusCode).toBe(400);
    expect(measure.body).toContain('Cách đo');
    const owner = await post({ year: 2026, code: 'MT-06', text: 'Mục tiêu đúng hạn', measure: 'dossiers.on_time_rate', targetPercent: 95, ownerUnitId: await t.unitId('H30.102.01') });
    expect(owner.statusCode).toBe(400);
    expect(owner.body).toContain('Đơn vị chủ trì');
    const taken = await post({ year: 2026, code: 'mt-01', text: 'Trùng mã', measure: 'dossiers.on_time_rate', targetPercent: 95 });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('QMS_OBJECTIVE_CODE_TAKEN');
    // A ceiling by default for the overdue rate.
    const overdue = await post({ year: 2026, code: 'MT-07', text: 'Hạn chế hồ sơ quá hạn', measure: 'dossiers.overdue_rate', targetPercent: 2.5 });
    expect(overdue.statusCode, overdue.body).toBe(201);
    expect(overdue.json()).toMatchObject({ direction: 'at_most', target: '≤ 2,5%', measureLabel: 'Tỷ lệ hồ sơ quá hạn' });

    const outsider = await post({ year: 2026, code: 'MT-08', text: 'Mục tiêu', measure: 'manual', targetPercent: 95 }, 'chuyenvien.stp');
    expect(outsider.statusCode).toBe(404);
    expect((await t.request('GET', `/api/v1/quality/systems/${qmsId}/objectives`, { session: s['lanhdao.stp'] })).statusCode).toBe(404);
    const put = await t.request('PUT', `/api/v1/quality/objectives/${overdue.json().id}`, { session: s['chuyenvien.stp'], body: { version: 1, active: false } });
    expect(put.statusCode).toBe(404);
  });

  it('lists the year of today when none is asked for, and counts met objectives in the list of systems', async () => {
    const answer = await readings(2026);
    const plain = await t.request('GET', `/api/v1/quality/systems/${qmsId}/objectives`, { session: s['chuyenvien.snv'] });
    expect(plain.json().year).toBe(2026);
    expect(plain.json().items.map((o: { code: string }) => o.code)).toEqual(answer.items.map((o: { code: string }) => o.code));
    const list = await t.request('GET', '/api/v1/quality/systems', { session: s['lanhdao.snv'] });
    const item = list.json().items.find((i: { id: number }) => i.id === qmsId);
    const active = answer.items.filter((o: { active: boolean }) => o.active);
    expect(item.objectives).toMatchObject({ total: active.length, met: active.filter((o: { reading: { met: boolean | null } }) => o.reading.met === true).length });
  });
});
