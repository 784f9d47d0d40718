/**
 * Wrong kiosk codes per client address: after `max` wrong codes within `windowMs` the address is
 * refused (429) until the window has passed, right code or not, so a guesser learns nothing more.
 * Kept in memory like the per-address limits of @fastify/rate-limit (one process serves the app);
 * every wrong code is also counted for the operator (`wrongTotal`).
 */
export function createGuessLimiter(opts: { max: number; windowMs: number; now?: () => number }) {
  const now = opts.now ?? Date.now;
  const failures = new Map<string, number[]>();
  let wrongTotal = 0;
  const recent = (key: string) => {
    const cutoff = now() - opts.windowMs;
    const list = (failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) failures.set(key, list);
    else failures.delete(key);
    return list;
  };
  return {
    blocked: (key: string) => recent(key).length >= opts.max,
    /** Seconds until the address may try again. */
    retryAfter(key: string): number {
      const list = recent(key);
      return list.length ? Math.max(1, Math.ceil((list[0]! + opts.windowMs - now()) / 1000)) : 0;
    },
    fail(key: string) {
      wrongTotal++;
      failures.set(key, [...recent(key), now()]);
      // A bounded map: a flood from many addresses must not grow memory without end.
      if (failures.size > 50_000) failures.delete(failures.keys().next().value!);
    },
    wrongTotal: () => wrongTotal,
  };
}
export type GuessLimiter = ReturnType<typeof createGuessLimiter>;
