import { createDataProtection, DEVELOPMENT_DATA_KEY } from '../../../../platform/crypto/data-protection.js';
import { describe, expect, it } from 'vitest';
import { STATUS } from '../../rules/statuses.js';
import { importLineSchema } from '../import-schema.js';
import { replayLine, type ReplayContext } from '../replay.js';
import { demoAccountStaff, demoCalendar, demoCatalogue, demoProcedures, demoUnits } from './demo-data.js';
import { calculatorFromCalendar } from './index.js';
import { createPlanner } from './planner.js';
import { queueWork, workingInstantBefore } from './queue-work.js';

const vn = (s: string) => new Date(`${s}+07:00`);
const calc = calculatorFromCalendar(demoCalendar([2025, 2026, 2027, 2028]));

describe('workingInstantBefore', () => {
  it.each([
    ['within office hours, the same morning', '2026-03-04T10:00:00', 2, '2026-03-04T08:00:00'],
    ['across the lunch break', '2026-03-04T14:00:00', 1, '2026-03-04T11:00:00'],
    ['on a Saturday: the Friday afternoon', '2026-03-07T10:00:00', 1, '2026-03-06T16:00:00'],
    ['at 07:00 on the first day after Tết 2026: before the nine days off', '2026-02-23T07:00:00', 2, '2026-02-13T15:00:00'],
    ['on the day before Tết 2027 (a holiday): the Thursday', '2027-02-05T10:00:00', 0.5, '2027-02-04T16:30:00'],
    ['on New Year’s Day: 31/12', '2027-01-01T09:00:00', 8, '2026-12-31T07:00:00'],
  ])('%s', (_label, now, hours, expected) => {
    expect(workingInstantBefore(calc, vn(now), hours)?.toISOString()).toBe(vn(expected).toISOString());
  });
});

describe('queueWork', () => {
  const units = demoUnits();
  const accounts = demoAccountStaff();
  const unitIds = createPlanner(units).byCode;
  const staffByBadge = new Map(accounts.map((a, i) => [a.badge, { id: i + 1, fullName: a.name, unitId: unitIds.get(a.unitCode)!.id }]));

  const catalogue = demoCatalogue();

  /** Every third day of a year (so every weekday in turn, Tết, the holidays around them), at an hour that moves through the day and night. */
  it('puts open work within its deadline in every demo account’s hands, whatever the day and hour', () => {
    for (let day = 0; day < 366; day += 3) {
      const now = new Date(vn('2026-01-01T00:00:00').getTime() + day * 86_400_000 + ((day * 7) % 24) * 3_600_000 + 17 * 60_000);
      const procedures = demoProcedures(new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10), catalogue);
      const planner = createPlanner(units);
      const inForce = new Map(procedures.map((p) => [p.code, { versionId: 1, versionNumber: 1, content: p }]));
      const ctx: Omit<ReplayContext, 'procedure'> = { units: planner.refs, unitsByCode: planner.byCode, staffByBadge, calc, routeCache: new Map(), now, keys: createDataProtection(DEVELOPMENT_DATA_KEY) };
      const lines = [...queueWork({ procedures, planner, staff: accounts, accounts, calc, now, sequences: new Map() })];
      expect(new Set(lines.map((l) => l.code)).size, `${now.toISOString()}: codes are unique`).toBe(lines.length);
      const states = lines.map((l) => replayLine(importLineSchema.parse(l), { ...ctx, procedure: inForce.get(l.procedureCode) }).state);
      for (const a of accounts) {
        const id = staffByBadge.get(a.badge)!.id;
        const unit = unitIds.get(a.unitCode)!.id;
        const live = states.filter((s) => s.status !== STATUS.SUBMITTED && s.status !== STATUS.RETURNED && new Date(s.dueAt!) > now);
        const mine = live.filter((s) => s.assignee?.staffId === id);
        expect(mine.length, `${a.username} at ${now.toISOString()}`).toBeGreaterThan(0);
        if (a.roles.some(([r]) => r === 'specialist')) {
          expect(live.some((s) => !s.assignee && s.currentUnitId === unit), `${a.username} at ${now.toISOString()}: work to take`).toBe(true);
        }
        if (a.roles.some(([r]) => r === 'unit_head')) {
          expect(mine.some((s) => s.route.find((r) => r.order === s.step)?.role === 'unit_head'), `${a.username} at ${now.toISOString()}: awaiting approval`).toBe(true);
        }
      }
    }
  }, 120_000);
});
