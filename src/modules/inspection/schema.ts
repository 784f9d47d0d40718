import { z } from 'zod';

/**
 * Inputs of the inspection module (issue 18 scopes 2 and 3), checked at the edge. Messages name the field
 * in Vietnamese; what may be done in which state is the service's, the periods are rules/'.
 */
export const idParam = z.coerce.number().int().positive().max(2_147_483_647);
const id = z.number().int().positive().max(2_147_483_647);
const version = z.number().int().positive().max(2_147_483_647);
const text = (label: string, max: number, min = 1) =>
  z.string().trim().min(min, `${label}: bắt buộc phải nhập (ít nhất ${min} ký tự).`).max(max, `${label}: tối đa ${max.toLocaleString('vi-VN')} ký tự.`);
const optText = (label: string, max: number) => z.string().trim().max(max, `${label}: tối đa ${max.toLocaleString('vi-VN')} ký tự.`);
/**
 * A calendar day. The lower bound keeps every date inside what the rules can count: the complaint rules
 * start on 1/7/2012 and no clock counts back more than a few decades (the service checks each rule's start).
 */
export const isoDay = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label}: ngày phải có dạng YYYY-MM-DD.`)
  .refine((d) => d >= '1975-01-01' && d <= '2100-12-31' && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), `${label}: ngày không tồn tại hoặc ngoài khoảng 1975–2100.`);

export const CASE_KINDS = ['complaint_first', 'complaint_second', 'denunciation', 'not_eligible'] as const;
export const CASE_STATUSES = ['received', 'accepted', 'verifying', 'concluded', 'refused'] as const;
const complexity = z.enum(['normal', 'complex', 'especially_complex'], { message: 'Mức độ phức tạp: bình thường, phức tạp hoặc đặc biệt phức tạp.' });
const caseKind = z.enum(CASE_KINDS, { message: 'Phân loại: khiếu nại lần đầu, khiếu nại lần hai, tố cáo hoặc không đủ điều kiện xử lý.' });

// ---- complaints and denunciations ----
export const partyBody = z.object({
  fullName: text('Họ và tên người khiếu nại, tố cáo', 200),
  idNumber: z.string().trim().regex(/^\d{9}$|^\d{12}$/, 'Số định danh cá nhân: 12 chữ số (hoặc CMND 9 chữ số).').optional(),
  address: optText('Địa chỉ', 500).optional(),
  phone: z.string().trim().regex(/^[0-9+ .-]{6,20}$/, 'Số điện thoại không hợp lệ.').optional(),
  email: z.string().trim().max(200).email('Thư điện tử không hợp lệ.').optional(),
}).strict();

export const caseCreateBody = z.object({
  kind: caseKind,
  handlingUnitId: id,
  receivedOn: isoDay('Ngày tiếp nhận'),
  channel: z.enum(['portal', 'desk', 'feedback', 'mail'], { message: 'Nguồn: cổng dịch vụ công, trực tiếp, phản ánh kiến nghị hoặc bưu chính.' }),
  sourceRef: optText('Số tham chiếu nguồn', 100).optional(),
  /** The feedback item (its code) this case comes from; the server checks the caller sees it and takes it as the source. */
  feedbackId: z.union([z.string().trim().min(1).max(60), z.number().int().positive()]).transform(String).optional(),
  subjectUnitId: id,
  subjectStaffId: id.optional(),
  summary: text('Nội dung đơn', 8000, 2),
  learnedOn: isoDay('Ngày nhận được hoặc biết được quyết định, hành vi').optional(),
  remoteArea: z.boolean().default(false),
  complexity: complexity.default('normal'),
  severalPlaces: z.boolean().default(false),
  notEligibleReason: optText('Lý do không đủ điều kiện xử lý', 4000).optional(),
  party: partyBody,
}).strict()
  .refine((b) => b.channel !== 'feedback' || !!b.sourceRef || !!b.feedbackId, { message: 'Đơn chuyển từ phản ánh kiến nghị cần số của phản ánh.', path: ['sourceRef'] })
  .refine((b) => b.kind !== 'not_eligible' || (b.notEligibleReason ?? '').length >= 3, { message: 'Đơn không đủ điều kiện xử lý cần nêu lý do.', path: ['notEligibleReason'] });
export type CaseCreateInput = z.infer<typeof caseCreateBody>;
export const feedbackCodeParam = z.string().trim().min(1, 'Số phản ánh: bắt buộc.').max(60, 'Số phản ánh: tối đa 60 ký tự.');

export const caseListQuery = z.object({
  status: z.enum(CASE_STATUSES, { message: 'Trạng thái không hợp lệ.' }).optional(),
  kind: caseKind.optional(),
  unitId: idParam.optional(),
  cursor: idParam.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const teamMember = z.object({ staffId: id, role: z.enum(['lead', 'member'], { message: 'Vai trò trong tổ: trưởng tổ hoặc thành viên.' }) }).strict();

export const caseAction = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('classify'), version, kind: caseKind.optional(), complexity: complexity.optional(), remoteArea: z.boolean().optional(),
    severalPlaces: z.boolean().optional(), reason: optText('Lý do', 4000).default(''),
  }).strict(),
  z.object({ action: z.literal('accept'), version, on: isoDay('Ngày thụ lý') }).strict(),
  z.object({ action: z.literal('refuse'), version, on: isoDay('Ngày không thụ lý'), reason: text('Lý do không thụ lý', 4000, 3) }).strict(),
  z.object({ action: z.literal('start_verification'), version, note: optText('Kế hoạch xác minh', 4000).default('') }).strict(),
  z.object({ action: z.literal('extend'), version, days: z.number().int('Số ngày gia hạn: số nguyên.').min(1, 'Gia hạn ít nhất 1 ngày.').max(60, 'Gia hạn tối đa 60 ngày.'), decisionNo: text('Số quyết định gia hạn', 60), decidedOn: isoDay('Ngày quyết định gia hạn') }).strict(),
  z.object({
    action: z.literal('conclude'), version,
    outcome: z.enum(['founded', 'partly_founded', 'unfounded', 'withdrawn'], { message: 'Kết quả: đúng, đúng một phần, sai, hoặc rút đơn.' }),
    conclusion: text('Nội dung kết luận, quyết định', 8000, 5), decisionNo: text('Số văn bản', 60), decisionDate: isoDay('Ngày ban hành'),
  }).strict(),
  z.object({ action: z.literal('publish'), version, on: isoDay('Ngày công khai') }).strict(),
  z.object({
    action: z.literal('set_team'), version,
    members: z.array(teamMember).min(1, 'Tổ xử lý cần ít nhất một người.').max(15, 'Tổ xử lý tối đa 15 người.')
      .refine((ms) => ms.filter((m) => m.role === 'lead').length === 1, 'Tổ xử lý có đúng một trưởng tổ.')
      .refine((ms) => new Set(ms.map((m) => m.staffId)).size === ms.length, 'Một người chỉ có một vai trò trong tổ.'),
  }).strict(),
]);
export type CaseActionInput = z.infer<typeof caseAction>;

// ---- discipline ----
export const FORMS = ['khien_trach', 'canh_cao', 'cach_chuc', 'buoc_thoi_viec', 'bai_nhiem'] as const;
const form = z.enum(FORMS, { message: 'Hình thức kỷ luật: khiển trách, cảnh cáo, cách chức, buộc thôi việc hoặc bãi nhiệm.' });

export const disciplineCreateBody = z.object({
  unitId: id,
  subjectStaffId: id,
  personKind: z.enum(['cong_chuc', 'can_bo'], { message: 'Đối tượng: công chức hoặc cán bộ.' }),
  holdsPost: z.boolean().default(false),
  offenceSummary: text('Hành vi vi phạm', 8000, 2),
  offenceEndedOn: isoDay('Ngày chấm dứt hành vi vi phạm').optional(),
  offenceConcludedOn: isoDay('Ngày có kết luận của cơ quan có thẩm quyền').optional(),
  laterOffences: z.array(isoDay('Ngày vi phạm mới')).max(20, 'Tối đa 20 lần vi phạm mới.').default([]),
  limitationClass: z.enum(['reprimand_level', 'other', 'no_limitation'], { message: 'Thời hiệu: mức khiển trách (5 năm), khác (10 năm) hoặc không áp dụng thời hiệu.' }),
  discoveredOn: isoDay('Ngày phát hiện'),
  complex: z.boolean().default(false),
  /** The concluded denunciation or complaint the case comes from (its subject must be this person). */
  sourceCaseId: id.optional(),
}).strict()
  .refine((b) => !!b.offenceEndedOn || !!b.offenceConcludedOn, { message: 'Cần ngày chấm dứt hành vi hoặc ngày có kết luận về hành vi.', path: ['offenceEndedOn'] });
export type DisciplineCreateInput = z.infer<typeof disciplineCreateBody>;

export const disciplineListQuery = z.object({
  status: z.enum(['open', 'decided', 'closed'], { message: 'Trạng thái không hợp lệ.' }).optional(),
  unitId: idParam.optional(),
  cursor: idParam.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const STEPS = ['notice', 'review_meeting', 'review_report', 'summons', 'council_meeting', 'recommendation'] as const;
export type StepName = (typeof STEPS)[number];
const relative = z.object({ staffId: id, kind: z.string().trim().regex(/^[a-z_]{2,30}$/, 'Quan hệ thân nhân không hợp lệ.') }).strict();
const voteCount = (label: string) => z.number({ message: `${label}: phải là một số.` }).int(`${label}: số nguyên.`).min(0, `${label}: không âm.`).max(3, `${label}: hội đồng có 3 thành viên.`);

export const disciplineAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('record_step'), version, step: z.enum(STEPS, { message: 'Bước không hợp lệ.' }), on: isoDay('Ngày thực hiện') }).strict(),
  z.object({
    action: z.literal('defer'), version, from: isoDay('Tạm hoãn từ ngày'), to: isoDay('Đến ngày').optional(),
    reason: z.enum(['illness', 'maternity', 'criminal', 'complaint', 'other'], { message: 'Lý do tạm hoãn không hợp lệ.' }), note: optText('Ghi chú', 2000).default(''),
  }).strict().refine((b) => !b.to || b.to >= b.from, { message: 'Ngày kết thúc trước ngày bắt đầu.', path: ['to'] }),
  z.object({ action: z.literal('resume'), version, lastDeferredDay: isoDay('Ngày cuối tạm hoãn') }).strict(),
  z.object({
    action: z.literal('set_council'), version, on: isoDay('Ngày thành lập hội đồng'),
    members: z.array(z.object({ staffId: id, role: z.enum(['chair', 'employing_unit_leader', 'personnel'], { message: 'Vai trò trong hội đồng không hợp lệ.' }) }).strict()).min(1).max(10),
    relatives: z.array(relative).max(50).default([]),
    involved: z.array(id).max(50).default([]),
  }).strict(),
  z.object({
    action: z.literal('record_ballot'), version,
    yes: voteCount('Số phiếu đồng ý kỷ luật'), no: voteCount('Số phiếu không đồng ý kỷ luật'),
    forms: z.partialRecord(form, voteCount('Số phiếu')).default({}),
    recommendedForm: form.optional(),
    minutes: text('Biên bản họp hội đồng', 20_000, 5),
  }).strict(),
  z.object({
    action: z.literal('decide'), version, form, decisionNo: text('Số quyết định', 60), decisionDate: isoDay('Ngày quyết định'), effectiveOn: isoDay('Ngày có hiệu lực'),
    partyDecisionEffectiveOn: isoDay('Ngày có hiệu lực của quyết định kỷ luật đảng').optional(),
    // Decided without the review meeting and the council: a competent conclusion already proposes the form, a
    // conviction, or Party discipline came first (Decree 172's short-cuts, DOMAIN-MANAGEMENT §D4).
    shortcut: z.enum(['conclusion', 'conviction', 'party'], { message: 'Căn cứ không qua họp kiểm điểm, hội đồng không hợp lệ.' }).optional(),
  }).strict().refine((b) => b.effectiveOn >= b.decisionDate, { message: 'Ngày có hiệu lực không trước ngày quyết định.', path: ['effectiveOn'] }),
  z.object({ action: z.literal('close'), version, reason: text('Lý do kết thúc không kỷ luật', 4000, 3) }).strict(),
]);
export type DisciplineActionInput = z.infer<typeof disciplineAction>;
