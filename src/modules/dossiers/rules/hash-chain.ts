import { createHash } from 'node:crypto';

/**
 * Tamper evidence: each event stores the SHA-256 of the previous event's hash and its own
 * canonical content, so changing or deleting any event breaks every hash after it.
 */
export const GENESIS = '0'.repeat(64);

export type ChainedEvent = { seq: number; type: string; at: string; actorStaffId: number | null; unitId: number | null; payload: unknown; prevHash: string; hash: string };

/** JSON with object keys sorted, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function eventHash(dossierCode: string, e: Omit<ChainedEvent, 'hash'>): string {
  const content = canonicalJson({ dossier: dossierCode, seq: e.seq, type: e.type, at: e.at, actor: e.actorStaffId, unit: e.unitId, payload: e.payload });
  return createHash('sha256').update(e.prevHash).update('\n').update(content).digest('hex');
}

export type ChainProblem = { seq: number; problem: 'hash_mismatch' | 'broken_link' | 'gap' };

/** Recomputes the chain; reports every event whose content or link no longer matches. */
export function verifyChain(dossierCode: string, events: readonly ChainedEvent[]): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let prev = GENESIS;
  let expectedSeq = 1;
  for (const e of events) {
    if (e.seq !== expectedSeq) problems.push({ seq: expectedSeq, problem: 'gap' });
    if (e.prevHash !== prev) problems.push({ seq: e.seq, problem: 'broken_link' });
    if (eventHash(dossierCode, e) !== e.hash) problems.push({ seq: e.seq, problem: 'hash_mismatch' });
    prev = e.hash;
    expectedSeq = e.seq + 1;
  }
  return problems;
}
