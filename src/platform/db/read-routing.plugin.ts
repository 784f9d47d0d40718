import type { App } from '../http/types.js';
import { parseLsn } from './read-routing.js';
import type { ReplicaSet } from './replicas.js';

/** The primary's WAL position after the client's last write (read-your-own-writes). */
export const WRITE_POSITION_COOKIE = 'motcua_wal';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Read-your-own-writes across replicas and across the processes sharing the port. After any write
 * request the response carries the primary's WAL position in a short-lived cookie; a later read by
 * the same browser goes to a replica only once that replica has replayed up to it, else to the primary.
 * A cookie rather than a per-process memory or the session row: the next request may reach another
 * worker, and the cookie costs no database write. It is not secret and not trusted for anything but
 * this: a forged position only sends its own client's reads to the primary (or to a staler replica).
 * It lives a little longer than the allowed lag: once it is gone, every replica still read from is
 * within `maxLagMs` of the primary, so it has that write anyway.
 */
export function installReadRouting(app: App, replicas: ReplicaSet, options: { secureCookies: boolean; maxLagMs: number }): void {
  const maxAge = Math.ceil(options.maxLagMs / 1000) + 5;
  app.addHook('onRequest', (req, _reply, done) => {
    replicas.within({ readOnly: READS.has(req.method), atLeast: parseLsn(req.cookies[WRITE_POSITION_COOKIE]) }, done);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (READS.has(req.method)) return payload;
    try {
      const position = await replicas.primaryPosition();
      reply.setCookie(WRITE_POSITION_COOKIE, position, { path: '/', httpOnly: true, sameSite: 'lax', secure: options.secureCookies, maxAge });
    } catch {
      // The primary is away: this write failed too, and the response says so.
    }
    return payload;
  });
}
