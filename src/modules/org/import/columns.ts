import { UNIT_KINDS, UNIT_KIND_LABELS } from '../schema.js';

/**
 * The columns of the org import files, once: the importer reads cells through them, the template is
 * written from them, the dialog lists them, and an error names its column by their label. A header
 * is matched after folding accents and spacing ("Mã định danh", "ma dinh danh", "MA_DINH_DANH").
 */
export type Label = { vi: string; en: string };

export type ImportColumn = {
  /** The field the importer fills (and names in errors). */
  key: string;
  /** The header of the template; also accepted, folded, when reading. */
  label: Label;
  /** Other headers accepted (folded), e.g. English ones. */
  aliases: string[];
  /** 'always', only when the row adds a new record ('new'), or never ('no'). */
  required: 'always' | 'new' | 'no';
  hint: Label;
  example: string;
  /** Error paths of the schema or service that belong to this column, beyond `key`. */
  fields?: string[];
};

export type ImportKind = 'units' | 'staff';

export function normaliseHeader(h: string): string {
  return h.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().trim().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

const DATE_HINT: Label = { vi: 'Ngày dạng ngày/tháng/năm (31/12/2026) hoặc năm-tháng-ngày (2026-12-31).', en: 'A date as dd/mm/yyyy or yyyy-mm-dd.' };

export const UNIT_COLUMNS: ImportColumn[] = [
  {
    key: 'code', label: { vi: 'Mã định danh', en: 'Agency code' }, aliases: ['ma', 'code'], required: 'always', example: 'H30.108.05',
    hint: { vi: 'Mã định danh điện tử của đơn vị. Mã đã có thì dòng này cập nhật đơn vị đó.', en: 'The unit\'s electronic agency code. An existing code updates that unit.' },
  },
  {
    key: 'parentCode', label: { vi: 'Mã đơn vị cha', en: 'Parent code' }, aliases: ['ma_cha', 'parent_code'], required: 'new', example: 'H30.108', fields: ['parentId'],
    hint: { vi: 'Mã định danh của đơn vị cấp trên; có thể là một đơn vị ở dòng khác của cùng tệp.', en: 'The parent unit\'s code; it may be another row of the same file.' },
  },
  {
    key: 'name', label: { vi: 'Tên đơn vị', en: 'Unit name' }, aliases: ['ten', 'name'], required: 'always', example: 'Phòng Kế hoạch - Tài chính',
    hint: { vi: 'Tên đầy đủ của đơn vị.', en: 'The unit\'s full name.' },
  },
  {
    key: 'shortName', label: { vi: 'Tên viết tắt', en: 'Short name' }, aliases: ['short_name'], required: 'no', example: 'P.KHTC',
    hint: { vi: 'Tên ngắn dùng trên thẻ, phiếu (không bắt buộc).', en: 'A short name for badges and slips.' },
  },
  {
    key: 'kind', label: { vi: 'Loại đơn vị', en: 'Kind' }, aliases: ['loai', 'kind'], required: 'always', example: UNIT_KIND_LABELS.section.vi,
    hint: {
      vi: `Một trong: ${UNIT_KINDS.map((k) => UNIT_KIND_LABELS[k].vi).join('; ')}.`,
      en: `One of: ${UNIT_KINDS.map((k) => UNIT_KIND_LABELS[k].en).join('; ')}.`,
    },
  },
  {
    key: 'function', label: { vi: 'Chức năng', en: 'Function' }, aliases: ['function'], required: 'no', example: 'culture_social',
    hint: { vi: 'Thẻ chức năng để quy trình nội bộ tìm đúng đơn vị (chữ thường, số, dấu gạch dưới), ví dụ one_stop.', en: 'A function tag that internal processes use to find the unit, e.g. one_stop.' },
  },
  { key: 'effectiveFrom', label: { vi: 'Hiệu lực từ', en: 'Effective from' }, aliases: ['effective_from'], required: 'no', example: '01/07/2025', hint: DATE_HINT },
  { key: 'effectiveTo', label: { vi: 'Hiệu lực đến', en: 'Effective to' }, aliases: ['effective_to'], required: 'no', example: '', hint: DATE_HINT },
];

export const STAFF_COLUMNS: ImportColumn[] = [
  {
    key: 'fullName', label: { vi: 'Họ và tên', en: 'Full name' }, aliases: ['ho_ten', 'full_name'], required: 'always', example: 'Nguyễn Thị Phương Thảo',
    hint: { vi: 'Họ và tên đầy đủ, có dấu.', en: 'Full name with diacritics.' },
  },
  {
    key: 'position', label: { vi: 'Chức vụ', en: 'Position' }, aliases: ['position'], required: 'no', example: 'Chuyên viên',
    hint: { vi: 'Chức vụ in trên thẻ (không bắt buộc).', en: 'The position printed on the badge.' },
  },
  {
    key: 'unitCode', label: { vi: 'Mã đơn vị', en: 'Unit code' }, aliases: ['don_vi', 'unit_code'], required: 'always', example: 'H30.108.05', fields: ['unitId'],
    hint: { vi: 'Mã định danh của đơn vị công tác; phải thuộc phạm vi bạn quản lý.', en: 'The code of the staff member\'s unit, within your reach.' },
  },
  {
    key: 'badgeNumber', label: { vi: 'Số thẻ', en: 'Badge number' }, aliases: ['badge_number'], required: 'no', example: 'LC-0901',
    hint: { vi: 'Số thẻ công chức. Số thẻ đã có thì dòng này cập nhật người đó; để trống thì luôn thêm người mới.', en: 'An existing badge number updates that person; without one a new person is added.' },
  },
  {
    key: 'phone', label: { vi: 'Điện thoại', en: 'Phone' }, aliases: ['so_dien_thoai', 'phone'], required: 'no', example: '0912345678',
    hint: { vi: 'Số điện thoại công vụ (8–15 chữ số).', en: 'Work phone number (8–15 digits).' },
  },
  {
    key: 'email', label: { vi: 'Thư điện tử', en: 'Email' }, aliases: ['email'], required: 'no', example: 'thao.ntp@laichau.gov.vn',
    hint: { vi: 'Địa chỉ thư điện tử công vụ.', en: 'Work email address.' },
  },
  { key: 'secondedFrom', label: { vi: 'Biệt phái từ', en: 'Seconded from' }, aliases: ['seconded_from'], required: 'no', example: '', hint: DATE_HINT },
  { key: 'secondedTo', label: { vi: 'Biệt phái đến', en: 'Seconded to' }, aliases: ['seconded_to'], required: 'no', example: '', hint: DATE_HINT },
];

export const IMPORT_COLUMNS: Record<ImportKind, ImportColumn[]> = { units: UNIT_COLUMNS, staff: STAFF_COLUMNS };

/** Every header a column accepts, folded; its own label first. */
export function headersOf(column: ImportColumn): string[] {
  return [normaliseHeader(column.label.vi), normaliseHeader(column.label.en), ...column.aliases];
}

/** The cell of a column in a row read by `readTabular` (keys are folded headers). */
export function cell(values: Record<string, string>, column: ImportColumn): string {
  for (const h of headersOf(column)) {
    const v = values[h];
    if (v) return v;
  }
  return '';
}

/** The column an error path belongs to ("unitId" → "Mã đơn vị"). */
export function columnOf(columns: ImportColumn[], path: string | undefined): ImportColumn | undefined {
  if (!path) return undefined;
  const top = path.split('.')[0]!;
  return columns.find((c) => c.key === top || c.fields?.includes(top));
}

/** Headers of a file that no column reads (a typo, an extra column): reported, not silently lost. */
export function unknownHeaders(columns: ImportColumn[], headers: string[]): string[] {
  const known = new Set(columns.flatMap(headersOf));
  return headers.filter((h) => normaliseHeader(h) !== '' && !known.has(normaliseHeader(h)));
}

/** "31/12/2026" → "2026-12-31"; anything else is kept for the schema to judge. */
export function isoDay(text: string): string {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : text;
}
