/**
 * Rounding and display of points (pure). DOMAIN-MANAGEMENT is silent on rounding for the PAR index;
 * it says "round to 2 decimals" for the 766 index (§B3) and the published PAR results it quotes carry
 * 2 decimals (Tuyên Quang 2022: 94.49 %). So every figure a person sees — a leaf's points, a sum, the
 * index — is rounded half-up to 2 decimals, and sums are made of the rounded leaves so that the sheet
 * adds up on paper.
 */

/**
 * Half-up to 2 decimals. The small nudge absorbs binary noise (1.005 is stored as 1.00499…, which a
 * person rounds to 1.01); no real point value has a meaningful seventh decimal.
 */
export function round2(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const r = Math.round(Math.abs(x) * 100 + 1e-7) / 100;
  return r === 0 ? 0 : sign * r;
}

/** Sum of already-rounded figures, rounded again to drop float noise (0.1 + 0.2). */
export function sum2(xs: readonly number[]): number {
  return round2(xs.reduce((a, x) => a + x, 0));
}

/** A number as a Vietnamese reader writes it: "5,63", "1.234,5". */
export function fmt(x: number): string {
  return x.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
}
