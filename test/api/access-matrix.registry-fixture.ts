import { multipartFile } from '../support/multipart.js';
import type { TestApp } from '../support/test-app.js';
import type { UnitRelation } from './access-matrix.rules.js';

type Req = { method: string; url: string; body?: unknown; raw?: Buffer; headers?: Record<string, string> };
type Status = 'draft' | 'submitted' | 'approved' | 'released' | 'arrived' | 'registered' | 'routed';
export type Doc = { id: number; version: number };

const P = '/api/v1/registry';
const PDF = Buffer.from('%PDF-1.4\n% ma tran quyen van thu\n');
/** The Department of Home Affairs (an agency no matrix subject reaches): what it releases to a relation's unit arrives there. */
const SENDER = 'H30.101';
/** Where old closed files of the disposal rows come from: 5 years kept after 2015, expired on 31/12/2020. */
const OLD_YEAR = 2015;

/**
 * Documents, files and disposal lists of the registry (issue 19) at each relation's unit, for the access
 * matrix. Every unit gets records-office settings (the child section has none in the demo) and a section
 * of its own that handles its routed documents; no matrix subject works there. Documents are made as the
 * root administrator through the API (drafter, approver and router: no matrix subject is a party to them);
 * the old closed files a disposal needs are written to the database (closing them takes a document of
 * 2015). `kept*` records are made once per unit for the rows that only read; the others are the same
 * record until an action moved it out of the state asked for, then a new one (read afresh each time, so
 * a request that changed a record it should not have changed shows up in the rows that follow).
 */
export type RegistryFixture = {
  /** The unit's own section, the handling unit of what is routed there. */
  section(unitId: number): number;
  /** H30.501.01, where every matrix subject works (a unit of the own unit's agency). */
  home: number;
  unique(): number;
  /** An outgoing document of the unit in `status` (drafted by `drafterStaffId` when given, for the drafter's rows). */
  outgoing(unitId: number, status: 'draft' | 'submitted' | 'approved' | 'released', drafterStaffId?: number): Promise<Doc>;
  /** An incoming document of the unit: a copy delivered through the exchange, a registered paper one, or one routed to the section. */
  incoming(unitId: number, status: 'arrived' | 'registered' | 'routed'): Promise<Doc>;
  /** A document of the unit routed to `lead` (a person or a unit of the agency), still being handled. */
  routedTo(unitId: number, lead: { staffId: number } | { unitId: number }): Promise<Doc>;
  /** Kept per unit: a released outgoing one (its main PDF `attachmentId`), a registered incoming one, one routed, a confidential one, an exchange copy. */
  kept(unitId: number): Promise<{ released: number; attachmentId: number; registered: number; routed: number; secret: number; copy: number }>;
  /** An open file of 2026 holding one document (kept per unit), a draft disposal list (kept per unit). */
  keptFile(unitId: number): Promise<number>;
  keptDisposal(unitId: number): Promise<number>;
  /** An open file holding a confidential document (kept per unit). */
  keptSecretFile(unitId: number): Promise<number>;
  /** A file of the unit: empty and open, open with a document (`holding`), closed on 2/3/2026 with 10 years. */
  file(unitId: number, state: 'open' | 'holding' | 'closed'): Promise<Doc>;
  /** An open file and a registered document of 2026 not filed anywhere. */
  toFile(unitId: number): Promise<{ file: Doc; documentId: number }>;
  /** An open file and the document filed in it. */
  filed(unitId: number): Promise<{ file: Doc; documentId: number }>;
  /** A draft list of files of a year (a year of its own, holding one file). */
  fileList(unitId: number): Promise<{ year: number; version: number }>;
  /** A closed file of 2015 past its retention and on no disposal list. */
  disposable(unitId: number): Promise<number>;
  /** A draft disposal list holding one file. */
  disposal(unitId: number): Promise<Doc & { fileId: number }>;
};

export async function registryFixture(t: TestApp, asRoot: (req: Req) => Promise<any>, unit: Record<UnitRelation, { id: number; code: string }>): Promise<RegistryFixture> {
  const { db } = t;
  let n = 0;
  const rootStaff = (await db.selectFrom('auth_accounts').select('staff_id').where('username', '=', 'matrix.setup').executeTakeFirstOrThrow()).staff_id;
  const sender = await t.unitId(SENDER);
  const sections = new Map<number, number>();
  for (const r of Object.keys(unit) as UnitRelation[]) {
    const unitId = unit[r].id;
    if (!(await db.selectFrom('reg_settings').select('unit_id').where('unit_id', '=', unitId).executeTakeFirst())) {
      await asRoot({ method: 'PUT', url: `${P}/agencies/${unitId}/settings`, body: { symbol: 'VHXH', placeName: 'Lai Châu', managingBody: 'UBND phường Tân Phong', numbering: 'per_type' } });
    }
    sections.set(unitId, (await asRoot({ method: 'POST', url: '/api/v1/org/units', body: { parentId: unitId, name: `Tổ xử lý văn bản ma trận ${r}`, kind: 'section' } })).id);
  }

  const docOf = async (id: number) => db.selectFrom('reg_documents').select(['id', 'version', 'status', 'drafted_by_staff_id']).where('id', '=', id).executeTakeFirstOrThrow();
  const fileOf = async (id: number) => db.selectFrom('reg_files').select(['id', 'version', 'status', 'disposal_id']).where('id', '=', id).executeTakeFirstOrThrow();
  const filedIn = async (documentId: number) => (await db.selectFrom('reg_file_documents').select('file_id').where('document_id', '=', documentId).executeTakeFirst())?.file_id ?? null;

  const kept = new Map<string, unknown>();
  const once = async <T>(key: string, make: () => Promise<T>): Promise<T> => {
    if (!kept.has(key)) kept.set(key, await make());
    return kept.get(key) as T;
  };
  /** The record kept under `key` while `usable` says so, else a new one. */
  const pool = new Map<string, unknown>();
  const pooled = async <T>(key: string, usable: (v: T) => Promise<boolean>, make: () => Promise<T>): Promise<T> => {
    const v = pool.get(key) as T | undefined;
    if (v !== undefined && (await usable(v))) return v;
    const made = await make();
    pool.set(key, made);
    return made;
  };

  const act = async (id: number, body: Record<string, unknown>) =>
    asRoot({ method: 'POST', url: `${P}/outgoing/${id}/actions`, body: { version: (await docOf(id)).version, ...body } });
  /** The signed copy the records office attaches as the document itself: released as it is, no copy rendered. */
  const attachSigned = async (id: number): Promise<void> => {
    const { payload, headers } = multipartFile('file', 'ban-ky-so.pdf', PDF, 'application/pdf');
    await asRoot({ method: 'POST', url: `${P}/documents/${id}/attachments?main=true`, raw: payload, headers });
  };
  /** Drafted at `unitId` by the root administrator, taken on to `status` (its signed PDF attached before release). */
  const makeOutgoing = async (unitId: number, status: 'draft' | 'submitted' | 'approved' | 'released', recipient: number): Promise<number> => {
    const { id } = await asRoot({ method: 'POST', url: `${P}/outgoing`, body: {
      draftingUnitId: unitId, docType: 'CV', subject: `Công văn của ma trận quyền số ${++n}`, body: 'Kính gửi các cơ quan, đơn vị.\nNội dung công văn của ma trận quyền.',
      recipients: [{ unitId: recipient }], pages: 1, approverStaffId: rootStaff,
    } });
    if (status === 'draft') return id;
    await act(id, { action: 'submit' });
    if (status === 'submitted') return id;
    await act(id, { action: 'approve', signerTitle: 'Chủ tịch' });
    if (status === 'approved') return id;
    await attachSigned(id);
    await act(id, { action: 'release' });
    return id;
  };
  /** A paper document of the province's People's Committee, registered on 2/3/2026 (TEST_NOW). */
  const makeRegistered = async (unitId: number, confidentiality: 'normal' | 'mat' = 'normal'): Promise<number> => (await asRoot({ method: 'POST', url: `${P}/incoming`, body: {
    unitId, channel: 'paper', docType: 'CV', symbol: `${++n}/UBND-VP`, issuedOn: '2026-02-27',
    issuerName: 'Ủy ban nhân dân tỉnh Lai Châu', subject: `Văn bản đến của ma trận quyền số ${n}`, confidentiality, pages: 2,
  } })).id;
  const makeRouted = async (unitId: number, lead: { staffId: number } | { unitId: number } = { unitId: sections.get(unitId)! }): Promise<number> => {
    const id = await makeRegistered(unitId);
    await asRoot({ method: 'POST', url: `${P}/incoming/${id}/actions`, body: { action: 'route', version: (await docOf(id)).version, lead, dueInWorkingDays: 5 } });
    return id;
  };
  /** What the Department of Home Affairs releases to the unit: the copy that arrived there. */
  const makeCopy = async (unitId: number): Promise<number> => {
    const sent = await makeOutgoing(sender, 'released', unitId);
    const d = await db.selectFrom('reg_deliveries').select('incoming_document_id').where('document_id', '=', sent).where('incoming_document_id', 'is not', null).executeTakeFirstOrThrow();
    return d.incoming_document_id!;
  };
  const asDoc = async (id: number): Promise<Doc> => { const d = await docOf(id); return { id: d.id, version: d.version }; };

  const makeFile = async (unitId: number, year = 2026, retention = 10): Promise<number> => (await asRoot({ method: 'POST', url: `${P}/files`, body: {
    unitId, year, code: `${String(++n).padStart(2, '0')}.MT`, title: `Hồ sơ của ma trận quyền số ${n}`, retention,
  } })).id;
  const fileDocument = async (fileId: number, documentId: number) =>
    asRoot({ method: 'POST', url: `${P}/files/${fileId}/documents`, body: { documentId, version: (await fileOf(fileId)).version } });
  const makeHolding = async (unitId: number): Promise<number> => {
    const id = await makeFile(unitId);
    await fileDocument(id, await makeRegistered(unitId));
    return id;
  };
  const asFile = async (id: number): Promise<Doc> => { const f = await fileOf(id); return { id: f.id, version: f.version }; };
  const listYears = new Map<number, number>();

  const makeDisposable = async (unitId: number): Promise<number> => {
    const list = await db.selectFrom('reg_file_lists').select('id').where('unit_id', '=', unitId).where('year', '=', OLD_YEAR).executeTakeFirst()
      ?? await db.insertInto('reg_file_lists').values({ unit_id: unitId, year: OLD_YEAR, created_by_staff_id: rootStaff }).returning('id').executeTakeFirstOrThrow();
    const at = new Date('2016-01-04T02:00:00Z');
    return (await db.insertInto('reg_files').values({
      list_id: list.id, unit_id: unitId, year: OLD_YEAR, code: `${++n}.CU`, title: `Hồ sơ năm 2015 của ma trận quyền số ${n}`, retention_years: 5,
      status: 'closed', ended_on: '2015-12-31', closed_at: at, closed_by_staff_id: rootStaff, created_by_staff_id: rootStaff, created_at: at, updated_at: at,
    }).returning('id').executeTakeFirstOrThrow()).id;
  };
  const makeDisposal = async (unitId: number): Promise<number> => (await asRoot({ method: 'POST', url: `${P}/disposals`, body: {
    unitId, title: `Danh mục hồ sơ hết giá trị của ma trận quyền số ${++n}`, fileIds: [await makeDisposable(unitId)],
  } })).id;
  const disposalFile = async (id: number) => (await db.selectFrom('reg_files').select('id').where('disposal_id', '=', id).orderBy('id').executeTakeFirst())?.id;

  return {
    section: (unitId) => sections.get(unitId)!,
    home: await t.unitId('H30.501.01'),
    unique: () => ++n,
    outgoing: async (unitId, status, drafter) => asDoc(await pooled(`out-${unitId}-${status}-${drafter ?? 0}`, async (id: number) => {
      const d = await docOf(id);
      return d.status === status && d.drafted_by_staff_id === (drafter ?? rootStaff);
    }, async () => {
      const id = await makeOutgoing(unitId, status, sender);
      if (drafter) await db.updateTable('reg_documents').set({ drafted_by_staff_id: drafter }).where('id', '=', id).execute();
      return id;
    })),
    incoming: async (unitId, status) => asDoc(await pooled(`in-${unitId}-${status}`, async (id: number) => (await docOf(id)).status === (status satisfies Status),
      () => (status === 'arrived' ? makeCopy(unitId) : status === 'routed' ? makeRouted(unitId) : makeRegistered(unitId)))),
    routedTo: async (unitId, lead) => asDoc(await pooled(`routed-${unitId}-${JSON.stringify(lead)}`, async (id: number) => (await docOf(id)).status === 'routed', () => makeRouted(unitId, lead))),
    kept: (unitId) => once(`kept-${unitId}`, async () => {
      const released = await makeOutgoing(unitId, 'released', sender);
      const attachmentId = (await db.selectFrom('reg_attachments').select('id').where('document_id', '=', released).where('main', '=', true).executeTakeFirstOrThrow()).id;
      return { released, attachmentId, registered: await makeRegistered(unitId), routed: await makeRouted(unitId), secret: await makeRegistered(unitId, 'mat'), copy: await makeCopy(unitId) };
    }),
    keptFile: (unitId) => once(`file-${unitId}`, () => makeHolding(unitId)),
    keptDisposal: (unitId) => once(`disposal-${unitId}`, () => makeDisposal(unitId)),
    keptSecretFile: (unitId) => once(`secret-file-${unitId}`, async () => {
      const id = await makeFile(unitId);
      await fileDocument(id, await makeRegistered(unitId, 'mat'));
      return id;
    }),
    file: async (unitId, state) => asFile(await pooled(`file-${unitId}-${state}`, async (id: number) => (await fileOf(id)).status === (state === 'closed' ? 'closed' : 'open'), async () => {
      if (state === 'open') return makeFile(unitId);
      const id = await makeHolding(unitId);
      if (state === 'closed') await asRoot({ method: 'POST', url: `${P}/files/${id}/actions`, body: { action: 'close', version: (await fileOf(id)).version, endedOn: '2026-03-02' } });
      return id;
    })),
    toFile: async (unitId) => {
      const v = await pooled(`tofile-${unitId}`, async (x: { file: number; documentId: number }) => (await fileOf(x.file)).status === 'open' && (await filedIn(x.documentId)) === null,
        async () => ({ file: await makeFile(unitId), documentId: await makeRegistered(unitId) }));
      return { file: await asFile(v.file), documentId: v.documentId };
    },
    filed: async (unitId) => {
      const v = await pooled(`filed-${unitId}`, async (x: { file: number; documentId: number }) => (await fileOf(x.file)).status === 'open' && (await filedIn(x.documentId)) === x.file, async () => {
        const file = await makeFile(unitId);
        const documentId = await makeRegistered(unitId);
        await fileDocument(file, documentId);
        return { file, documentId };
      });
      return { file: await asFile(v.file), documentId: v.documentId };
    },
    fileList: async (unitId) => {
      const year = await pooled(`list-${unitId}`, async (y: number) => (await db.selectFrom('reg_file_lists').select('status').where('unit_id', '=', unitId).where('year', '=', y).executeTakeFirstOrThrow()).status === 'draft', async () => {
        const y = (listYears.get(unitId) ?? 2003) + 1;
        listYears.set(unitId, y);
        await makeFile(unitId, y, 5);
        return y;
      });
      const row = await db.selectFrom('reg_file_lists').select('version').where('unit_id', '=', unitId).where('year', '=', year).executeTakeFirstOrThrow();
      return { year, version: row.version };
    },
    disposable: (unitId) => pooled(`disposable-${unitId}`, async (id: number) => { const f = await fileOf(id); return f.status === 'closed' && f.disposal_id === null; }, () => makeDisposable(unitId)),
    disposal: async (unitId) => {
      const id = await pooled(`disposal-${unitId}`, async (d: number) => {
        const row = await db.selectFrom('reg_disposals').select('status').where('id', '=', d).executeTakeFirstOrThrow();
        return row.status === 'draft' && (await disposalFile(d)) !== undefined;
      }, () => makeDisposal(unitId));
      const row = await db.selectFrom('reg_disposals').select('version').where('id', '=', id).executeTakeFirstOrThrow();
      return { id, version: row.version, fileId: (await disposalFile(id))! };
    },
  };
}
