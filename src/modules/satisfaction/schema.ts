import { z } from 'zod';
import { dbDate, dbId } from '../../platform/http/bounds.js';
import { registerFieldLabels } from '../../platform/i18n/field-labels.js';

/**
 * API schemas of the satisfaction module (shared with the web app: no Node-only imports). The three
 * levels used nationally and provincially (DOMAIN §7): Rất hài lòng / Hài lòng / Không hài lòng.
 */
export const RATING_LEVELS = ['very_satisfied', 'satisfied', 'not_satisfied'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];
export const RATING_LABELS: Record<RatingLevel, { vi: string; en: string }> = {
  very_satisfied: { vi: 'Rất hài lòng', en: 'Very satisfied' },
  satisfied: { vi: 'Hài lòng', en: 'Satisfied' },
  not_satisfied: { vi: 'Không hài lòng', en: 'Not satisfied' },
};
export const RATING_CHANNELS = ['online', 'kiosk', 'paper'] as const;
export type RatingChannel = (typeof RATING_CHANNELS)[number];
export const CHANNEL_LABELS: Record<RatingChannel, { vi: string; en: string }> = {
  online: { vi: 'Trực tuyến', en: 'Online' },
  kiosk: { vi: 'Máy đánh giá tại quầy', en: 'Kiosk at the desk' },
  paper: { vi: 'Phiếu giấy', en: 'Paper slip' },
};

export const MAX_COMMENT = 2000;
const comment = z.string({ error: 'Ý kiến phải là chuỗi ký tự' }).trim().max(MAX_COMMENT, `Ý kiến dài quá ${MAX_COMMENT} ký tự`).nullish().transform((v) => v || null);
const level = z.enum(RATING_LEVELS, { message: 'Mức độ hài lòng phải là very_satisfied (rất hài lòng), satisfied (hài lòng) hoặc not_satisfied (không hài lòng)' });

/** The citizen's rating from their account (modules/online keeps the route). */
export const ratingBody = z.strictObject({ level, comment });
export type RatingInput = z.output<typeof ratingBody>;

/** What a person types at the kiosk: any case, spaces or a dash; checked against the alphabet by the service. */
const kioskCode = z.string({ error: 'Mã đánh giá phải là chuỗi ký tự' }).trim().min(1, 'Hãy nhập mã đánh giá').max(20, 'Mã đánh giá không hợp lệ');
export const kioskCheckBody = z.strictObject({ code: kioskCode });
export const kioskRatingBody = z.strictObject({ code: kioskCode, level, comment });
export type KioskRatingInput = z.output<typeof kioskRatingBody>;

export const issueCodeBody = z.strictObject({
  /** Issue a new code even when one is live (the old one stops working). */
  renew: z.boolean({ error: 'renew phải là true hoặc false' }).optional(),
});
export const paperRatingBody = z.strictObject({ level, comment });

export const GROUP_BY = ['unit', 'official', 'procedure'] as const;
export type GroupBy = (typeof GROUP_BY)[number];
export const MAX_PERIOD_DAYS = 731;

export const resultsQuery = z.strictObject({
  from: dbDate(),
  to: dbDate(),
  unitId: dbId('Đơn vị không hợp lệ').optional(),
  groupBy: z.enum(GROUP_BY, { message: 'Nhóm theo phải là unit (đơn vị), official (cán bộ) hoặc procedure (thủ tục)' }).default('unit'),
});
export type ResultsQuery = z.output<typeof resultsQuery>;
export const publicResultsQuery = z.strictObject({ from: dbDate(), to: dbDate() });

/** What the kiosk shows of the dossier being rated: no personal data. */
export type KioskDossier = { procedureName: string; unitName: string; receivedOn: string | null };
export type ResultRow = { key: string; name: string; counts: Record<RatingLevel, number>; total: number; satisfiedRate: number | null };
export type Results = { from: string; to: string; groupBy: GroupBy; rows: ResultRow[]; total: ResultRow };

registerFieldLabels({
  level: { vi: 'Mức độ hài lòng', en: 'Satisfaction level' },
  comment: { vi: 'Ý kiến', en: 'Comment' },
  renew: { vi: 'Cấp mã mới', en: 'Issue a new code' },
  groupBy: { vi: 'Nhóm theo', en: 'Group by' },
});
