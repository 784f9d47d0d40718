import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../../../../test/support/multipart.js';
import { createTestApp, type Session, type TestApp } from '../../../../test/support/test-app.js';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(async () => { await t?.close(); });

async function upload(kind: 'units' | 'staff', filename: string, content: Buffer | string, session = admin) {
  const { payload, headers } = multipartFile('file', filename, content);
  return t.app.inject({ method: 'POST', url: `/api/v1/org/import/${kind}`, payload, headers: { ...headers, cookie: session.cookie, 'x-csrf-token': session.csrf } });
}

describe('org import from CSV and XLSX', () => {
  it('imports a unit tree from CSV with Vietnamese headers, parents after children included, and updates on a second run', async () => {
    const csv = 'Mã định danh,Tên đơn vị,Loại,Mã đơn vị cha\nH30.503.06,Tổ Một cửa lưu động,Phòng, bộ phận,H30.503.05\nH30.503.05,Phòng Tư pháp - Hộ tịch,section,H30.503\n';
    // The first data row names a kind with a comma; quote it as a spreadsheet would.
    const fixed = csv.replace('Phòng, bộ phận', '"Phòng, bộ phận"');
    const first = await upload('units', 'don-vi.csv', fixed);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ created: 2, updated: 0, errors: [] });
    const again = await upload('units', 'don-vi.csv', fixed.replace('Tổ Một cửa lưu động', 'Tổ Một cửa lưu động (đổi tên)'));
    expect(again.json()).toEqual({ created: 0, updated: 2, errors: [] });
    const unit = await t.db.selectFrom('org_units').select(['name', 'parent_id']).where('code', '=', 'H30.503.06').executeTakeFirstOrThrow();
    expect(unit.name).toBe('Tổ Một cửa lưu động (đổi tên)');
    expect(unit.parent_id).toBe(await t.unitId('H30.503.05'));
  });

  it('reports each wrong row with its line number and writes nothing', async () => {
    const csv = 'ma_dinh_danh,ten,loai,ma_don_vi_cha\nH30.504.07,Phòng A,section,H30.504\nh30.5,Phòng B,section,H30.504\nH30.504.08,,ban_ngành,H30.999\n';
    const res = await upload('units', 'sai.csv', csv);
    expect(res.json().created).toBe(0);
    const rows = res.json().errors.map((e: { row: number }) => e.row);
    expect(rows).toContain(3);
    expect(rows).toContain(4);
    expect(rows).not.toContain(2);
    expect(res.json().errors.find((e: { row: number; field?: string }) => e.row === 4 && e.field === 'parentCode').message).toContain('H30.999');
    expect(await t.db.selectFrom('org_units').select('id').where('code', '=', 'H30.504.07').execute()).toHaveLength(0);
  });

  it('imports staff from XLSX, matching existing people by badge number', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Cán bộ');
    sheet.addRow(['Họ và tên', 'Chức vụ', 'Mã đơn vị', 'Số thẻ', 'Điện thoại']);
    sheet.addRow(['Điêu Thị Xuân', 'Chuyên viên', 'H30.505.02', 'TU-9001', '0987654321']);
    sheet.addRow(['Sùng A Của', 'Công chức một cửa', 'H30.505.01', 'LC-0101', '']);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const res = await upload('staff', 'can-bo.xlsx', file);
    expect(res.json()).toEqual({ created: 1, updated: 1, errors: [] });
    const updated = await t.db.selectFrom('org_staff').select(['full_name', 'unit_id']).where('badge_number', '=', 'LC-0101').executeTakeFirstOrThrow();
    expect(updated.full_name).toBe('Sùng A Của');
    const bad = new ExcelJS.Workbook();
    const s2 = bad.addWorksheet('x');
    s2.addRow(['Họ và tên', 'Mã đơn vị', 'Email']);
    s2.addRow(['X', 'H30.505.02', 'khong-phai-email']);
    const res2 = await upload('staff', 'sai.xlsx', Buffer.from(await bad.xlsx.writeBuffer()));
    expect(res2.json().created).toBe(0);
    expect(res2.json().errors.map((e: { field?: string }) => e.field).sort()).toEqual(['email', 'fullName']);
  });

  it('an unreadable file or a missing file answers 400, and a desk officer may not import units', async () => {
    expect((await upload('units', 'rac.xlsx', Buffer.from('PK not really a zip'))).statusCode).toBe(400);
    const desk = await t.login('motcua.tanphong');
    const res = await upload('units', 'don-vi.csv', 'ma_dinh_danh,ten,loai,ma_don_vi_cha\nH30.501.09,Phòng X,section,H30.501\n', desk);
    expect(res.json().errors.length + (res.statusCode === 403 ? 1 : 0)).toBeGreaterThan(0);
    expect(await t.db.selectFrom('org_units').select('id').where('code', '=', 'H30.501.09').execute()).toHaveLength(0);
  });
});
