/**
 * Procedure catalogue (TTHC) — the zod schemas that define a procedure record, its versions and its
 * internal process. Shared with the web app: keep this file free of Node-only imports.
 *
 * The content follows the components Decree 63/2010/NĐ-CP art. 8(2) requires of every procedure
 * (name, steps, channels, documents, time limit, applicants, agency, result, forms, conditions, fees),
 * plus what the national TTHC database and the provincial publishing decisions add (field, levels,
 * sub-cases, online mode, boundary independence, internal process). Layout and field-by-field notes:
 * `catalog.json-schema.md`.
 */
import { z } from 'zod';
import { dbPositiveInt, dbVersion } from '../../platform/http/bounds.js';

import { CHANNEL_LABELS } from './labels.js';
import {
  agencyRefSchema,
  applicantKindSchema,
  channelKindSchema,
  channelTimeSchema,
  feeSchema,
  internalProcessSchema,
  isoDate,
  legalDocumentSchema,
  levelSchema,
  onlineModeSchema,
  optionalText,
  procedureCodeSchema,
  procedureStepSchema,
  publishingDecisionSchema,
  requiredDocumentSchema,
  requiredText,
  resultSchema,
  subCaseSchema,
  versionMetaSchema,
} from './schema-parts.js';

export * from './labels.js';
export * from './schema-parts.js';

// ---------------------------------------------------------------------------------------------
// The procedure
// ---------------------------------------------------------------------------------------------

const procedureContentShape = {
  code: procedureCodeSchema,
  name: requiredText('Tên thủ tục', 1000),
  description: optionalText('Mô tả'),
  field: z.strictObject({
    code: requiredText('Mã lĩnh vực', 50),
    name: requiredText('Tên lĩnh vực', 300),
  }),
  levels: z.array(levelSchema).min(1, 'Phải chọn ít nhất một cấp thực hiện'),
  /** Commune procedures leave `code` out: the competent agency is the commune receiving the dossier. */
  implementingAgency: agencyRefSchema,
  coordinatingAgencies: z.array(agencyRefSchema).default([]),
  applicants: z.array(applicantKindSchema).min(1, 'Phải chọn ít nhất một đối tượng thực hiện'),
  channels: z.array(channelTimeSchema).min(1, 'Phải có ít nhất một cách thức thực hiện'),
  onlineMode: onlineModeSchema,
  boundaryIndependent: z.boolean().default(false),
  steps: z.array(procedureStepSchema).min(1, 'Phải mô tả trình tự thực hiện'),
  documents: z.array(requiredDocumentSchema).default([]),
  cases: z.array(subCaseSchema).default([]),
  fees: z.array(feeSchema).default([]),
  requirements: z.array(requiredText('Yêu cầu, điều kiện', 2000)).default([]),
  results: z.array(resultSchema).min(1, 'Phải có ít nhất một kết quả thực hiện'),
  legalBasis: z.array(legalDocumentSchema).min(1, 'Phải có ít nhất một căn cứ pháp lý'),
  keywords: z.array(z.string().trim().min(1)).default([]),
  internalProcesses: z.array(internalProcessSchema).default([]),
};

const procedureContentObject = z.strictObject(procedureContentShape);
type ContentShape = z.output<typeof procedureContentObject>;

/** Cross-field rules of the content; budgets against time limits are in rules/internal-process.ts. */
function checkContent(p: ContentShape, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

  duplicates(p.levels).forEach((l) => issue(['levels'], `Cấp thực hiện "${l}" bị lặp`));
  duplicates(p.applicants).forEach((a) => issue(['applicants'], `Đối tượng "${a}" bị lặp`));
  const kinds = p.channels.map((c) => c.kind);
  duplicates(kinds).forEach((k) => issue(['channels'], `Cách thức "${CHANNEL_LABELS[k]}" bị lặp`));
  duplicates(p.cases.map((c) => c.code)).forEach((c) => issue(['cases'], `Mã trường hợp "${c}" bị lặp`));

  if (!p.levels.includes('commune') && !p.levels.includes('vertical') && p.implementingAgency.code === undefined) {
    issue(['implementingAgency', 'code'], 'Thủ tục cấp tỉnh phải chỉ rõ mã định danh của cơ quan thực hiện');
  }
  // Decree 42/2022 art. 11: a full- or partial-online service is one offered through the online channel.
  const online = kinds.includes('online');
  if (p.onlineMode !== 'none' && !online) {
    issue(['onlineMode'], 'Thủ tục trực tuyến phải có cách thức nộp trực tuyến');
  }
  if (p.onlineMode === 'none' && online) {
    issue(['onlineMode'], 'Thủ tục có cách thức trực tuyến thì mức độ trực tuyến không thể là "none"');
  }
  const numbers = new Set(p.legalBasis.map((d) => d.number));
  p.steps.forEach((s, i) =>
    (s.legalBasis ?? []).forEach((n) => {
      if (!numbers.has(n)) issue(['steps', i, 'legalBasis'], `Văn bản "${n}" không có trong căn cứ pháp lý`);
    }),
  );
  p.fees.forEach((f, i) =>
    (f.channels ?? []).forEach((k) => {
      if (!kinds.includes(k)) issue(['fees', i, 'channels'], `Thủ tục không có cách thức "${CHANNEL_LABELS[k]}"`);
    }),
  );
  p.cases.forEach((c, i) =>
    (c.channels ?? []).forEach((ct, j) => {
      if (!kinds.includes(ct.kind)) {
        issue(['cases', i, 'channels', j], `Trường hợp "${c.code}": thủ tục không có cách thức "${CHANNEL_LABELS[ct.kind]}"`);
      }
    }),
  );
}

function duplicates<T>(items: readonly T[]): T[] {
  const seen = new Set<T>();
  const dup = new Set<T>();
  for (const x of items) (seen.has(x) ? dup : seen).add(x);
  return [...dup];
}

/** Procedure content as edited by the admin UI (no version metadata). */
export const procedureContentSchema = procedureContentObject.superRefine(checkContent);

/** A stored / exported procedure version: content plus version metadata. */
export const procedureSchema = z
  .strictObject({ ...procedureContentShape, version: versionMetaSchema })
  .superRefine((p, ctx) => checkContent(p, ctx));

/** POST: creates version 1 as a draft; the server assigns version metadata. */
export const procedureCreateInputSchema = procedureContentSchema;

/**
 * PUT on a draft version. `revision` is the row's optimistic-lock counter (a stale one answers
 * 409 STALE_VERSION), not the regulation version number.
 */
export const procedureUpdateInputSchema = z
  .strictObject({ ...procedureContentShape, revision: dbVersion(0, 'Số hiệu chỉnh không hợp lệ') })
  .superRefine((p, ctx) => checkContent(p, ctx));

/** Actions on a version; see rules/version-status.ts for which are allowed from which status. */
export const versionActionInputSchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({
      action: z.literal('publish'),
      decision: publishingDecisionSchema,
      effectiveFrom: isoDate('Ngày có hiệu lực'),
      revision: dbVersion(0),
    }),
    z.strictObject({
      action: z.enum(['amend', 'replace', 'abolish']),
      decision: publishingDecisionSchema,
      /** Last day the version is in force. */
      effectiveTo: isoDate('Ngày hết hiệu lực'),
      replacedByCode: procedureCodeSchema.optional(),
      revision: dbVersion(0),
    }),
  ],
  { error: 'Thao tác với phiên bản phải là publish, amend, replace hoặc abolish' },
);

/** The JSON import/export file (documented in catalog.json-schema.md). */
export const CATALOG_FILE_FORMAT = 'motcua.catalog/v1';
export const catalogFileSchema = z.strictObject({
  format: z.literal(CATALOG_FILE_FORMAT, { error: `Định dạng tệp phải là "${CATALOG_FILE_FORMAT}"` }),
  note: z.string().optional(),
  procedures: z.array(procedureSchema),
});

/** Query of GET /api/v1/procedures. */
export const procedureListQuerySchema = z.strictObject({
  q: z.string().trim().max(200, 'Từ khóa tìm kiếm quá dài').optional(),
  field: z.string().trim().optional(),
  level: levelSchema.optional(),
  online: onlineModeSchema.optional(),
  page: dbPositiveInt().default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export type ProcedureContent = z.infer<typeof procedureContentSchema>;
export type Procedure = z.infer<typeof procedureSchema>;
export type ProcedureCreateInput = z.input<typeof procedureCreateInputSchema>;
export type ProcedureUpdateInput = z.input<typeof procedureUpdateInputSchema>;
export type VersionActionInput = z.infer<typeof versionActionInputSchema>;
export type CatalogFile = z.infer<typeof catalogFileSchema>;
export type ProcedureListQuery = z.infer<typeof procedureListQuerySchema>;
