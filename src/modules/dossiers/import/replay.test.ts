import { describe, expect, it } from 'vitest';
import { communeProcedure } from '../../../../test/support/procedure-factory.js';
import { createDataProtection, DEVELOPMENT_DATA_KEY } from '../../../platform/crypto/data-protection.js';
import { reduce } from '../rules/reducer.js';
import { STATUS } from '../rules/statuses.js';
import { refusal } from '../rules/transitions.js';
import { calculatorFromCalendar, defaultCalendar, generateDossiers } from './generator/index.js';
import { demoAccountStaff, demoProcedures, demoUnits } from './generator/demo-data.js';
import { importLineSchema, type ImportLine } from './import-schema.js';
import { LineProblem, replayLine, splitCode, type ReplayContext } from './replay.js';

const calc = calculatorFromCalendar(defaultCalendar([2025, 2026, 2027]));
const units = demoUnits().map((u, i) => ({ id: i + 1, parentId: null as number | null, code: u.code, name: u.name, kind: u.kind, function: u.function ?? null, parentCode: u.parentCode }));
for (const u of units) u.parentId = units.find((p) => p.code === u.parentCode)?.id ?? null;
const ctx = (over: Partial<ReplayContext> = {}): ReplayContext => ({
  units, unitsByCode: new Map(units.map((u) => [u.code, u])), staffByBadge: new Map([['TP-0201', { id: 501, fullName: 'Phạm Văn Hải', unitId: units.find((u) => u.code === 'H30.501.02')!.id }]]),
  calc, procedure: { versionId: 7, versionNumber: 1, content: communeProcedure() }, routeCache: new Map(), now: new Date('2026-06-01T00:00:00Z'), keys: createDataProtection(DEVELOPMENT_DATA_KEY), ...over,
});

const at = (day: string, time: string) => `2026-03-${day}T${time}:00+07:00`;
const line = (events: unknown[], over: Record<string, unknown> = {}): ImportLine => importLineSchema.parse({
  code: 'H30.501.01-260302-0042', receivingUnitCode: 'H30.501.01', procedureCode: '1.001193', channel: 'desk', resultDelivery: 'desk',
  applicant: { kind: 'citizen', fullName: 'Lò Thị Hương' }, events, ...over,
});
const received = { type: 'received', at: at('02', '09:00'), actor: { name: 'Lường Thị Ánh' } };
const toStep2 = { type: 'transferred', at: at('02', '10:00'), toStaff: { badge: 'TP-0201' } };
const supplement = (day: string) => ({ type: 'supplement_requested', at: at(day, '11:00'), actor: { badge: 'TP-0201' }, items: [{ name: 'Tờ khai', reason: 'Thiếu chữ ký' }] });

function problem(l: ImportLine, c = ctx()): LineProblem {
  try {
    replayLine(l, c);
  } catch (err) {
    if (err instanceof LineProblem) return err;
    throw err;
  }
  throw new Error('expected the line to be rejected');
}

describe('replaying an imported line', () => {
  it('computes what live intake computes: due date, route from the catalogue, step deadline, paused time', () => {
    const p = replayLine(line([received, toStep2, supplement('02'), { type: 'supplement_received', at: at('04', '11:00') }]), ctx());
    expect(p.state.status).toBe(STATUS.PROCESSING);
    expect(p.state.route.map((r) => r.unitName)).toEqual(['Trung tâm Phục vụ hành chính công phường Tân Phong', 'Phòng Văn hóa - Xã hội', 'Ủy ban nhân dân phường Tân Phong', 'Trung tâm Phục vụ hành chính công phường Tân Phong']);
    expect(p.state.originalDueAt).toBe(new Date('2026-03-05T09:00:00+07:00').toISOString());
    // Two working days waiting for the supplement (Mon 11:00 → Wed 11:00) move the deadline by 16 working hours.
    expect(p.state.dueAt).toBe(new Date('2026-03-09T09:00:00+07:00').toISOString());
    expect(p.state.assignee).toEqual({ staffId: 501, name: 'Phạm Văn Hải' });
    expect(p.events[1]!.unitId).toBeNull();
    expect(p.events[2]!.unitId).toBe(units.find((u) => u.code === 'H30.501.02')!.id);
    expect(reduce(p.events)).toEqual(p.state);
    expect(p.values).toMatchObject({ procedureVersionId: 7, procedureName: 'Đăng ký khai sinh', createdAt: new Date(at('02', '09:00')) });
    expect(splitCode(p.code)).toEqual({ agencyCode: 'H30.501.01', day: '2026-03-02', sequence: 42 });
  });

  it('rejects a second supplement request, as the live rule does (Decree 118 art. 11)', () => {
    const e = problem(line([received, toStep2, supplement('02'), { type: 'supplement_received', at: at('03', '09:00') }, supplement('03')]));
    expect(e.code).toBe('INVALID_TRANSITION');
    expect(e.vi).toMatch(/^Sự kiện 5 \(supplement_requested\): Chỉ được yêu cầu bổ sung hồ sơ một lần/);
    expect(refusal(reduce(replayLine(line([received, toStep2, supplement('02')]), ctx()).events), 'request_supplement')).not.toBeNull();
  });

  it('rejects events out of order, in the future, on a wrong step, a late apology and a code dated another day', () => {
    expect(problem(line([received, { ...toStep2, at: at('02', '08:00') }])).code).toBe('EVENTS_OUT_OF_ORDER');
    expect(problem(line([received]), ctx({ now: new Date('2026-03-01T00:00:00Z') })).code).toBe('EVENT_IN_FUTURE');
    expect(problem(line([received, { type: 'transferred', at: at('02', '10:00'), toStep: 1 }])).code).toBe('INVALID_STEP');
    const extend = (time: string) => ({ type: 'extended', at: at('04', time), newDueAt: at('10', '09:00'), reason: 'Cần xác minh', signer: 'Chủ tịch UBND phường' });
    expect(problem(line([received, toStep2, extend('15:00')])).code).toBe('EXTENSION_TOO_LATE');
    expect(replayLine(line([received, toStep2, extend('08:30')]), ctx()).state.dueAt).toBe(new Date(at('10', '09:00')).toISOString());
    expect(problem(line([received], { code: 'H30.501.01-260303-0001' })).code).toBe('CODE_DATE_MISMATCH');
    expect(problem(line([received, { type: 'submitted', at: at('02', '10:00'), channel: 'online' }])).code).toBe('INVALID_TRANSITION');
    expect(problem(line([{ ...received, actor: { badge: 'XX-9999' } }])).code).toBe('STAFF_NOT_FOUND');
  });

  it('without the procedure in the catalogue, needs the name and time limit from the file', () => {
    expect(problem(line([received]), ctx({ procedure: undefined })).code).toBe('PROCEDURE_NOT_FOUND');
    const p = replayLine(line([received], { procedureName: 'Thủ tục đã bãi bỏ', processingTime: { amount: 2, unit: 'working_days' } }), ctx({ procedure: undefined }));
    expect(p.values).toMatchObject({ procedureVersionId: null, procedureName: 'Thủ tục đã bãi bỏ', competentUnitId: null });
    expect(p.state.route).toHaveLength(1);
    expect(p.state.dueAt).toBe(new Date('2026-03-04T09:00:00+07:00').toISOString());
  });
});

describe('the dossier generator', () => {
  const options = {
    procedures: demoProcedures('2026-06-01'), units: demoUnits(), staff: demoAccountStaff(), calc,
    from: new Date('2026-02-02T00:00:00+07:00'), to: new Date('2026-05-29T17:00:00+07:00'), now: new Date('2026-05-29T17:00:00+07:00'), count: 1500, seed: 11,
  };
  const lines = [...generateDossiers(options)];

  it('is reproducible and writes lines the import schema accepts, on working days in working hours', () => {
    expect(lines).toHaveLength(1500);
    expect([...generateDossiers({ ...options, count: 50 })]).toEqual([...generateDossiers({ ...options, count: 50 })]);
    for (const l of lines) {
      const parsed = importLineSchema.safeParse(l);
      expect(parsed.success, JSON.stringify(parsed.error?.issues[0])).toBe(true);
      const first = new Date(l.events[0]!.at);
      expect(calc.addWorkingHours(first, 0.01).getTime() - first.getTime()).toBeLessThan(3_600_000);
    }
    expect(new Set(lines.map((l) => l.code)).size).toBe(lines.length);
  });

  it('replays without a rule violation and has realistic shares of outcomes', () => {
    const c = ctx({ procedure: undefined, staffByBadge: new Map(demoAccountStaff().map((s, i) => [s.badge!, { id: i + 1, fullName: s.name, unitId: units.find((u) => u.code === s.unitCode)!.id }])), now: options.now });
    const states = lines.map((l) => replayLine(importLineSchema.parse(l), c).state);
    const share = (f: (s: (typeof states)[number]) => boolean) => states.filter(f).length / states.length;
    const finished = states.filter((s) => s.status === STATUS.RETURNED || s.status === STATUS.RESULT_READY);
    const lateShare = finished.filter((s) => s.completedAt! > s.dueAt!).length / finished.length;
    expect(lateShare).toBeGreaterThan(0.04);
    expect(lateShare).toBeLessThan(0.14);
    expect(share((s) => s.supplementRequested)).toBeGreaterThan(0.06);
    expect(share((s) => s.supplementRequested)).toBeLessThan(0.14);
    expect(share((s) => s.status === STATUS.REFUSED)).toBeGreaterThan(0.005);
    expect(share((s) => s.status === STATUS.REFUSED)).toBeLessThan(0.04);
    expect(share((s) => s.status === STATUS.WITHDRAWN || s.status === STATUS.STOPPED)).toBeGreaterThan(0.01);
    expect(share((s) => s.extended)).toBeGreaterThan(0.002);
    // Dossiers received in the last days are still open at `now`.
    expect(share((s) => [STATUS.RECEIVED, STATUS.PROCESSING, STATUS.SUPPLEMENT_REQUESTED].includes(s.status as 2))).toBeGreaterThan(0.01);
  });
});
