/**
 * Import and export of the catalogue: round trips through JSON and XLSX, idempotence by code +
 * version, all-or-nothing on a bad row with row/field errors, and the upload endpoint.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { systemContext } from '../../platform/http/context.js';
import { sameJson } from './catalog.import.js';
import { DEMO_PROCEDURES_DIR } from './catalog.module.js';
import { exportJson, importFile } from './catalog.transfer.js';
import { catalogFileSchema, CATALOG_FILE_FORMAT } from './schema.js';
import { procedureInput, step } from './testing.js';
import { catalogRowsFromXlsx } from './xlsx/read.js';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(async () => { await t?.close(); });

const ctx = systemContext('import-test');
const importJson = (procedures: unknown[], progress?: Parameters<typeof importFile>[5]) =>
  importFile(t.db, t.services.catalog.service, ctx, Buffer.from(JSON.stringify({ format: CATALOG_FILE_FORMAT, procedures })), 'x.json', progress);
const published = (code: string, number: number, over: Record<string, unknown> = {}) => procedureInput({
  code, name: `Thủ tục nhập thử ${code}`,
  version: { number, status: 'published', decision: { number: `${number}/QĐ-UBND`, date: '2025-06-01', signer: 'Lò Văn A' }, effectiveFrom: number === 1 ? '2025-07-01' : '2026-01-01' },
  ...over,
});

function multipart(fileName: string, content: Buffer): { body: Buffer; headers: Record<string, string> } {
  const boundary = '----motcua-test-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('round trips', () => {
  it('exports what the demo files say, and importing the export again changes nothing', async () => {
    const exported = (await t.request('GET', '/api/v1/admin/export/procedures.json', { session: admin })).json();
    const demo = ['ho-tich-1.json', 'chung-thuc.json', 'dat-dai.json'].flatMap((f) => catalogFileSchema.parse(JSON.parse(readFileSync(join(DEMO_PROCEDURES_DIR, f), 'utf8'))).procedures);
    for (const p of demo) {
      const out = exported.procedures.find((e: { code: string; version: { number: number } }) => e.code === p.code && e.version.number === p.version.number);
      expect(sameJson(out, p), `${p.code}@${p.version.number}`).toBe(true);
    }
    const res = await t.request('POST', '/api/v1/admin/import/procedures', { session: admin, body: exported });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 0, updated: 0, unchanged: exported.procedures.length, applied: true, errors: [] });
    expect((await t.request('GET', '/api/v1/admin/export/procedures.json', { session: admin })).json()).toEqual(exported);
  });

  it('reads back its own XLSX export as the same versions, and imports it as unchanged', async () => {
    const json = await exportJson(t.db, true);
    const xlsx = await t.request('GET', '/api/v1/admin/export/procedures.xlsx', { session: admin });
    expect(xlsx.statusCode).toBe(200);
    const { rows, errors } = await catalogRowsFromXlsx(xlsx.rawPayload);
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(json.procedures.length);
    const parsed = catalogFileSchema.parse({ format: CATALOG_FILE_FORMAT, procedures: rows.map((r) => r.data) });
    parsed.procedures.forEach((p, i) => expect(sameJson(p, json.procedures[i]), `${p.code}@${p.version.number}`).toBe(true));
    const { body, headers } = multipart('danh-muc.xlsx', xlsx.rawPayload);
    const res = await t.request('POST', '/api/v1/admin/import/procedures', { session: admin, body, headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 0, updated: 0, unchanged: json.procedures.length, applied: true });
  });
});

describe('idempotent import by code and version', () => {
  it('creates, then finds the same file unchanged; a newer version closes the older one', async () => {
    const events: string[] = [];
    expect(await importJson([published('1.999300', 1)], (e) => events.push(e.message))).toMatchObject({ created: 1, applied: true });
    expect(events.length).toBeGreaterThan(0);
    expect(await importJson([published('1.999300', 1)])).toMatchObject({ created: 0, unchanged: 1, applied: true });
    const v1Closed = published('1.999300', 1);
    (v1Closed.version as Record<string, unknown>).status = 'amended';
    (v1Closed.version as Record<string, unknown>).effectiveTo = '2025-12-31';
    const both = [published('1.999300', 2, { name: 'Thủ tục nhập thử, phiên bản 2' }), v1Closed];
    expect(await importJson(both)).toMatchObject({ created: 1, updated: 1, unchanged: 0, applied: true });
    expect(await importJson(both)).toMatchObject({ created: 0, updated: 0, unchanged: 2, applied: true });
    const summary = await t.db.selectFrom('audit_events').select('summary').where('action', '=', 'catalog.imported').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(summary.summary).toMatchObject({ after: { created: 1, updated: 1, unchanged: 0 } });
    const history = (await t.request('GET', '/api/v1/procedures/1.999300/versions')).json().items;
    expect(history.map((v: { status: string; effectiveTo: string | null }) => [v.status, v.effectiveTo])).toEqual([['amended', '2025-12-31'], ['published', null]]);
  });
});

describe('all or nothing', () => {
  it('rejects the whole file when one row is bad, naming the row and the field', async () => {
    const file = [
      published('1.999400', 1),
      { ...published('1.999401', 1), name: '' },
      published('1.999402', 1, { internalProcesses: [{ steps: [step(1, 4), step(2, 4)] }] }),
    ];
    const report = await importJson(file);
    expect(report.applied).toBe(false);
    expect(report.created).toBe(0);
    expect(report.errors).toContainEqual(expect.objectContaining({ row: 2, field: 'name', message: expect.stringContaining('Tên thủ tục') }));
    expect(report.errors).toContainEqual(expect.objectContaining({ row: 3, field: 'internalProcesses.0.steps', message: expect.stringContaining('thiếu 16 giờ') }));
    expect(await t.db.selectFrom('catalog_procedures').select('code').where('code', 'like', '1.9994%').execute()).toEqual([]);
  });

  it('counts errors per entry and says in words that nothing was imported, naming each place by its labels', async () => {
    const twoErrors = { ...published('1.999410', 1), name: '', documents: [{ name: 'Tờ khai', originals: 0 }] };
    const report = await importJson([published('1.999411', 1), twoErrors]);
    expect(report).toMatchObject({ applied: false, rowsWithErrors: 1, errorCount: 2 });
    expect(report.summary.vi).toBe('Chưa nhập gì: 1 mục có lỗi (2 lỗi). Danh mục chỉ được nhập khi cả tệp đều đúng; hãy sửa các lỗi dưới đây rồi nhập lại.');
    expect(report.errors.map((e) => e.where)).toEqual(['Tên thủ tục', 'Thành phần hồ sơ › Mục 1 › Số bản chính']);
    const ok = await importJson([published('1.999411', 1)]);
    expect(ok.summary.vi).toBe('Đã nhập cả 1 phiên bản thủ tục: 1 mới, 0 cập nhật, 0 không đổi.');
  });

  it('rolls back rows already applied when a later row breaks a rule of the database state', async () => {
    const exported = await exportJson(t.db, false);
    const birth = exported.procedures.find((p) => p.code === '1.001193')!;
    const report = await importJson([published('1.999500', 1), { ...birth, name: 'Đăng ký khai sinh (sửa lén)' }]);
    expect(report.applied).toBe(false);
    expect(report.errors).toEqual([expect.objectContaining({ row: 2, message: expect.stringContaining('đã công bố') })]);
    expect(await t.db.selectFrom('catalog_procedures').select('code').where('code', '=', '1.999500').executeTakeFirst()).toBeUndefined();
    expect((await t.request('GET', '/api/v1/procedures/1.001193')).json().name).toBe('Đăng ký khai sinh');
  });

  it('reports XLSX errors by sheet, row and column, and a wrong JSON envelope as one error', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await t.request('GET', '/api/v1/admin/export/procedures.xlsx', { session: admin })).rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Cách thức')!;
    sheet.getCell('D2').value = 'bồ câu';
    sheet.getCell('E3').value = 'hai';
    const { body, headers } = multipart('x.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    const res = await t.request('POST', '/api/v1/procedures/import', { session: admin, body, headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().applied).toBe(false);
    expect(res.json().errors[0]).toMatchObject({ sheet: 'Cách thức', row: 2, field: 'Cách thức', message: expect.stringContaining('bồ câu') });
    sheet.getCell('D2').value = 'trực tiếp';
    const typed = await importFile(t.db, t.services.catalog.service, ctx, Buffer.from(await book.xlsx.writeBuffer()), 'x.xlsx');
    expect(typed.errors).toEqual([expect.objectContaining({ sheet: 'Cách thức', row: 3, field: 'Thời hạn', message: 'Thời hạn phải là số nguyên' })]);

    const wrong = await t.request('POST', '/api/v1/admin/import/procedures', { session: admin, body: { format: 'other', procedures: [] } });
    expect(wrong.json()).toMatchObject({ applied: false, errors: [{ row: 0, field: 'format' }] });
  });
});
