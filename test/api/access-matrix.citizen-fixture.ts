import { multipartFile } from '../support/multipart.js';
import type { Session, TestApp } from '../support/test-app.js';
import type { CitizenRelation } from './access-matrix.rules.js';

/**
 * Records owned by the matrix citizen (`citizenOwn`) and by another citizen (`citizenOther`): drafts,
 * uploads and dossiers in the states the online endpoints act on. Built through the API, as each
 * citizen (and the Tân Phong desk for what only a desk does).
 */
export type CitizenFixture = {
  file: Record<CitizenRelation, string>;
  /** A received dossier (detail, receipt). */
  dossier: Record<CitizenRelation, string>;
  /** A fresh draft, editable at version 1. */
  draft(r: CitizenRelation): Promise<{ id: string; version: number }>;
  /** A fresh complete draft, ready to submit. */
  completeDraft(r: CitizenRelation): Promise<string>;
  /** A fresh dossier waiting for the applicant's supplement. */
  awaitingSupplement(r: CitizenRelation): Promise<string>;
  /** A fresh dossier the desk asked to pay a fee for (status 6). */
  awaitingPayment(r: CitizenRelation): Promise<string>;
  /** A fresh dossier with its result ready (rateable). */
  resultReady(r: CitizenRelation): Promise<string>;
  /** The owner's file id and the document name it answers, for a supplement body. */
  supplementFile(r: CitizenRelation): string;
};

const PROCEDURE = '1.001193';
const PDF = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n%%EOF\n`);
const OTHER = { subject: 'matrix-other-citizen', fullName: 'Tao Văn Hùng', idNumber: '012201000777', email: 'hung.tao@example.vn' };

export async function citizenFixture(t: TestApp, desk: Session, ownIdNumber: string): Promise<CitizenFixture> {
  const own = await t.citizenSession({ subject: 'matrix-citizen' });
  const other = await t.citizenSession(OTHER);
  const as = (r: CitizenRelation) => (r === 'citizenOwn' ? own : other);
  const idOf = (r: CitizenRelation) => (r === 'citizenOwn' ? ownIdNumber : OTHER.idNumber);
  const unitId = await t.unitId('H30.501.01');
  let n = 0;
  const ok = async (res: { statusCode: number; body: string }, what: string) => {
    if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
    return JSON.parse(res.body || '{}');
  };
  const upload = async (r: CitizenRelation) => {
    const m = multipartFile('file', `giay-to-${++n}.pdf`, PDF(`matrix ${r} ${n}`), 'application/pdf');
    return (await ok(await t.request('POST', '/api/v1/citizen/files', { session: as(r), body: m.payload, headers: m.headers }), 'upload')).id as string;
  };
  // The result is recorded at the last step of the route, by the ward's leader (issue 11 item 7),
  // who also hands it on from the section's step (unit heads act across the ward's subtree).
  const leader = await t.login('lanhdao.tanphong');
  const actAs = async (session: Session, code: string, body: Record<string, unknown>) => {
    const { version } = await t.db.selectFrom('dossiers').select('version').where('code', '=', code).executeTakeFirstOrThrow();
    await ok(await t.request('POST', `/api/v1/dossiers/${code}/actions`, { session, body: { version, ...body } }), `${body.action} as ${session === desk ? "desk" : "leader"}`);
  };
  const deskAct = (code: string, body: Record<string, unknown>) => actAs(desk, code, body);
  /** Filed at the desk with the citizen's ID number: theirs by the blind index. */
  const received = async (r: CitizenRelation) => (await ok(await t.request('POST', '/api/v1/dossiers', {
    session: desk, body: { procedureCode: PROCEDURE, channel: 'desk', resultDelivery: 'online', idempotencyKey: `matrix-citizen-${r}-${++n}`, applicant: { kind: 'citizen', fullName: 'Công dân ma trận', idNumber: idOf(r), phone: '0912345678' } },
  }), 'desk intake')).code as string;
  const files = { citizenOwn: await upload('citizenOwn'), citizenOther: await upload('citizenOther') };
  const draft = async (r: CitizenRelation) => {
    const d = await ok(await t.request('POST', '/api/v1/citizen/dossiers', { session: as(r), body: { procedureCode: PROCEDURE } }), 'draft');
    return { id: d.id as string, version: d.version as number };
  };
  return {
    file: files,
    dossier: { citizenOwn: await received('citizenOwn'), citizenOther: await received('citizenOther') },
    draft,
    async completeDraft(r) {
      const d = await draft(r);
      const [a, b] = [await upload(r), await upload(r)];
      await ok(await t.request('PATCH', `/api/v1/citizen/dossiers/${d.id}`, {
        session: as(r), body: { version: d.version, receivingUnitId: unitId, request: 'Đăng ký khai sinh', documents: [{ name: 'Tờ khai đăng ký khai sinh', fileId: a }, { name: 'Giấy chứng sinh', fileId: b }] },
      }), 'complete draft');
      return d.id;
    },
    async awaitingSupplement(r) {
      const code = await received(r);
      await deskAct(code, { action: 'request_supplement', items: [{ name: 'Giấy chứng sinh', reason: 'Bản mờ' }] });
      return code;
    },
    async awaitingPayment(r) {
      const code = await received(r);
      await deskAct(code, { action: 'request_payment', items: [{ name: 'Lệ phí đăng ký khai sinh', amount: 8000 }] });
      return code;
    },
    async resultReady(r) {
      const code = await received(r);
      await deskAct(code, { action: 'transfer' });
      await actAs(leader, code, { action: 'transfer' });
      await actAs(leader, code, { action: 'record_result', summary: 'Cấp Giấy khai sinh' });
      return code;
    },
    supplementFile: (r) => files[r],
  };
}
