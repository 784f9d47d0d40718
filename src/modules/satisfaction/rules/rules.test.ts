import { describe, expect, it } from 'vitest';
import { createGuessLimiter } from './guess-limiter.js';
import { CODE_ALPHABET, displayKioskCode, newKioskCode, normaliseKioskCode } from './kiosk-code.js';
import { ratedOfficial } from './official.js';
import { summarise } from './summary.js';

describe('kiosk codes', () => {
  it('are 8 symbols of an unambiguous 32-symbol alphabet (40 bits), printed as XXXX-XXXX', () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(CODE_ALPHABET).not.toMatch(/[01OI]/);
    const code = newKioskCode();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(displayKioskCode('AB3D7KQ9')).toBe('AB3D-7KQ9');
    expect(new Set(Array.from({ length: 200 }, () => newKioskCode())).size).toBe(200);
  });
  it('read what a person types: case, spaces and dashes do not matter; anything else is no code', () => {
    expect(normaliseKioskCode(' ab3d-7kq9 ')).toBe('AB3D7KQ9');
    expect(normaliseKioskCode('AB3D 7KQ9')).toBe('AB3D7KQ9');
    expect(normaliseKioskCode('AB3D-7KQ0')).toBeNull();
    expect(normaliseKioskCode('AB3D-7KQ')).toBeNull();
    expect(normaliseKioskCode("' or 1=1 --")).toBeNull();
  });
});

describe('the wrong-code limiter', () => {
  it('refuses an address after max wrong codes in the window, and lets it try again afterwards', () => {
    let clock = 0;
    const l = createGuessLimiter({ max: 3, windowMs: 60_000, now: () => clock });
    for (let i = 0; i < 3; i++) { expect(l.blocked('a')).toBe(false); l.fail('a'); clock += 1000; }
    expect(l.blocked('a')).toBe(true);
    expect(l.blocked('b')).toBe(false);
    expect(l.retryAfter('a')).toBe(57);
    clock = 60_001;
    expect(l.blocked('a')).toBe(false);
    expect(l.wrongTotal()).toBe(3);
  });
});

describe('the official rated', () => {
  const desk = { staffId: 7, name: 'Lò Văn Nhận' };
  const returner = { staffId: 9, name: 'Tao Thị Trả' };
  it('is who returned the result at the desk, else who received the dossier', () => {
    expect(ratedOfficial([{ type: 'received', actor: desk }, { type: 'transferred', actor: { staffId: 3, name: 'x' } }])).toEqual(desk);
    expect(ratedOfficial([{ type: 'received', actor: desk }, { type: 'result_returned', actor: returner }])).toEqual(returner);
    expect(ratedOfficial([{ type: 'received', actor: desk }, { type: 'result_returned', actor: { staffId: null, name: 'Hệ thống' } }])).toEqual(desk);
    expect(ratedOfficial([{ type: 'submitted', actor: { staffId: null, name: 'Công dân' } }])).toBeNull();
  });
});

describe('the summary', () => {
  it('counts the satisfied share as (very satisfied + satisfied) / total', () => {
    expect(summarise({ very_satisfied: 2, satisfied: 1, not_satisfied: 1 })).toEqual({ counts: { very_satisfied: 2, satisfied: 1, not_satisfied: 1 }, total: 4, satisfiedRate: 0.75 });
    expect(summarise({ very_satisfied: 0, satisfied: 0, not_satisfied: 0 }).satisfiedRate).toBeNull();
  });
});
