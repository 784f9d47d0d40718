import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-db.js';
import * as repo from './dossiers.repository.js';

// The dossier page and the public lookup read a dossier with its history in one statement
// (issue 14, per-request overhead): it must give exactly what the two statements gave.
const NOW = new Date('2026-12-03T10:00:00+07:00');
let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase({ now: NOW, demoDossiers: 150 }); }, 300_000);
afterAll(async () => { await t?.close(); });

describe('findWithEvents', () => {
  it('gives every demo dossier and its events exactly as findByCode and loadEvents do, in order', async () => {
    const codes = (await t.db.selectFrom('dossiers').select('code').orderBy('id').execute()).map((r) => r.code);
    expect(codes.length).toBeGreaterThan(100);
    let events = 0;
    const kinds = new Set<string>();
    for (const code of codes) {
      const found = await repo.findWithEvents(t.db, code);
      const row = await repo.findByCode(t.db, code);
      const expected = await repo.loadEvents(t.db, row!.id);
      expect(found!.row).toEqual(row);
      // Same keys in the same order, same values, same types (strings stay strings, numbers numbers).
      expect(JSON.stringify(found!.events), code).toBe(JSON.stringify(expected));
      expect(found!.events.map((e) => e.seq)).toEqual(expected.map((e) => e.seq));
      events += expected.length;
      for (const e of expected) kinds.add(e.type);
    }
    expect(events).toBeGreaterThan(codes.length * 3);
    expect(kinds.size).toBeGreaterThanOrEqual(12);
    // The demo covers the whole life of a dossier, so the comparison saw every kind of payload it carries.
    for (const kind of ['received', 'transferred', 'result_recorded', 'result_returned', 'supplement_requested', 'refused']) expect(kinds, kind).toContain(kind);
  });

  it('truncates a stored instant to the millisecond as the driver does', async () => {
    const instant = "'2026-03-02 09:15:30.987654+07'::timestamptz";
    const r = (await sql<{ parsed: Date; ms: string }>`select ${sql.raw(instant)} as parsed, floor(extract(epoch from ${sql.raw(instant)}) * 1000)::int8 as ms`.execute(t.db)).rows[0]!;
    expect(new Date(Number(r.ms)).toISOString()).toBe(r.parsed.toISOString());
    expect(r.parsed.toISOString()).toBe('2026-03-02T02:15:30.987Z');
  });

  it('answers nothing for an unknown code', async () => {
    expect(await repo.findWithEvents(t.db, 'H30.999.99-260101-9999')).toBeUndefined();
  });
});
