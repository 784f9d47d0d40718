/**
 * Which server answers a read (issue 14 item 4): pure rules, no I/O. `replicas.ts` feeds them what
 * its probe measured; `read-routing.plugin.ts` feeds them the request.
 */

/** A WAL position ("16/B374D848": two 32-bit halves in hex) as one number that orders correctly. */
export type Lsn = bigint;

export function parseLsn(text: string | null | undefined): Lsn | null {
  const m = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text?.trim() ?? '');
  return m ? (BigInt(`0x${m[1]}`) << 32n) + BigInt(`0x${m[2]}`) : null;
}

export function formatLsn(lsn: Lsn): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

/** The primary's WAL position at a moment (taken by the probe, position read after the clock). */
export type PositionSample = { at: number; lsn: Lsn };

/**
 * How far behind a replica is, in time: it has replayed everything the primary had written at the
 * newest sample it has reached, so its lag is at most the age of that sample. Bytes of WAL say
 * nothing a reader cares about; "at most 4 s old" does. Infinity when it is behind every sample kept.
 */
export function lagMs(samples: readonly PositionSample[], replayed: Lsn, now: number): number {
  for (let i = samples.length - 1; i >= 0; i--) {
    if (samples[i]!.lsn <= replayed) return Math.max(0, now - samples[i]!.at);
  }
  return Number.POSITIVE_INFINITY;
}

/** What the probe last knew of a replica. `usable` is false while it does not answer or is not a standby. */
export type ReplicaView = { usable: boolean; replayed: Lsn | null; lagMs: number };

/** What a read needs: at most this stale, and (after the client's own write) at least this position. */
export type ReadNeed = { maxLagMs: number; atLeast: Lsn | null };

/**
 * The replica to read from (its index), taking turns among those that qualify, or 'primary' when
 * none does: none answers, all lag too far, or none has yet replayed the client's own last write.
 * Falling back to the primary is always correct; a replica is only ever an offload.
 */
export function chooseReadTarget(replicas: readonly ReplicaView[], need: ReadNeed, turn: number): number | 'primary' {
  const qualifying: number[] = [];
  replicas.forEach((r, i) => {
    if (!r.usable || r.replayed === null || r.lagMs > need.maxLagMs) return;
    if (need.atLeast !== null && r.replayed < need.atLeast) return;
    qualifying.push(i);
  });
  return qualifying.length ? qualifying[turn % qualifying.length]! : 'primary';
}
