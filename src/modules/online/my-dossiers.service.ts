import type { Db } from '../../platform/db/transaction.js';
import { formatViDate } from '../../platform/documents/vi-format.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { DossierEvent } from '../dossiers/rules/events.js';
import type { DocumentsService } from './documents.service.js';
import type { FilingService } from './filing.service.js';
import * as repo from './online.repository.js';
import type { CitizensPort, OnlineDossiersPort, PaymentsPort, RatingsPort, SlipsPort } from './ports.js';
import { canRate, citizenTimeline, deadlineExplanation, requiredActions } from './rules/citizen-view.js';
import { RATING_LABELS, type RatingInput, type RatingLevel, type SupplementInput } from './schema.js';

type Deps = { db: Db; now: () => Date; citizens: CitizensPort; dossiers: OnlineDossiersPort; documents: DocumentsService; filing: FilingService; slips: SlipsPort; ratings: RatingsPort; payments?: PaymentsPort | undefined };

const dossierNotFound = () => errors.notFound('hồ sơ', 'Dossier', 'DOSSIER_NOT_FOUND');
const day = (iso: string | null) => (iso ? formatViDate(iso) : null);

/**
 * "Hồ sơ của tôi". A dossier is the citizen's when they submitted it through their account, or when
 * it was filed at a desk with their e-ID's ID number as the applicant (or as the representative of an
 * organisation) — matched on the blind index, never on the clear number. A person who only carried
 * someone else's papers to the desk as their authorised agent does not see that person's dossier.
 * Anything else answers 404, as if it did not exist.
 */
export function createMyDossiersService(deps: Deps) {
  async function owned(citizenId: number, code: string) {
    const found = await deps.dossiers.forApplicantOne(code);
    if (!found) throw dossierNotFound();
    if (await repo.isSubmittedBy(deps.db, citizenId, code)) return { ...found, source: 'online' as const };
    const { idNumber } = await deps.citizens.profile(citizenId);
    const organisation = (found.dossier.applicant as { kind?: string }).kind === 'organisation';
    const mine = idNumber && (deps.dossiers.idNumberMatches(idNumber, found.indexes.applicant) || (organisation && deps.dossiers.idNumberMatches(idNumber, found.indexes.representative)));
    if (!mine) throw dossierNotFound();
    return { ...found, source: 'desk' as const };
  }

  return {
    async list(citizenId: number) {
      const [{ idNumber }, drafts, codes] = [await deps.citizens.profile(citizenId), await deps.filing.drafts(citizenId), await repo.submittedCodes(deps.db, citizenId)];
      const dossiers = await deps.dossiers.forApplicant({ codes, idNumber, limit: 200 });
      const ratings = await deps.ratings.ratedAmong(dossiers.map((d) => d.code));
      return {
        drafts: drafts.filter((d) => d.status === 'draft').map((d) => ({ id: d.id, procedureCode: d.procedure_code, procedureName: d.procedure_name, updatedAt: d.updated_at.toISOString(), updatedOn: formatViDate(d.updated_at) })),
        dossiers: dossiers.map((d) => ({
          code: d.code, procedureCode: d.procedureCode, procedureName: d.procedureName, statusCode: d.statusCode, statusName: d.statusName, statusNameEn: d.statusNameEn,
          channel: d.channel, source: codes.includes(d.code) ? 'online' as const : 'desk' as const,
          receivedAt: d.receivedAt, receivedOn: day(d.receivedAt), dueAt: d.dueAt, dueOn: day(d.dueAt), timeliness: d.timeliness,
          // The actions in the list are the status's: the detail page has the particulars.
          needsAction: d.statusCode === 5 || d.statusCode === 6 || ((d.statusCode === 9 || d.statusCode === 10) && !ratings.has(d.code)),
        })),
      };
    },

    async detail(citizenId: number, code: string) {
      const { dossier: d, state, source } = await owned(citizenId, code);
      const events = d.events as unknown as DossierEvent[];
      const rating = await deps.ratings.ratingOf(code);
      const files = d.documents as { name: string; fileKey?: string; supplement?: boolean }[];
      const refused = [...events].reverse().find((e) => e.type === 'refused');
      return {
        code: d.code, source, procedureCode: d.procedureCode, procedureName: d.procedureName, caseName: (d.processingTime as { caseName?: string } | null)?.caseName ?? null,
        statusCode: d.statusCode, statusName: d.statusName, statusNameEn: d.statusNameEn, channel: d.channel, resultDelivery: d.resultDelivery,
        receivedAt: d.receivedAt, receivedOn: day(d.receivedAt), dueAt: d.dueAt, dueOn: day(d.dueAt), completedAt: d.completedAt, returnedAt: d.returnedAt, timeliness: d.timeliness,
        // The secret lets them (or someone they trust) follow it on the public lookup without signing in.
        lookupSecret: d.lookupSecret,
        documents: files.map((f) => ({ name: f.name, attached: !!f.fileKey, supplement: !!f.supplement })),
        timeline: citizenTimeline(events),
        deadline: deadlineExplanation(events, state),
        actions: requiredActions(events, state, !!rating),
        refusalReasons: refused?.type === 'refused' ? refused.reasons : [],
        receiptAvailable: !!state.receivedAt,
        paymentOnline: !!deps.payments,
        rating: rating ? { level: rating.level as RatingLevel, label: RATING_LABELS[rating.level as RatingLevel], comment: rating.comment, ratedAt: rating.ratedAt.toISOString() } : null,
      };
    },

    /** A slip of their own dossier as the desk would hand it over (receipt 01 once received). */
    async slip(citizenId: number, code: string, form: '01' | '02' | '03'): Promise<Buffer> {
      await owned(citizenId, code);
      return deps.slips.applicantSlip(code, form);
    },

    /** The documents asked for, from the citizen's store; the dossier module records the supplement as theirs. */
    async supplement(ctx: RequestContext, citizenId: number, code: string, input: SupplementInput) {
      const { dossier: d } = await owned(citizenId, code);
      const files = await deps.documents.owned(citizenId, input.documents.map((x) => String(x.fileId)));
      const byId = new Map(files.map((f) => [f.id, f]));
      const missing = input.documents.map((x, i) => ({ x, i })).filter(({ x }) => !byId.has(String(x.fileId)));
      if (missing.length) {
        throw errors.validation(missing.map(({ x, i }) => ({ path: `documents.${i}.fileId`, message: `Không tìm thấy tệp của giấy tờ "${x.name}" trong kho giấy tờ của bạn.`, messageEn: 'The file is not in your documents.' })));
      }
      await deps.dossiers.supplementByApplicant(ctx, d.code, { documents: input.documents.map((x) => ({ name: x.name, fileKey: byId.get(String(x.fileId))!.file_key })), note: input.note ?? undefined });
      return this.detail(citizenId, code);
    },

    async rate(ctx: RequestContext, citizenId: number, code: string, input: RatingInput) {
      const { dossier: d, state } = await owned(citizenId, code);
      if (!canRate(state)) {
        throw errors.conflict('RATING_NOT_YET', 'Chỉ đánh giá được sau khi hồ sơ đã có kết quả.', 'A dossier can be rated once its result is ready.', { status: state.status });
      }
      // One rating per dossier whatever the channel: the satisfaction module answers 409 ALREADY_RATED for a second.
      await deps.ratings.rate(ctx, { dossierCode: d.code, citizenId, level: input.level, comment: input.comment });
      return this.detail(citizenId, code);
    },

    /** Starts the online payment of what the dossier owes (only registered when payments are wired). */
    async pay(ctx: RequestContext, citizenId: number, code: string) {
      const { dossier: d, state } = await owned(citizenId, code);
      const owed = state.paymentDue - state.paid;
      if (state.status !== 6 || owed <= 0) throw errors.conflict('NOTHING_TO_PAY', 'Hồ sơ không có khoản phí, lệ phí nào đang chờ nộp.', 'Nothing is awaiting payment on this dossier.');
      if (!deps.payments) throw new AppError('ONLINE_PAYMENT_UNAVAILABLE', 503, 'Chưa thanh toán trực tuyến được; vui lòng nộp tại bộ phận một cửa.', 'Online payment is not available; pay at the desk.');
      return deps.payments.start(ctx, d.code, owed);
    },
  };
}
