import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeProcedure, inMemoryCatalog, provinceInterAgencyProcedure } from '../../../../test/support/procedure-factory.js';
import { createTestApp, type Session, type TestApp } from '../../../../test/support/test-app.js';
import { systemContext } from '../../../platform/http/context.js';
import { openApplicant } from '../personal-data.js';
import * as repo from '../dossiers.repository.js';
import { createDossierService } from '../dossiers.service.js';
import { reduce } from '../rules/reducer.js';
import { demoAccountStaff } from './generator/demo-data.js';
import { generateDossiers, type GeneratedLine } from './generator/index.js';
import { importerFor } from './index.js';
import { splitCode } from './replay.js';

// Live actions run on a controllable clock, set to each imported event's instant in turn; the
// imports themselves run on the day the generated history ends.
const IMPORTED_AT = new Date('2026-03-18T12:00:00+07:00');
let now = new Date('2026-03-02T09:00:00+07:00');
let t: TestApp;
const sessions = new Map<string, Session>();
const accounts = demoAccountStaff();
const catalog = inMemoryCatalog([communeProcedure(), provinceInterAgencyProcedure()]);

beforeAll(async () => {
  t = await createTestApp({
    now: () => now,
    override: (services) => ({
      catalog: { ...services.catalog, port: { ...services.catalog.port, findInForce: catalog.findInForce } },
      dossiers: createDossierService({ db: services.db, org: services.org, catalog, deadlines: services.calendar.deadlines, keys: services.dataKeys, now: () => now }),
    }),
  });
  for (const u of ['admin', 'motcua.tanphong', ...accounts.map((a) => a.username)]) if (!sessions.has(u)) sessions.set(u, await t.login(u));
});
afterAll(async () => { await t?.close(); });

const ndjson = (lines: unknown[]) => lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n');
function upload(content: string, session?: Session) {
  const boundary = `----motcua${Date.now()}`;
  const body = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ho-so.ndjson"\r\nContent-Type: application/x-ndjson\r\n\r\n${content}\r\n--${boundary}--\r\n`);
  return t.request('POST', '/api/v1/admin/import/dossiers', { session, body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

async function unitsForGenerator() {
  const units = await t.services.org.allUnits();
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  return units.filter((u) => u.code).map((u) => ({ code: u.code!, name: u.name, kind: u.kind, parentCode: u.parentId ? codeOf.get(u.parentId) ?? undefined : undefined, function: u.function ?? undefined }));
}

/** Picks lines so that every kind of event the generator writes appears at least once. */
function covering(lines: GeneratedLine[], max: number): GeneratedLine[] {
  const chosen: GeneratedLine[] = [];
  const seen = new Set<string>();
  for (const l of lines) {
    const kinds = l.events.map((e) => e.type);
    if (kinds.some((k) => !seen.has(k)) && chosen.length < max) {
      chosen.push(l);
      kinds.forEach((k) => seen.add(k));
    }
  }
  return chosen;
}

const staffIds = new Map<string, number>();
async function staffId(badge: string): Promise<number> {
  if (!staffIds.has(badge)) {
    const row = await t.db.selectFrom('org_staff').select('id').where('badge_number', '=', badge).executeTakeFirstOrThrow();
    staffIds.set(badge, row.id);
  }
  return staffIds.get(badge)!;
}

/** Does a line's events as the people named in it, through the HTTP API; returns the live code. */
async function replayLive(line: GeneratedLine): Promise<string> {
  const who = (badge?: string) => sessions.get(accounts.find((a) => a.badge === badge)!.username)!;
  let code = '';
  for (const e of line.events) {
    now = new Date(e.at);
    const session = who(e.actor?.badge);
    const body = { procedureCode: line.procedureCode, channel: line.channel, applicant: line.applicant, documents: line.documents, resultDelivery: line.resultDelivery, idempotencyKey: `live-${line.code}` };
    let res;
    if (!code && (e.type === 'received' || e.type === 'refused' || e.type === 'reception_supplement_requested')) {
      const intake = e.type === 'received' ? { intake: 'receive' } : e.type === 'refused' ? { intake: 'refuse', reasons: e.reasons } : { intake: 'supplement', supplementItems: e.items };
      res = await t.request('POST', '/api/v1/dossiers', { session, body: { ...body, ...intake } });
      code = res.json().code;
    } else {
      const { type, at: _at, actor: _a, ...rest } = e as Record<string, unknown> & { type: string };
      const version = (await t.request('GET', `/api/v1/dossiers/${code}`, { session: sessions.get('admin') })).json().version;
      const toStaff = rest.toStaff as { badge?: string } | null | undefined;
      const input: Record<string, unknown> = {
        received: { action: 'receive' }, transferred: { action: 'transfer', toStep: rest.toStep, ...(toStaff?.badge ? { toStaffId: await staffId(toStaff.badge) } : {}) },
        taken: { action: 'take' }, supplement_requested: { action: 'request_supplement', items: rest.items }, supplement_received: { action: 'supplement_received' },
        extended: { action: 'extend', newDueAt: rest.newDueAt, reason: rest.reason, signer: rest.signer }, stopped: { action: 'stop', reason: rest.reason },
        withdrawn: { action: 'withdraw', reason: rest.reason }, result_recorded: { action: 'record_result', summary: rest.summary, resultNumber: rest.resultNumber },
        result_returned: { action: 'return_result', receiverName: rest.receiverName, method: rest.method, ...(rest.note ? { note: rest.note } : {}) },
      }[type] as Record<string, unknown>;
      expect(input, `no live action for ${type}`).toBeDefined();
      res = await t.request('POST', `/api/v1/dossiers/${code}/actions`, { session, body: { ...input, version } });
    }
    expect(res.statusCode, `${line.code} ${e.type}: ${res.body}`).toBeLessThan(300);
  }
  return code;
}

const PROJECTION = ['status', 'received_at', 'due_at', 'completed_at', 'returned_at', 'current_step', 'current_unit_id', 'current_staff_id', 'step_due_at', 'paused_at', 'involved_unit_ids', 'extended', 'version',
  'procedure_code', 'procedure_version_id', 'procedure_name', 'field_code', 'case_code', 'channel', 'receiving_unit_id', 'competent_unit_id', 'applicant', 'applicant_name', 'applicant_id_index', 'representative_id_index', 'documents', 'fees', 'result_delivery', 'processing_time'] as const;

async function stored(code: string) {
  const row = (await repo.findByCode(t.db, code))!;
  const events = await repo.loadEvents(t.db, row.id);
  // ID numbers are sealed with a fresh IV each time: compared opened (their blind indexes are compared as stored).
  const opened = { ...row, applicant: openApplicant(t.services.dataKeys, row.applicant) };
  return { row: Object.fromEntries(PROJECTION.map((k) => [k, opened[k]])), events: events.map(({ prevHash: _p, hash: _h, ...e }) => e), state: reduce(events) };
}

describe('historical import', () => {
  let lines: GeneratedLine[] = [];

  it('imports generated dossiers exactly as live actions record the same events', async () => {
    const all = [...generateDossiers({
      procedures: [communeProcedure(), provinceInterAgencyProcedure()], units: await unitsForGenerator(), staff: accounts, accounts,
      calc: await t.services.calendar.deadlines.calculator(), from: new Date('2026-03-02T00:00:00+07:00'), to: new Date('2026-03-13T17:00:00+07:00'),
      now: IMPORTED_AT, count: 400, seed: 5, withPlan: false, desks: ['H30.501.01', 'H30.002'], channels: ['desk'],
    })];
    lines = covering(all, 14);
    expect(new Set(lines.flatMap((l) => l.events.map((e) => e.type)))).toEqual(new Set(['received', 'refused', 'reception_supplement_requested', 'transferred', 'taken', 'supplement_requested', 'supplement_received', 'extended', 'stopped', 'withdrawn', 'result_recorded', 'result_returned']));

    now = IMPORTED_AT;
    const res = await upload(ndjson(lines), sessions.get('admin'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ lines: lines.length, imported: lines.length, skipped: 0, failed: 0, errors: [] });

    for (const line of lines) {
      const live = await replayLive(line);
      // The daily counter continued after the imported numbers: no live code reuses one.
      const day = lines.filter((l) => l.code.startsWith(live.slice(0, live.lastIndexOf('-'))));
      expect(splitCode(live).sequence).toBeGreaterThan(Math.max(...day.map((l) => splitCode(l.code).sequence)));
      const [a, b] = [await stored(line.code), await stored(live)];
      expect(a.events).toEqual(b.events);
      expect(a.state).toEqual(b.state);
      expect(a.row).toEqual(b.row);
      const view = async (c: string) => (await t.request('GET', `/api/v1/dossiers/${c}`, { session: sessions.get('admin') })).json();
      const [va, vb] = [await view(line.code), await view(live)];
      expect({ ...va, code: null, lookupSecret: null, events: null }).toEqual({ ...vb, code: null, lookupSecret: null, events: null });
    }
  });

  it('writes hash chains that verify, and importing again changes nothing', async () => {
    const all = await t.services.dossiers.verifyAll();
    expect(all.broken).toEqual([]);
    const count = async () => Number((await t.db.selectFrom('dossier_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const progress: number[] = [];
    async function* again() { for (const l of lines) yield JSON.stringify(l); }
    now = IMPORTED_AT;
    const r = await importerFor(t.services).importLines(systemContext('test'), again(), { chunkSize: 3, progressEvery: 3, onProgress: (p) => progress.push(p.lines) });
    expect(r).toMatchObject({ imported: 0, skipped: lines.length, failed: 0 });
    expect(await count()).toBe(before);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toBe(lines.length);
  });

  it('reports bad lines by number, imports the good ones, and rejects a line that breaks a rule', async () => {
    const base = lines.find((l) => l.events.some((e) => e.type === 'supplement_received') && l.receivingUnitCode === 'H30.501.01')!;
    const recode = (n: number) => base.code.replace(/-\d{4,}$/, `-${String(900 + n).padStart(4, '0')}`);
    const good = (n: number) => ({ ...base, code: recode(n) });
    const i = base.events.findIndex((e) => e.type === 'supplement_received');
    const twice = { ...base, code: recode(4), events: [...base.events.slice(0, i + 1), { ...base.events[i - 1]!, at: base.events[i]!.at }] };
    now = IMPORTED_AT;
    const res = await upload(ndjson([good(1), '{"code": ', { ...good(3), channel: 'fax' }, twice, '', good(5), good(1)]), sessions.get('admin'));
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ lines: 6, imported: 2, failed: 4 });
    expect(r.errors.map((e: { line: number; error: string }) => [e.line, e.error])).toEqual([[2, 'INVALID_JSON'], [3, 'VALIDATION_FAILED'], [4, 'INVALID_TRANSITION'], [7, 'DUPLICATE_CODE']]);
    expect(r.errors[1].message).toContain('channel');
    expect(r.errors[2].message).toContain('một lần');
    expect(await repo.findByCode(t.db, recode(4))).toBeUndefined();
    expect(await repo.findByCode(t.db, recode(5))).toBeDefined();
  });

  it('is for administrators only', async () => {
    expect((await upload(ndjson(lines), sessions.get('motcua.tanphong'))).statusCode).toBe(403);
    expect((await upload(ndjson(lines))).statusCode).toBe(401);
  });
});
