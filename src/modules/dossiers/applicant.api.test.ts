import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeProcedure, inMemoryCatalog } from '../../../test/support/procedure-factory.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { pdfToText } from '../../platform/documents/pdf-text.js';
import { createDossierService } from './dossiers.service.js';

// Monday 02/03/2026 09:00 (+07:00).
const now = new Date('2026-03-02T09:00:00+07:00');
let t: TestApp;
let desk: Session;
beforeAll(async () => {
  t = await createTestApp({
    override: (services) => ({
      dossiers: createDossierService({ db: services.db, org: services.org, catalog: inMemoryCatalog([communeProcedure({ applicants: ['citizen', 'organisation'] })]), deadlines: services.calendar.deadlines, keys: services.dataKeys, now: () => now }),
    }),
  });
  desk = await t.login('motcua.tanphong');
});
afterAll(async () => { await t?.close(); });

let keys = 0;
const receive = (applicant: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  t.request('POST', '/api/v1/dossiers', { session: desk, body: { procedureCode: '1.001193', channel: 'desk', applicant, resultDelivery: 'desk', idempotencyKey: `applicant-${++keys}`, ...extra } });
type Field = { path: string; message: string; messageEn: string };
const fields = (res: { json(): { error: { fields: Field[] } } }) => Object.fromEntries(res.json().error.fields.map((f) => [f.path, f]));

const company = {
  kind: 'organisation', fullName: 'Hợp tác xã Chè Tân Uyên', taxCode: '6200123456', phone: '02133876543', address: 'Tổ dân phố 7, phường Tân Phong',
  representative: { fullName: 'Lò Văn Páo', position: 'Giám đốc', idNumber: '012088001234' },
};

describe('applicant validation at the desk', () => {
  it('an organisation is refused without its representative, and each message names the field as the form labels it', async () => {
    const res = await receive({ kind: 'organisation', fullName: 'A', taxCode: '62001234' });
    expect(res.statusCode).toBe(400);
    const f = fields(res);
    expect(Object.keys(f).sort()).toEqual(['applicant.fullName', 'applicant.representative.fullName', 'applicant.representative.idNumber', 'applicant.taxCode']);
    expect(f['applicant.fullName']!.message).toContain('tên tổ chức');
    expect(f['applicant.fullName']!.message).not.toMatch(/họ và tên|người nộp/i);
    expect(f['applicant.fullName']!.messageEn).toContain('organisation');
    expect(f['applicant.taxCode']!.message).toContain('Mã số doanh nghiệp/mã số thuế');
    expect(f['applicant.representative.fullName']!.message).toContain('người đại diện');
    expect(f['applicant.representative.idNumber']!.message).toContain('số định danh cá nhân/CCCD của người đại diện');
    expect(f['applicant.representative.idNumber']!.messageEn).toContain('representative');
  });

  it('a person’s name and ID number are named as a person’s; a bad representative ID is named as the authorised person’s', async () => {
    const res = await receive({ kind: 'citizen', fullName: ' B ', idNumber: '12-34', representative: { fullName: 'Lò Thị Hoa', idNumber: 'X' } });
    expect(res.statusCode).toBe(400);
    const f = fields(res);
    expect(f['applicant.fullName']!.message).toContain('họ và tên người nộp hồ sơ');
    expect(f['applicant.idNumber']!.message).toContain('Số định danh cá nhân/CCCD');
    expect(f['applicant.representative.idNumber']!.message).toContain('người được ủy quyền');
    // Missing altogether: still named.
    const missing = await receive({ kind: 'organisation', ...{ representative: company.representative } });
    expect(fields(missing)['applicant.fullName']!.message).toContain('tên tổ chức');
  });

  it('receives an organisation with its code and representative, keeps the fields, and the receipt and notices print them', async () => {
    const res = await receive(company);
    expect(res.statusCode).toBe(201);
    const code = res.json().code as string;
    const d = (await t.request('GET', `/api/v1/dossiers/${code}`, { session: desk })).json();
    expect(d.applicant).toMatchObject({ kind: 'organisation', fullName: company.fullName, taxCode: '6200123456', representative: { fullName: 'Lò Văn Páo', position: 'Giám đốc', idNumber: '012088001234' } });
    expect(d.applicantName).toBe(company.fullName);

    const receipt = (await pdfToText((await t.request('GET', `/api/v1/dossiers/${code}/slips/01.pdf`, { session: desk })).rawPayload)).replace(/\s+/g, ' ');
    expect(receipt).toContain('Hợp tác xã Chè Tân Uyên');
    expect(receipt).toContain('6200123456');
    expect(receipt).toContain('Lò Văn Páo, Giám đốc, số định danh cá nhân 012088001234');
    // A notice guiding the organisation to complete its dossier names who acts for it.
    const guided = await receive(company, { intake: 'supplement', supplementItems: [{ name: 'Giấy ủy quyền', reason: 'Chưa có' }] });
    const notice = (await pdfToText((await t.request('GET', `/api/v1/dossiers/${guided.json().code}/slips/02.pdf`, { session: desk })).rawPayload)).replace(/\s+/g, ' ');
    expect(notice).toContain('Người đại diện của tổ chức: Lò Văn Páo, Giám đốc');
  });

  it('older clients keep working: an organisation code sent as idNumber, a citizen without the new fields', async () => {
    expect((await receive({ kind: 'citizen', fullName: 'Lò Thị Hương', idNumber: '012345678901', phone: '0912345678' })).statusCode).toBe(201);
    const old = await receive({ ...company, taxCode: undefined, idNumber: '6200123456' });
    expect(old.statusCode).toBe(201);
  });
});
