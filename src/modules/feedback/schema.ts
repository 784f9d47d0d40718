import { z } from 'zod';
import { dbDate, dbId, dbVersion } from '../../platform/http/bounds.js';
import { registerFieldLabels } from '../../platform/i18n/field-labels.js';

/**
 * API schemas of feedback (phản ánh, kiến nghị — PAKN), shared with the web app and the Open311
 * adapter (no Node-only imports). The contract is /work/prompts/feedback-contract.md; docs/FEEDBACK.md.
 */
export const FEEDBACK_STATUSES = ['received', 'in_progress', 'awaiting_approval', 'answered', 'published', 'rejected', 'withdrawn'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const STATUS_LABELS: Record<FeedbackStatus, { vi: string; en: string }> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  in_progress: { vi: 'Đang xử lý', en: 'In progress' },
  awaiting_approval: { vi: 'Chờ lãnh đạo duyệt trả lời', en: 'Answer awaiting approval' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  published: { vi: 'Đã trả lời và công khai', en: 'Answered and published' },
  rejected: { vi: 'Không thuộc phạm vi xử lý', en: 'Out of scope' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
};

export const FEEDBACK_ACTIONS = ['classify', 'assign', 'draft_answer', 'approve_answer', 'return_draft', 'publish', 'unpublish', 'note', 'withdraw'] as const;
export type FeedbackAction = (typeof FEEDBACK_ACTIONS)[number];

/** Labels of history events (the actions above plus what happens without an action). */
export const EVENT_LABELS: Record<string, { vi: string; en: string }> = {
  received: { vi: 'Tiếp nhận phản ánh, kiến nghị', en: 'Received' },
  classified: { vi: 'Phân loại: thuộc thẩm quyền, đang xử lý', en: 'Classified: in competence' },
  forwarded: { vi: 'Chuyển đến cơ quan có thẩm quyền', en: 'Forwarded to the competent unit' },
  rejected: { vi: 'Không thuộc phạm vi xử lý', en: 'Out of scope' },
  assigned: { vi: 'Giao cán bộ xử lý', en: 'Assigned' },
  answer_drafted: { vi: 'Dự thảo trả lời, trình lãnh đạo', en: 'Answer drafted' },
  answer_approved: { vi: 'Lãnh đạo duyệt, trả lời', en: 'Answer approved and sent' },
  draft_returned: { vi: 'Trả lại dự thảo để sửa', en: 'Draft returned' },
  published: { vi: 'Công khai câu hỏi và trả lời', en: 'Question and answer published' },
  unpublished: { vi: 'Thôi công khai', en: 'Publication withdrawn' },
  note: { vi: 'Ghi chú', en: 'Note' },
  withdrawn: { vi: 'Người gửi rút phản ánh, kiến nghị', en: 'Withdrawn by the submitter' },
};

export const CHANNELS = ['portal', 'citizen', 'desk', 'phone', 'letter', 'email', 'api'] as const;
export type FeedbackChannel = (typeof CHANNELS)[number];
export const STAFF_CHANNELS = ['desk', 'phone', 'letter', 'email'] as const;

export const ABOUT_KINDS = ['regulation', 'procedure', 'dossier', 'official', 'service', 'other'] as const;

const text = (max: number, label: string) => z.string({ error: `${label} phải là chuỗi ký tự` }).trim().max(max, `${label} dài quá ${max} ký tự`);
const required = (max: number, label: string) => text(max, label).min(1, `${label} không được để trống`);
const optional = (max: number, label: string) => text(max, label).nullish().transform((v) => v || null);
const texts = z.strictObject({ vi: required(500, 'Tên (tiếng Việt)'), en: text(500, 'Tên (tiếng Anh)') });
const longTexts = z.strictObject({ vi: text(4000, 'Mô tả (tiếng Việt)'), en: text(4000, 'Mô tả (tiếng Anh)') });

export const CATEGORY_CODE = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const categoryCodeSchema = z.string().regex(CATEGORY_CODE, 'Mã loại phản ánh chỉ gồm chữ thường, số và dấu gạch ngang (tối đa 40 ký tự)');
export const FEEDBACK_CODE = /^PAKN-\d{8}-\d{4,6}$/;
export const feedbackCodeSchema = z.string().trim().regex(FEEDBACK_CODE, 'Mã phản ánh có dạng PAKN-YYYYMMDD-NNNN');

export const aboutSchema = z.strictObject({
  kind: z.enum(ABOUT_KINDS, { message: 'Đối tượng phản ánh phải là regulation, procedure, dossier, official, service hoặc other' }),
  procedureCode: optional(60, 'Mã thủ tục'),
  dossierCode: optional(60, 'Mã hồ sơ'),
  staffPublicId: z.string().regex(/^[0-9a-f-]{36}$/i, 'Mã công khai của cán bộ không hợp lệ').nullish().transform((v) => v ?? null),
  unitId: dbId('Đơn vị không hợp lệ').nullish().transform((v) => v ?? null),
});
export type About = z.output<typeof aboutSchema>;

/** Name plus at least one way to reach them (Decree 20/2008 art. 6–7), checked for anonymous channels. */
export const submitterSchema = z.strictObject({
  kind: z.enum(['person', 'organisation'], { message: 'Người gửi phải là person (cá nhân) hoặc organisation (tổ chức)' }).default('person'),
  name: required(200, 'Họ và tên'),
  phone: z.string().trim().regex(/^(\+?\d[\d .-]{6,18}\d)?$/, 'Số điện thoại không hợp lệ').nullish().transform((v) => v || null),
  email: z.union([z.literal(''), z.email('Thư điện tử không hợp lệ').max(200)]).nullish().transform((v) => v || null),
  address: optional(500, 'Địa chỉ'),
  organisation: optional(300, 'Tên tổ chức'),
});
export type Submitter = z.output<typeof submitterSchema>;

const contactRequired = (s: { phone: string | null; email: string | null; address: string | null }) => !!(s.phone || s.email || s.address);
const CONTACT_MESSAGE = 'Hãy cho biết ít nhất một cách liên hệ: số điện thoại, thư điện tử hoặc địa chỉ';

const itemShape = {
  categoryCode: categoryCodeSchema,
  about: aboutSchema,
  title: required(300, 'Tiêu đề'),
  content: required(10_000, 'Nội dung'),
  consentToPublish: z.boolean({ message: 'Đồng ý công khai phải là true hoặc false' }),
};

/** Anonymous portal and API submissions: the submitter's name and one contact are required. */
export const submitBody = z.strictObject({
  ...itemShape,
  submitter: submitterSchema.refine(contactRequired, { message: CONTACT_MESSAGE, path: ['phone'] }),
});
export type SubmitInput = z.output<typeof submitBody>;

/**
 * A signed-in citizen: name and address come from the e-ID; `attachments` are ids of documents in
 * their store (uploaded with `POST /api/v1/citizen/files`, under the online module's checks).
 */
export const citizenSubmitBody = z.strictObject({
  ...itemShape,
  phone: submitterSchema.shape.phone.optional(),
  email: submitterSchema.shape.email.optional(),
  attachments: z.array(z.string().regex(/^\d{1,18}$/, 'Mã giấy tờ không hợp lệ')).max(10, 'Tối đa 10 tệp đính kèm').default([]),
});
export type CitizenSubmitInput = z.output<typeof citizenSubmitBody>;

/** Recorded by staff for a caller (desk, phone, letter, e-mail); files uploaded with `POST /api/v1/files`. */
export const staffSubmitBody = z.strictObject({
  ...itemShape,
  channel: z.enum(STAFF_CHANNELS, { message: 'Kênh tiếp nhận phải là desk, phone, letter hoặc email' }),
  submitter: submitterSchema,
  attachments: z.array(z.strictObject({
    key: z.string().regex(/^[0-9a-f]{64}$/, 'Mã tệp không hợp lệ'),
    name: required(200, 'Tên tệp'),
  })).max(10, 'Tối đa 10 tệp đính kèm').default([]),
});
export type StaffSubmitInput = z.output<typeof staffSubmitBody>;

export const actionBody = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('classify'), version: dbVersion(1),
    outcome: z.enum(['in_competence', 'forward', 'out_of_scope'], { message: 'Kết quả phân loại phải là in_competence, forward hoặc out_of_scope' }),
    unitId: dbId('Đơn vị không hợp lệ').optional(),
    reason: optional(2000, 'Lý do'),
    coordination: z.boolean().optional(),
  }),
  z.strictObject({ action: z.literal('assign'), version: dbVersion(1), staffId: dbId('Cán bộ không hợp lệ') }),
  z.strictObject({ action: z.literal('draft_answer'), version: dbVersion(1), answer: required(20_000, 'Nội dung trả lời') }),
  z.strictObject({ action: z.literal('approve_answer'), version: dbVersion(1) }),
  z.strictObject({ action: z.literal('return_draft'), version: dbVersion(1), reason: required(2000, 'Lý do') }),
  z.strictObject({ action: z.literal('publish'), version: dbVersion(1), question: optional(10_000, 'Câu hỏi công khai'), answer: optional(20_000, 'Trả lời công khai') }),
  z.strictObject({ action: z.literal('unpublish'), version: dbVersion(1), reason: required(2000, 'Lý do') }),
  z.strictObject({ action: z.literal('note'), version: dbVersion(1), text: required(2000, 'Ghi chú') }),
  z.strictObject({ action: z.literal('withdraw'), version: dbVersion(1), reason: optional(2000, 'Lý do') }),
], { error: 'Thao tác không hợp lệ (classify, assign, draft_answer, approve_answer, return_draft, publish, unpublish, note, withdraw)' });
export type ActionInput = z.output<typeof actionBody>;

export const citizenWithdrawBody = z.strictObject({ reason: optional(2000, 'Lý do') });

const flag = z.enum(['true', 'false'], { message: 'Giá trị phải là true hoặc false' }).transform((v) => v === 'true');
const limit = z.preprocess((v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v), z.number().int().min(1, 'Số dòng từ 1 đến 100').max(100, 'Số dòng từ 1 đến 100')).default(20);
const cursor = z.string().regex(/^\d{1,10}$/, 'Con trỏ phân trang không hợp lệ').optional();

export const listQuery = z.strictObject({
  status: z.enum(FEEDBACK_STATUSES, { message: 'Trạng thái không hợp lệ' }).optional(),
  unitId: dbId('Đơn vị không hợp lệ').optional(),
  categoryCode: categoryCodeSchema.optional(),
  conduct: flag.optional(),
  assignee: z.literal('me', { message: 'assignee chỉ nhận giá trị me' }).optional(),
  overdue: flag.optional(),
  cursor, limit,
});
export type ListQuery = z.output<typeof listQuery>;

export const publishedQuery = z.strictObject({
  categoryCode: categoryCodeSchema.optional(),
  unitId: dbId('Đơn vị không hợp lệ').optional(),
  q: text(200, 'Từ khóa').optional(),
  from: dbDate().optional(),
  to: dbDate().optional(),
  cursor, limit,
});
export type PublishedQuery = z.output<typeof publishedQuery>;

export const statsQuery = z.strictObject({ from: dbDate(), to: dbDate() })
  .refine((q) => q.from <= q.to, { message: 'Ngày kết thúc phải sau ngày bắt đầu', path: ['to'] });

export const lookupQuery = z.strictObject({ secret: z.string().trim().max(40).optional() });

export const categoryBody = z.strictObject({
  name: texts,
  description: longTexts,
  deadlineDays: z.number().int('Số ngày phải là số nguyên').min(1, 'Thời hạn từ 1 đến 365 ngày làm việc').max(365, 'Thời hạn từ 1 đến 365 ngày làm việc'),
  coordinationDeadlineDays: z.number().int().min(1).max(365).nullable().default(null),
  conduct: z.boolean().default(false),
  active: z.boolean().default(true),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
  /** 0 creates the category; the current version updates it. */
  version: dbVersion(0),
});
export type CategoryInput = z.output<typeof categoryBody>;

export const settingsBody = z.strictObject({
  receivingUnitId: dbId('Đơn vị không hợp lệ').nullable(),
  conductOversightUnitId: dbId('Đơn vị không hợp lệ').nullable(),
});
export type SettingsInput = z.output<typeof settingsBody>;

export const codeParams = z.object({ code: feedbackCodeSchema });
export const categoryParams = z.object({ code: categoryCodeSchema });
export const fileParams = codeParams.extend({ key: z.string().regex(/^[0-9a-f]{64}$/, 'Mã tệp không hợp lệ') });

export type Category = {
  code: string; name: { vi: string; en: string }; description: { vi: string; en: string };
  deadlineDays: number; coordinationDeadlineDays: number | null; conduct: boolean; active: boolean; sortOrder: number; version: number;
};

export type PublishedItem = {
  code: string; categoryCode: string; categoryName: { vi: string; en: string }; unitId: number; unitName: string | null;
  title: string; question: string; answer: string; receivedAt: string; answeredAt: string | null; publishedAt: string; answeredOnTime: boolean | null;
  /** The answer's deadline in working days (DOMAIN §7), once classified; Open311's expected_datetime. */
  dueAt: string | null;
};

registerFieldLabels({
  categoryCode: { vi: 'Loại phản ánh, kiến nghị', en: 'Category' },
  'about.kind': { vi: 'Đối tượng phản ánh', en: 'About' },
  'submitter.name': { vi: 'Họ và tên người gửi', en: 'Submitter name' },
  'submitter.phone': { vi: 'Số điện thoại', en: 'Phone' },
  'submitter.email': { vi: 'Thư điện tử', en: 'E-mail' },
  'submitter.address': { vi: 'Địa chỉ', en: 'Address' },
  consentToPublish: { vi: 'Đồng ý công khai', en: 'Consent to publish' },
  deadlineDays: { vi: 'Thời hạn trả lời (ngày làm việc)', en: 'Deadline (working days)' },
  coordinationDeadlineDays: { vi: 'Thời hạn khi cần phối hợp', en: 'Deadline with coordination' },
});
