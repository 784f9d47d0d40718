import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction, type Db } from '../../platform/db/transaction.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { OrgService } from '../org/org.service.js';
import { act } from './actions.js';
import { canRead, dossierNotFound } from './dossier-access.js';
import { presentDossier, presentPublic, presentSummary } from './dossier-view.js';
import * as repo from './dossiers.repository.js';
import { intake } from './intake.js';
import type { CatalogPort, DeadlinesPort } from './ports.js';
import { countQueues, listQueue } from './queues.js';
import { routeStaff } from './route-staff.js';
import { verifyChain, type ChainProblem } from './rules/hash-chain.js';
import { classifySearch } from './rules/queue-search.js';
import { reduce } from './rules/reducer.js';
import type { ActionInput, CreateDossierInput, QueueQuery } from './schema.js';

/** Badges count up to this many dossiers; more reads "999+". */
export const QUEUE_COUNT_CAP = 999;

export type DossierServiceDeps = { db: Db; org: OrgService; catalog: CatalogPort; deadlines: DeadlinesPort; now?: () => Date };

export type DossierService = ReturnType<typeof createDossierService>;

export function createDossierService(d: DossierServiceDeps) {
  const deps = { ...d, now: d.now ?? (() => new Date()) };

  async function load(code: string) {
    const row = await repo.findByCode(deps.db, code);
    if (!row) return undefined;
    const events = await repo.loadEvents(deps.db, row.id);
    return { row, events, state: reduce(events) };
  }

  return {
    async create(ctx: RequestContext, input: CreateDossierInput) {
      const { row, created } = await intake(deps, ctx, input);
      return { dossier: presentSummary(row, deps.now()), created };
    },

    async act(ctx: RequestContext, code: string, input: ActionInput) {
      await act(deps, ctx, code, input);
      return this.get(ctx, code);
    },

    async get(ctx: RequestContext, code: string) {
      const found = await load(code);
      if (!found || !canRead(ctx.actor, found.row)) throw dossierNotFound();
      return presentDossier(found.row, found.state, found.events, deps.now(), ctx.actor);
    },

    /**
     * A page of a work queue. A search by ID number or phone reads personal data: the page and the
     * audit row of who searched what come from one transaction, so no answer leaves unrecorded.
     */
    async queue(ctx: RequestContext, q: QueueQuery) {
      const now = deps.now();
      const calc = await deps.deadlines.calculator();
      const search = q.q ? classifySearch(q.q) : null;
      const page = search && search.kind !== 'text'
        ? await inTransaction(deps.db, async (trx) => {
          const found = await listQueue(trx, ctx, q, calc, now);
          await recordAudit(trx, ctx, {
            action: 'dossier.search_personal', entity: 'dossier', unitId: ctx.actor?.unitId ?? null,
            after: { kind: search.kind, term: search.kind === 'phone' ? search.phone : search.idNumber, queue: q.queue, page: q.cursor ? 'next' : 'first', results: found.items.map((r) => r.code) },
          });
          return found;
        })
        : await listQueue(deps.db, ctx, q, calc, now);
      return { items: page.items.map((r) => presentSummary(r, now)), nextCursor: page.nextCursor };
    },

    /** The size of each counted queue, by the same predicates as the lists ("999+" beyond the cap). */
    async counts(ctx: RequestContext) {
      const now = deps.now();
      return countQueues(deps.db, ctx, await deps.deadlines.calculator(), now, QUEUE_COUNT_CAP);
    },

    /** Public lookup: a wrong or missing secret answers exactly like an unknown code. */
    async lookup(code: string, secret: string) {
      if (!secret) throw dossierNotFound();
      const found = await load(code);
      if (!found || !safeEqual(found.row.lookup_secret, secret.toUpperCase())) throw dossierNotFound();
      return presentPublic(found.row, found.state, deps.now());
    },

    async verify(ctx: RequestContext, code: string): Promise<{ code: string; events: number; valid: boolean; problems: ChainProblem[] }> {
      const found = await load(code);
      if (!found || !canRead(ctx.actor, found.row)) throw dossierNotFound();
      const problems = verifyChain(code, found.events.map(repo.toChained));
      return { code, events: found.events.length, valid: problems.length === 0, problems };
    },

    /** Who may receive each step of the dossier's route: names and positions, for those who act on it. */
    routeStaff(ctx: RequestContext, code: string, step?: number) {
      return routeStaff(deps, ctx, code, step);
    },

    /** Every dossier's chain, for `npx motcua verify-audit`; streams in pages of 500. */
    async verifyAll(onProgress?: (checked: number) => void): Promise<{ checked: number; broken: { code: string; problems: ChainProblem[] }[] }> {
      let after = '0';
      let checked = 0;
      const broken: { code: string; problems: ChainProblem[] }[] = [];
      for (;;) {
        const rows = await deps.db.selectFrom('dossiers').select(['id', 'code']).where('id', '>', after).orderBy('id').limit(500).execute();
        if (!rows.length) break;
        for (const r of rows) {
          const problems = verifyChain(r.code, (await repo.loadEvents(deps.db, r.id)).map(repo.toChained));
          if (problems.length) broken.push({ code: r.code, problems });
        }
        checked += rows.length;
        after = rows[rows.length - 1]!.id;
        onProgress?.(checked);
      }
      return { checked, broken };
    },
  };
}

function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
