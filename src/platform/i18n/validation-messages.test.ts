import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toFieldErrors } from '../http/validation.js';

/** Parses one value under the field "pageSize" (labelled "Số dòng mỗi trang") the way the HTTP edge does. */
function messages(schema: z.ZodType, value: unknown): { vi: string; en: string } {
  const result = z.object({ pageSize: schema }).safeParse(value === undefined ? {} : { pageSize: value }, { reportInput: true });
  if (result.success) throw new Error('expected the value to be refused');
  const [first] = toFieldErrors(result.error.issues);
  return { vi: first!.message, en: first!.messageEn };
}

const day = new Date('2026-12-31T00:00:00+07:00');

// [issue, schema, input, Vietnamese after the label, English after the label]
const table: [string, z.ZodType, unknown, string, string][] = [
  ['missing', z.number(), undefined, 'bắt buộc phải nhập.', 'required.'],
  ['invalid_type number', z.number(), 'abc', 'phải là một số (đang là chuỗi ký tự).', 'must be a number (got text).'],
  ['invalid_type string', z.string(), 12, 'phải là một chuỗi ký tự (đang là số).', 'must be text (got a number).'],
  ['invalid_type boolean', z.boolean(), 'yes', 'phải là giá trị có/không (true hoặc false) (đang là chuỗi ký tự).', 'must be yes or no (true or false) (got text).'],
  ['invalid_type array', z.array(z.string()), 'a', 'phải là một danh sách (đang là chuỗi ký tự).', 'must be a list (got text).'],
  ['invalid_type object', z.object({}), [], 'phải là một đối tượng (các trường dữ liệu) (đang là một danh sách).', 'must be an object (a set of fields) (got a list).'],
  ['invalid_type date', z.date(), 'x', 'phải là một ngày hợp lệ (đang là chuỗi ký tự).', 'must be a valid date (got text).'],
  ['invalid_type null', z.string(), null, 'phải là một chuỗi ký tự (đang là giá trị rỗng (null)).', 'must be text (got null).'],
  ['not an integer', z.int(), 1.5, 'phải là một số nguyên (đang là số).', 'must be a whole number (got a number).'],
  ['too_big number inclusive', z.number().max(100), 101, 'không được lớn hơn 100.', 'must be at most 100.'],
  ['too_big number exclusive', z.number().lt(100), 100, 'phải nhỏ hơn 100.', 'must be less than 100.'],
  ['too_big thousands', z.number().max(10000), 20000, 'không được lớn hơn 10.000.', 'must be at most 10,000.'],
  ['too_small number inclusive', z.number().min(1), 0, 'không được nhỏ hơn 1.', 'must be at least 1.'],
  ['too_small positive', z.number().positive(), 0, 'phải lớn hơn 0.', 'must be greater than 0.'],
  ['too_small exclusive', z.number().gt(5), 5, 'phải lớn hơn 5.', 'must be greater than 5.'],
  ['too_big string', z.string().max(3), 'abcd', 'tối đa 3 ký tự.', 'must have at most 3 characters.'],
  ['too_small string empty', z.string().min(1), '', 'không được để trống.', 'must not be empty.'],
  ['too_small string', z.string().min(8), 'abc', 'tối thiểu 8 ký tự.', 'must have at least 8 characters.'],
  ['exact length', z.string().length(12), 'abc', 'phải có đúng 12 ký tự.', 'must have exactly 12 characters.'],
  ['too_big array', z.array(z.number()).max(2), [1, 2, 3], 'tối đa 2 mục.', 'must have at most 2 items.'],
  ['too_small array one', z.array(z.number()).min(1), [], 'cần ít nhất 1 mục.', 'needs at least 1 item.'],
  ['too_small array', z.array(z.number()).min(3), [1], 'tối thiểu 3 mục.', 'must have at least 3 items.'],
  ['too_big date', z.date().max(day), new Date('2027-01-02T00:00:00+07:00'), 'không được sau ngày 31/12/2026.', 'must not be after 31/12/2026.'],
  ['too_small date', z.date().min(day), new Date('2026-01-02T00:00:00+07:00'), 'không được trước ngày 31/12/2026.', 'must not be before 31/12/2026.'],
  ['too_big bigint', z.bigint().max(10n), 11n, 'không được lớn hơn 10.', 'must be at most 10.'],
  ['invalid_format email', z.email(), 'a@', 'không phải địa chỉ thư điện tử hợp lệ.', 'is not a valid email address.'],
  ['invalid_format url', z.url(), 'not a url', 'không phải địa chỉ trang web hợp lệ.', 'is not a valid web address.'],
  ['invalid_format iso date', z.iso.date(), '31/12/2026', 'không đúng dạng ngày (năm-tháng-ngày, ví dụ 2026-03-02).', 'is not a date (year-month-day, e.g. 2026-03-02).'],
  ['invalid_format iso datetime', z.iso.datetime({ offset: true }), 'hôm qua', 'không đúng dạng ngày giờ (năm-tháng-ngàyTgiờ:phút, ví dụ 2026-03-02T09:00:00+07:00).', 'is not a date and time (e.g. 2026-03-02T09:00:00+07:00).'],
  ['invalid_format regex', z.string().regex(/^\d+$/), 'a1', 'không đúng định dạng.', 'is not in the expected format.'],
  ['invalid_format starts_with', z.string().startsWith('H'), 'X1', 'phải bắt đầu bằng "H".', 'must start with "H".'],
  ['invalid_format ends_with', z.string().endsWith('.pdf'), 'a.doc', 'phải kết thúc bằng ".pdf".', 'must end with ".pdf".'],
  ['invalid_format includes', z.string().includes('@'), 'ab', 'phải chứa "@".', 'must contain "@".'],
  ['invalid_format lowercase', z.string().lowercase(), 'AB', 'phải viết thường.', 'must be in lower case.'],
  ['invalid_format uuid', z.uuid(), 'x', 'không đúng dạng mã định danh (UUID).', 'is not an identifier (UUID).'],
  ['enum', z.enum(['a', 'b']), 'c', 'phải là một trong các giá trị: "a", "b".', 'must be one of: "a", "b".'],
  ['literal', z.literal(1), 2, 'phải là 1.', 'must be 1.'],
  ['not_multiple_of', z.number().multipleOf(5), 7, 'phải là bội số của 5.', 'must be a multiple of 5.'],
  ['invalid_union', z.union([z.number(), z.boolean()]), 'x', 'không khớp với dạng dữ liệu nào được chấp nhận.', 'does not match any accepted form.'],
  ['custom refine', z.number().refine((n) => n % 2 === 0), 3, 'không hợp lệ.', 'is not valid.'],
];

describe('validation messages in Vietnamese and English for every zod issue kind', () => {
  it.each(table)('%s', (_name, schema, input, vi, en) => {
    const m = messages(schema, input);
    expect(m.vi).toBe(`Số dòng mỗi trang: ${vi}`);
    expect(m.en).toBe(`Page size: ${en}`);
  });

  it('leaves no English word, type name or comparison sign in a Vietnamese message', () => {
    for (const [, schema, input] of table) {
      const { vi } = messages(schema, input);
      expect(vi).not.toMatch(/expected|received|number|string|boolean|array|object|mong đợi|<=|>=|Quá (lớn|nhỏ)|instanceof/);
    }
  });

  it('keeps a message written on the schema, and still says "required" when the field is missing', () => {
    expect(messages(z.number().max(5, 'Tối đa 5 ngày'), 9).vi).toBe('Số dòng mỗi trang: Tối đa 5 ngày');
    expect(messages(z.number({ message: 'Phải là số' }), undefined).vi).toBe('Số dòng mỗi trang: bắt buộc phải nhập.');
  });

  it('names a bad key of a record', () => {
    const result = z.record(z.string().max(1), z.number()).safeParse({ ab: 1 }, { reportInput: true });
    const [first] = toFieldErrors(result.error!.issues);
    expect(first).toMatchObject({ path: 'ab', message: 'Có tên trường không hợp lệ.', messageEn: 'Has an invalid key.' });
  });

  it('starts the sentence with a capital letter when the field has no label', () => {
    const result = z.object({ someUnlabelledField: z.number().max(100) }).safeParse({ someUnlabelledField: 101 }, { reportInput: true });
    const [first] = toFieldErrors(result.error!.issues);
    expect(first).toMatchObject({ path: 'someUnlabelledField', message: 'Không được lớn hơn 100.', messageEn: 'Must be at most 100.' });
  });
});
