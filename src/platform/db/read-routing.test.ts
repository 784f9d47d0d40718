import { describe, expect, it } from 'vitest';
import { chooseReadTarget, formatLsn, lagMs, parseLsn, type ReplicaView } from './read-routing.js';

describe('WAL positions', () => {
  it('reads PostgreSQL\'s text form and orders across the halves', () => {
    expect(parseLsn('0/16B3748')).toBe(0x16b3748n);
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) + 0xb374d848n);
    // The high half counts more than any low half: text order would get this wrong.
    expect(parseLsn('1/0')! > parseLsn('0/FFFFFFFF')!).toBe(true);
    expect(parseLsn('A/1')! > parseLsn('9/FFFFFFFF')!).toBe(true);
  });
  it('refuses anything else (a cookie is written by the client)', () => {
    for (const bad of ['', '0', '0/', '/1', 'G/1', '1/2/3', '123456789/0', ' 0/1; x', null, undefined]) expect(parseLsn(bad)).toBeNull();
  });
  it('writes back what it read', () => {
    for (const text of ['0/0', '0/16B3748', '16/B374D848', 'FFFFFFFF/FFFFFFFF']) expect(formatLsn(parseLsn(text)!)).toBe(text);
  });
});

describe('a replica\'s lag', () => {
  const samples = [{ at: 1_000, lsn: 100n }, { at: 2_000, lsn: 200n }, { at: 3_000, lsn: 300n }];
  it('is the age of the newest primary position it has replayed', () => {
    expect(lagMs(samples, 300n, 3_500)).toBe(500);
    expect(lagMs(samples, 250n, 3_500)).toBe(1_500);
    expect(lagMs(samples, 200n, 3_500)).toBe(1_500);
    expect(lagMs(samples, 100n, 3_500)).toBe(2_500);
  });
  it('is unbounded when it is behind every position kept', () => {
    expect(lagMs(samples, 99n, 3_500)).toBe(Number.POSITIVE_INFINITY);
    expect(lagMs([], 500n, 3_500)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('which server answers a read', () => {
  const fresh = (replayed: bigint, lag = 100): ReplicaView => ({ usable: true, replayed, lagMs: lag });
  const anyone = { maxLagMs: 10_000, atLeast: null };

  it('takes the replicas in turn', () => {
    const replicas = [fresh(500n), fresh(500n), fresh(500n)];
    expect([0, 1, 2, 3, 4].map((turn) => chooseReadTarget(replicas, anyone, turn))).toEqual([0, 1, 2, 0, 1]);
  });
  it('skips a replica that does not answer or is not a standby, and one that lags too far', () => {
    const replicas = [{ usable: false, replayed: 500n, lagMs: 0 }, fresh(500n, 10_001), { usable: true, replayed: null, lagMs: 0 }, fresh(500n, 10_000)];
    expect([0, 1, 2].map((turn) => chooseReadTarget(replicas, anyone, turn))).toEqual([3, 3, 3]);
  });
  it('falls back to the primary when no replica qualifies, or there is none', () => {
    expect(chooseReadTarget([{ usable: false, replayed: 500n, lagMs: 0 }, fresh(500n, Number.POSITIVE_INFINITY)], anyone, 0)).toBe('primary');
    expect(chooseReadTarget([], anyone, 7)).toBe('primary');
  });
  it('after the client\'s own write, reads only where that write has been replayed', () => {
    const replicas = [fresh(400n), fresh(600n)];
    expect(chooseReadTarget(replicas, { maxLagMs: 10_000, atLeast: 500n }, 0)).toBe(1);
    expect(chooseReadTarget(replicas, { maxLagMs: 10_000, atLeast: 500n }, 1)).toBe(1);
    expect(chooseReadTarget(replicas, { maxLagMs: 10_000, atLeast: 600n }, 0)).toBe(1);
    expect(chooseReadTarget(replicas, { maxLagMs: 10_000, atLeast: 601n }, 0)).toBe('primary');
  });
});
