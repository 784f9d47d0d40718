import type { z } from 'zod';
import { formatViDate } from '../documents/vi-format.js';

/**
 * Our own wording of zod's validation issues, in Vietnamese and English. zod 4's Vietnamese locale
 * leaves type names and comparison signs in English ("Quá lớn: mong đợi number <=100"); a person
 * filling a form should read "không được lớn hơn 100". Each message follows the field's label
 * ("Số dòng mỗi trang: không được lớn hơn 100."), so it starts in lower case and ends with a full stop.
 * A message written on the schema itself (z.string().min(1, 'Cần nhập tên')) still wins over these.
 */
export type ValidationLocale = 'vi' | 'en';

/** The issue as zod hands it to an error map (raw: input always present) or reports it. */
type Issue = z.core.$ZodRawIssue | z.core.$ZodIssue;

const TYPE_NAMES: Record<string, { vi: string; en: string }> = {
  string: { vi: 'một chuỗi ký tự', en: 'text' },
  number: { vi: 'một số', en: 'a number' },
  int: { vi: 'một số nguyên', en: 'a whole number' },
  bigint: { vi: 'một số nguyên', en: 'a whole number' },
  boolean: { vi: 'giá trị có/không (true hoặc false)', en: 'yes or no (true or false)' },
  date: { vi: 'một ngày hợp lệ', en: 'a valid date' },
  array: { vi: 'một danh sách', en: 'a list' },
  tuple: { vi: 'một danh sách', en: 'a list' },
  set: { vi: 'một danh sách', en: 'a list' },
  object: { vi: 'một đối tượng (các trường dữ liệu)', en: 'an object (a set of fields)' },
  record: { vi: 'một đối tượng (các trường dữ liệu)', en: 'an object (a set of fields)' },
  map: { vi: 'một đối tượng (các trường dữ liệu)', en: 'an object (a set of fields)' },
  file: { vi: 'một tệp', en: 'a file' },
  null: { vi: 'để trống (null)', en: 'empty (null)' },
  undefined: { vi: 'bỏ trống', en: 'left out' },
  nan: { vi: 'một số', en: 'a number' },
};

/** What the sender gave instead, named the way the type names above are. */
function receivedName(input: unknown, locale: ValidationLocale): string {
  const vi = locale === 'vi';
  if (input === null) return vi ? 'giá trị rỗng (null)' : 'null';
  if (Array.isArray(input)) return vi ? 'một danh sách' : 'a list';
  switch (typeof input) {
    case 'string': return vi ? 'chuỗi ký tự' : 'text';
    case 'number': return Number.isNaN(input) ? (vi ? 'không phải số (NaN)' : 'not a number (NaN)') : (vi ? 'số' : 'a number');
    case 'boolean': return vi ? 'giá trị true/false' : 'true/false';
    case 'object': return vi ? 'một đối tượng' : 'an object';
    default: return vi ? 'giá trị khác' : 'another kind of value';
  }
}

const FORMATS: Record<string, { vi: string; en: string }> = {
  email: { vi: 'không phải địa chỉ thư điện tử hợp lệ', en: 'is not a valid email address' },
  url: { vi: 'không phải địa chỉ trang web hợp lệ', en: 'is not a valid web address' },
  datetime: { vi: 'không đúng dạng ngày giờ (năm-tháng-ngàyTgiờ:phút, ví dụ 2026-03-02T09:00:00+07:00)', en: 'is not a date and time (e.g. 2026-03-02T09:00:00+07:00)' },
  date: { vi: 'không đúng dạng ngày (năm-tháng-ngày, ví dụ 2026-03-02)', en: 'is not a date (year-month-day, e.g. 2026-03-02)' },
  time: { vi: 'không đúng dạng giờ (giờ:phút, ví dụ 09:30)', en: 'is not a time (hours:minutes, e.g. 09:30)' },
  duration: { vi: 'không đúng dạng khoảng thời gian', en: 'is not a duration' },
  uuid: { vi: 'không đúng dạng mã định danh (UUID)', en: 'is not an identifier (UUID)' },
  guid: { vi: 'không đúng dạng mã định danh (GUID)', en: 'is not an identifier (GUID)' },
  ipv4: { vi: 'không phải địa chỉ IPv4 hợp lệ', en: 'is not a valid IPv4 address' },
  ipv6: { vi: 'không phải địa chỉ IPv6 hợp lệ', en: 'is not a valid IPv6 address' },
  e164: { vi: 'không phải số điện thoại quốc tế hợp lệ', en: 'is not a valid international phone number' },
  base64: { vi: 'không phải dữ liệu mã hóa base64 hợp lệ', en: 'is not valid base64 data' },
  base64url: { vi: 'không phải dữ liệu mã hóa base64url hợp lệ', en: 'is not valid base64url data' },
  json_string: { vi: 'không phải chuỗi JSON hợp lệ', en: 'is not valid JSON text' },
  lowercase: { vi: 'phải viết thường', en: 'must be in lower case' },
  uppercase: { vi: 'phải viết hoa', en: 'must be in upper case' },
};

function count(n: number | bigint, locale: ValidationLocale): string {
  if (typeof n === 'bigint' || Number.isInteger(n)) {
    const digits = n.toString();
    return locale === 'vi' ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 6 }).format(n);
}

function bytes(n: number | bigint, locale: ValidationLocale): string {
  const v = Number(n);
  if (v >= 1024 * 1024) return `${count(Math.round((v / 1024 / 1024) * 10) / 10, locale)} MB`;
  if (v >= 1024) return `${count(Math.round((v / 1024) * 10) / 10, locale)} KB`;
  return `${count(v, locale)} byte`;
}

type Bound = { origin: string; value: number | bigint; inclusive?: boolean; exact?: boolean };

/** "tối đa 100 ký tự", "không được lớn hơn 100", "phải có đúng 12 ký tự", "không được sau 31/12/2026". */
function bound(kind: 'max' | 'min', b: Bound, locale: ValidationLocale): string {
  const vi = locale === 'vi';
  const units: Record<string, [string, string, string]> = {
    // [vi unit, en singular, en plural]
    string: ['ký tự', 'character', 'characters'],
    array: ['mục', 'item', 'items'],
    set: ['mục', 'item', 'items'],
    map: ['mục', 'entry', 'entries'],
  };
  const unit = units[b.origin];
  if (unit) {
    const n = count(b.value, locale);
    const en = Number(b.value) === 1 ? unit[1] : unit[2];
    if (b.exact) return vi ? `phải có đúng ${n} ${unit[0]}` : `must have exactly ${n} ${en}`;
    if (kind === 'min' && b.origin === 'string' && Number(b.value) === 1 && b.inclusive !== false) {
      return vi ? 'không được để trống' : 'must not be empty';
    }
    if (kind === 'min' && Number(b.value) === 1 && b.inclusive !== false) {
      return vi ? `cần ít nhất 1 ${unit[0]}` : `needs at least 1 ${en}`;
    }
    if (kind === 'max') return vi ? `tối đa ${n} ${unit[0]}` : `must have at most ${n} ${en}`;
    return vi ? `tối thiểu ${n} ${unit[0]}` : `must have at least ${n} ${en}`;
  }
  if (b.origin === 'file') {
    const size = bytes(b.value, locale);
    if (kind === 'max') return vi ? `tệp quá lớn: tối đa ${size}` : `file is too large: at most ${size}`;
    return vi ? `tệp quá nhỏ: tối thiểu ${size}` : `file is too small: at least ${size}`;
  }
  if (b.origin === 'date') {
    const day = formatViDate(new Date(Number(b.value)));
    if (kind === 'max') return vi ? (b.inclusive ? `không được sau ngày ${day}` : `phải trước ngày ${day}`) : (b.inclusive ? `must not be after ${day}` : `must be before ${day}`);
    return vi ? (b.inclusive ? `không được trước ngày ${day}` : `phải sau ngày ${day}`) : (b.inclusive ? `must not be before ${day}` : `must be after ${day}`);
  }
  // number, int, bigint and anything else compared by value
  const n = count(b.value, locale);
  if (b.exact) return vi ? `phải bằng ${n}` : `must be ${n}`;
  if (kind === 'max') return vi ? (b.inclusive ? `không được lớn hơn ${n}` : `phải nhỏ hơn ${n}`) : (b.inclusive ? `must be at most ${n}` : `must be less than ${n}`);
  if (!b.inclusive && Number(b.value) === 0) return vi ? 'phải lớn hơn 0' : 'must be greater than 0';
  return vi ? (b.inclusive ? `không được nhỏ hơn ${n}` : `phải lớn hơn ${n}`) : (b.inclusive ? `must be at least ${n}` : `must be greater than ${n}`);
}

function literal(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** The message for one issue, without the field's label. */
export function validationMessage(issue: Issue, locale: ValidationLocale): string {
  const vi = locale === 'vi';
  let text: string;
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) {
        text = vi ? 'bắt buộc phải nhập' : 'required';
        break;
      }
      const expected = TYPE_NAMES[issue.expected]?.[locale];
      const received = receivedName(issue.input, locale);
      text = expected
        ? vi ? `phải là ${expected} (đang là ${received})` : `must be ${expected} (got ${received})`
        : vi ? `không đúng kiểu dữ liệu (đang là ${received})` : `has the wrong kind of value (got ${received})`;
      break;
    }
    case 'too_big':
      text = bound('max', { origin: issue.origin, value: issue.maximum, inclusive: issue.inclusive, exact: issue.exact }, locale);
      break;
    case 'too_small':
      text = bound('min', { origin: issue.origin, value: issue.minimum, inclusive: issue.inclusive, exact: issue.exact }, locale);
      break;
    case 'invalid_format': {
      const f = issue as z.core.$ZodStringFormatIssues;
      if (f.format === 'starts_with') text = vi ? `phải bắt đầu bằng "${f.prefix}"` : `must start with "${f.prefix}"`;
      else if (f.format === 'ends_with') text = vi ? `phải kết thúc bằng "${f.suffix}"` : `must end with "${f.suffix}"`;
      else if (f.format === 'includes') text = vi ? `phải chứa "${f.includes}"` : `must contain "${f.includes}"`;
      else text = FORMATS[f.format]?.[locale] ?? (vi ? 'không đúng định dạng' : 'is not in the expected format');
      break;
    }
    case 'invalid_value': {
      const values = issue.values.map(literal);
      if (values.length === 1) text = vi ? `phải là ${values[0]}` : `must be ${values[0]}`;
      else text = vi ? `phải là một trong các giá trị: ${values.join(', ')}` : `must be one of: ${values.join(', ')}`;
      break;
    }
    case 'not_multiple_of':
      text = issue.divisor === 1
        ? vi ? 'phải là số nguyên' : 'must be a whole number'
        : vi ? `phải là bội số của ${count(issue.divisor, locale)}` : `must be a multiple of ${count(issue.divisor, locale)}`;
      break;
    case 'unrecognized_keys':
      text = vi ? `có trường không được phép: ${issue.keys.join(', ')}` : `has unknown fields: ${issue.keys.join(', ')}`;
      break;
    case 'invalid_union':
      text = vi ? 'không khớp với dạng dữ liệu nào được chấp nhận' : 'does not match any accepted form';
      break;
    case 'invalid_key':
      text = vi ? 'có tên trường không hợp lệ' : 'has an invalid key';
      break;
    case 'invalid_element':
      text = vi ? 'có phần tử không hợp lệ' : 'has an invalid element';
      break;
    default:
      text = vi ? 'không hợp lệ' : 'is not valid';
  }
  return `${text}.`;
}

/** zod error maps (z.config({ localeError })) for each language. */
export const viErrorMap: z.core.$ZodErrorMap = (issue) => validationMessage(issue, 'vi');
export const enErrorMap: z.core.$ZodErrorMap = (issue) => validationMessage(issue, 'en');
