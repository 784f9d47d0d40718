import { deflateSync, crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { communeProcedure, inMemoryCatalog } from '../../../test/support/procedure-factory.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { pdfToText } from '../../platform/documents/pdf-text.js';
import { createDossierService } from '../dossiers/dossiers.service.js';

// Every QR code the app prints goes through the QR module: record what each one encodes.
const encoded = vi.hoisted(() => [] as string[]);
vi.mock('../../platform/documents/qr.js', async (importOriginal) => {
  const qr = await importOriginal<typeof import('../../platform/documents/qr.js')>();
  return {
    ...qr,
    qrSvg: (text: string, options?: Parameters<typeof qr.qrSvg>[1]) => { encoded.push(text); return qr.qrSvg(text, options); },
    qrContent: (text: string, size: number, options?: Parameters<typeof qr.qrContent>[2]) => { encoded.push(text); return qr.qrContent(text, size, options); },
  };
});

const PUBLIC_URL = 'https://dichvucong.example.gov.vn';
let t: TestApp;
const s = {} as Record<string, Session>;

beforeAll(async () => {
  t = await createTestApp({
    env: { MOTCUA_PUBLIC_URL: PUBLIC_URL },
    override: (services) => ({
      dossiers: createDossierService({ db: services.db, org: services.org, catalog: inMemoryCatalog([communeProcedure()]), deadlines: services.calendar.deadlines, keys: services.dataKeys, now: () => new Date('2026-03-02T09:00:00+07:00') }),
    }),
  });
  for (const u of ['admin', 'motcua.tanphong']) s[u] = await t.login(u);
});
afterAll(async () => { await t?.close(); });

/** A small PNG portrait, uploaded as the admin page does (multipart). */
function portraitPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(12, 0);
  header.writeUInt32BE(16, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc(16 * (1 + 12 * 3), 120);
  for (let y = 0; y < 16; y++) rows[y * 37] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

async function staffId(username: string): Promise<{ id: number; publicId: string }> {
  const row = await t.db.selectFrom('org_staff as s').innerJoin('auth_accounts as a', 'a.staff_id', 's.id').select(['s.id', 's.public_id']).where('a.username', '=', username).executeTakeFirstOrThrow();
  return { id: row.id, publicId: row.public_id };
}

describe('badges', () => {
  it('print the agency and the province under a section whose name repeats in every commune, and the photo', async () => {
    const tanPhong = await staffId('chuyenvien.tanphong');
    const boundary = 'motcua-test-boundary';
    const upload = await t.request('PUT', `/api/v1/org/staff/${tanPhong.id}/photo`, {
      session: s.admin,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="anh.png"\r\nContent-Type: image/png\r\n\r\n`),
        portraitPng(),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(upload.statusCode, upload.body).toBe(200);
    // Another "Phòng Văn hóa - Xã hội", in another ward, without a photo.
    const other = await t.request('POST', '/api/v1/org/staff', { session: s.admin, body: { fullName: 'Điêu Thị Xuân', position: 'Công chức Văn hóa - Xã hội', unitId: await t.unitId('H30.502.02'), badgeNumber: 'DK-0299' } });
    expect(other.statusCode, other.body).toBe(201);

    encoded.length = 0;
    const res = await t.request('GET', `/api/v1/org/badges.pdf?staffIds=${tanPhong.id},${other.json().id}`, { session: s.admin });
    expect(res.statusCode, res.body).toBe(200);
    const text = (await pdfToText(res.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('Phòng Văn hóa - Xã hội UBND phường Tân Phong');
    expect(text).toContain('Phòng Văn hóa - Xã hội UBND phường Đoàn Kết');
    expect(text).toContain('TỈNH LAI CHÂU');
    // One card draws the uploaded photo (an image object in the PDF); the other prints initials.
    expect(res.rawPayload.toString('latin1').match(/\/Subtype\s*\/Image/g)).toHaveLength(1);
    expect(text).toContain('ĐX');
    expect(text).not.toMatch(/\bPH\b/);
    // Each QR code opens the official's public page at the configured public address.
    expect(encoded).toEqual([`${PUBLIC_URL}/can-bo-cong-khai/${tanPhong.publicId}`, `${PUBLIC_URL}/can-bo-cong-khai/${other.json().publicId}`]);
  });

  it('the public page of the official names the agency and province, and offers no feedback page that does not exist', async () => {
    const { publicId } = await staffId('chuyenvien.tanphong');
    const res = await t.request('GET', `/api/v1/public/staff/${publicId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ unitName: 'Phòng Văn hóa - Xã hội', agencyName: 'UBND phường Tân Phong', provinceName: 'Tỉnh Lai Châu', feedbackUrl: null });
  });
});

describe('every QR code the app prints', () => {
  it('carries MOTCUA_PUBLIC_URL: badges above, the receipt and the posting sheet here', async () => {
    encoded.length = 0;
    const created = await t.request('POST', '/api/v1/dossiers', {
      session: s['motcua.tanphong'],
      body: { procedureCode: '1.001193', channel: 'desk', resultDelivery: 'desk', idempotencyKey: 'qr-public-url-1', applicant: { kind: 'citizen', fullName: 'Nguyễn Thị Hường', idNumber: '012345678901', phone: '0912345678', address: 'Bản Sang Ngà' } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const code = created.json().code as string;
    expect((await t.request('GET', `/api/v1/dossiers/${code}/slips/01.pdf`, { session: s['motcua.tanphong'] })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/v1/procedures/1.001193/posting-sheet.pdf')).statusCode).toBe(200);
    expect(encoded).toHaveLength(2);
    expect(encoded[0]).toMatch(new RegExp(`^${PUBLIC_URL}/tra-cuu\\?ma=${code.replace(/\./g, '\\.')}&key=\\w+$`));
    expect(encoded[1]).toBe(`${PUBLIC_URL}/thu-tuc/1.001193`);
  });
});
