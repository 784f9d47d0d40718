import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { normalizeForSearch, procedureSearchText } from './search.js';

describe('normalizeForSearch', () => {
  it.each([
    ['Đăng ký khai sinh', 'dang ky khai sinh'],
    ['ĐĂNG KÝ KẾT HÔN', 'dang ky ket hon'],
    ['  Cấp   phiếu\tlý lịch\n tư pháp ', 'cap phieu ly lich tu phap'],
    ['Chứng thực bản sao từ bản chính', 'chung thuc ban sao tu ban chinh'],
    ['Giấy phép xây dựng nhà ở riêng lẻ', 'giay phep xay dung nha o rieng le'],
    ['Ưu đãi, hỗ trợ — mã 1.000948.H30', 'uu dai ho tro ma 1 000948 h30'],
    ['“Cấp\u00a0phép” karaoke…', 'cap phep karaoke'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeForSearch(input)).toBe(expected);
  });

  it('gives the same result for precomposed and decomposed input', () => {
    const nfc = 'Trích lục hộ tịch Đắk Lắk';
    expect(normalizeForSearch(nfc.normalize('NFD'))).toBe(normalizeForSearch(nfc));
  });

  it('is idempotent and leaves only lowercase ASCII letters, digits and single spaces', () => {
    const vietnamese = fc.string({ unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệóòỏõọốồổỗộớờởỡợúùủũụứừửữựíìỉĩịýỳỷỹỵ AĂÂĐÊÔƠƯÁÀẢÃẠÉỆỐỜỰ\t.,;—0'.split('')) });
    fc.assert(
      fc.property(vietnamese, (s) => {
        const n = normalizeForSearch(s);
        expect(normalizeForSearch(n)).toBe(n);
        expect(n).toMatch(/^[a-z0-9 ]*$/);
        expect(n).not.toMatch(/^ | $| {2}/);
      }),
    );
  });

  it('builds the searchable text of a procedure from code, name, field and keywords', () => {
    expect(
      procedureSearchText({ code: '1.001193', name: 'Đăng ký khai sinh', field: { name: 'Hộ tịch' }, keywords: ['Giấy khai sinh'] }),
    ).toBe('1 001193 dang ky khai sinh ho tich giay khai sinh');
  });
});
