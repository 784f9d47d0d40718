import { describe, expect, it } from 'vitest';
import { copyOnRecall, deliveryOnRecall, exchangeActions, mayRecall, mayReturn, needsRecallNotice, planDeliveries } from './exchange-rules.js';
import type { DocumentStatus } from './registry.tables.js';

// A province (1) with its People's Committee (2), the Department of Home Affairs (3, an agency) and its
// section (4), the Department of Justice (5, an agency), a commune with no records-office settings (6) and
// a unit merged away on 30/6/2025 (7).
const UNITS = [
  { id: 1, parentId: null, name: 'Tỉnh Lai Châu' },
  { id: 2, parentId: 1, name: 'UBND tỉnh' },
  { id: 3, parentId: 2, name: 'Sở Nội vụ' },
  { id: 4, parentId: 3, name: 'Phòng Tổ chức, biên chế' },
  { id: 5, parentId: 2, name: 'Sở Tư pháp' },
  { id: 6, parentId: 1, name: 'Xã Tân Phong' },
  { id: 7, parentId: 2, name: 'Sở Kế hoạch và Đầu tư', effectiveTo: '2025-06-30' },
];
const AGENCIES = new Set([3, 5]);
const TODAY = '2026-03-02';

describe('planDeliveries: where each addressee\'s copy goes', () => {
  it('sends a unit to its own records office, a section to its agency\'s, and a name to the outside transport', () => {
    expect(planDeliveries([{ unitId: 5 }, { unitId: 4 }, { name: 'Bộ Nội vụ' }], UNITS, AGENCIES, TODAY)).toEqual([
      { kind: 'internal', toUnitId: 5, toName: 'Sở Tư pháp', agencyId: 5 },
      { kind: 'internal', toUnitId: 4, toName: 'Phòng Tổ chức, biên chế', agencyId: 3 },
      { kind: 'outside', toName: 'Bộ Nội vụ' },
    ]);
  });

  it('fails, with the reason the sender reads, a unit with no records office, one that ended, one that is gone', () => {
    const plan = planDeliveries([{ unitId: 6 }, { unitId: 7 }, { unitId: 99, name: 'Sở cũ' }], UNITS, AGENCIES, TODAY);
    expect(plan.map((p) => p.kind)).toEqual(['failed', 'failed', 'failed']);
    expect(plan[0]).toMatchObject({ toUnitId: 6, toName: 'Xã Tân Phong', reason: expect.stringContaining('chưa có văn thư cơ quan') });
    expect(plan[1]).toMatchObject({ toUnitId: 7, reason: 'Đơn vị nhận đã thôi hoạt động từ ngày 30/06/2025.' });
    expect(plan[2]).toMatchObject({ toUnitId: null, toName: 'Sở cũ' });
  });

  it('delivers once to an addressee listed twice (the same unit, or the same name with other accents or case)', () => {
    const plan = planDeliveries([{ unitId: 5 }, { unitId: 5, name: 'STP' }, { name: 'Bộ Nội vụ' }, { name: ' bo noi vu ' }, { name: '  ' }], UNITS, AGENCIES, TODAY);
    expect(plan).toEqual([{ kind: 'internal', toUnitId: 5, toName: 'Sở Tư pháp', agencyId: 5 }, { kind: 'outside', toName: 'Bộ Nội vụ' }]);
  });
});

describe('recall semantics (Decree 30 Appendix VI: freeze the outgoing, delete the incoming copy, keep the metadata)', () => {
  const out = (status: DocumentStatus) => ({ direction: 'out' as const, status, channel: null });
  const inc = (status: DocumentStatus, channel: 'exchange' | 'paper' = 'exchange') => ({ direction: 'in' as const, status, channel });

  it('recalls only a released outgoing document: once recalled it is frozen', () => {
    expect(mayRecall(out('released'))).toBe(true);
    for (const s of ['draft', 'submitted', 'approved', 'cancelled', 'recalled'] as const) expect(mayRecall(out(s)), s).toBe(false);
    expect(mayRecall(inc('registered'))).toBe(false);
  });

  it('withdraws every copy still held or handled, and leaves one already returned or recalled as it was', () => {
    for (const s of ['arrived', 'registered', 'routed', 'done'] as const) expect(copyOnRecall(s), s).toBe('withdraw');
    for (const s of ['returned', 'recalled'] as const) expect(copyOnRecall(s), s).toBe('keep');
  });

  it('marks recalled a delivery on its way or done; a failed or returned delivery keeps its outcome', () => {
    expect(['pending', 'delivered', 'received'].map((s) => deliveryOnRecall(s as never))).toEqual(['recalled', 'recalled', 'recalled']);
    expect(['returned', 'failed', 'recalled'].map((s) => deliveryOnRecall(s as never))).toEqual(['returned', 'failed', 'recalled']);
  });

  it('tells an outside receiver only when it holds the document (it gave a receipt)', () => {
    expect(needsRecallNotice({ transport: 'local', status: 'delivered', receipt_id: 'LT-1' })).toBe(true);
    expect(needsRecallNotice({ transport: 'local', status: 'pending', receipt_id: null })).toBe(false);
    expect(needsRecallNotice({ transport: 'internal', status: 'received', receipt_id: 'x' })).toBe(false);
  });

  it('returns only an exchanged copy the records office still holds, not yet routed', () => {
    expect(mayReturn(inc('arrived'), 0)).toBe(true);
    expect(mayReturn(inc('registered'), 0)).toBe(true);
    expect(mayReturn(inc('registered'), 1)).toBe(false);
    expect(mayReturn(inc('routed'), 0)).toBe(false);
    expect(mayReturn(inc('recalled'), 0)).toBe(false);
    expect(mayReturn(inc('registered', 'paper'), 0)).toBe(false);
  });

  it('offers recall to the records office or the leadership of the sender, return to the receiver\'s records office', () => {
    expect(exchangeActions(out('released'), { register: true, sign: false }, 0)).toEqual(['recall']);
    expect(exchangeActions(out('released'), { register: false, sign: true }, 0)).toEqual(['recall']);
    expect(exchangeActions(out('released'), { register: false, sign: false }, 0)).toEqual([]);
    expect(exchangeActions(out('recalled'), { register: true, sign: true }, 0)).toEqual([]);
    expect(exchangeActions(inc('arrived'), { register: true, sign: false }, 0)).toEqual(['return']);
    expect(exchangeActions(inc('arrived'), { register: false, sign: true }, 0)).toEqual([]);
  });
});
