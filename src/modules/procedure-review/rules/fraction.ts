/**
 * Exact fractions over bigint, so that a cost sheet is summed without binary floating-point error and
 * rounded once, when shown (RULES.md "Rounding"). Always kept reduced with a positive denominator.
 * Keep this file free of Node-only imports (the web app may read the rules).
 */
export type Fraction = { readonly n: bigint; readonly d: bigint };

const abs = (x: bigint) => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function fraction(n: bigint, d: bigint = 1n): Fraction {
  if (d === 0n) throw new RangeError('fraction: denominator 0');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

export const ZERO: Fraction = { n: 0n, d: 1n };
export const ONE: Fraction = { n: 1n, d: 1n };

/**
 * A JavaScript number as the exact decimal it is written as: its shortest round-trip decimal string
 * (`String(0.1)` is "0.1", so 0.1 is 1/10, not the binary double 0.1000000000000000055…). Inputs are
 * decimals with a few places (hours, frequencies, đồng), so this is what the user typed.
 */
export function fromNumber(x: number): Fraction {
  if (!Number.isFinite(x)) throw new RangeError(`fraction: not a finite number: ${x}`);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(x));
  if (!m) throw new RangeError(`fraction: cannot read ${x}`);
  const [, sign, whole, decimals = '', exp = '0'] = m;
  const e = Number(exp) - decimals.length;
  let n = BigInt(whole + decimals);
  let d = 1n;
  if (e >= 0) n *= 10n ** BigInt(e);
  else d = 10n ** BigInt(-e);
  return fraction(sign ? -n : n, d);
}

/** A ratio of two counts (e.g. 37 supplement trips over 412 dossiers) as an exact fraction. */
export const ratio = (numerator: number, denominator: number): Fraction => div(fromNumber(numerator), fromNumber(denominator));

export const add = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.n, a.d * b.d);
export const div = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.d, a.d * b.n);
export const sum = (xs: readonly Fraction[]): Fraction => xs.reduce(add, ZERO);
export const isZero = (a: Fraction): boolean => a.n === 0n;
/** −1, 0 or 1 as a is less than, equal to or greater than b. */
export const compare = (a: Fraction, b: Fraction): -1 | 0 | 1 => {
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
};

/**
 * Rounded half-up to `places` decimals, as a scaled integer: 2.345 at 2 places → 235n. Half-up here
 * means a half rounds away from zero (−2.345 → −235n), the way a negative saving is rounded like
 * the positive one it mirrors.
 */
export function roundScaled(a: Fraction, places = 0): bigint {
  const scale = 10n ** BigInt(places);
  const n = abs(a.n) * scale;
  const q = (2n * n + a.d) / (2n * a.d);
  return a.n < 0n ? -q : q;
}

/** Rounded half-up (away from zero) to `places` decimals, as a number. */
export function round(a: Fraction, places = 0): number {
  const q = roundScaled(a, places);
  // Both integers are exact below 2^53, so the division is the nearest double to the decimal.
  return places === 0 ? Number(q) : Number(q) / 10 ** places;
}

/** The nearest number (for values that are exact decimals anyway, such as a difference of inputs). */
export const toNumber = (a: Fraction): number => Number(a.n) / Number(a.d);
