import { createRng, type Rng } from '../../src/modules/dossiers/import/generator/random.js';
import type { TestApp, Session } from './test-app.js';

/**
 * A small dossier history for tests of what the dossiers of a procedure show (issue 21): generated
 * lines in the historical import's format (docs/IMPORT-DOSSIERS.md), with every fact the compliance
 * cost reads varied — channels, supplement requests at reception and in processing (some twice),
 * lateness, apology letters, results handed over at the desk or not, dossiers refused or never
 * received — and `countFacts`, which counts those facts from the generated events themselves, never
 * from the database, so a test compares two independent counts.
 */

const H = 3_600_000;
const D = 24 * H;

export type HistoryEvent = { type: string; at: string; actor?: { badge: string }; [k: string]: unknown };
export type HistoryLine = {
  code: string; receivingUnitCode: string; procedureCode: string; channel: 'desk' | 'post' | 'online'; resultDelivery: 'desk' | 'post' | 'online';
  applicant: { kind: 'citizen'; fullName: string; idNumber: string }; events: HistoryEvent[];
};
export type Desk = { code: string; badge: string };
export type HistoryProcedure = { code: string; channels: readonly ('desk' | 'post' | 'online')[]; weight?: number };
/** How often each thing happens (0–1); defaults give a varied history. */
export type Shares = { guidance: number; refused: number; abandoned: number; supplement: number; extension: number; open: number; withdrawn: number; returned: number };

const DEFAULT_SHARES: Shares = { guidance: 0.2, refused: 0.05, abandoned: 0.05, supplement: 0.3, extension: 0.15, open: 0.12, withdrawn: 0.06, returned: 0.8 };

/** An ISO instant written in Vietnamese time, as an old system exports it. */
export const vnIso = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000 + 7 * H).toISOString().replace('.000Z', '+07:00');
export const vnDayOf = (ms: number) => new Date(ms + 7 * H).toISOString().slice(0, 10);

export function createHistory(opts: { seed: number; now: Date }) {
  const rng: Rng = createRng(opts.seed);
  const counters = new Map<string, number>();
  const limit = opts.now.getTime() - H;
  let people = 0;

  const codeFor = (desk: string, firstMs: number) => {
    const day = vnDayOf(firstMs);
    const key = `${desk}|${day}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return `${desk}-${day.slice(2).replace(/-/g, '')}-${String(n).padStart(4, '0')}`;
  };

  /**
   * One dossier received at `receivedMs` (or refused / left unreceived at that instant). Events that would
   * fall after the pinned clock are cut, the dossier then staying where it was.
   */
  function dossier(input: { receivedMs: number; procedure: HistoryProcedure; desk: Desk; channel?: HistoryLine['channel']; received?: boolean; shares?: Partial<Shares> }): HistoryLine {
    const s = { ...DEFAULT_SHARES, ...input.shares };
    const { receivedMs, desk } = input;
    const channel = input.channel ?? rng.pick(input.procedure.channels);
    const actor = { badge: desk.badge };
    const events: HistoryEvent[] = [];
    const add = (type: string, ms: number, extra: Record<string, unknown> = {}) => {
      if (ms > limit) return false;
      events.push({ type, at: vnIso(ms), actor, ...extra });
      return true;
    };
    const item = { name: 'Tờ khai theo mẫu', reason: 'Thiếu chữ ký của người yêu cầu' };
    const fullName = `Lò Văn Thử ${++people}`;

    if (channel !== 'desk') events.push({ type: 'submitted', at: vnIso(receivedMs - (50 + rng.int(0, 20)) * H), channel });
    const guidance = rng.chance(s.guidance) ? (rng.chance(0.3) ? 2 : 1) : 0;
    for (let i = 0; i < guidance; i++) add('reception_supplement_requested', receivedMs - (guidance - i) * 20 * H, { items: [item] });
    const fate = input.received ? 1 : rng.next();
    if (fate < s.refused) add('refused', receivedMs, { reasons: ['Không thuộc thẩm quyền giải quyết'] });
    else if (fate < s.refused + s.abandoned && (guidance > 0 || channel !== 'desk')) {
      // Guided (or submitted online) and never came back: never received.
      if (events.length === 0) add('reception_supplement_requested', receivedMs, { items: [item] });
    } else {
      let due = receivedMs + 20 * D;
      let cursor = receivedMs;
      const step = (type: string, ms: number, extra?: Record<string, unknown>) => {
        const at = Math.max(ms, cursor + H);
        if (!add(type, at, extra)) return false;
        cursor = at;
        return true;
      };
      (() => {
        if (!add('received', receivedMs, { dueAt: vnIso(due) })) return;
        if (rng.chance(0.5) && !step('transferred', cursor + H)) return;
        let waiting = false;
        if (rng.chance(s.supplement)) {
          if (!step('supplement_requested', cursor + D, { items: [item] })) return;
          if (rng.chance(0.85)) {
            due += 2 * D;
            if (!step('supplement_received', cursor + 2 * D, { newDueAt: vnIso(due) })) return;
          } else waiting = true;
        }
        if (!waiting && rng.chance(s.extension)) {
          due += 5 * D;
          if (!step('extended', cursor + H, { newDueAt: vnIso(due), reason: 'Cần xác minh thêm thông tin', signer: 'Chủ tịch Ủy ban nhân dân phường' })) return;
        }
        const outcome = rng.next();
        if (outcome < s.open) return;
        if (waiting || outcome < s.open + s.withdrawn) {
          if (!(waiting && rng.chance(0.5))) step('withdrawn', cursor + D, { reason: 'Người yêu cầu rút hồ sơ' });
          return;
        }
        if (!step('result_recorded', receivedMs + rng.between(1, 27) * D, { summary: 'Đã giải quyết' })) return;
        if (rng.chance(s.returned)) step('result_returned', cursor + rng.between(0.1, 2) * D, { receiverName: fullName, method: rng.pick(['desk', 'post', 'online'] as const) });
      })();
    }
    const first = events[0] ? Date.parse(events[0].at) : receivedMs;
    return {
      code: codeFor(desk.code, first), receivingUnitCode: desk.code, procedureCode: input.procedure.code, channel,
      resultDelivery: channel === 'online' ? 'online' : 'desk',
      applicant: { kind: 'citizen', fullName, idNumber: `0122${String(10_000_000 + people).slice(-8)}` }, events,
    };
  }

  return { rng, dossier };
}

export type CountedFacts = {
  procedureCode: string; dossiers: number; online: number; post: number; desk: number;
  supplementDossiers: number; supplementTrips: number; supplementOnline: number;
  completed: number; late: number; resultsReturned: number; resultsAtDesk: number;
};

/**
 * The facts of the lines received by the given desks in [from, to] (Vietnamese days), per procedure and
 * ordered by code, read from the lines' events the way a person would count them on paper.
 */
export function countFacts(lines: readonly HistoryLine[], scope: { desks: readonly string[]; from: string; to: string; keep?: (l: HistoryLine) => boolean }): CountedFacts[] {
  const start = Date.parse(`${scope.from}T00:00:00+07:00`);
  const end = Date.parse(`${scope.to}T00:00:00+07:00`) + D;
  const out = new Map<string, CountedFacts>();
  for (const l of lines) {
    const received = l.events.find((e) => e.type === 'received');
    if (!received || !scope.desks.includes(l.receivingUnitCode) || (scope.keep && !scope.keep(l))) continue;
    const at = Date.parse(received.at);
    if (at < start || at >= end) continue;
    const f = out.get(l.procedureCode) ?? { procedureCode: l.procedureCode, dossiers: 0, online: 0, post: 0, desk: 0, supplementDossiers: 0, supplementTrips: 0, supplementOnline: 0, completed: 0, late: 0, resultsReturned: 0, resultsAtDesk: 0 };
    out.set(l.procedureCode, f);
    f.dossiers++;
    f[l.channel]++;
    const asks = l.events.filter((e) => e.type === 'supplement_requested' || e.type === 'reception_supplement_requested').length;
    if (asks > 0) f.supplementDossiers++;
    if (l.channel === 'online') f.supplementOnline += asks; else f.supplementTrips += asks;
    let due = Date.parse(received.dueAt as string);
    let extended = false;
    let completedAt: number | null = null;
    for (const e of l.events) {
      if (e.type === 'supplement_received') due = Date.parse(e.newDueAt as string);
      if (e.type === 'extended') { due = Date.parse(e.newDueAt as string); extended = true; }
      if (e.type === 'result_recorded' || e.type === 'withdrawn') completedAt = Date.parse(e.at);
    }
    if (completedAt !== null) {
      f.completed++;
      if (completedAt > due || extended) f.late++;
    }
    const returned = l.events.find((e) => e.type === 'result_returned');
    if (returned) {
      f.resultsReturned++;
      if (returned.method === 'desk') f.resultsAtDesk++;
    }
  }
  return [...out.values()].sort((a, b) => (a.procedureCode < b.procedureCode ? -1 : 1));
}

/** Imports lines through the real route (POST /api/v1/admin/import/dossiers) as the administrator; every line must go in. */
export async function importHistory(t: TestApp, admin: Session, lines: readonly HistoryLine[]) {
  const boundary = `----motcua${Date.now()}`;
  const content = lines.map((l) => JSON.stringify(l)).join('\n');
  const body = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ho-so.ndjson"\r\nContent-Type: application/x-ndjson\r\n\r\n${content}\r\n--${boundary}--\r\n`);
  const res = await t.request('POST', '/api/v1/admin/import/dossiers', { session: admin, body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
  if (res.statusCode !== 200) throw new Error(`import failed: ${res.statusCode} ${res.body}`);
  const r = res.json() as { imported: number; failed: number; errors: unknown[] };
  if (r.failed > 0 || r.imported !== lines.length) throw new Error(`import: ${JSON.stringify(r.errors.slice(0, 5))}`);
  return r;
}
