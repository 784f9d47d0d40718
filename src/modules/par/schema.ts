import { z } from 'zod';
import { BLOCKS, COMPUTED_SOURCES } from './labels.js';

export { BLOCKS, BLOCK_LABELS, COMPUTED_SOURCES, type Block } from './labels.js';

/**
 * Inputs of the PAR module (issue 16), checked at the edge; shared with the web app. The shape of the
 * criteria tree is checked here, its meaning (sums, caps, tiers) by rules/criteria.ts `validateTree`.
 */
const id = z.number().int().positive().max(2_147_483_647);
export const idParam = z.coerce.number().int().positive().max(2_147_483_647);
const text = (label: string, max: number, min = 1) =>
  z.string().trim().min(min, `${label}: bắt buộc phải nhập.`).max(max, `${label}: tối đa ${max.toLocaleString('vi-VN')} ký tự.`);
const isoDay = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label}: ngày phải có dạng YYYY-MM-DD.`)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), `${label}: ngày không tồn tại.`);
const points = (label: string) => z.number({ message: `${label}: phải là một số.` }).finite().min(0, `${label}: không được âm.`).max(1000, `${label}: tối đa 1.000.`);

const block = z.enum(BLOCKS, { message: 'Khối không hợp lệ (so, phuong, xa).' });

const tier = z.object({ threshold: points('Ngưỡng'), points: points('Điểm của mức') }).strict();
const tiered = z.object({ kind: z.literal('tiered'), better: z.enum(['higher', 'lower']), tiers: z.array(tier).min(1).max(20) }).strict();
const ratio = z.object({ kind: z.literal('ratio'), target: z.number().finite().gt(0).max(1).optional() }).strict();
const scoring = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual') }).strict(),
  z.object({ kind: z.literal('binary') }).strict(),
  tiered,
  ratio,
  z.object({ kind: z.literal('survey') }).strict(),
  z.object({ kind: z.literal('bonus') }).strict(),
  z.object({ kind: z.literal('penalty') }).strict(),
  z.object({ kind: z.literal('computed'), source: z.enum(COMPUTED_SOURCES, { message: 'Nguồn số liệu tự động không hợp lệ.' }), conversion: z.union([tiered, ratio]) }).strict(),
], { message: 'Cách chấm điểm không hợp lệ.' });

const factValue = z.union([z.string().max(100), z.number().finite(), z.boolean()]);
type ApplicabilityInput =
  | { kind: 'always' }
  | { kind: 'fact'; fact: string; equals: string | number | boolean }
  | { kind: 'all' | 'any'; rules: ApplicabilityInput[] }
  | { kind: 'not'; rule: ApplicabilityInput };
const applicability: z.ZodType<ApplicabilityInput> = z.lazy(() => z.union([
  z.object({ kind: z.literal('always') }).strict(),
  z.object({ kind: z.literal('fact'), fact: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, 'Tên dữ kiện không hợp lệ.'), equals: factValue }).strict(),
  z.object({ kind: z.enum(['all', 'any']), rules: z.array(applicability).max(10) }).strict(),
  z.object({ kind: z.literal('not'), rule: applicability }).strict(),
]));

type NodeInput = {
  code: string; text: string; maxPoints: number; scoring?: z.infer<typeof scoring>; children?: NodeInput[];
  applicability?: ApplicabilityInput; evidence?: string; appraisingUnitId?: number | null; maxNotSumOfChildren?: boolean;
};
const node: z.ZodType<NodeInput> = z.lazy(() => z.object({
  code: z.string().trim().min(1, 'Mã: bắt buộc phải nhập.').max(20, 'Mã: tối đa 20 ký tự.'),
  text: text('Nội dung tiêu chí', 2000),
  maxPoints: points('Điểm tối đa'),
  scoring: scoring.optional(),
  children: z.array(node).max(60).optional(),
  applicability: applicability.optional(),
  evidence: z.string().trim().max(2000, 'Tài liệu kiểm chứng: tối đa 2.000 ký tự.').optional(),
  appraisingUnitId: id.nullish(),
  maxNotSumOfChildren: z.boolean().optional(),
}).strict());

export const treeInput = z.object({
  caps: z.object({ bonus: points('Điểm thưởng tối đa'), penalty: points('Điểm trừ tối đa') }).strict(),
  areas: z.array(node).min(1, 'Bộ tiêu chí phải có ít nhất một lĩnh vực.').max(30),
}).strict();

export const bandsInput = z.array(z.object({ label: text('Tên mức xếp loại', 60), min: z.number().finite().min(0).max(100) }).strict()).min(1).max(10);
export const weightsInput = z.record(z.string().trim().min(1).max(5), z.number().finite().min(0).max(100));

const decision = {
  decisionNumber: z.string().trim().min(1).max(60, 'Số quyết định: tối đa 60 ký tự.').nullish(),
  decisionDate: isoDay('Ngày quyết định').nullish(),
  decisionSigner: z.string().trim().max(200, 'Người ký: tối đa 200 ký tự.').nullish(),
};

/** What a set holds besides its year, name and blocks; each may be left out (copied or kept). */
const setContent = {
  tree: treeInput.optional(),
  bands: bandsInput.optional(),
  answerWeights: weightsInput.optional(),
  illustrative: z.boolean().optional(),
  illustrativeNote: z.string().trim().max(2000).nullish(),
  ...decision,
};

export const setCreateBody = z.object({
  year: z.number().int().min(2000).max(2100),
  name: text('Tên bộ tiêu chí', 300, 2),
  blocks: z.array(block).min(1, 'Chọn ít nhất một khối.').max(3),
  /** Copy the tree, bands and weights of an earlier set (last year's), then edit. */
  copyFromSetId: id.optional(),
  ...setContent,
}).strict().refine((b) => b.copyFromSetId !== undefined || b.tree !== undefined, { message: 'Nhập cây tiêu chí hoặc chọn bộ tiêu chí để sao chép.', path: ['tree'] });

export const setEditBody = z.object({
  version: z.number().int().positive(),
  name: text('Tên bộ tiêu chí', 300, 2).optional(),
  blocks: z.array(block).min(1).max(3).optional(),
  ...setContent,
}).strict();

export const setIssueBody = z.object({
  version: z.number().int().positive(),
  decisionNumber: z.string().trim().min(1, 'Số quyết định: bắt buộc phải nhập.').max(60),
  decisionDate: isoDay('Ngày quyết định'),
  decisionSigner: text('Người ký', 200),
}).strict();

export const participantInput = z.object({
  unitId: id,
  setId: id,
  block,
  facts: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/), factValue).default({}),
}).strict();

export const roundOpenBody = z.object({
  year: z.number().int().min(2000).max(2100),
  name: text('Tên đợt đánh giá', 300, 2),
  /** The self-assessment deadline, as a number of working days from today (the calendar counts them). */
  selfDeadlineWorkingDays: z.number().int().min(1).max(120),
  surveyHeld: z.boolean().default(true),
  councilQuorum: z.number().min(0.5).max(0.99).default(0.5),
  /** Sets to score with; every unit of their blocks takes part unless `participants` lists them. */
  setIds: z.array(id).min(1).max(10),
  participants: z.array(participantInput).max(500).optional(),
}).strict();

export const STAGE_MOVES = ['appraisal1', 'explanation', 'appraisal2', 'council'] as const;
export const stageBody = z.object({
  version: z.number().int().positive(),
  stage: z.enum(STAGE_MOVES, { message: 'Giai đoạn không hợp lệ.' }),
  explanationDeadlineWorkingDays: z.number().int().min(1).max(60).optional(),
}).strict();

/** A self-score: the raw input for the leaf's scoring type, and the explanation (giải trình). */
export const selfScoreBody = z.object({
  version: z.number().int().positive(),
  input: z.union([z.number().finite(), z.boolean(), z.null()]),
  explanation: z.string().trim().max(4000, 'Giải trình: tối đa 4.000 ký tự.').nullish(),
}).strict();

export const layerScoreBody = z.object({
  version: z.number().int().positive(),
  points: z.number({ message: 'Điểm: phải là một số.' }).finite().nullable(),
  reason: text('Lý do', 4000, 2),
}).strict();

export const evidenceBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), title: text('Tên tài liệu', 500, 2), fileKey: z.string().regex(/^[0-9a-f]{64}$/, 'Mã tệp không hợp lệ.'), fileName: text('Tên tệp', 200),
    section: z.string().trim().max(200).nullish(), page: z.string().trim().max(50).nullish() }).strict(),
  z.object({ kind: z.literal('link'), title: text('Tên tài liệu', 500, 2), url: z.string().trim().url('Địa chỉ liên kết không hợp lệ.').max(2000).refine((u) => /^https?:\/\//i.test(u), 'Chỉ nhận liên kết http hoặc https.'),
    section: z.string().trim().max(200).nullish(), page: z.string().trim().max(50).nullish() }).strict(),
  z.object({ kind: z.literal('record'), title: text('Tên tài liệu', 500, 2), recordKind: z.enum(['directive_task', 'procedure', 'report', 'registry_document'], { message: 'Loại bản ghi: nhiệm vụ, thủ tục, báo cáo hoặc văn bản trong sổ văn bản.' }), recordRef: text('Mã bản ghi', 100) }).strict(),
], { message: 'Loại tài liệu kiểm chứng không hợp lệ.' });

export const explanationRequestBody = z.object({ request: text('Nội dung yêu cầu giải trình', 4000, 2) }).strict();
export const explanationAnswerBody = z.object({ version: z.number().int().positive(), answer: text('Nội dung giải trình', 4000, 2), points: z.number().finite().nullable().optional() }).strict();

export const councilBody = z.object({
  version: z.number().int().positive(),
  members: z.array(z.object({ staffId: id, role: z.enum(['chair', 'deputy', 'member', 'secretary']) }).strict()).min(3, 'Hội đồng cần ít nhất 3 thành viên.').max(30),
}).strict().refine((b) => b.members.filter((m) => m.role === 'chair').length === 1, { message: 'Hội đồng phải có đúng một Chủ tịch.', path: ['members'] })
  .refine((b) => new Set(b.members.map((m) => m.staffId)).size === b.members.length, { message: 'Một người chỉ có một vai trò trong hội đồng.', path: ['members'] });

export const voteBody = z.object({ vote: z.enum(['approve', 'reject']), note: z.string().trim().max(2000).nullish() }).strict();

export const publishBody = z.object({
  version: z.number().int().positive(),
  decisionNumber: text('Số quyết định', 60),
  decisionDate: isoDay('Ngày quyết định'),
  signer: text('Người ký', 200),
}).strict();

export const correctionBody = z.object({
  decisionNumber: text('Số quyết định', 60),
  decisionDate: isoDay('Ngày quyết định'),
  signer: z.string().trim().max(200).nullish(),
  reason: text('Lý do điều chỉnh', 4000, 2),
  unitId: id,
  code: z.string().trim().min(1).max(20),
  points: z.number().finite().min(0).max(1000),
}).strict();
