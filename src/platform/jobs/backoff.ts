/**
 * Exponential back-off without randomness: attempt 1 waits `baseMs`, each further attempt doubles,
 * never beyond `capMs`. Deterministic on purpose — tests move the clock instead of sleeping, and a
 * handful of workers on one database do not need jitter to avoid a thundering herd.
 */
export type Backoff = { baseMs: number; capMs: number };

export function backoffDelay(attempt: number, b: Backoff): number {
  const n = Math.max(1, Math.floor(attempt));
  // 2^40 ms is 35 years: beyond that the cap always wins, and the shift stays a safe integer.
  const factor = 2 ** Math.min(n - 1, 40);
  return Math.min(b.capMs, b.baseMs * factor);
}

export function nextAttemptAt(now: Date, attempt: number, b: Backoff): Date {
  return new Date(now.getTime() + backoffDelay(attempt, b));
}
