import { describe, expect, it } from 'vitest';
import { formatDossierCode, makeLookupSecret, DOSSIER_CODE_PATTERN } from './dossier-code.js';
import type { DossierEvent, EventPayload, RouteStep } from './events.js';
import { chainSigner, eventHash, GENESIS, verifyChain, verifyHead, type ChainedEvent } from './hash-chain.js';
import { reduce } from './reducer.js';
import { STATUS, timeliness } from './statuses.js';
import { allowedActions, refusal } from './transitions.js';

const route: RouteStep[] = [
  { order: 1, name: 'Tiếp nhận', unitId: 10, unitName: 'TTPVHCC', role: 'desk_officer', budgetHours: 4, interAgency: false, external: false },
  { order: 2, name: 'Thẩm định', unitId: 20, unitName: 'Phòng VH-XH', role: 'specialist', budgetHours: 16, interAgency: false, external: false },
  { order: 3, name: 'Phê duyệt', unitId: 30, unitName: 'Lãnh đạo UBND', role: 'unit_head', budgetHours: 4, interAgency: false, external: false },
];
const desk = { staffId: 1, name: 'Cán bộ một cửa' };
let seq = 0;
const ev = (p: EventPayload, at = '2026-03-02T02:00:00.000Z'): DossierEvent => ({ ...p, seq: ++seq, at, actor: desk, unitId: 10 });
const received = () => ev({ type: 'received', receivedAt: '2026-03-02T02:00:00.000Z', dueAt: '2026-03-05T02:00:00.000Z', route, deskStaff: desk, stepDueAt: '2026-03-02T06:00:00.000Z' });
const transfer = (toStep: number, at?: string) => ev({ type: 'transferred', toStep, toUnitId: toStep * 10, toUnitName: route[toStep - 1]!.unitName, toStaff: null, stepDueAt: '2026-03-04T02:00:00.000Z' }, at);

describe('dossier reducer and transitions', () => {
  it('walks a dossier from receipt through the steps to the returned result', () => {
    const events = [received(), transfer(2), transfer(3), ev({ type: 'result_recorded', summary: 'Cấp giấy khai sinh', deskStaff: desk, deskUnitId: 10, deskUnitName: 'TTPVHCC' }), ev({ type: 'result_returned', receiverName: 'Nguyễn Văn A', method: 'desk' })];
    const s = reduce(events);
    expect(s.status).toBe(STATUS.RETURNED);
    expect(s.version).toBe(5);
    expect(s.handovers.map((h) => h.toUnitName)).toEqual(['TTPVHCC', 'Phòng VH-XH', 'Lãnh đạo UBND', 'TTPVHCC']);
    expect(s.handovers.every((h) => h.completedAt)).toBe(true);
  });

  it('allows a supplement request only once, and the due date moves when it arrives', () => {
    let s = reduce([received(), transfer(2), ev({ type: 'supplement_requested', items: [{ name: 'Tờ khai', reason: 'Thiếu chữ ký' }] })]);
    expect(s.status).toBe(STATUS.SUPPLEMENT_REQUESTED);
    expect(s.pausedSince).not.toBeNull();
    s = reduce([received(), transfer(2), ev({ type: 'supplement_requested', items: [] }), ev({ type: 'supplement_received', newDueAt: '2026-03-09T02:00:00.000Z', pausedWorkingHours: 16, mode: 'shift' })]);
    expect(s.status).toBe(STATUS.PROCESSING);
    expect(s.dueAt).toBe('2026-03-09T02:00:00.000Z');
    expect(s.originalDueAt).toBe('2026-03-05T02:00:00.000Z');
    expect(refusal(s, 'request_supplement')?.vi).toContain('một lần');
  });

  it('allows one extension only', () => {
    const s = reduce([received(), transfer(2), ev({ type: 'extended', newDueAt: '2026-03-10T02:00:00.000Z', reason: 'Cần xác minh', signer: 'Giám đốc' })]);
    expect(s.dueAt).toBe('2026-03-10T02:00:00.000Z');
    expect(refusal(s, 'extend')?.code).toBe('INVALID_TRANSITION');
  });

  it('refuses withdrawal after a decision and any action on a closed dossier', () => {
    const done = reduce([received(), transfer(2), ev({ type: 'result_recorded', summary: 'x', deskStaff: desk, deskUnitId: 10, deskUnitName: 'TTPVHCC' })]);
    expect(refusal(done, 'withdraw')).not.toBeNull();
    expect(allowedActions(done)).toEqual(expect.arrayContaining(['return_result']));
    const refused = reduce([ev({ type: 'submitted', channel: 'online' }), ev({ type: 'refused', reasons: ['Không thuộc thẩm quyền'] })]);
    expect(refused.status).toBe(STATUS.REFUSED);
    expect(allowedActions(refused)).toEqual([]);
  });

  it('does not transfer past the last step', () => {
    const s = reduce([received(), transfer(2), transfer(3)]);
    expect(refusal(s, 'transfer')?.vi).toContain('bước cuối');
  });

  it('returns to the status it had after a payment', () => {
    const s = reduce([received(), transfer(2), ev({ type: 'payment_requested', amount: 8000, items: [{ name: 'Lệ phí', amount: 8000 }] }), ev({ type: 'payment_confirmed', amount: 8000, method: 'cash' })]);
    expect(s.status).toBe(STATUS.PROCESSING);
    expect(s.paid).toBe(8000);
  });
});

describe('timeliness', () => {
  const due = new Date('2026-03-05T09:00:00+07:00');
  it.each([
    ['2026-03-04T16:00:00+07:00', 'early'],
    ['2026-03-05T08:00:00+07:00', 'on_time'],
    ['2026-03-05T09:00:00+07:00', 'on_time'],
    ['2026-03-05T09:01:00+07:00', 'late'],
  ])('completed %s is %s', (at, expected) => {
    expect(timeliness(new Date(at), due)).toBe(expected);
  });
});

describe('dossier code', () => {
  it('uses the Vietnamese day of receipt and at least four digits', () => {
    expect(formatDossierCode('H30.501.01', new Date('2026-02-13T17:30:00Z'), 7)).toBe('H30.501.01-260214-0007');
    expect(formatDossierCode('H30.002', new Date('2026-02-13T03:00:00Z'), 12345)).toBe('H30.002-260213-12345');
    expect(DOSSIER_CODE_PATTERN.test('H30.002-260213-12345')).toBe(true);
  });
  it('makes secrets without ambiguous characters', () => {
    const s = makeLookupSecret(() => new Uint8Array([0, 1, 2, 30, 31, 255]));
    expect(s).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
  });
});

describe('hash chain', () => {
  const CODE = 'H30.002-260302-0001';
  const signer = chainSigner('a-test-key-of-at-least-thirty-two-chars');
  function chain(n: number, hashVersion = 2, sign = signer): ChainedEvent[] {
    const out: ChainedEvent[] = [];
    let prev = GENESIS;
    for (let i = 1; i <= n; i++) {
      const e = { seq: i, type: 'transferred', at: `2026-03-0${i}T02:00:00.000Z`, actorStaffId: 1, actorName: 'Lường Thị Ánh', unitId: 10, payload: { toStep: i, note: 'Ghi chú' }, requestId: `req-${i}`, hashVersion, prevHash: prev };
      const hash = eventHash(CODE, e);
      out.push({ ...e, hash, mac: hashVersion === 1 ? null : sign.eventMac(hash) });
      prev = hash;
    }
    return out;
  }
  /** Recomputes every hash from `from` on, as someone with the database but not the key would. */
  function recomputed(events: ChainedEvent[], from: number, sign?: ReturnType<typeof chainSigner>): ChainedEvent[] {
    let prev = events[from - 2]?.hash ?? GENESIS;
    return events.map((e) => {
      if (e.seq < from) return e;
      const hash = eventHash(CODE, { ...e, prevHash: prev });
      const out = { ...e, prevHash: prev, hash, mac: sign ? sign.eventMac(hash) : e.mac };
      prev = hash;
      return out;
    });
  }
  it('verifies an untouched chain', () => {
    expect(verifyChain(CODE, chain(4), signer)).toEqual([]);
    expect(verifyHead(CODE, 4, signer.headMac(CODE, 4, chain(4)[3]!.hash), chain(4), signer)).toEqual([]);
  });
  it('reports an altered payload and a deleted event', () => {
    const altered = chain(4);
    altered[1] = { ...altered[1]!, payload: { toStep: 2, note: 'Sửa' } };
    expect(verifyChain(CODE, altered)).toContainEqual({ seq: 2, problem: 'hash_mismatch' });
    const deleted = chain(4).filter((e) => e.seq !== 3);
    const problems = verifyChain(CODE, deleted);
    expect(problems).toContainEqual({ seq: 3, problem: 'gap' });
    expect(problems).toContainEqual({ seq: 4, problem: 'broken_link' });
  });
  it('hashes key order independently', () => {
    const a = { seq: 1, type: 't', at: 'x', actorStaffId: null, actorName: 'Hệ thống', unitId: null, payload: { a: 1, b: 2 }, requestId: null, hashVersion: 2, prevHash: GENESIS };
    const b = { ...a, payload: { b: 2, a: 1 } };
    expect(eventHash('c', a)).toBe(eventHash('c', b));
  });
  it('keeps version 1 hashes as they were written before migration 0011', () => {
    const v1 = chain(1, 1)[0]!;
    // Computed by the version-1 code of main before this change: old events must keep verifying.
    expect(v1.hash).toBe('668560c802e3999da03a7f1867d0ee403e5212e93f54bd90deb6e11e4825c41d');
    expect(verifyChain(CODE, chain(3, 1), signer)).toEqual([]);
  });
  it('covers the actor’s name and the request id from version 2 on', () => {
    for (const change of [{ actorName: 'Người khác' }, { requestId: 'req-other' }]) {
      const events = chain(3);
      events[1] = { ...events[1]!, ...change };
      expect(verifyChain(CODE, events, signer)).toEqual([{ seq: 2, problem: 'hash_mismatch' }]);
    }
  });
  it('reports a chain recomputed without the key, in each event and at its head', () => {
    const original = chain(3);
    const edited = original.map((e) => (e.seq === 2 ? { ...e, actorName: 'Người khác' } : e));
    const forged = recomputed(edited, 2, chainSigner('another-key-the-forger-made-up-himself'));
    expect(verifyChain(CODE, forged)).toEqual([]); // the hashes alone are consistent again
    expect(verifyChain(CODE, forged, signer)).toEqual([{ seq: 2, problem: 'mac_mismatch' }, { seq: 3, problem: 'mac_mismatch' }]);
    const anchor = signer.headMac(CODE, 3, original[2]!.hash);
    expect(verifyHead(CODE, 3, anchor, forged, signer)).toEqual([{ seq: 3, problem: 'head_mismatch' }]);
  });
  it('checks the length and head against the version and the anchor', () => {
    const events = chain(3);
    const anchor = signer.headMac(CODE, 3, events[2]!.hash);
    expect(verifyHead(CODE, 3, anchor, events.slice(0, 2), signer)).toEqual([{ seq: 3, problem: 'length_mismatch' }, { seq: 3, problem: 'head_mismatch' }]);
    // The last event deleted and the version rolled back: the anchor still names version 3.
    expect(verifyHead(CODE, 2, anchor, events.slice(0, 2), signer)).toEqual([{ seq: 2, problem: 'head_mismatch' }]);
    expect(verifyHead(CODE, 3, null, events, signer)).toEqual([{ seq: 3, problem: 'unanchored' }]);
  });
});

describe('a payment recorded before any request (paid online with the submission)', () => {
  it('keeps the dossier where it stands and counts the fee as due and paid', () => {
    const s = reduce([ev({ type: 'payment_confirmed', amount: 50_000, method: 'online', reference: 'HS0001' })]);
    expect(s.status).toBe(STATUS.SUBMITTED);
    expect([s.paymentDue, s.paid]).toEqual([50_000, 50_000]);
    // A later request for a fee staff computed is what remains to pay.
    const later = reduce([received(), ev({ type: 'payment_confirmed', amount: 50_000, method: 'online', reference: 'HS0001' }), ev({ type: 'payment_requested', amount: 80_000, items: [{ name: 'Lệ phí trước bạ', amount: 80_000 }] })]);
    expect([later.status, later.paymentDue - later.paid]).toEqual([STATUS.AWAITING_PAYMENT, 80_000]);
  });
});
