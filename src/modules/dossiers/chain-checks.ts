import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction, type Db } from '../../platform/db/transaction.js';
import type { RequestContext } from '../../platform/http/context.js';
import { canRead, dossierNotFound } from './dossier-access.js';
import * as repo from './dossiers.repository.js';
import { GENESIS, verifyChain, verifyHead, type ChainedEvent, type ChainProblem, type ChainSigner } from './rules/hash-chain.js';
import { projectionDifferences, type ProjectedColumns } from './rules/projection.js';
import type { ListedDocument } from './rules/digital.js';
import { reduce } from './rules/reducer.js';

/** What `verify` answers: the chain's own problems, its head against the dossier's anchor, and the dossiers row against the events. */
export type ChainVerification = {
  code: string; events: number; valid: boolean; problems: ChainProblem[];
  /** The dossier's version, which must equal the number of events. */
  version: number;
  /** Hash of the last event (the chain's head). */
  head: string;
  /** The head is signed with the chain key and the signature matches. */
  anchored: boolean;
  /** The dossiers row equals the state the events reduce to. */
  projectionMatches: boolean;
};

type VerifyInput = { code: string; version: number; chain_mac: string | null; documents: unknown[] } & ProjectedColumns;

/**
 * The tamper evidence of the dossier service (issue 10 item 5): verify one dossier, every dossier, and
 * anchor the chains written before migration 0011.
 */
export function chainChecks(deps: { db: Db; chain: ChainSigner }) {
  /** The three checks of one dossier: its chain, the chain's head against the anchor, the row against the events. */
  function check(row: VerifyInput, found: { events: repo.StoredEvent[]; chain: ChainedEvent[] }): ChainVerification {
    const problems = [
      ...verifyChain(row.code, found.chain, deps.chain),
      ...verifyHead(row.code, row.version, row.chain_mac, found.chain, deps.chain),
      ...projectionDifferences(row, reduce(found.events), row.documents as ListedDocument[]).map((field) => ({ seq: row.version, problem: 'projection_mismatch' as const, field })),
    ];
    return {
      code: row.code, events: found.chain.length, valid: problems.length === 0, problems, version: row.version,
      head: found.chain[found.chain.length - 1]?.hash ?? GENESIS,
      anchored: !problems.some((p) => p.problem === 'head_mismatch' || p.problem === 'unanchored'),
      projectionMatches: !problems.some((p) => p.problem === 'projection_mismatch'),
    };
  }

  /** Every dossier, live and archived, with its events, a page of 500 at a time (two queries a page). */
  async function eachDossier(visit: (row: repo.DossierRow & { archived_at: Date | null }, found: { events: repo.StoredEvent[]; chain: ChainedEvent[] }) => Promise<void>): Promise<void> {
    let after = '0';
    for (;;) {
      const rows = await deps.db.selectFrom('dossier_records').selectAll().where('id', '>', after).orderBy('id').limit(500).execute();
      if (!rows.length) break;
      const events = await repo.loadEventsWithChainOf(deps.db, rows.map((r) => r.id));
      for (const r of rows) await visit(r, events.get(r.id)!);
      after = rows[rows.length - 1]!.id;
    }
  }

  return {
    async verify(ctx: RequestContext, code: string): Promise<ChainVerification> {
      // An archived dossier verifies as it did: its events moved unchanged (migration 0030).
      const row = await repo.findRecordByCode(deps.db, code);
      if (!row || !canRead(ctx.actor, row)) throw dossierNotFound();
      return check(row, await repo.loadEventsWithChain(deps.db, row.id));
    },

    /** Every dossier's chain, for `npx motcua verify-audit`; streams in pages of 500. */
    async verifyAll(onProgress?: (checked: number) => void): Promise<{ checked: number; broken: { code: string; problems: ChainProblem[] }[] }> {
      let checked = 0;
      const broken: { code: string; problems: ChainProblem[] }[] = [];
      await eachDossier(async (r, found) => {
        const { problems } = check(r, found);
        if (problems.length) broken.push({ code: r.code, problems });
        checked++;
        onProgress?.(checked);
      });
      return { checked, broken };
    },

    /**
     * Anchors the dossiers written before migration 0011 (`npx motcua verify-audit --anchor`): each one
     * whose chain, length and projection verify gets its head signed; one that does not is left
     * unanchored and listed. Tampering done before this moment is only as detectable as version 1 was.
     */
    async anchorUnanchored(ctx: RequestContext): Promise<{ anchored: number; refused: { code: string; problems: ChainProblem[] }[] }> {
      let anchored = 0;
      const refused: { code: string; problems: ChainProblem[] }[] = [];
      await eachDossier(async (r, found) => {
        // Only live rows can be unanchored: the archive takes anchored dossiers only.
        if (r.chain_mac !== null || r.archived_at) return;
        const problems = check(r, found).problems.filter((p) => p.problem !== 'unanchored');
        if (problems.length) {
          refused.push({ code: r.code, problems });
          return;
        }
        const head = found.chain[found.chain.length - 1]?.hash ?? GENESIS;
        await inTransaction(deps.db, async (trx) => {
          if (!(await repo.anchorChain(trx, r.id, r.version, deps.chain.headMac(r.code, r.version, head)))) return;
          anchored++;
          await recordAudit(trx, ctx, { action: 'dossier.chain_anchored', entity: 'dossier', entityId: r.code, unitId: r.receiving_unit_id, after: { version: r.version, head } });
        });
      });
      return { anchored, refused };
    },
  };
}
