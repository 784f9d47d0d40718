import { z } from 'zod';
import type { DataProtection } from '../../../platform/crypto/data-protection.js';

/**
 * What a browser's sign-in attempt must bring back to the callback: state, nonce and PKCE verifier,
 * and where to go afterwards. It lives in a sealed (AES-GCM) httpOnly cookie of this browser, sent
 * only to the callback path, so no table is needed and a code or state lifted from another browser
 * is worthless. It expires in 10 minutes, written inside the seal so an old cookie cannot be revived.
 */
export const FLOW_COOKIE = 'motcua_eid_flow';
export const FLOW_COOKIE_PATH = '/api/v1/citizen/auth/';
export const FLOW_MINUTES = 10;

const flowSchema = z.strictObject({
  state: z.string().min(16).max(200),
  nonce: z.string().min(16).max(200),
  verifier: z.string().min(43).max(128),
  returnTo: z.string().max(2000),
  exp: z.number().int(),
});
export type SignInFlow = Omit<z.infer<typeof flowSchema>, 'exp'>;

export function sealFlow(keys: DataProtection, flow: SignInFlow, now = Date.now()): string {
  return keys.sealText(JSON.stringify({ ...flow, exp: now + FLOW_MINUTES * 60_000 }));
}

/** The flow in a cookie, or undefined when it is missing, forged, from another key, or expired. */
export function openFlow(keys: DataProtection, value: string | undefined, now = Date.now()): SignInFlow | undefined {
  // openText passes unsealed text through (for data written before encryption): refuse it here.
  if (!value || !keys.isSealed(value)) return undefined;
  try {
    const parsed = flowSchema.safeParse(JSON.parse(keys.openText(value)));
    if (!parsed.success || parsed.data.exp <= now) return undefined;
    const { exp: _exp, ...flow } = parsed.data;
    return flow;
  } catch {
    return undefined;
  }
}

/**
 * Where the browser may be sent after sign-in: a path on this site only. `//evil.example`, `/\evil`,
 * absolute URLs and control characters all become '/'.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  try {
    const base = 'http://motcua.invalid';
    const u = new URL(value, base);
    return u.origin === base ? `${u.pathname}${u.search}${u.hash}` : '/';
  } catch {
    return '/';
  }
}
