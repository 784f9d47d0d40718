import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { seedDemoCitizens } from './demo-citizens.js';

/**
 * A demo citizen who signs in finds a history in "Hồ sơ của tôi" (issue 11): a dossier returned with
 * its result file in their document store and waiting for their rating, one being processed, one
 * waiting for their supplement, and a draft — whatever day the demo is seeded (the clock pinned to
 * a Thursday and to the first working hour after the nine days of Tết 2026).
 */
const ISSUER = 'http://127.0.0.1:3002';
const MAI = { issuer: ISSUER, subject: 'vneid-demo-0001', fullName: 'Lò Thị Mai', idNumber: '012190001234', birthDate: '1990-05-17' };

describe.each([
  ['a Thursday', '2026-12-03T10:00:00+07:00'],
  ['a Monday at 07:00 after Tết', '2026-02-23T07:00:00+07:00'],
])('the demo citizens seeded on %s', (_label, instant) => {
  const now = new Date(instant);
  let t: TestApp;
  let first: Awaited<ReturnType<typeof seedDemoCitizens>>;
  beforeAll(async () => {
    // The seed without a provider (as createTestApp runs it) made the dossiers; with the local
    // provider's issuer it enrols the citizens and leaves the draft, and adds no dossier twice.
    t = await createTestApp({ now, demoDossiers: 150 });
    first = await seedDemoCitizens(t.services, now, { issuer: ISSUER });
  }, 300_000);
  afterAll(async () => { await t?.close(); });

  it('runs once: the dossiers were there already, the draft is made once', async () => {
    expect(first.dossiers).toEqual([]);
    expect(first.drafts).toBe(1);
    const again = await seedDemoCitizens(t.services, now, { issuer: ISSUER });
    expect(again).toEqual({ dossiers: [], drafts: 0 });
  });

  it('shows Lò Thị Mai her history: returned and rateable, processing, awaiting her supplement, a draft', async () => {
    const mai = await t.citizenSession(MAI);
    const list = (await t.request('GET', '/api/v1/citizen/dossiers', { session: mai })).json();
    expect(list.drafts.map((d: { procedureCode: string }) => d.procedureCode)).toEqual(['1.004873']);
    const byStatus = new Map<number, { code: string; receivedAt: string; dueAt: string | null; needsAction: boolean; procedureCode: string }>(list.dossiers.map((d: { statusCode: number }) => [d.statusCode, d]));
    expect([...byStatus.keys()].sort()).toEqual([10, 4, 5].sort());
    for (const d of list.dossiers) {
      expect(new Date(d.receivedAt).getTime(), d.code).toBeLessThan(now.getTime());
      expect(new Date(d.receivedAt).getTime(), d.code).toBeGreaterThan(now.getTime() - 62 * 86_400_000);
    }
    expect(byStatus.get(10)).toMatchObject({ procedureCode: '2.000635', needsAction: true });
    expect(byStatus.get(5)).toMatchObject({ needsAction: true });

    // Returned: the result file is in her store, whole, and she is asked to rate.
    const returned = byStatus.get(10)!;
    const detail = (await t.request('GET', `/api/v1/citizen/dossiers/${returned.code}`, { session: mai })).json();
    expect(detail.actions.map((a: { kind: string }) => a.kind)).toEqual(['rate']);
    expect(new Date(detail.returnedAt).getTime()).toBeLessThanOrEqual(now.getTime());
    const listed = await t.request('GET', '/api/v1/citizen/documents', { session: mai });
    expect(listed.statusCode, listed.body).toBe(200);
    const docs = listed.json().items as { id: string; origin: string; dossierCode: string; type: string }[];
    const result = docs.find((d) => d.origin === 'result' && d.dossierCode === returned.code);
    expect(result?.type).toBe('application/pdf');
    const file = await t.request('GET', `/api/v1/citizen/documents/${result!.id}/file`, { session: mai });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // Awaiting her supplement: what is asked, and the clock paused.
    const waiting = (await t.request('GET', `/api/v1/citizen/dossiers/${byStatus.get(5)!.code}`, { session: mai })).json();
    expect(waiting.actions).toEqual([expect.objectContaining({ kind: 'supplement', stage: 'processing' })]);
    expect(waiting.actions[0].items[0].reason).toContain('Bản chụp mờ');

    // Processing: nothing asked of her, due in the future or overdue honestly, at the specialist.
    const processing = (await t.request('GET', `/api/v1/citizen/dossiers/${byStatus.get(4)!.code}`, { session: mai })).json();
    expect(processing.actions).toEqual([]);
    expect(processing.timeline.length).toBeGreaterThan(1);
  });

  it('keeps the dossiers in the event log like any other: chains verify, nothing after "now"', async () => {
    const v = await t.services.dossiers.verifyAll();
    expect(v.broken).toEqual([]);
    expect(await t.db.selectFrom('dossier_events').select('at').where('at', '>', now).limit(1).execute()).toEqual([]);
  });

  it('gives Tao Văn Hùng a returned and a received dossier, and Giàng A Páo a clean slate', async () => {
    const hung = await t.citizenSession({ issuer: ISSUER, subject: 'vneid-demo-0003', fullName: 'Tao Văn Hùng', idNumber: '012201000777' });
    const list = (await t.request('GET', '/api/v1/citizen/dossiers', { session: hung })).json();
    expect(list.dossiers.map((d: { statusCode: number }) => d.statusCode).sort()).toEqual([10, 2].sort());
    const pao = await t.citizenSession({ issuer: ISSUER, subject: 'vneid-demo-0002', fullName: 'Giàng A Páo', idNumber: '012088004321' });
    expect((await t.request('GET', '/api/v1/citizen/dossiers', { session: pao })).json()).toEqual({ drafts: [], dossiers: [] });
  });
});
