import { randomInt } from 'node:crypto';

/**
 * Kiosk rating codes. 32 symbols that cannot be mistaken for one another when read off paper or a
 * screen (no 0/O, no 1/I), 8 of them: 32^8 = 2^40 codes. A guesser who gets a handful of tries a
 * minute per address (see guess-limiter.ts) would need millennia to find one live code among the
 * few thousand a province has open at a time.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;

/** A fresh code, normalised (no dash): `AB3D7KQ9`. */
export function newKioskCode(random: (max: number) => number = randomInt): string {
  let out = '';
  for (let i = 0; i < CODE_LENGTH; i++) out += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return out;
}

/** As printed and shown: `AB3D-7KQ9`. */
export function displayKioskCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * What a person typed, normalised: upper case, spaces and dashes dropped, and the look-alikes a
 * person may type for a symbol the alphabet leaves out read as the symbol they stand for (O→0 is
 * not in the alphabet either, so an O or a 0 simply makes the code wrong). Null when it cannot be a code.
 */
export function normaliseKioskCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s\-_.]/g, '');
  if (s.length !== CODE_LENGTH) return null;
  for (const ch of s) if (!CODE_ALPHABET.includes(ch)) return null;
  return s;
}

/** The domain-separated value whose keyed hash is stored (the blind index of platform/crypto). */
export const codeIndexInput = (code: string) => `rating-code:${code}`;
