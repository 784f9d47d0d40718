import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../../../../test/support/multipart.js';
import { createTestApp, type Session, type TestApp } from '../../../../test/support/test-app.js';
import { IMPORT_COLUMNS } from './columns.js';

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
    expect(first.json()).toMatchObject({ created: 2, updated: 0, errors: [], outcome: 'imported' });
    const again = await upload('units', 'don-vi.csv', fixed.replace('Tổ Một cửa lưu động', 'Tổ Một cửa lưu động (đổi tên)'));
    expect(again.json()).toMatchObject({ created: 0, updated: 2, errors: [], summary: { vi: 'Đã nhập cả 2 dòng: thêm 0, cập nhật 2.' } });
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
    expect(res.json()).toMatchObject({ created: 1, updated: 1, errors: [] });
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
    // Without org.manage anywhere the import is refused before its file is read.
    expect(res.statusCode).toBe(403);
    expect(await t.db.selectFrom('org_units').select('id').where('code', '=', 'H30.501.09').execute()).toHaveLength(0);
  });
});

describe('import templates, columns and what the result says', () => {
  const download = (path: string, session: Session | undefined = admin) => t.request('GET', path, { session });

  it('the XLSX template has the importer\'s columns; filled with one valid row it imports', async () => {
    const res = await download('/api/v1/org/import/units/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('mau-nhap-don-vi.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    expect(headers).toEqual(IMPORT_COLUMNS.units.map((c) => c.label.vi));
    expect(sheet.rowCount).toBe(1); // no sample row that would be imported by mistake
    expect(book.getWorksheet('Hướng dẫn')).toBeDefined();
    const values: Record<string, string> = { code: 'H30.506.07', parentCode: 'H30.506', name: 'Tổ Một cửa lưu động', kind: 'Phòng, bộ phận', effectiveFrom: '01/07/2026' };
    sheet.addRow(IMPORT_COLUMNS.units.map((c) => values[c.key] ?? ''));
    const filled = await upload('units', 'mau-nhap-don-vi.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(filled.json()).toMatchObject({ created: 1, rowsRead: 1, outcome: 'imported', ignoredColumns: [] });
    const unit = await t.db.selectFrom('org_units').select(['name', 'kind', 'effective_from']).where('code', '=', 'H30.506.07').executeTakeFirstOrThrow();
    expect(unit).toMatchObject({ name: 'Tổ Một cửa lưu động', kind: 'section' });
    expect(String(unit.effective_from)).toContain('2026-07-01');
  });

  it('the CSV template has the same header; one line added imports a staff member', async () => {
    const res = await download('/api/v1/org/import/staff/template.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const [header] = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(header!.split(',')).toEqual(IMPORT_COLUMNS.staff.map((c) => c.label.vi));
    const line = IMPORT_COLUMNS.staff.map((c) => ({ fullName: 'Lò Thị Hoa', unitCode: 'H30.506.02', badgeNumber: 'TU-9101', phone: '0912000111' } as Record<string, string>)[c.key] ?? '').join(',');
    const filled = await upload('staff', 'mau-nhap-can-bo.csv', `${res.body}${line}\r\n`);
    expect(filled.json()).toMatchObject({ created: 1, outcome: 'imported', summary: { vi: 'Đã nhập cả 1 dòng: thêm 1, cập nhật 0.' } });
  });

  it('counts errors per row, names each column by its label, and says that nothing was imported', async () => {
    const csv = 'Họ và tên,Mã đơn vị,Thư điện tử\n,H30.506.02,khong-phai-email\nLò Văn Hùng,H30.506.02,\n';
    const res = (await upload('staff', 'hai-loi.csv', csv)).json();
    expect(res).toMatchObject({ created: 0, updated: 0, rowsRead: 2, rowsWithErrors: 1, errorCount: 2, outcome: 'nothing_imported' });
    expect(res.errors.map((e: { row: number; column?: { vi: string } }) => [e.row, e.column?.vi])).toEqual([[2, 'Họ và tên'], [2, 'Thư điện tử']]);
    expect(res.summary.vi).toBe('Chưa nhập dòng nào: 1/2 dòng có lỗi (2 lỗi). Tệp chỉ được nhập khi mọi dòng đều đúng; hãy sửa các dòng dưới đây rồi tải lên lại.');
    expect(res.summary.en).toBe('Nothing was imported: 1 of 2 rows has errors (2 errors). A file is imported only when every row is correct; fix the rows below and upload it again.');
    for (const e of res.errors) expect(e.messageEn).toMatch(/^[\x20-\x7E]+$/);
    expect(await t.db.selectFrom('org_staff').select('id').where('full_name', '=', 'Lò Văn Hùng').execute()).toHaveLength(0);
  });

  it('names the parent-code column for a unit error, and reports a header it does not read', async () => {
    const res = (await upload('units', 'cot-la.csv', 'Mã định danh,Tên đơn vị,Loại đơn vị,Ghi chú riêng\nH30.506.08,Phòng Z,section,abc\n')).json();
    expect(res.errors).toEqual([expect.objectContaining({ row: 2, field: 'parentCode', column: { vi: 'Mã đơn vị cha', en: 'Parent code' } })]);
    expect(res.ignoredColumns).toEqual(['Ghi chú riêng']);
    expect(res.summary.vi).toContain('Cột không được đọc (tên cột không có trong mẫu): «Ghi chú riêng».');
  });

  it('lists the columns for the dialog, answers 400 for a file without data rows and 401 without a session', async () => {
    const cols = (await download('/api/v1/org/import/units/columns')).json().columns;
    expect(cols[0]).toMatchObject({ key: 'code', label: { vi: 'Mã định danh' }, required: 'always', requiredLabel: { vi: 'Bắt buộc' } });
    expect(cols.find((c: { key: string }) => c.key === 'parentCode').requiredLabel.vi).toBe('Bắt buộc khi thêm mới');
    const empty = await upload('units', 'rong.csv', 'Mã định danh,Tên đơn vị\n');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain('không có dòng dữ liệu');
    expect((await t.request('GET', '/api/v1/org/import/units/template.xlsx')).statusCode).toBe(401);
  });
});
