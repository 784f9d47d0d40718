import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction, type Db } from '../../platform/db/transaction.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { OrgService } from '../org/org.service.js';
import { act } from './actions.js';
import type { DataProtection } from '../../platform/crypto/data-protection.js';
import { canActOn, canRead, dossierNotFound } from './dossier-access.js';
import { accessReason, maskIdNumber, normaliseIdNumber, openApplicant, personalDataReasonRequired } from './personal-data.js';
import { presentDossier, presentPublic, presentSummary } from './dossier-view.js';
import * as repo from './dossiers.repository.js';
import { intake } from './intake.js';
import { paymentFacts, recordOnlinePayment } from './online-payment.js';
import { ratingFacts } from './rating-facts.js';
import { submitOnline, supplementByApplicant, type ApplicantSupplement, type OnlineSubmission } from './online-intake.js';
import { NO_FILES, type CatalogPort, type DeadlinesPort, type FilesPort } from './ports.js';
import { countQueues, listQueue } from './queues.js';
import { routeStaff } from './route-staff.js';
import { chainSigner, type ChainSigner } from './rules/hash-chain.js';
import { projectionOf } from './rules/projection.js';
import { DEMO_CHAIN_KEY } from '../../config.js';
import { classifySearch } from './rules/queue-search.js';
import type { ListedDocument } from './rules/digital.js';
import { reduce, type DossierState } from './rules/reducer.js';
import type { FileRef, ResultMethod, Scan } from './rules/events.js';
import { SCAN_EXTENSIONS, sniffScanType, type ScanType } from '../../platform/files/file-types.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import type { ActionInput, CreateDossierInput, QueueQuery } from './schema.js';
import { chainChecks } from './chain-checks.js';
export type { ChainVerification } from './chain-checks.js';

/** Statuses of a closed case (refused, withdrawn, stopped, result returned): retention counts from their closing. */
const CLOSED = [3, 7, 8, 10];

/** Badges count up to this many dossiers; more reads "999+". */
export const QUEUE_COUNT_CAP = 999;

export type DossierServiceDeps = {
  db: Db;
  /** Where the public lookup reads: a read replica when there are some (platform/db/replicas.ts); else `db`. */
  readDb?: Db;
  org: OrgService; catalog: CatalogPort; deadlines: DeadlinesPort; keys: DataProtection; now?: () => Date;
  /** Signs event chains with the configured key (createServices); tests may leave it to the public demo key, as their configuration does. */
  chain?: ChainSigner;
  /** Where attachments are stored: an intake may reference only files that are there. */
  files?: FilesPort;
};


export type DossierService = ReturnType<typeof createDossierService>;

export function createDossierService(d: DossierServiceDeps) {
  const deps = { ...d, now: d.now ?? (() => new Date()), chain: d.chain ?? chainSigner(DEMO_CHAIN_KEY), files: d.files ?? NO_FILES };

  /**
   * A dossier with its history, live or — when the code is not live — archived (migration 0030): an
   * archived dossier is read as before, marked by `archived_at`, and no action applies to it.
   */
  async function load(code: string, db: Db = deps.db) {
    const found = await repo.findWithEvents(db, code);
    if (found) return { row: { ...found.row, archived_at: null as Date | null }, events: found.events, state: reduce(found.events) };
    const archived = await repo.findArchivedWithEvents(db, code);
    if (!archived) return undefined;
    return { row: { ...archived.row, archived_at: archived.archivedAt as Date | null }, events: archived.events, state: reduce(archived.events) };
  }

  /**
   * A dossier the caller may read. Those working on it — its desk, the unit holding it, the person it
   * is assigned to, anyone who acted on it — read it as before; anyone else who may read it (an
   * auditor, a head browsing another unit's work) states why, and the view is logged with the
   * reason (Decree 356/2025).
   */
  async function readable(ctx: RequestContext, code: string, opts: { reason?: string; acted?: boolean }, what: 'dossier' | 'file') {
    const found = await load(code);
    if (!found || !canRead(ctx.actor, found.row)) throw dossierNotFound();
    const actor = ctx.actor!;
    const working = opts.acted || canActOn(actor, found.row, found.state) || found.state.assignee?.staffId === actor.staffId
      // Someone who handled an earlier step still answers for it (the control slip names them).
      || found.events.some((e) => e.actor.staffId === actor.staffId);
    if (!working) {
      const reason = accessReason(opts.reason);
      if (!reason) throw personalDataReasonRequired();
      await inTransaction(deps.db, (trx) => recordAudit(trx, ctx, {
        action: 'personal_data.viewed', entity: 'dossier', entityId: code, unitId: found.row.receiving_unit_id, after: { reason, what },
      }));
    }
    return found;
  }



  return {
    ...chainChecks(deps),

    async create(ctx: RequestContext, input: CreateDossierInput) {
      const { row, created } = await intake(deps, ctx, input);
      return { dossier: presentSummary(row, deps.now()), created };
    },

    /** What the payments module needs to take a dossier's fee, and what the caller may do with it. */
    paymentFacts(ctx: RequestContext | null, code: string) {
      return paymentFacts(deps, ctx, code);
    },

    /** What the satisfaction module binds a rating to (no personal data), and what the caller may do with it. */
    ratingFacts(ctx: RequestContext | null, code: string) {
      return ratingFacts(deps.db, ctx, code);
    },

    /** A payment the gateway confirmed, recorded by the system (payments module); idempotent per reference. */
    recordOnlinePayment(code: string, payment: { amount: number; reference: string }) {
      return recordOnlinePayment(deps, code, payment);
    },

    async act(ctx: RequestContext, code: string, input: ActionInput) {
      await act(deps, ctx, code, input);
      // Whoever just acted on it worked on it, even if it has now moved on to another unit.
      return this.get(ctx, code, { acted: true });
    },

    /**
     * A dossier as staff see it. Those working on it — its desk, the unit holding it, the person it
     * is assigned to, anyone who acted on it — read it as before; anyone else who may read it (an auditor, a head browsing
     * another unit's work) states why, and the view is logged with the reason (Decree 356/2025).
     */
    async get(ctx: RequestContext, code: string, opts: { reason?: string; acted?: boolean } = {}) {
      const found = await readable(ctx, code, opts, 'dossier');
      const row = { ...found.row, applicant: openApplicant(deps.keys, found.row.applicant) };
      return presentDossier(row, found.state, found.events, deps.now(), ctx.actor);
    },

    /**
     * A file of a dossier, downloaded by staff who may read the dossier (the same rule and the same
     * logged reason as reading it: a scan of an identity paper is personal data). Files are served
     * only in the context of a dossier that refers to them — a key alone opens nothing — and a
     * dossier that does not refer to the key answers 404 as an unknown dossier does not reveal it.
     * The type is read from the content; the name is the one given when it was attached.
     */
    async file(ctx: RequestContext, code: string, key: string, opts: { reason?: string } = {}) {
      const found = await readable(ctx, code, opts, 'file');
      const ref = filesOfDossier(found.row.documents as ListedDocument[], found.state).get(key);
      if (!ref) throw errors.notFound('tệp của hồ sơ', 'File of the dossier', 'FILE_NOT_FOUND');
      const content = await deps.files.get(key);
      if (!content || content.length === 0) {
        throw new AppError('FILE_GONE', 410, 'Nội dung tệp không còn được lưu (đã xóa theo thời hạn lưu trữ hoặc chưa từng được lưu).', 'The file content is no longer stored (erased at retention, or never stored).');
      }
      const type = sniffScanType(content);
      return { content, type: type ?? 'application/octet-stream', inline: Boolean(type), name: withExtension(ref.name, type) };
    },

    /**
     * The issued results of a person's dossiers, for the citizen's document store (Decree 45/2020
     * art. 16; issue 11 items 4–5): every dossier whose applicant has this ID number (found by its
     * blind index, personal-data.ts), whose result was returned and was issued as a file. Each gives
     * the file key and what the store shows of it. Not reach-limited: the citizen module decides who
     * may ask (the signed-in citizen, for their own number) and reads the content with the key from
     * the file store. A result stays in the store whatever way the paper went back (Decree 45 art. 16:
     * results are kept in the applicant's store), so it can be reused in a later dossier.
     */
    async resultsForApplicant(idNumber: string): Promise<ApplicantResult[]> {
      const indexes = deps.keys.blindIndexes(normaliseIdNumber(idNumber));
      if (!indexes.length) return [];
      const rows = await deps.db.selectFrom('dossier_records').select(['id', 'code', 'procedure_code', 'procedure_name', 'completed_at', 'returned_at'])
        .where('applicant_id_index', 'in', indexes).where('status', '=', 10).where('result_digitised', '=', true)
        .orderBy('returned_at', 'desc').orderBy('id', 'desc').execute();
      const out: ApplicantResult[] = [];
      for (const r of rows) {
        const events = await repo.loadEvents(deps.db, r.id);
        const state = reduce(events);
        const recorded = [...events].reverse().find((e) => e.type === 'result_recorded');
        if (!state.resultFile || !recorded || recorded.type !== 'result_recorded') continue;
        out.push({
          dossierCode: r.code, procedureCode: r.procedure_code, procedureName: r.procedure_name,
          summary: recorded.summary, resultNumber: recorded.resultNumber ?? null, file: state.resultFile,
          issuedAt: r.completed_at?.toISOString() ?? recorded.at, returnedAt: r.returned_at?.toISOString() ?? null, returnMethod: state.returnMethod,
        });
      }
      return out;
    },

    /**
     * Every dossier of a person (as applicant or representative), found by the blind index of their ID
     * number, with ID numbers in clear: the data-subject's export (privacy module). Not reach-limited:
     * the privacy service decides who may ask, and audits it.
     */
    /** Every dossier of a person (by ID number) that the caller may read, ID numbers in clear. */
    async exportForSubject(ctx: RequestContext, idNumber: string) {
      const indexes = deps.keys.blindIndexes(normaliseIdNumber(idNumber));
      const rows = await deps.db.selectFrom('dossier_records').selectAll()
        .where((eb) => eb.or([eb('applicant_id_index', 'in', indexes), eb('representative_id_index', 'in', indexes)]))
        .orderBy('id').execute();
      const now = deps.now();
      const out = [];
      for (const r of rows) {
        if (!ctx.system && !canRead(ctx.actor, r)) continue;
        const events = await repo.loadEvents(deps.db, r.id);
        out.push(presentDossier({ ...r, applicant: openApplicant(deps.keys, r.applicant) }, reduce(events), events, now));
      }
      return out;
    },

    /**
     * A page of a work queue. A search by ID number or phone reads personal data: the page and the
     * audit row of who searched what come from one transaction, so no answer leaves unrecorded.
     */
    async queue(ctx: RequestContext, q: QueueQuery) {
      const now = deps.now();
      const calc = await deps.deadlines.calculator();
      const search = q.q ? classifySearch(q.q) : null;
      const reason = accessReason(q.reason);
      if (search && search.kind !== 'text' && !reason) throw personalDataReasonRequired();
      // The log names the person searched for without holding their number: the last 4 characters
      // and the blind index, which an inspector holding the key can match to a number.
      const term = search?.kind === 'phone' ? maskIdNumber(search.phone) : search?.kind === 'id_number' ? maskIdNumber(search.idNumber) : '';
      const termIndex = search?.kind === 'id_number' ? deps.keys.blindIndex(normaliseIdNumber(search.idNumber)) : undefined;
      const page = search && search.kind !== 'text'
        ? await inTransaction(deps.db, async (trx) => {
          const found = await listQueue(trx, ctx, q, calc, now, deps.keys);
          await recordAudit(trx, ctx, {
            action: 'dossier.search_personal', entity: 'dossier', unitId: ctx.actor?.unitId ?? null,
            after: { kind: search.kind, term, ...(termIndex ? { termIndex } : {}), reason, queue: q.queue, page: q.cursor ? 'next' : 'first', results: found.items.map((r) => r.code) },
          });
          return found;
        })
        : await listQueue(deps.db, ctx, q, calc, now, deps.keys);
      return { items: page.items.map((r) => presentSummary(r, now)), nextCursor: page.nextCursor };
    },

    /** A citizen's online submission (modules/online): status 1 in the receiving desk's queue. */
    async submitOnline(ctx: RequestContext, input: OnlineSubmission) {
      const { row, created } = await submitOnline(deps, ctx, input);
      return { dossier: presentSummary(row, deps.now()), created };
    },

    /** The applicant's own online supplement (modules/online has checked the dossier is theirs). */
    async supplementByApplicant(ctx: RequestContext, code: string, input: ApplicantSupplement) {
      const row = await supplementByApplicant(deps, ctx, code, input);
      return presentSummary(row, deps.now());
    },

    /**
     * The dossiers of an applicant as the online services show them to that person: those with the
     * given codes (submitted through their account) and, when an ID number is given, those whose
     * applicant carries it (filed at a desk) — or whose representative does, for an organisation
     * filing through its representative. Not reach-limited: modules/online decides who asks.
     */
    async forApplicant(q: { codes: string[]; idNumber: string | null; limit: number }) {
      const indexes = q.idNumber ? deps.keys.blindIndexes(normaliseIdNumber(q.idNumber)) : [];
      if (!q.codes.length && !indexes.length) return [];
      const rows = await deps.db.selectFrom('dossier_records').selectAll().where((eb) => eb.or([
        ...(q.codes.length ? [eb('code', 'in', q.codes)] : []),
        ...(indexes.length ? [eb('applicant_id_index', 'in', indexes), eb.and([eb('representative_id_index', 'in', indexes), eb(sql`applicant ->> 'kind'`, '=', 'organisation')])] : []),
      ])).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
      const now = deps.now();
      return rows.map((r) => ({ ...presentSummary(r, now), applicantIdIndex: r.applicant_id_index, representativeIdIndex: r.representative_id_index }));
    },

    /** One dossier with its history, ID numbers in clear, for its applicant (modules/online checks ownership first). */
    async forApplicantOne(code: string) {
      const found = await load(code);
      if (!found) return undefined;
      const row = { ...found.row, applicant: openApplicant(deps.keys, found.row.applicant) };
      return { dossier: presentDossier(row, found.state, found.events, deps.now()), state: found.state, indexes: { applicant: found.row.applicant_id_index, representative: found.row.representative_id_index } };
    },

    /** Whether an ID number's blind index is one of these (the current or an older key's). */
    idNumberMatches(idNumber: string, index: string | null): boolean {
      return !!index && deps.keys.blindIndexes(normaliseIdNumber(idNumber)).includes(index);
    },

    /** Dossiers whose case closed before `cutoff` (retention, privacy module): never deleted, only listed. */
    /**
     * Dossiers whose case closed before `cutoff` (retention, privacy module): never deleted, only listed.
     * Each lists its documents with their scans — the file given at intake and every scan attached later
     * (`scans_attached`), so a scan made at a supplement or afterwards meets the same retention.
     */
    async closedBefore(cutoff: Date, after: string, limit: number) {
      const rows = await deps.db.selectFrom('dossier_records').select(['id', 'code', 'documents', 'completed_at', 'returned_at', 'updated_at'])
        .where('status', 'in', CLOSED).where('id', '>', after)
        .where(sql<boolean>`coalesce(returned_at, completed_at, updated_at) < ${cutoff}`)
        .orderBy('id').limit(limit).execute();
      const scans = rows.length
        ? await deps.db.selectFrom('dossier_history').select(['dossier_id', 'payload']).where('type', '=', 'scans_attached').where('dossier_id', 'in', rows.map((r) => r.id)).orderBy('seq').execute()
        : [];
      return rows.map((r) => {
        const documents: { name: string; fileKey?: string }[] = (r.documents as { name: string; fileKey?: string }[]).map((d) => ({ name: d.name, ...(d.fileKey ? { fileKey: d.fileKey } : {}) }));
        // A scan given at intake is both the document's `fileKey` and a `scans_attached` event: listed once.
        const listed = new Set(documents.flatMap((d) => (d.fileKey ? [d.fileKey] : [])));
        for (const e of scans) {
          if (e.dossier_id !== r.id) continue;
          for (const x of (e.payload as { scans: Scan[] }).scans) {
            if (listed.has(x.file.key)) continue;
            listed.add(x.file.key);
            documents.push({ name: x.documentName, fileKey: x.file.key });
          }
        }
        return { id: r.id, code: r.code, closedAt: r.returned_at ?? r.completed_at ?? r.updated_at, documents };
      });
    },

    /**
     * Of `keys`, those a dossier still open, or closed since `cutoff`, refers to: their content stays.
     * A dossier refers to a file through its documents (`fileKey`) or an event (scan, draft, result).
     */
    async fileKeysInUseSince(cutoff: Date, keys: string[]): Promise<Set<string>> {
      if (!keys.length) return new Set();
      const live = sql`(d.status not in (${sql.join(CLOSED)}) or coalesce(d.returned_at, d.completed_at, d.updated_at) >= ${cutoff})`;
      const rows = await sql<{ key: string }>`
        select distinct x.value ->> 'fileKey' as key from dossier_records d, jsonb_array_elements(d.documents) x
        where x.value ->> 'fileKey' = any(${sql.val(keys)}::text[]) and ${live}
        union
        select distinct k.key from dossier_history e join dossier_records d on d.id = e.dossier_id,
          lateral (
            select s.value -> 'file' ->> 'key' as key from jsonb_array_elements(case when e.type = 'scans_attached' then e.payload -> 'scans' else '[]'::jsonb end) s
            union all select e.payload -> 'file' ->> 'key'
            union all select e.payload -> 'resultFile' ->> 'key'
          ) k
        where e.type in ('scans_attached', 'draft_attached', 'result_recorded', 'result_returned')
          and k.key = any(${sql.val(keys)}::text[]) and ${live}`.execute(deps.db);
      return new Set(rows.rows.map((r) => r.key));
    },

    /** The size of each counted queue, by the same predicates as the lists ("999+" beyond the cap). */
    async counts(ctx: RequestContext) {
      const now = deps.now();
      return countQueues(deps.db, ctx, await deps.deadlines.calculator(), now, QUEUE_COUNT_CAP);
    },

    /** Public lookup: a wrong or missing secret answers exactly like an unknown code. */
    async lookup(code: string, secret: string) {
      if (!secret) throw dossierNotFound();
      // A replica may not have a dossier received a moment ago (the receipt is in the citizen's hand):
      // its "no such dossier" is asked again of the primary. What it does find is at most the allowed lag old.
      const found = (await load(code, deps.readDb ?? deps.db)) ?? (deps.readDb && deps.readDb !== deps.db ? await load(code) : undefined);
      if (!found || !safeEqual(found.row.lookup_secret, secret.toUpperCase())) throw dossierNotFound();
      // The citizen sees what the events say: a row edited behind the application's back shows nothing.
      return presentPublic({ ...found.row, ...projectionOf(found.state, found.row.documents as ListedDocument[]) }, found.state, deps.now());
    },


    /** Who may receive each step of the dossier's route: names and positions, for those who act on it. */
    routeStaff(ctx: RequestContext, code: string, step?: number) {
      return routeStaff(deps, ctx, code, step);
    },


  };
}

/** A result in the applicant's document store (`resultsForApplicant`). */
export type ApplicantResult = {
  dossierCode: string; procedureCode: string; procedureName: string; summary: string; resultNumber: string | null;
  file: FileRef; issuedAt: string; returnedAt: string | null; returnMethod: ResultMethod | null;
};

/** Every file a dossier refers to, by key: scans given at intake, scans, drafts, the result. */
function filesOfDossier(documents: ListedDocument[], state: DossierState): Map<string, { name: string }> {
  const out = new Map<string, { name: string }>();
  documents.forEach((d) => { if (d.fileKey) out.set(d.fileKey, { name: (d as { fileName?: string }).fileName ?? d.name }); });
  for (const x of state.scans) out.set(x.file.key, x.file);
  for (const x of state.drafts) out.set(x.file.key, x.file);
  if (state.resultFile) out.set(state.resultFile.key, state.resultFile);
  return out;
}

/** A download keeps its name, with the extension of its real type when the name has none. */
function withExtension(name: string, type: ScanType | undefined): string {
  if (!type || /\.[a-z0-9]{2,4}$/i.test(name)) return name;
  return `${name}.${SCAN_EXTENSIONS[type]}`;
}

function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
