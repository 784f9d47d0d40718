import { can, hasAnywhere, reachable, requireActor } from '../../platform/access/policy.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { inTransaction, type Db } from '../../platform/db/transaction.js';
import { formatViDate } from '../../platform/documents/vi-format.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { DossierRatingFacts } from '../dossiers/rating-facts.js';
import type { RatingDossiersPort, SatisfactionSettings, SecretsPort, UnitsPort } from './ports.js';
import { createGuessLimiter } from './rules/guess-limiter.js';
import { codeIndexInput, displayKioskCode, newKioskCode, normaliseKioskCode } from './rules/kiosk-code.js';
import { ratedOfficial } from './rules/official.js';
import * as repo from './satisfaction.repository.js';
import type { RatingChannel } from './satisfaction.tables.js';
import { RATING_LABELS, type GroupBy, type KioskDossier, type KioskRatingInput, type RatingInput, type RatingLevel, type Results, type ResultsQuery } from './schema.js';
import { emptyCounts, summarise } from './rules/summary.js';

export type SatisfactionDeps = { db: Db; now: () => Date; dossiers: RatingDossiersPort; units: UnitsPort; secrets: SecretsPort; settings: SatisfactionSettings };

const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;
/** 00:00 in Asia/Ho_Chi_Minh of a calendar day. */
const vnDayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - VN_OFFSET_MS);

const dossierNotFound = () => errors.notFound('hồ sơ', 'Dossier', 'DOSSIER_NOT_FOUND');
// One answer for every code that finds nothing: a wrong code says nothing of any dossier.
const invalidCode = () => new AppError('RATING_CODE_INVALID', 404, 'Mã đánh giá không đúng. Vui lòng kiểm tra lại mã in trên Giấy tiếp nhận hoặc hỏi cán bộ tại quầy.', 'The rating code is not right. Check the code on your receipt or ask at the desk.');
const usedCode = () => new AppError('RATING_CODE_USED', 410, 'Mã đánh giá này đã được sử dụng; mỗi hồ sơ chỉ đánh giá một lần.', 'This rating code has already been used; one rating per dossier.');
const expiredCode = () => new AppError('RATING_CODE_EXPIRED', 410, 'Mã đánh giá đã hết hạn.', 'The rating code has expired.');
const alreadyRated = () => errors.conflict('ALREADY_RATED', 'Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần.', 'This dossier was already rated; one rating per dossier.');
const notReceived = () => errors.conflict('RATING_NOT_RECEIVED', 'Hồ sơ chưa được tiếp nhận nên chưa đánh giá được.', 'The dossier has not been received; it cannot be rated yet.');

/**
 * Satisfaction with the handling of dossiers (issue 12 item 3; DOMAIN §7): one rating per dossier,
 * online (the citizen's account, through modules/online), at the kiosk (a one-time code) or from a
 * paper slip (typed in by the desk); results per unit, official and procedure for the reports and
 * the statistics module, and per unit for the public.
 */
export function createSatisfactionService(deps: SatisfactionDeps) {
  const guesses = createGuessLimiter({ max: deps.settings.wrongCodesPerMinute, windowMs: 60_000 });

  /** Writes the rating and its audit row in one transaction; a second rating of the dossier, by any channel, is 409. */
  async function insertRating(ctx: RequestContext, facts: DossierRatingFacts, r: { channel: RatingChannel; level: RatingLevel; comment: string | null; citizenId?: number; codeId?: string }) {
    const official = ratedOfficial(facts.events);
    try {
      await inTransaction(deps.db, async (trx) => {
        if (r.codeId) {
          // Single use: the code is spent in the same transaction as the rating, and only once.
          const spent = await trx.updateTable('rating_codes').set({ used_at: deps.now() }).where('id', '=', r.codeId).where('used_at', 'is', null).where('revoked_at', 'is', null).executeTakeFirst();
          if (Number(spent.numUpdatedRows) !== 1) throw usedCode();
        }
        await trx.insertInto('dossier_ratings').values({
          dossier_code: facts.code, channel: r.channel, citizen_id: r.citizenId ?? null, unit_id: facts.receivingUnitId,
          procedure_code: facts.procedureCode, procedure_name: facts.procedureName, official_staff_id: official?.staffId ?? null, official_name: official?.name ?? null,
          recorded_by_staff_id: r.channel === 'paper' ? ctx.actor!.staffId : null, level: r.level, comment: r.comment, rated_at: deps.now(),
        }).execute();
        await recordAudit(trx, ctx, {
          action: 'satisfaction.rated', entity: 'dossier', entityId: facts.code, unitId: facts.receivingUnitId, after: { level: r.level, channel: r.channel },
          ...(r.channel === 'kiosk' ? { note: 'Người dân đánh giá tại máy đánh giá (mã một lần)' } : {}),
        });
      });
    } catch (err) {
      if (isUniqueViolation(err, 'dossier_ratings_dossier_key')) throw alreadyRated();
      throw err;
    }
  }

  /** Issues a new live code for a dossier (revoking any live one) and answers it in clear, once, to the caller. */
  async function issue(ctx: RequestContext, facts: DossierRatingFacts, by: 'receipt' | 'staff'): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const code = newKioskCode();
      try {
        await inTransaction(deps.db, async (trx) => {
          const revoked = await trx.updateTable('rating_codes').set({ revoked_at: deps.now() }).where('dossier_code', '=', facts.code).where('used_at', 'is', null).where('revoked_at', 'is', null).executeTakeFirst();
          await trx.insertInto('rating_codes').values({
            dossier_code: facts.code, code_index: deps.secrets.blindIndex(codeIndexInput(code)), code_sealed: deps.secrets.sealText(code),
            issued_at: deps.now(), issued_by_staff_id: by === 'staff' ? ctx.actor?.staffId ?? null : null,
          }).execute();
          // The code itself is never written to the log.
          await recordAudit(trx, ctx, { action: 'satisfaction.code_issued', entity: 'dossier', entityId: facts.code, unitId: facts.receivingUnitId, after: { by, replaced: Number(revoked.numUpdatedRows) > 0 } });
        });
        return code;
      } catch (err) {
        // Two issues at once (the live-code index), or — once in 2^40 — a code already taken: try again.
        if (attempt < 3 && (isUniqueViolation(err, 'rating_codes_live_key') || isUniqueViolation(err, 'rating_codes_index_key'))) {
          const live = await repo.liveCode(deps.db, facts.code);
          if (live && by === 'receipt') return deps.secrets.openText(live.code_sealed);
          continue;
        }
        throw err;
      }
    }
  }

  function expiresAt(facts: DossierRatingFacts): Date | null {
    return facts.returnedAt ? new Date(Date.parse(facts.returnedAt) + deps.settings.codeDaysAfterReturn * DAY_MS) : null;
  }

  /**
   * The code a kiosk presents, checked: wrong codes count against the address and, past the limit,
   * every code from it is refused for the rest of the minute. Answers the live code row and its dossier.
   */
  async function presented(ctx: RequestContext, typed: string) {
    const address = ctx.ip ?? 'unknown';
    if (guesses.blocked(address)) {
      const wait = guesses.retryAfter(address);
      throw new AppError('RATING_CODE_TOO_MANY', 429, `Nhập sai mã quá nhiều lần. Vui lòng thử lại sau ${wait} giây hoặc hỏi cán bộ tại quầy.`, `Too many wrong codes. Try again in ${wait} seconds or ask at the desk.`, undefined, { retryAfterSeconds: wait });
    }
    const code = normaliseKioskCode(typed);
    const row = code ? await repo.findByIndex(deps.db, deps.secrets.blindIndexes(codeIndexInput(code))) : undefined;
    if (!row || row.revoked_at) {
      guesses.fail(address);
      throw invalidCode();
    }
    await deps.db.updateTable('rating_codes').set((eb) => ({ attempts: eb('attempts', '+', 1), last_attempt_at: deps.now() })).where('id', '=', row.id).execute();
    if (row.used_at) throw usedCode();
    const facts = await deps.dossiers.ratingFacts(null, row.dossier_code);
    if (!facts) {
      guesses.fail(address);
      throw invalidCode();
    }
    const expiry = expiresAt(facts);
    if (expiry && deps.now() >= expiry) throw expiredCode();
    if (await repo.ratingOf(deps.db, facts.code)) throw alreadyRated();
    return { row, facts };
  }

  async function kioskView(facts: DossierRatingFacts): Promise<KioskDossier> {
    const unitName = (await deps.units.unitNames([facts.receivingUnitId])).get(facts.receivingUnitId) ?? '';
    return { procedureName: facts.procedureName, unitName, receivedOn: facts.receivedAt ? formatViDate(facts.receivedAt) : null };
  }

  /** A staff member on a dossier's page: 404 when they cannot see it, 403 when they have no hand in it (its desk, its holder). */
  async function staffFacts(ctx: RequestContext, dossierCode: string): Promise<DossierRatingFacts> {
    requireActor(ctx.actor);
    const facts = await deps.dossiers.ratingFacts(ctx, dossierCode);
    if (!facts || !facts.access.read) throw dossierNotFound();
    if (!facts.access.actsOn) throw errors.forbidden();
    if (!facts.receivedAt) throw notReceived();
    return facts;
  }

  async function results(q: { from: Date; to: Date; unitIds?: number[]; groupBy: GroupBy }, period: { from: string; to: string }, withNames = true): Promise<Results> {
    const buckets = await repo.countBy(deps.db, q);
    const groups = new Map<string, { name: string | null; counts: Record<RatingLevel, number> }>();
    const total = emptyCounts();
    for (const b of buckets) {
      const g = groups.get(b.key) ?? { name: b.name, counts: emptyCounts() };
      g.counts[b.level] += b.n;
      total[b.level] += b.n;
      groups.set(b.key, g);
    }
    const unitNames = q.groupBy === 'unit' ? await deps.units.unitNames([...groups.keys()].map(Number)) : new Map<number, string>();
    const rows = [...groups.entries()].map(([key, g]) => {
      const name = q.groupBy === 'unit' ? unitNames.get(Number(key)) ?? `#${key}` : q.groupBy === 'official' ? (key ? g.name ?? `#${key}` : 'Không xác định') : g.name ?? key;
      return { key, name: withNames ? name : '', ...summarise(g.counts) };
    }).sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'vi'));
    return { from: period.from, to: period.to, groupBy: q.groupBy, rows, total: { key: 'total', name: 'Tổng cộng', ...summarise(total) } };
  }

  function period(from: string, to: string) {
    if (to < from) throw errors.validation([{ path: 'to', message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.', messageEn: 'The end date must not be before the start date.' }]);
    if ((Date.parse(to) - Date.parse(from)) / DAY_MS + 1 > 731) throw errors.validation([{ path: 'to', message: 'Mỗi lần xem tối đa 731 ngày.', messageEn: 'At most 731 days at a time.' }]);
    return { from: vnDayStart(from), to: new Date(vnDayStart(to).getTime() + DAY_MS) };
  }

  return {
    /** The citizen's own rating from their account: modules/online has checked the dossier is theirs and its result ready. */
    async rateOnline(ctx: RequestContext, input: { dossierCode: string; citizenId: number } & RatingInput): Promise<void> {
      const facts = await deps.dossiers.ratingFacts(null, input.dossierCode);
      if (!facts) throw dossierNotFound();
      await insertRating(ctx, facts, { channel: 'online', level: input.level, comment: input.comment, citizenId: input.citizenId });
    },

    async ratingOf(dossierCode: string) {
      const r = await repo.ratingOf(deps.db, dossierCode);
      return r ? { level: r.level, label: RATING_LABELS[r.level], comment: r.comment, channel: r.channel, ratedAt: r.rated_at } : undefined;
    },

    ratedAmong: (codes: string[]) => repo.ratedAmong(deps.db, codes),

    /**
     * The code printed on the receipt (slip 01): the live one, or a new one when there is none; null
     * once the dossier is rated or the code would already have expired. Issued by the system.
     */
    async receiptCode(dossierCode: string): Promise<{ code: string; url: string } | null> {
      const facts = await deps.dossiers.ratingFacts(null, dossierCode);
      if (!facts || !facts.receivedAt || (await repo.ratingOf(deps.db, dossierCode))) return null;
      const expiry = expiresAt(facts);
      if (expiry && deps.now() >= expiry) return null;
      const live = await repo.liveCode(deps.db, dossierCode);
      const code = live ? deps.secrets.openText(live.code_sealed) : await issue({ requestId: 'receipt', ip: null, actor: null, locale: 'vi', system: true }, facts, 'receipt');
      return { code: displayKioskCode(code), url: `${deps.settings.publicUrl}/danh-gia` };
    },

    /** The code the desk shows on screen: the live one again, or a new one (`renew`, or none live); the old one then stops working. */
    async issueCode(ctx: RequestContext, dossierCode: string, opts: { renew?: boolean | undefined } = {}) {
      const facts = await staffFacts(ctx, dossierCode);
      if (await repo.ratingOf(deps.db, facts.code)) throw alreadyRated();
      const live = opts.renew ? undefined : await repo.liveCode(deps.db, facts.code);
      const code = live ? deps.secrets.openText(live.code_sealed) : await issue(ctx, facts, 'staff');
      const expiry = expiresAt(facts);
      return { code: displayKioskCode(code), renewed: !live, kioskUrl: `${deps.settings.publicUrl}/danh-gia`, expiresAt: expiry?.toISOString() ?? null, expiresOn: expiry ? formatViDate(expiry) : null };
    },

    /** A paper slip's rating, typed in by the desk (or the unit holding the dossier). */
    async paperRating(ctx: RequestContext, dossierCode: string, input: RatingInput) {
      const facts = await staffFacts(ctx, dossierCode);
      await insertRating(ctx, facts, { channel: 'paper', level: input.level, comment: input.comment });
      return this.ratingOf(facts.code);
    },

    /** The kiosk, before rating: what is being rated (procedure, desk, date of receipt), nothing personal. */
    async kioskCheck(ctx: RequestContext, code: string): Promise<KioskDossier> {
      const { facts } = await presented(ctx, code);
      return kioskView(facts);
    },

    async kioskRate(ctx: RequestContext, input: KioskRatingInput) {
      const { row, facts } = await presented(ctx, input.code);
      await insertRating(ctx, facts, { channel: 'kiosk', level: input.level, comment: input.comment, codeId: row.id });
      return { rated: true, level: input.level, label: RATING_LABELS[input.level] };
    },

    /** For the statistics module: counts per level per unit, official or procedure over a period (no access check: the caller decides). */
    results(q: { from: Date; to: Date; unitIds?: number[]; groupBy: GroupBy }) {
      return results(q, { from: q.from.toISOString(), to: q.to.toISOString() });
    },

    /** For the statistics module (II.06a, the service index): the ratings given in [from, to), by dossier code. */
    ratingsIn: (from: Date, to: Date) => repo.ratingsIn(deps.db, from, to),

    /** The staff report: ratings of the dossiers received at units within the caller's reading reach. */
    async report(ctx: RequestContext, q: ResultsQuery): Promise<Results> {
      const actor = requireActor(ctx.actor);
      if (!hasAnywhere(actor, 'dossier.read')) throw errors.forbidden();
      const range = period(q.from, q.to);
      let unitIds = reachable(actor, 'dossier.read');
      if (q.unitId !== undefined) {
        if (!can(actor, 'dossier.read', q.unitId)) throw errors.notFound('đơn vị', 'Unit', 'UNIT_NOT_FOUND');
        const subtree = new Set((await deps.units.subtrees([q.unitId])).get(q.unitId) ?? [q.unitId]);
        unitIds = unitIds.filter((u) => subtree.has(u));
      }
      return results({ ...range, unitIds, groupBy: q.groupBy }, { from: q.from, to: q.to });
    },

    /** The transparency page: per receiving unit, no names of officials, no comments. */
    async publicResults(q: { from: string; to: string }): Promise<Results> {
      const range = period(q.from, q.to);
      return results({ ...range, groupBy: 'unit' }, q);
    },

    wrongCodes: () => guesses.wrongTotal(),
  };
}

export type SatisfactionService = ReturnType<typeof createSatisfactionService>;
