import { z } from 'zod';
import { dbVersion } from '../../platform/http/bounds.js';

/**
 * Zod schemas of the calendar module, shared with the web app (no Node-only imports here).
 * Query strings of the public endpoints are parsed by calendar.query.ts, which names each field
 * in its Vietnamese message; the schemas below document them in OpenAPI.
 */
export const DAY_KIND_VALUES = ['holiday', 'compensatory', 'swap_off', 'makeup_workday'] as const;
export const DEADLINE_UNITS = ['working_days', 'calendar_days', 'working_hours'] as const;
export const COUNTING_RULES = ['from_receipt', 'next_day'] as const;

/** Bounds of a deadline request, the same as the engine's: a typo (3000 for 30) stops at 400. */
export const MAX_AMOUNT: Record<(typeof DEADLINE_UNITS)[number], number> = { working_days: 2000, calendar_days: 3650, working_hours: 16000 };
/** Years the province calendar can be edited for and deadlines computed in (defaults cover them all). */
export const EDITABLE_YEARS = { min: 2000, max: 2100 } as const;
/** Years the public year view and the lunar conversion answer for (the lunar tables' range). */
export const VIEW_YEARS = { min: 1900, max: 2100 } as const;

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const isoDate = (what: string) => z.iso.date({ message: `${what} phải là ngày có dạng YYYY-MM-DD` });
const text = (what: string, max: number) =>
  z.string({ message: `${what} phải là chuỗi ký tự` }).trim().min(1, `${what} không được để trống`).max(max, `${what} dài quá ${max} ký tự`);
const optionalText = (what: string, max: number) =>
  z.string().trim().max(max, `${what} dài quá ${max} ký tự`).nullish().transform((v) => (v ? v : null));
const version = dbVersion(0, 'Phiên bản không hợp lệ');

export const dayKind = z.enum(DAY_KIND_VALUES, { message: 'Loại ngày phải là holiday, compensatory, swap_off hoặc makeup_workday' });
export type DayKindValue = z.infer<typeof dayKind>;

export const basisSchema = z.strictObject({
  document: text('Số hiệu văn bản', 200),
  date: isoDate('Ngày ban hành văn bản'),
});

export const noticeDayInput = z.strictObject({
  date: isoDate('Ngày'),
  kind: dayKind,
  name: text('Tên ngày', 200),
  occasion: z.string().trim().regex(/^[a-z0-9_]{1,40}$/, 'Mã dịp lễ chỉ gồm chữ thường, số, dấu gạch dưới').optional(),
});

export const recordNoticeBody = z.strictObject({
  version,
  document: text('Số hiệu văn bản', 200),
  date: isoDate('Ngày ban hành'),
  title: text('Trích yếu', 500),
  issuer: optionalText('Cơ quan ban hành', 200),
  references: z.array(basisSchema).max(10).default([]),
  covers: z.array(z.string().trim().regex(/^[a-z0-9_]{1,40}$/, 'Mã dịp lễ chỉ gồm chữ thường, số, dấu gạch dưới')).max(20).default([]),
  days: z.array(noticeDayInput).max(60, 'Một thông báo có tối đa 60 ngày').default([]),
  removes: z.array(isoDate('Ngày bỏ')).max(30).default([]),
  note: optionalText('Ghi chú', 2000),
  /** Only show what would change; record nothing. */
  dryRun: z.boolean().default(false),
});
export type RecordNoticeInput = z.output<typeof recordNoticeBody>;

export const editDayBody = z.strictObject({
  version,
  /** 'ordinary' makes the date an ordinary day again (e.g. cancels a default holiday). */
  kind: z.enum([...DAY_KIND_VALUES, 'ordinary'], { message: 'Loại ngày phải là holiday, compensatory, swap_off, makeup_workday hoặc ordinary' }),
  name: optionalText('Tên ngày', 200),
  basis: basisSchema.nullish().transform((v) => v ?? null),
  reason: text('Lý do điều chỉnh', 1000),
});
export type EditDayInput = z.output<typeof editDayBody>;

export const withdrawNoticeBody = z.strictObject({ version, reason: text('Lý do thu hồi', 1000) });
export type WithdrawNoticeInput = z.output<typeof withdrawNoticeBody>;

export const yearNoteBody = z.strictObject({ version, note: optionalText('Ghi chú', 4000) });
export type YearNoteInput = z.output<typeof yearNoteBody>;

export const intervalSchema = z.strictObject({
  start: z.string().regex(HH_MM, 'Giờ bắt đầu phải có dạng HH:mm'),
  end: z.string().regex(HH_MM, 'Giờ kết thúc phải có dạng HH:mm'),
});

export const setHoursBody = z.strictObject({
  version,
  intervals: z.array(intervalSchema).min(1, 'Cần ít nhất một khoảng giờ làm việc').max(6, 'Tối đa 6 khoảng giờ làm việc')
    .superRefine((list, ctx) => {
      let previousEnd = '';
      list.forEach((iv, i) => {
        if (!HH_MM.test(iv.start) || !HH_MM.test(iv.end)) return;
        if (iv.end <= iv.start) ctx.addIssue({ code: 'custom', path: [i, 'end'], message: `Khoảng ${i + 1}: giờ kết thúc phải sau giờ bắt đầu` });
        if (previousEnd && iv.start < previousEnd) ctx.addIssue({ code: 'custom', path: [i, 'start'], message: `Khoảng ${i + 1}: phải bắt đầu sau khi khoảng trước kết thúc` });
        previousEnd = iv.end;
      });
    }),
  saturdayWorking: z.boolean({ message: 'Làm việc thứ Bảy phải là true hoặc false' }),
  effectiveFrom: isoDate('Ngày áp dụng').optional(),
  tetDaysBefore: z.number().int().min(0, 'Số ngày nghỉ Tết trước mùng 1 từ 0 đến 4').max(4, 'Số ngày nghỉ Tết trước mùng 1 từ 0 đến 4').optional(),
  nationalDayAdjacent: z.enum(['before', 'after'], { message: 'Ngày liền kề Quốc khánh phải là before (1/9) hoặc after (3/9)' }).optional(),
  reason: optionalText('Lý do', 1000),
});
export type SetHoursInput = z.output<typeof setHoursBody>;

// --- views -----------------------------------------------------------------------------------

export const basisView = z.object({ document: z.string(), date: z.string() }).nullable();

export const publicDayView = z.object({
  date: z.string(), kind: z.string(), name: z.string(), basis: basisView,
  source: z.enum(['default', 'notice', 'manual']),
});
export type PublicDayView = z.infer<typeof publicDayView>;

export const publicYearView = z.object({
  year: z.number(),
  /** 0 while the year is only the Labour Code defaults. */
  version: z.number(),
  stored: z.boolean(),
  days: z.array(publicDayView),
  notices: z.array(z.object({ document: z.string(), date: z.string(), title: z.string(), issuer: z.string().nullable() })),
});
export type PublicYearView = z.infer<typeof publicYearView>;

/** One line of a deadline's explanation (rules/explain.ts): what happened on a date and why. */
export const explanationEntryView = z.object({
  date: z.string(), kind: z.string(), reason: z.string(),
  hours: z.number().optional(), days: z.number().optional(), at: z.string().optional(),
  name: z.string().optional(), basis: basisView.optional(), note: z.string(),
});
export const deadlineView = z.object({
  due: z.string(), explanation: z.array(explanationEntryView),
  start: z.string(), workingHoursPerDay: z.number(),
});
export const lunarView = z.object({ day: z.number(), month: z.number(), year: z.number(), leap: z.boolean() });
export const solarView = z.object({ date: z.string() });

export const hoursView = z.object({
  version: z.number(), effectiveFrom: z.string(), intervals: z.array(z.object({ start: z.string(), end: z.string() })),
  saturdayWorking: z.boolean(), tetDaysBefore: z.number(), nationalDayAdjacent: z.enum(['before', 'after']),
  hoursPerDay: z.number(), reason: z.string().nullable(), recordedAt: z.string().nullable(), recordedBy: z.string().nullable(),
});
export type HoursView = z.infer<typeof hoursView>;
export const hoursListView = z.object({ current: hoursView, history: z.array(hoursView) });
