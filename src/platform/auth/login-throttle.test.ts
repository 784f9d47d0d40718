import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from './login-throttle.js';

describe('per-username sign-in throttle', () => {
  it('allows max attempts per sliding window, per name, case-insensitively', () => {
    let clock = 0;
    const throttle = createLoginThrottle({ max: 3, windowMs: 60_000, now: () => clock });
    expect([1, 2, 3, 4].map(() => throttle.take('Admin'))).toEqual([true, true, true, false]);
    expect(throttle.take('admin')).toBe(false);
    expect(throttle.take('kiemtra')).toBe(true);
    clock = 59_999;
    expect(throttle.take('admin')).toBe(false);
    clock = 60_001; // the first three attempts have left the window
    expect(throttle.take('admin')).toBe(true);
  });

  it('stays bounded when sprayed with distinct names', () => {
    let clock = 0;
    const throttle = createLoginThrottle({ max: 3, windowMs: 60_000, now: () => clock, maxKeys: 100 });
    for (let i = 0; i < 1_000; i++) { clock = i; throttle.take(`ten-${i}`); }
    expect(throttle.size()).toBeLessThanOrEqual(100);
  });
});
