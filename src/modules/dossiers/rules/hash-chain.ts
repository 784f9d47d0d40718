import { createHash, createHmac } from 'node:crypto';

/**
 * Tamper evidence: each event stores the SHA-256 of the previous event's hash and its own
 * canonical content, so changing or deleting any event breaks every hash after it.
 *
 * A hash alone is not enough against someone with database rights: they can recompute every hash
 * after an edit. So each event also carries a keyed HMAC of its hash, and the dossiers row carries
 * a keyed HMAC of the chain's head and length (the anchor). The key lives in the configuration
 * (MOTCUA_CHAIN_KEY), never in the database: recomputing the chain without it is detected.
 *
 * Scheme versions (dossier_events.hash_version): 1 hashed seq, type, at, actor id, unit and payload
 * (events written before migration 0011, still verified as they were written); 2 hashes every
 * recorded field, the actor's name and the request id included, and comes with the event's HMAC.
 */
export const GENESIS = '0'.repeat(64);
export const HASH_VERSION = 2;

export type ChainedEvent = {
  seq: number; type: string; at: string; actorStaffId: number | null; actorName: string; unitId: number | null;
  payload: unknown; requestId: string | null; hashVersion: number; prevHash: string; hash: string;
  /** HMAC-SHA256 of `hash` under the chain key; null only for version-1 events. */
  mac: string | null;
};

/** JSON with object keys sorted, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function eventHash(dossierCode: string, e: Omit<ChainedEvent, 'hash' | 'mac'>): string {
  const content = e.hashVersion === 1
    ? canonicalJson({ dossier: dossierCode, seq: e.seq, type: e.type, at: e.at, actor: e.actorStaffId, unit: e.unitId, payload: e.payload })
    : canonicalJson({ v: e.hashVersion, dossier: dossierCode, seq: e.seq, type: e.type, at: e.at, actor: e.actorStaffId, actorName: e.actorName, unit: e.unitId, payload: e.payload, requestId: e.requestId });
  return createHash('sha256').update(e.prevHash).update('\n').update(content).digest('hex');
}

/** The keyed half of the evidence: who holds the key can sign, who only holds the database cannot. */
export type ChainSigner = {
  eventMac(hash: string): string;
  /** Binds the dossier's code, its version (the number of events) and the hash of its last event. */
  headMac(dossierCode: string, version: number, headHash: string): string;
};

export function chainSigner(key: string): ChainSigner {
  const mac = (text: string) => createHmac('sha256', key).update(text).digest('hex');
  return {
    eventMac: (hash) => mac(`event\n${hash}`),
    headMac: (code, version, head) => mac(`head\n${code}\n${version}\n${head}`),
  };
}

export type ChainProblemKind =
  | 'hash_mismatch' | 'broken_link' | 'gap'
  /** The event's HMAC does not match its hash: the hash was recomputed without the key. */
  | 'mac_mismatch'
  /** The number of events, or the last one's number, differs from the dossier's version. */
  | 'length_mismatch'
  /** The dossier's anchor does not match the chain's head: events removed, added or recomputed. */
  | 'head_mismatch'
  /** No anchor: a dossier written before migration 0011 not yet anchored (`verify-audit --anchor`), or an anchor removed. */
  | 'unanchored'
  /** A column of the dossiers row differs from the state the events reduce to (`field` names it). */
  | 'projection_mismatch';

export type ChainProblem = { seq: number; problem: ChainProblemKind; field?: string };

/** Recomputes the chain; reports every event whose content, link or key signature no longer matches. */
export function verifyChain(dossierCode: string, events: readonly ChainedEvent[], signer?: ChainSigner): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let prev = GENESIS;
  let expectedSeq = 1;
  for (const e of events) {
    if (e.seq !== expectedSeq) problems.push({ seq: expectedSeq, problem: 'gap' });
    if (e.prevHash !== prev) problems.push({ seq: e.seq, problem: 'broken_link' });
    if (eventHash(dossierCode, e) !== e.hash) problems.push({ seq: e.seq, problem: 'hash_mismatch' });
    // Version 1 events carry no HMAC; the dossier's anchor covers them through the chain.
    else if (signer && (e.hashVersion !== 1 || e.mac !== null) && e.mac !== signer.eventMac(e.hash)) problems.push({ seq: e.seq, problem: 'mac_mismatch' });
    prev = e.hash;
    expectedSeq = e.seq + 1;
  }
  return problems;
}

/** The chain's length and head against the dossier's version and anchor. */
export function verifyHead(dossierCode: string, version: number, anchor: string | null, events: readonly ChainedEvent[], signer: ChainSigner): ChainProblem[] {
  const problems: ChainProblem[] = [];
  const last = events[events.length - 1];
  if (events.length !== version || (last?.seq ?? 0) !== version) problems.push({ seq: version, problem: 'length_mismatch' });
  if (anchor === null) problems.push({ seq: version, problem: 'unanchored' });
  else if (anchor !== signer.headMac(dossierCode, version, last?.hash ?? GENESIS)) problems.push({ seq: version, problem: 'head_mismatch' });
  return problems;
}
