/**
 * Sign-in attempts per username in a sliding window, whatever address they come from (issue 10 item 2):
 * the per-address limit alone is escaped by an attacker with many addresses. Kept in memory, so each
 * process counts on its own — with WEB_CONCURRENCY workers the limit is per worker, and the lock-out
 * (counted in the database) remains the hard stop. Unknown usernames are counted like known ones, so a
 * 429 says nothing about whether an account exists.
 */
export type LoginThrottle = {
  /** Records one attempt; false when the name has used up its attempts in the window. */
  take(username: string): boolean;
  size(): number;
};

export function createLoginThrottle(opts: { max: number; windowMs: number; now?: () => number; maxKeys?: number }): LoginThrottle {
  const now = opts.now ?? Date.now;
  const maxKeys = opts.maxKeys ?? 50_000;
  const attempts = new Map<string, number[]>();

  function prune(at: number): void {
    for (const [key, times] of attempts) {
      if (times[times.length - 1]! <= at - opts.windowMs) attempts.delete(key);
    }
  }

  return {
    take(username) {
      const at = now();
      const key = username.trim().toLowerCase();
      const recent = (attempts.get(key) ?? []).filter((t) => t > at - opts.windowMs);
      if (recent.length >= opts.max) {
        attempts.set(key, recent);
        return false;
      }
      recent.push(at);
      // Refresh insertion order so the oldest names are dropped first when the map is full.
      attempts.delete(key);
      attempts.set(key, recent);
      if (attempts.size > maxKeys) {
        prune(at);
        // Still full (a spray of distinct names): forget the oldest names rather than grow without bound.
        for (const key of attempts.keys()) {
          if (attempts.size <= maxKeys) break;
          attempts.delete(key);
        }
      }
      return true;
    },
    size: () => attempts.size,
  };
}
