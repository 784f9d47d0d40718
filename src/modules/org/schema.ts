import { z } from 'zod';
import { dbDate, dbId, dbPositiveInt, dbVersion } from '../../platform/http/bounds.js';
import { ROLES } from '../../platform/access/policy.js';

/** Zod schemas of the org module, shared with the web app (no Node-only imports here). */
export const UNIT_KINDS = ['province', 'people_committee', 'office', 'department', 'service_centre', 'commune', 'section', 'vertical_agency', 'other'] as const;
export const unitKind = z.enum(UNIT_KINDS, { message: 'Loại đơn vị không hợp lệ' });

export const UNIT_KIND_LABELS: Record<(typeof UNIT_KINDS)[number], { vi: string; en: string }> = {
  province: { vi: 'Tỉnh', en: 'Province' },
  people_committee: { vi: 'Ủy ban nhân dân', en: "People's Committee" },
  office: { vi: 'Văn phòng', en: 'Office' },
  department: { vi: 'Sở, ban, ngành', en: 'Department' },
  service_centre: { vi: 'Trung tâm Phục vụ hành chính công', en: 'Public administration service centre' },
  commune: { vi: 'Xã, phường', en: 'Commune / ward' },
  section: { vi: 'Phòng, bộ phận', en: 'Section' },
  vertical_agency: { vi: 'Cơ quan ngành dọc', en: 'Vertical agency' },
  other: { vi: 'Khác', en: 'Other' },
};

/** Record ids: numbers, also accepted as digit strings (web form pickers hold them as text). */
export const idSchema = dbId();

const isoDate = dbDate();
const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));

export const unitFields = {
  parentId: idSchema.nullable(),
  code: z.string().trim().toUpperCase().max(35).nullish().transform((v) => (v ? v : null)),
  name: z.string().trim().min(1, 'Tên đơn vị không được để trống').max(300),
  shortName: optionalText(100),
  kind: unitKind,
  function: z.string().trim().regex(/^[a-z0-9_]*$/, 'Chức năng chỉ gồm chữ thường, số và dấu gạch dưới').max(50).nullish().transform((v) => (v ? v : null)),
  effectiveFrom: isoDate.nullish().transform((v) => v ?? null),
  effectiveTo: isoDate.nullish().transform((v) => v ?? null),
  /** The unit's public phone, the contact printed on slips when the officer has none. */
  phone: z.string().trim().regex(/^\+?[0-9 .-]{8,15}$/, 'Số điện thoại không hợp lệ').nullable().transform((v) => (v ? v : null)).optional(),
};
export const createUnitBody = z.strictObject(unitFields);
export const updateUnitBody = z.strictObject({ version: dbVersion(1), ...partial(unitFields) });
export type CreateUnitInput = z.output<typeof createUnitBody>;
export type UpdateUnitInput = z.output<typeof updateUnitBody>;

export const unitView = z.object({
  id: z.number(), parentId: z.number().nullable(), code: z.string().nullable(), name: z.string(), shortName: z.string().nullable(),
  kind: z.string(), function: z.string().nullable(), effectiveFrom: z.string().nullable(), effectiveTo: z.string().nullable(), version: z.number(),
  phone: z.string().nullable(),
});
export type UnitView = z.infer<typeof unitView>;

const phone = z.string().trim().regex(/^\+?[0-9 .-]{8,15}$/, 'Số điện thoại không hợp lệ').nullish().transform((v) => (v ? v : null));
const email = z.email({ message: 'Thư điện tử không hợp lệ' }).nullish().transform((v) => (v ? v : null));

export const staffFields = {
  fullName: z.string().trim().min(2, 'Họ và tên phải có ít nhất 2 ký tự').max(150),
  position: optionalText(200),
  unitId: idSchema,
  jobPositionId: idSchema.nullish().transform((v) => v ?? null),
  badgeNumber: z.string().trim().max(30).nullish().transform((v) => (v ? v : null)),
  phone,
  email,
  active: z.boolean(),
  secondedFrom: isoDate.nullish().transform((v) => v ?? null),
  secondedTo: isoDate.nullish().transform((v) => v ?? null),
};
export const createStaffBody = z.strictObject({
  ...staffFields,
  active: z.boolean().default(true),
  username: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,50}$/, 'Tên đăng nhập gồm 3–50 chữ thường, số, dấu chấm, gạch').nullish(),
  password: z.string().min(10, 'Mật khẩu phải có ít nhất 10 ký tự').max(200).nullish(),
  roles: z.array(z.strictObject({ role: z.enum(ROLES), unitId: idSchema })).max(20).default([]),
});
export const updateStaffBody = z.strictObject({ version: dbVersion(1), ...partial(staffFields) });
export type CreateStaffInput = z.output<typeof createStaffBody>;
export type UpdateStaffInput = z.output<typeof updateStaffBody>;

export const staffView = z.object({
  id: z.number(), publicId: z.string(), fullName: z.string(), position: z.string().nullable(), unitId: z.number(), unitName: z.string(),
  jobPositionId: z.number().nullable(), badgeNumber: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(),
  active: z.boolean(), secondedFrom: z.string().nullable(), secondedTo: z.string().nullable(), version: z.number(),
  photoUrl: z.string().nullable(), username: z.string().nullable(),
});
export type StaffView = z.infer<typeof staffView>;

export const staffQuery = z.strictObject({
  unitId: dbId().optional(),
  q: z.string().trim().max(100).optional(),
  page: dbPositiveInt().default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const positionFields = {
  unitId: idSchema,
  code: z.string().trim().min(1, 'Mã vị trí không được để trống').max(30),
  name: z.string().trim().min(1, 'Tên vị trí không được để trống').max(300),
  grade: optionalText(100),
  quota: z.number().int().min(0).max(10_000),
};
export const createPositionBody = z.strictObject({ ...positionFields, quota: positionFields.quota.default(1) });
export const updatePositionBody = z.strictObject({ version: dbVersion(1), ...partial(positionFields) });
export type CreatePositionInput = z.output<typeof createPositionBody>;
export type UpdatePositionInput = z.output<typeof updatePositionBody>;
export const positionView = z.object({ id: z.number(), unitId: z.number(), code: z.string(), name: z.string(), grade: z.string().nullable(), quota: z.number(), filled: z.number(), version: z.number() });
export type PositionView = z.infer<typeof positionView>;

export const publicStaffView = z.object({
  fullName: z.string(), position: z.string().nullable(), unitName: z.string(),
  /** The agency above the unit ("UBND phường Tân Phong"), null when the unit is the agency. */
  agencyName: z.string().nullable(),
  /** The root unit ("Tỉnh Lai Châu"). */
  provinceName: z.string().nullable(),
  badgeNumber: z.string().nullable(), photoUrl: z.string().nullable(),
  /** Where to send feedback about this official; null while no feedback page exists. */
  feedbackUrl: z.string().nullable(),
});

const label = z.object({ vi: z.string(), en: z.string() });
export const importResult = z.object({
  created: z.number(), updated: z.number(),
  /** Every problem, by spreadsheet row; `column` is the column's header as the template writes it. */
  errors: z.array(z.object({ row: z.number(), field: z.string().optional(), column: label.optional(), message: z.string(), messageEn: z.string() })),
  /** Data rows read, rows with at least one error, and errors in all (a row may have several). */
  rowsRead: z.number(), rowsWithErrors: z.number(), errorCount: z.number(),
  /** nothing_imported: a row was wrong, so no row was written; partly_imported: the database refused some rows while saving. */
  outcome: z.enum(['imported', 'nothing_imported', 'partly_imported']),
  /** Headers of the file that no column reads. */
  ignoredColumns: z.array(z.string()),
  summary: label,
});
export type ImportResult = z.infer<typeof importResult>;

function partial<T extends Record<string, z.ZodType>>(fields: T): { [K in keyof T]: z.ZodOptional<T[K]> } {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])) as never;
}
