import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Fraction, add, compare, div, fraction, fromNumber, mul, ratio, round, roundScaled, sub, sum, toNumber } from './fraction.js';

describe('exact fractions', () => {
  it('reads a number as the decimal it is written as, not the binary double', () => {
    expect(fromNumber(0.1)).toEqual({ n: 1n, d: 10n });
    expect(fromNumber(1.25)).toEqual({ n: 5n, d: 4n });
    expect(fromNumber(-2.5)).toEqual({ n: -5n, d: 2n });
    expect(fromNumber(5_400_000)).toEqual({ n: 5_400_000n, d: 1n });
    expect(fromNumber(1e-7)).toEqual({ n: 1n, d: 10_000_000n });
    expect(fromNumber(1.5e21)).toEqual({ n: 1_500_000_000_000_000_000_000n, d: 1n });
    expect(() => fromNumber(Number.NaN)).toThrow(RangeError);
    expect(() => fromNumber(Infinity)).toThrow(RangeError);
  });

  it('adds 0.1 and 0.2 to exactly 0.3, unlike binary floating point', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(compare(add(fromNumber(0.1), fromNumber(0.2)), fromNumber(0.3))).toBe(0);
  });

  it('keeps fractions reduced with a positive denominator', () => {
    expect(fraction(6n, -4n)).toEqual({ n: -3n, d: 2n });
    expect(fraction(0n, 7n)).toEqual({ n: 0n, d: 1n });
    expect(ratio(37, 412)).toEqual({ n: 37n, d: 412n });
    expect(ratio(300, 400)).toEqual({ n: 3n, d: 4n });
    expect(() => fraction(1n, 0n)).toThrow(RangeError);
    expect(() => div(fromNumber(1), fromNumber(0))).toThrow(RangeError);
  });

  it('rounds half-up (away from zero) at the places asked', () => {
    expect(round(fraction(5n, 2n))).toBe(3);
    expect(round(fraction(-5n, 2n))).toBe(-3);
    expect(round(fraction(49n, 20n))).toBe(2); // 2.45
    expect(round(fromNumber(1.005), 2)).toBe(1.01); // the double 1.005 is 1.00499…; read as a decimal it is 1.005
    expect(Math.round(1.005 * 100) / 100).toBe(1); // what floating point would have shown
    expect(round(fromNumber(-1.005), 2)).toBe(-1.01);
    expect(roundScaled(fraction(5_400_000n, 176n), 2)).toBe(3_068_182n); // 30,681.8181… đ/h
    expect(round(fraction(5_400_000n, 176n), 2)).toBe(30_681.82);
  });

  it('obeys the field laws on random decimals', () => {
    const cents = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });
    fc.assert(fc.property(cents, cents, cents, (x, y, z) => {
      const [a, b, c] = [x, y, z].map((k) => fromNumber(k / 100)) as [Fraction, Fraction, Fraction];
      expect(compare(sub(add(a, b), b), a)).toBe(0);
      expect(compare(mul(a, add(b, c)), add(mul(a, b), mul(a, c)))).toBe(0);
      expect(compare(sum([a, b, c]), add(add(c, b), a))).toBe(0);
      expect(round(a, 2)).toBe(x / 100);
      expect(toNumber(add(a, b))).toBe((x + y) / 100);
    }));
  });
});
