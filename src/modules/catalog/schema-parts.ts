/**
 * Building blocks of the procedure record (codes, times, documents, fees, steps, internal process,
 * sub-cases, version metadata). Re-exported by schema.ts, which other modules import. No Node-only
 * imports: shared with the web app.
 */
import { z } from 'zod';
import { dbDate } from '../../platform/http/bounds.js';

/** A required, trimmed text whose message names the field, e.g. "Tên thủ tục không được để trống". */
export const requiredText = (label: string, max = 2000) =>
  z
    .string({ error: `${label} không được để trống` })
    .trim()
    .min(1, `${label} không được để trống`)
    .max(max, `${label} không được dài quá ${max} ký tự`);

export const optionalText = (label: string, max = 4000) =>
  z.string({ error: `${label} phải là chuỗi ký tự` }).trim().max(max, `${label} quá dài`).optional();

export const isoDate = (label: string) =>
  dbDate(`${label} phải là ngày hợp lệ dạng YYYY-MM-DD`);

const count = (label: string) =>
  z.int({ error: `${label} phải là số nguyên` }).min(0, `${label} không được âm`).default(0);

/**
 * National procedure code: `1.000948`, with localised suffixes such as `1.000948.H30` or
 * `2.001218.000.00.00.H30` (DOMAIN §2.5).
 */
export const PROCEDURE_CODE_PATTERN = /^[1-9]\.\d{6}(\.[0-9A-Z]{1,6})*$/;

/**
 * Agency electronic ID (Decision 20/2020/QĐ-TTg art. 4): level 1 is `MX1X2` (a letter A–Y and two
 * digits); each further dot-separated group of digits/capitals names the unit one level down; at
 * most 35 characters.
 */
export const UNIT_CODE_PATTERN = /^[A-Y]\d{2}(\.[0-9A-Z]{2,3})*$/;

export const procedureCodeSchema = z
  .string({ error: 'Mã thủ tục không được để trống' })
  .trim()
  .max(35, 'Mã thủ tục không được dài quá 35 ký tự')
  .regex(PROCEDURE_CODE_PATTERN, 'Mã thủ tục không đúng định dạng (ví dụ 1.000948 hoặc 1.000948.H30)');

export const unitCodeSchema = z
  .string({ error: 'Mã định danh đơn vị không được để trống' })
  .trim()
  .max(35, 'Mã định danh đơn vị không được dài quá 35 ký tự')
  .regex(UNIT_CODE_PATTERN, 'Mã định danh đơn vị không đúng định dạng (ví dụ H30.102.01)');

/** A function tag of an org unit (`one_stop`, `judicial_admin`…), as in demo/org/units.json. */
export const unitFunctionSchema = z
  .string({ error: 'Chức năng đơn vị không được để trống' })
  .regex(/^[a-z][a-z0-9_]*$/, 'Chức năng đơn vị chỉ gồm chữ thường, số và dấu gạch dưới');

export const levelSchema = z.enum(['province', 'commune', 'vertical'], {
  error: 'Cấp thực hiện phải là province, commune hoặc vertical',
});
export const channelKindSchema = z.enum(['desk', 'post', 'online'], {
  error: 'Cách thức thực hiện phải là desk, post hoặc online',
});
export const timeUnitSchema = z.enum(['working_days', 'calendar_days', 'working_hours'], {
  error: 'Đơn vị thời hạn phải là working_days, calendar_days hoặc working_hours',
});
export const applicantKindSchema = z.enum(['citizen', 'organisation'], {
  error: 'Đối tượng thực hiện phải là citizen hoặc organisation',
});
export const onlineModeSchema = z.enum(['full', 'partial', 'none'], {
  error: 'Mức độ trực tuyến phải là full, partial hoặc none',
});
export const versionStatusSchema = z.enum(['draft', 'published', 'amended', 'replaced', 'abolished'], {
  error: 'Trạng thái phiên bản không hợp lệ',
});
export const staffRoleSchema = z.enum(['desk_officer', 'specialist', 'unit_head'], {
  error: 'Vai trò phải là desk_officer, specialist hoặc unit_head',
});

/**
 * Statutory processing time. `cutoff` is the same-day rule of some sectors (e.g. Decree 23/2015
 * art. 7 for certification: received after 15:00 → done on the next working day); it is a
 * per-procedure parameter, never a global constant (DOMAIN §3.2).
 */
export const processingTimeSchema = z
  .strictObject({
    amount: z.int({ error: 'Thời hạn phải là số nguyên' }).positive('Thời hạn phải lớn hơn 0'),
    unit: timeUnitSchema,
    cutoff: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ tiếp nhận tối đa trong ngày phải có dạng HH:mm')
      .optional(),
  })
  .refine((t) => t.cutoff === undefined || t.unit === 'working_days', {
    message: 'Giờ tiếp nhận tối đa chỉ áp dụng cho thời hạn tính bằng ngày làm việc',
    path: ['cutoff'],
  });

export const channelTimeSchema = z.strictObject({
  kind: channelKindSchema,
  time: processingTimeSchema,
  note: optionalText('Ghi chú cách thức'),
});

export const agencyRefSchema = z.strictObject({
  /** e-ID code of an org unit in the province's tree; absent for bodies outside it (tax, police). */
  code: unitCodeSchema.optional(),
  name: requiredText('Tên cơ quan', 300),
});

export const requiredDocumentSchema = z
  .strictObject({
    name: requiredText('Tên giấy tờ', 1000),
    originals: count('Số bản chính'),
    copies: count('Số bản sao'),
    certifiedCopies: count('Số bản sao chứng thực'),
    /** Shown at the desk and returned, not kept (xuất trình để đối chiếu). */
    presentOnly: z.boolean().default(false),
    optional: z.boolean().default(false),
    formTemplate: z
      .string()
      .regex(/^[\w.-]+\.(docx?|pdf|xlsx?|odt)$/, 'Tên tệp mẫu đơn không hợp lệ (ví dụ to-khai.docx)')
      .optional(),
    /** Decree 45/2020 as amended and Decree 118/2025: data already held must not be requested again. */
    reusableFromNationalDb: z.boolean().default(false),
    note: optionalText('Ghi chú giấy tờ'),
  })
  .refine((d) => d.originals + d.copies + d.certifiedCopies > 0, {
    message: 'Giấy tờ phải có ít nhất một bản (bản chính, bản sao hoặc bản sao chứng thực)',
    path: ['originals'],
  });

export const feeSchema = z
  .strictObject({
    name: requiredText('Tên phí, lệ phí', 500),
    kind: z.enum(['fee', 'charge'], { error: 'Loại phải là fee (phí) hoặc charge (lệ phí)' }),
    /** Fixed amount in đồng. */
    amount: z.int({ error: 'Mức thu phải là số nguyên (đồng)' }).min(0, 'Mức thu không được âm').optional(),
    formula: optionalText('Cách tính'),
    per: optionalText('Đơn vị tính', 100),
    channels: z.array(channelKindSchema).optional(),
    exemptions: z.array(requiredText('Trường hợp miễn, giảm', 1000)).default([]),
  })
  .refine((f) => f.amount !== undefined || (f.formula ?? '') !== '', {
    message: 'Phí, lệ phí phải có mức thu cố định hoặc cách tính',
    path: ['amount'],
  });

export const legalDocumentSchema = z.strictObject({
  number: requiredText('Số hiệu văn bản', 100),
  title: requiredText('Trích yếu văn bản', 1000),
  date: isoDate('Ngày ban hành'),
  issuer: requiredText('Cơ quan ban hành', 300),
  articles: z.array(requiredText('Điều, khoản', 300)).optional(),
});

/** One step of the public step-sheet (trình tự thực hiện), in the eRegulations manner. */
export const procedureStepSchema = z.strictObject({
  order: z.int().positive('Thứ tự bước phải lớn hơn 0'),
  title: requiredText('Tên bước', 300),
  where: requiredText('Nơi thực hiện', 500),
  who: requiredText('Người thực hiện', 500),
  what: requiredText('Nội dung công việc', 4000),
  documents: z.array(z.string().trim().min(1)).optional(),
  cost: optionalText('Chi phí'),
  duration: optionalText('Thời gian', 300),
  /** Numbers of documents listed in the procedure's `legalBasis`. */
  legalBasis: z.array(z.string().trim().min(1)).optional(),
  recourse: optionalText('Quyền khiếu nại, kiến nghị'),
});

export const stepBudgetSchema = z.strictObject({
  amount: z.int({ error: 'Thời gian của bước phải là số nguyên' }).positive('Thời gian của bước phải lớn hơn 0'),
  unit: z.enum(['working_hours', 'working_days'], {
    error: 'Đơn vị thời gian của bước phải là working_hours hoặc working_days',
  }),
});

export const responsibleSchema = z
  .strictObject({
    /** A fixed org unit, by e-ID (e.g. the provincial centre H30.002). */
    unitCode: unitCodeSchema.optional(),
    /** A unit inside the competent agency's subtree, by function tag — the same process then runs
     *  in whichever commune (or department) handles the dossier. */
    function: unitFunctionSchema.optional(),
    /** A body outside the province's org tree (tax authority, police, social insurance). */
    externalAgency: agencyRefSchema.optional(),
    role: staffRoleSchema,
  })
  .refine((r) => [r.unitCode, r.function, r.externalAgency].filter((x) => x !== undefined).length === 1, {
    message: 'Mỗi bước phải chỉ rõ đúng một nơi xử lý: mã đơn vị, chức năng đơn vị hoặc cơ quan ngoài',
    path: ['unitCode'],
  });

export const internalStepSchema = z
  .strictObject({
    order: z.int().positive('Thứ tự bước phải lớn hơn 0'),
    name: requiredText('Tên bước xử lý', 300),
    action: requiredText('Nội dung xử lý', 2000),
    responsible: responsibleSchema,
    budget: stepBudgetSchema,
    /** Liên thông: the dossier is handed to another agency for this step (Decree 118/2025). */
    interAgency: z.boolean().default(false),
    output: optionalText('Kết quả của bước', 500),
  })
  .refine((s) => s.responsible.externalAgency === undefined || s.interAgency, {
    message: 'Bước do cơ quan ngoài xử lý phải được đánh dấu liên thông',
    path: ['interAgency'],
  });

/** Quy trình nội bộ. `channels` limits it to some channels (e.g. a shorter online path). */
export const internalProcessSchema = z.strictObject({
  channels: z.array(channelKindSchema).min(1, 'Danh sách kênh áp dụng không được rỗng').optional(),
  steps: z.array(internalStepSchema).min(1, 'Quy trình nội bộ phải có ít nhất một bước'),
});

/** Trường hợp: a sub-case with its own documents, time, fees and possibly its own process. */
export const subCaseSchema = z.strictObject({
  code: z
    .string({ error: 'Mã trường hợp không được để trống' })
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'Mã trường hợp chỉ gồm chữ thường không dấu, số, "_" và "-"'),
  name: requiredText('Tên trường hợp', 500),
  description: optionalText('Mô tả trường hợp'),
  /** When present, the complete document list of this case (replaces the procedure's). */
  documents: z.array(requiredDocumentSchema).optional(),
  /** When present, replaces the procedure's time for the channels listed. */
  channels: z.array(channelTimeSchema).optional(),
  /** When present, replaces the procedure's fees. */
  fees: z.array(feeSchema).optional(),
  requirements: z.array(requiredText('Yêu cầu, điều kiện', 2000)).optional(),
  internalProcesses: z.array(internalProcessSchema).optional(),
});

export const resultSchema = z.strictObject({
  name: requiredText('Tên kết quả', 500),
  template: z
    .string()
    .regex(/^[\w.-]+\.(docx?|pdf|odt)$/, 'Tên tệp mẫu kết quả không hợp lệ')
    .optional(),
});

export const publishingDecisionSchema = z.strictObject({
  number: requiredText('Số quyết định công bố', 100),
  date: isoDate('Ngày quyết định công bố'),
  signer: requiredText('Người ký quyết định công bố', 200),
  title: optionalText('Trích yếu quyết định', 1000),
});

export const versionMetaSchema = z
  .strictObject({
    number: z.int({ error: 'Số phiên bản phải là số nguyên' }).positive('Số phiên bản phải lớn hơn 0'),
    status: versionStatusSchema,
    decision: publishingDecisionSchema.optional(),
    /** First day in force. */
    effectiveFrom: isoDate('Ngày có hiệu lực').optional(),
    /** Last day in force (inclusive), set when the version is amended, replaced or abolished. */
    effectiveTo: isoDate('Ngày hết hiệu lực').optional(),
    changeNote: optionalText('Nội dung thay đổi'),
  })
  .superRefine((v, ctx) => {
    if (v.status !== 'draft' && v.decision === undefined) {
      ctx.addIssue({ code: 'custom', path: ['decision'], message: 'Phiên bản đã công bố phải có quyết định công bố' });
    }
    if (v.status !== 'draft' && v.effectiveFrom === undefined) {
      ctx.addIssue({ code: 'custom', path: ['effectiveFrom'], message: 'Phiên bản đã công bố phải có ngày có hiệu lực' });
    }
    if (v.effectiveFrom !== undefined && v.effectiveTo !== undefined && v.effectiveTo < v.effectiveFrom) {
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: 'Ngày hết hiệu lực phải sau ngày có hiệu lực' });
    }
  });

export type Level = z.infer<typeof levelSchema>;
export type ChannelKind = z.infer<typeof channelKindSchema>;
export type TimeUnit = z.infer<typeof timeUnitSchema>;
export type OnlineMode = z.infer<typeof onlineModeSchema>;
export type VersionStatus = z.infer<typeof versionStatusSchema>;
export type StaffRole = z.infer<typeof staffRoleSchema>;
export type ProcessingTime = z.infer<typeof processingTimeSchema>;
export type ChannelTime = z.infer<typeof channelTimeSchema>;
export type AgencyRef = z.infer<typeof agencyRefSchema>;
export type RequiredDocument = z.infer<typeof requiredDocumentSchema>;
export type Fee = z.infer<typeof feeSchema>;
export type LegalDocument = z.infer<typeof legalDocumentSchema>;
export type ProcedureStep = z.infer<typeof procedureStepSchema>;
export type StepBudget = z.infer<typeof stepBudgetSchema>;
export type InternalStep = z.infer<typeof internalStepSchema>;
export type InternalProcess = z.infer<typeof internalProcessSchema>;
export type SubCase = z.infer<typeof subCaseSchema>;
export type PublishingDecision = z.infer<typeof publishingDecisionSchema>;
export type VersionMeta = z.infer<typeof versionMetaSchema>;
