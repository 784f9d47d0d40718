import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeProcedure, inMemoryCatalog } from '../../../test/support/procedure-factory.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { createDossierService } from './dossiers.service.js';
import { systemContext } from '../../platform/http/context.js';
import { eventHash, GENESIS } from './rules/hash-chain.js';

/**
 * Issue 10 item 5: what someone with database rights (a superuser who can disable the guard
 * trigger) can do to a dossier's history, and that `verify` reports each of it. Every attack is raw
 * SQL, as such a person would write it; they know the hashing scheme (it is in the source) but not
 * the chain key (it is in the configuration).
 */
const KEY = 'test-chain-key-0123456789abcdef0123456789';
const now = new Date('2026-03-02T09:00:00+07:00');
let t: TestApp;
let desk: Session;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp({
    now: () => now,
    env: { MOTCUA_CHAIN_KEY: KEY },
    override: (services) => ({
      dossiers: createDossierService({ db: services.db, org: services.org, catalog: inMemoryCatalog([communeProcedure()]), deadlines: services.calendar.deadlines, keys: services.dataKeys, now: () => now, chain: services.chain }),
    }),
  });
  desk = await t.login('motcua.tanphong');
  admin = await t.login('admin');
}, 120_000); // a cold snapshot of the demo database takes a minute on a loaded machine
afterAll(async () => { await t?.close(); });

let n = 0;
/** A dossier received and transferred: two events. */
async function dossier(): Promise<{ code: string; id: string }> {
  const res = await t.request('POST', '/api/v1/dossiers', { session: desk, body: {
    procedureCode: '1.001193', channel: 'desk', resultDelivery: 'desk', idempotencyKey: `tamper-${++n}`,
    applicant: { kind: 'citizen', fullName: 'Lò Thị Hương', idNumber: '012345678901', phone: '0912345678', address: 'Bản Sang Ngà, phường Tân Phong' },
  } });
  const code = res.json().code as string;
  const moved = await t.request('POST', `/api/v1/dossiers/${code}/actions`, { session: desk, body: { version: 1, action: 'transfer' } });
  expect(moved.statusCode).toBe(200);
  const { id } = await t.db.selectFrom('dossiers').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return { code, id };
}

const verify = async (code: string) => (await t.request('GET', `/api/v1/dossiers/${code}/verify`, { session: admin })).json();

/** Runs SQL with the append-only guard switched off, as a superuser would. */
async function behindTheGuard(work: () => Promise<unknown>): Promise<void> {
  await sql`alter table dossier_events disable trigger dossier_events_no_update`.execute(t.db);
  try {
    await work();
  } finally {
    await sql`alter table dossier_events enable trigger dossier_events_no_update`.execute(t.db);
  }
}

describe('tamper evidence', () => {
  it('an untouched dossier verifies, with its head signed and its row equal to its events', async () => {
    const { code } = await dossier();
    expect(await verify(code)).toMatchObject({ code, events: 2, version: 2, valid: true, problems: [], anchored: true, projectionMatches: true });
    const events = await t.db.selectFrom('dossier_events').select(['hash_version', 'mac']).where('dossier_id', '=', (await dossier()).id).execute();
    expect(events.every((e) => e.hash_version === 2 && /^[0-9a-f]{64}$/.test(e.mac!))).toBe(true);
  });

  it('attack 1: the last event deleted — and the row rolled back to match — is reported', async () => {
    const { code, id } = await dossier();
    const before = await t.db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await behindTheGuard(() => sql`delete from dossier_events where dossier_id = ${id} and seq = 2`.execute(t.db));
    const v = await verify(code);
    expect(v).toMatchObject({ valid: false, events: 1, version: 2, anchored: false });
    expect(v.problems).toEqual(expect.arrayContaining([{ seq: 2, problem: 'length_mismatch' }, { seq: 2, problem: 'head_mismatch' }]));
    // The careful attacker also puts the row back as it was after event 1 (version, status, step …).
    await sql`update dossiers set version = 1, current_step = 1, current_unit_id = ${before.receiving_unit_id}, step_due_at = (select (payload ->> 'stepDueAt')::timestamptz from dossier_events where dossier_id = ${id} and seq = 1) where id = ${id}`.execute(t.db);
    const rolledBack = await verify(code);
    expect(rolledBack.problems.filter((p: { problem: string }) => p.problem !== 'projection_mismatch')).toEqual([{ seq: 1, problem: 'head_mismatch' }]);
    expect(rolledBack.valid).toBe(false);
  });

  it('attack 2: the actor’s name changed is reported', async () => {
    const { code, id } = await dossier();
    await behindTheGuard(() => sql`update dossier_events set actor_name = 'Người khác' where dossier_id = ${id} and seq = 2`.execute(t.db));
    expect(await verify(code)).toMatchObject({ valid: false, problems: [{ seq: 2, problem: 'hash_mismatch' }] });
  });

  it('attack 3: a status written into the dossiers row with no event behind it is reported, and the public lookup does not show it', async () => {
    const { code, id } = await dossier();
    await sql`update dossiers set status = 3, completed_at = now() where id = ${id}`.execute(t.db);
    const v = await verify(code);
    expect(v).toMatchObject({ valid: false, anchored: true, projectionMatches: false });
    expect(v.problems).toEqual([{ seq: 2, problem: 'projection_mismatch', field: 'status' }, { seq: 2, problem: 'projection_mismatch', field: 'completed_at' }]);
    const all = await t.services.dossiers.verifyAll();
    expect(all.broken.map((b) => b.code)).toContain(code);
    // The citizen's lookup answers from the events, not from the edited row.
    const { lookup_secret } = await t.db.selectFrom('dossiers').select('lookup_secret').where('id', '=', id).executeTakeFirstOrThrow();
    const pub = await t.request('GET', `/api/v1/public/dossiers/${code}?key=${lookup_secret}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ statusCode: 4, completedAt: null });
  });

  it('a chain recomputed in full without the key (events and anchor) is reported', async () => {
    const { code, id } = await dossier();
    const rows = await t.db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', id).orderBy('seq').execute();
    // The forger edits event 1, recomputes every hash after it with the published scheme, and signs
    // with a key of his own, since he does not have the configured one.
    const { chainSigner } = await import('./rules/hash-chain.js');
    const forger = chainSigner('a-key-the-forger-made-up-for-himself-000');
    let prev = GENESIS;
    await behindTheGuard(async () => {
      for (const r of rows) {
        const e = { seq: r.seq, type: r.type, at: r.at.toISOString(), actorStaffId: r.actor_staff_id, actorName: r.seq === 1 ? 'Người khác' : r.actor_name, unitId: r.unit_id, payload: r.payload, requestId: r.request_id, hashVersion: 2, prevHash: prev };
        const hash = eventHash(code, e);
        await sql`update dossier_events set actor_name = ${e.actorName}, prev_hash = ${prev}, hash = ${hash}, mac = ${forger.eventMac(hash)} where id = ${r.id}`.execute(t.db);
        prev = hash;
      }
      await sql`update dossiers set chain_mac = ${forger.headMac(code, 2, prev)} where id = ${id}`.execute(t.db);
    });
    const v = await verify(code);
    expect(v).toMatchObject({ valid: false, anchored: false });
    expect(v.problems).toEqual([{ seq: 1, problem: 'mac_mismatch' }, { seq: 2, problem: 'mac_mismatch' }, { seq: 2, problem: 'head_mismatch' }]);
  });

  it('a dossier written before migration 0011 verifies as version 1, is flagged unanchored, and is anchored once by verify-audit --anchor', async () => {
    const { code, id } = await dossier();
    // Make it look as the old code wrote it: version-1 hashes, no signatures, no anchor.
    const rows = await t.db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', id).orderBy('seq').execute();
    let prev = GENESIS;
    await behindTheGuard(async () => {
      for (const r of rows) {
        const hash = eventHash(code, { seq: r.seq, type: r.type, at: r.at.toISOString(), actorStaffId: r.actor_staff_id, actorName: r.actor_name, unitId: r.unit_id, payload: r.payload, requestId: r.request_id, hashVersion: 1, prevHash: prev });
        await sql`update dossier_events set hash_version = 1, mac = null, prev_hash = ${prev}, hash = ${hash} where id = ${r.id}`.execute(t.db);
        prev = hash;
      }
      await sql`update dossiers set chain_mac = null where id = ${id}`.execute(t.db);
    });
    expect(await verify(code)).toMatchObject({ valid: false, anchored: false, problems: [{ seq: 2, problem: 'unanchored' }] });
    const first = await t.services.dossiers.anchorUnanchored(systemContext('test'));
    expect(first.anchored).toBeGreaterThanOrEqual(1);
    expect(first.refused.map((r) => r.code)).not.toContain(code);
    expect(await verify(code)).toMatchObject({ valid: true, anchored: true, problems: [] });
    expect((await t.services.dossiers.anchorUnanchored(systemContext('test'))).anchored).toBe(0);
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity_id', '=', code).where('action', '=', 'dossier.chain_anchored').execute();
    expect(audit).toHaveLength(1);
    // A later action signs version 2 events on top of the version-1 ones.
    const moved = await t.request('POST', `/api/v1/dossiers/${code}/actions`, { session: await t.login('chuyenvien.tanphong'), body: { version: 2, action: 'take' } });
    expect(moved.statusCode).toBe(200);
    expect(await verify(code)).toMatchObject({ valid: true, events: 3 });
  });
});
