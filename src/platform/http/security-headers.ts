import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';
import type { App } from './types.js';

/**
 * The security headers every answer carries (ASVS 14.4), worked out by helmet ONCE at start-up and
 * then copied onto each response. @fastify/helmet ran `helmet(options)` on every request — parsing and
 * checking the CSP directives, building a dozen middlewares — which cost ~8 % of the CPU of a
 * `/health` answer for headers that never change (issue 14, per-request overhead).
 *
 * Only options whose headers do not depend on the request can be precomputed: a CSP directive given
 * as a function (a per-request nonce) is refused here. index.html has its own per-page nonce CSP
 * (web-app.ts), which replaces this default on that answer.
 */
export type SecurityHeaders = { set: ReadonlyArray<readonly [string, string]>; removed: readonly string[] };

export function securityHeaders(options: HelmetOptions): SecurityHeaders {
  const csp = options.contentSecurityPolicy;
  if (csp && typeof csp === 'object' && csp.directives) {
    for (const [name, values] of Object.entries(csp.directives)) {
      if (values && typeof values === 'object' && Symbol.iterator in values && [...(values as Iterable<unknown>)].some((v) => typeof v === 'function')) {
        throw new Error(`security headers: the CSP directive ${name} depends on the request and cannot be computed once`);
      }
    }
  }
  const set = new Map<string, readonly [string, string]>();
  const removed = new Set<string>();
  // A stand-in for the response: helmet only sets and removes headers.
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      set.set(name.toLowerCase(), [name, String(value)]);
      removed.delete(name.toLowerCase());
    },
    removeHeader(name: string) {
      set.delete(name.toLowerCase());
      removed.add(name.toLowerCase());
    },
  };
  let failure: unknown;
  let done = false;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => { failure = err; done = true; });
  if (failure) throw failure;
  if (!done) throw new Error('security headers: helmet did not finish synchronously');
  return { set: [...set.values()], removed: [...removed] };
}

/** Puts the precomputed headers on every response, from the first hook on (404s and errors included). */
export function installSecurityHeaders(app: App, options: HelmetOptions): SecurityHeaders {
  const headers = securityHeaders(options);
  const { set, removed } = headers;
  app.addHook('onRequest', (_req, reply, done) => {
    const res = reply.raw;
    for (let i = 0; i < set.length; i++) res.setHeader(set[i]![0], set[i]![1]);
    for (let i = 0; i < removed.length; i++) res.removeHeader(removed[i]!);
    done();
  });
  return headers;
}
