import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { searchKey } from './rules/search.js';

// Issue 19 scope 5: the registry's documents and the modules that act on them. A steering document
// registered in the directives module names the incoming document of the register it came from; the
// document's page lists what was registered from it. Only a document the officer may read can be cited.
let t: TestApp;
const s = {} as Record<string, Session>;
const u = {} as Record<string, number>;

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['lanhdao.snv', 'chuyenvien.snv', 'lanhdao.stp']) s[name] = await t.login(name);
  for (const code of ['H30.101', 'H30.102']) u[code] = await t.unitId(code);
});
afterAll(async () => { await t?.close(); });

let arrival = 900;
async function incoming(unitCode: string, symbol: string, subject: string) {
  arrival += 1;
  return (await t.db.insertInto('reg_documents').values({
    unit_id: u[unitCode]!, direction: 'in', status: 'registered', doc_type: 'KH', subject, symbol, issued_on: '2026-01-20', issuer_name: 'Ủy ban nhân dân tỉnh Lai Châu',
    signer_name: 'Tống Thanh Hải', arrival_number: arrival, arrival_on: '2026-01-22', channel: 'exchange', recipients: '[]', search_text: searchKey([symbol, subject]),
  }).returning('id').executeTakeFirstOrThrow()).id;
}

const directive = (session: Session, number: string, registryDocumentId: number) => t.request('POST', '/api/v1/directives', {
  session,
  body: {
    docType: 'KH', number, issuer: 'Ủy ban nhân dân tỉnh Lai Châu', signer: 'Tống Thanh Hải', signedOn: '2026-01-20', subject: 'Kế hoạch cải cách hành chính năm 2026',
    fullText: '', ownerUnitId: u['H30.101'], files: [], registryDocumentId,
    tasks: [{ ref: '1', content: 'Rà soát, đơn giản hóa thủ tục hành chính', leads: [{ unitId: u['H30.102'] }], dueOn: '2026-02-15' }],
  },
});

describe('a steering document registered from a document of the register', () => {
  it('names the incoming document, which lists it back', async () => {
    const docId = await incoming('H30.101', '45/KH-UBND', 'Kế hoạch cải cách hành chính năm 2026');
    const res = await directive(s['chuyenvien.snv']!, '45/KH-UBND', docId);
    expect(res.statusCode, res.body).toBe(201);
    const directiveId = res.json().document.id as number;
    expect(res.json().document.registryDocumentId).toBe(docId);
    const detail = await t.request('GET', `/api/v1/registry/documents/${docId}`, { session: s['lanhdao.snv']! });
    expect(detail.json().directives).toEqual([{ id: directiveId, number: '45/KH-UBND', subject: 'Kế hoạch cải cách hành chính năm 2026', status: 'active' }]);
  });

  it('refuses a document of another agency\'s register the officer may not read', async () => {
    const foreign = await incoming('H30.102', '46/KH-UBND', 'Kế hoạch tuyên truyền cải cách hành chính');
    const res = await directive(s['chuyenvien.snv']!, '46/KH-UBND', foreign);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details?.[0]?.path ?? res.body).toContain('registryDocumentId');
    expect(res.body).toContain('Không có văn bản này trong sổ văn bản');
  });
});

describe('a dossier\'s result issued as an outgoing document', () => {
  it('drafts a document to the applicant from a dossier the head works on, found again by the dossier\'s code', async () => {
    // Received at the Tân Phong desk and handed to the ward's head, who holds it at the result step.
    const desk = await t.login('motcua.tanphong');
    s['lanhdao.tanphong'] = await t.login('lanhdao.tanphong');
    const received = await t.request('POST', '/api/v1/dossiers', { session: desk, body: {
      procedureCode: '1.001193', channel: 'desk', resultDelivery: 'desk', idempotencyKey: 'registry-links-1',
      applicant: { kind: 'citizen', fullName: 'Giàng Thị Mỷ', phone: '0912345678', idNumber: '001190004321' },
    } });
    expect(received.statusCode, received.body).toBe(201);
    const code = received.json().code as string;
    const act = async (session: Session, body: Record<string, unknown>) => {
      const version = (await t.db.selectFrom('dossiers').select('version').where('code', '=', code).executeTakeFirstOrThrow()).version;
      const r = await t.request('POST', `/api/v1/dossiers/${code}/actions`, { session, body: { version, ...body } });
      expect(r.statusCode, r.body).toBe(200);
    };
    await act(desk, { action: 'transfer' });
    await act(s['lanhdao.tanphong'], { action: 'take' });
    const dossier = await t.db.selectFrom('dossiers').select(['code', 'applicant_name', 'procedure_name']).where('code', '=', code).executeTakeFirstOrThrow();
    const res = await t.request('POST', '/api/v1/registry/outgoing/from-dossier', { session: s['lanhdao.tanphong']!, body: { dossierCode: dossier.code } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      direction: 'out', status: 'draft', docType: 'CV', subject: expect.stringContaining(dossier.code), recipients: [{ unitId: null, name: dossier.applicant_name }],
      source: { kind: 'dossier', ref: dossier.code },
    });
    expect(res.json().body).toContain(dossier.procedure_name);
    const listed = await t.request('GET', `/api/v1/registry/documents?dossier=${encodeURIComponent(dossier.code)}`, { session: s['lanhdao.tanphong']! });
    expect((listed.json().items as { id: number }[]).map((i) => i.id)).toEqual([res.json().id]);
    // Another department's head neither reads the dossier nor drafts from it.
    const other = await t.request('POST', '/api/v1/registry/outgoing/from-dossier', { session: s['lanhdao.snv']!, body: { dossierCode: dossier.code } });
    expect(other.statusCode).toBe(404);
    expect((await t.request('POST', '/api/v1/registry/outgoing/from-dossier', { session: s['lanhdao.tanphong']!, body: { dossierCode: 'KHONG-CO' } })).statusCode).toBe(404);
    expect((await t.request('POST', '/api/v1/registry/outgoing/from-dossier', { session: s['lanhdao.tanphong']!, body: { dossierCode: dossier.code, docType: 'XX' } })).statusCode).toBe(400);
  });
});
