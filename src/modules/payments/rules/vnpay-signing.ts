import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signing rules of the VNPAY-style redirect protocol (version 2.1.0), used by the provider and
 * by the local gateway alike, so both sides sign the same bytes:
 *  - the `vnp_` parameters except the hash fields, sorted by name (code-unit order);
 *  - each name and value encoded as an HTML form sends it (application/x-www-form-urlencoded, UTF-8:
 *    space as "+", only letters, digits and `*-._` left as they are — what Java's URLEncoder and
 *    URLSearchParams write; the order information we send keeps to letters, digits and spaces, so
 *    gateways whose samples encode "()!'" differently sign the same bytes for it);
 *  - joined `name=value&…` and signed with HMAC-SHA512 under the merchant's secret, hex.
 * The query API signs a different string: named fields joined with "|" (see `pipeSignature`).
 */
export const HASH_FIELD = 'vnp_SecureHash';
const UNSIGNED = new Set([HASH_FIELD, 'vnp_SecureHashType']);

export type Params = Record<string, string>;

const formEncode = (s: string) => new URLSearchParams([['', s]]).toString().slice(1);

/** The string that is signed, which is also the query string sent (without the hash). */
export function canonicalQuery(params: Params): string {
  return Object.keys(params)
    .filter((k) => k.startsWith('vnp_') && !UNSIGNED.has(k))
    .sort()
    .map((k) => `${formEncode(k)}=${formEncode(params[k]!)}`)
    .join('&');
}

export function hmacSha512(secret: string, data: string): string {
  return createHmac('sha512', Buffer.from(secret, 'utf8')).update(Buffer.from(data, 'utf8')).digest('hex');
}

export function signParams(params: Params, secret: string): string {
  return hmacSha512(secret, canonicalQuery(params));
}

/** The parameters with their hash appended, as a query string (what the browser is sent to). */
export function signedQuery(params: Params, secret: string): string {
  const query = canonicalQuery(params);
  return `${query}&${HASH_FIELD}=${hmacSha512(secret, query)}`;
}

/** Compares in constant time; a hash of another length or not hex is simply wrong. */
export function sameHash(expected: string, given: string | undefined): boolean {
  if (!given || !/^[0-9a-fA-F]+$/.test(given)) return false;
  const a = Buffer.from(expected, 'hex');
  const b = Buffer.from(given.toLowerCase(), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function verifyParams(params: Params, secret: string): boolean {
  return sameHash(signParams(params, secret), params[HASH_FIELD]);
}

/** The query API's signature: the listed fields' values joined with "|", in the protocol's order. */
export function pipeSignature(values: (string | undefined)[], secret: string): string {
  return hmacSha512(secret, values.map((v) => v ?? '').join('|'));
}

/** yyyyMMddHHmmss in GMT+7 (Vietnam keeps no daylight saving time, so a fixed offset is exact). */
export function gatewayDate(at: Date): string {
  const t = new Date(at.getTime() + 7 * 3_600_000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(t.getUTCFullYear(), 4)}${p(t.getUTCMonth() + 1)}${p(t.getUTCDate())}${p(t.getUTCHours())}${p(t.getUTCMinutes())}${p(t.getUTCSeconds())}`;
}

/** The instant a gateway date names, or undefined for a malformed one. */
export function parseGatewayDate(s: string | undefined): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s ?? '');
  if (!m) return undefined;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const at = new Date(Date.UTC(y, mo - 1, d, h - 7, mi, se));
  return gatewayDate(at) === s ? at : undefined;
}

/** Amounts travel in đồng ×100 (the protocol has no decimal point). */
export const toGatewayAmount = (dong: number) => String(dong * 100);
export function fromGatewayAmount(s: string | undefined): number | undefined {
  if (!s || !/^\d{1,17}$/.test(s) || !s.endsWith('00')) return undefined;
  return Number(s) / 100;
}
