import { describe, expect, it } from 'vitest';
import { nextStatus, overdue } from './requests.js';
import { isIdentityDocument, retentionCutoff } from './retention.js';

const at = (s: string) => new Date(`${s}+07:00`);

describe('data-subject request rules', () => {
  it('moves received → acknowledged → done/refused and nowhere from a closed request', () => {
    expect(nextStatus('received', 'acknowledge')).toBe('acknowledged');
    expect(nextStatus('acknowledged', 'acknowledge')).toBeUndefined();
    expect(nextStatus('received', 'complete')).toBe('done');
    expect(nextStatus('acknowledged', 'refuse')).toBe('refused');
    for (const a of ['acknowledge', 'complete', 'refuse'] as const) {
      expect(nextStatus('done', a)).toBeUndefined();
      expect(nextStatus('refused', a)).toBeUndefined();
    }
  });

  it('is overdue when not acknowledged or not settled in time, and stays marked late once closed late', () => {
    const r = { acknowledgeDueAt: at('2026-03-10T17:00:00'), resolveDueAt: at('2026-03-20T17:00:00'), acknowledgedAt: null, resolvedAt: null };
    expect(overdue({ ...r, status: 'received' }, at('2026-03-10T16:59:00'))).toEqual({ acknowledge: false, resolve: false });
    expect(overdue({ ...r, status: 'received' }, at('2026-03-11T08:00:00'))).toEqual({ acknowledge: true, resolve: false });
    expect(overdue({ ...r, status: 'acknowledged', acknowledgedAt: at('2026-03-09T08:00:00') }, at('2026-03-21T08:00:00'))).toEqual({ acknowledge: false, resolve: true });
    expect(overdue({ ...r, status: 'done', acknowledgedAt: at('2026-03-09T08:00:00'), resolvedAt: at('2026-03-12T08:00:00') }, at('2026-05-01T08:00:00'))).toEqual({ acknowledge: false, resolve: false });
  });
});

describe('retention rules', () => {
  it('counts calendar months back in Vietnam’s time, the 31st falling to the month’s last day', () => {
    expect(retentionCutoff(at('2026-03-02T09:00:00'), 24).toISOString()).toBe(at('2024-03-02T09:00:00').toISOString());
    expect(retentionCutoff(at('2026-03-31T09:00:00'), 1).toISOString()).toBe(at('2026-02-28T09:00:00').toISOString());
    // 00:30 on 1 March in Hà Nội is still February in UTC: the local date counts.
    expect(retentionCutoff(at('2026-03-01T00:30:00'), 12).toISOString()).toBe(at('2025-03-01T00:30:00').toISOString());
  });

  it('recognises identity documents by the administrator’s pattern, case-insensitively', () => {
    const pattern = 'giấy tờ tùy thân|căn cước|hộ chiếu';
    expect(isIdentityDocument('Bản chụp CĂN CƯỚC công dân', pattern)).toBe(true);
    expect(isIdentityDocument('Tờ khai đăng ký khai sinh', pattern)).toBe(false);
    expect(isIdentityDocument('Căn cước', null)).toBe(false);
    expect(isIdentityDocument('Căn cước', '([')).toBe(false);
  });
});
