/**
 * A small seeded generator, so a file generated twice with the same seed is byte-for-byte the same.
 * A 32-bit linear congruential step (the Numerical Recipes constants) with an integer-hash output
 * mix, which hides the weak low bits of the bare LCG. Statistical quality is ample for test data.
 */
export type Rng = {
  next(): number;
  int(min: number, max: number): number;
  between(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly T[], weight: (t: T) => number): T;
};

export function createRng(seed: number): Rng {
  let state = (seed >>> 0) ^ 0x9e3779b9;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    let x = state ^ (state >>> 16);
    x = Math.imul(x, 0x045d9f3b) >>> 0;
    x ^= x >>> 16;
    return (x >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted(items, weight) {
      const total = items.reduce((a, t) => a + weight(t), 0);
      let r = next() * total;
      for (const t of items) {
        r -= weight(t);
        if (r < 0) return t;
      }
      return items[items.length - 1]!;
    },
  };
}

/** A stable small number from a text (to give a synthesised person the same name every time). */
export function textHash(s: string): number {
  let h = 2_166_136_261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16_777_619) >>> 0;
  return h;
}
