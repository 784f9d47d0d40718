import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectWorkForEveryDemoAccount } from '../../../test/support/demo-work.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { seedDemoDossiers } from './dossiers.demo.js';

/**
 * A newcomer's first `npm start` seeds the demo at the real date, whatever it is. The work waiting
 * for each account is laid out from "now" by construction (not by the luck of the random history),
 * so it does not depend on the number of dossiers: a small history keeps this test quick, and
 * dossiers.demo.test.ts checks the real count.
 */
const DATES: [string, string][] = [
  ['a Monday at 07:00, right after the nine days of Tết 2026', '2026-02-23T07:00:00+07:00'],
  ['a Saturday', '2026-03-07T10:00:00+07:00'],
  ['the day before Tết 2027 (a holiday, after the Thursday)', '2027-02-05T10:00:00+07:00'],
  ['31/12, late in the afternoon', '2026-12-31T16:45:00+07:00'],
];

describe.each(DATES)('the demo seeded on %s', (label, instant) => {
  const now = new Date(instant);
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ now, demoDossiers: 150 }); }, 300_000);
  afterAll(async () => { await t?.close(); });

  it('gives every demo account work in its queues', async () => {
    await expectWorkForEveryDemoAccount(t, label);
  }, 120_000);

  it('imported every generated line, none with an event after "now"', async () => {
    // The generator is deterministic: a second run yields the same codes, all already there; a line
    // the import refused the first time would be refused again here, and named.
    const again = await seedDemoDossiers(t.services, now, 150);
    expect(again.errors).toEqual([]);
    expect(again.imported).toBe(0);
    expect(again.skipped).toBeGreaterThan(150);
    expect(await t.db.selectFrom('dossier_events').select('at').where('at', '>', now).limit(1).execute()).toEqual([]);
  });
});
