import type { Permission } from '../../src/platform/access/policy.js';
import type { Relation, Rule, Target } from './access-matrix.rules.js';
import type { Fixture, Req, Row } from './access-matrix.rows.js';

const get = (url: string): Req => ({ method: 'GET', url });
const UNITS: Relation[] = ['own', 'child', 'sibling', 'other'];
const P = '/api/v1/registry';
const today = '2026-03-02';

// Rows of the access matrix for an agency's files and their retention (issue 19 scope 4; Decree 30 arts
// 28–31): the file list, a file and a disposal list are read with document.read at the agency, else 404.
// The records office (document.register) keeps the list — adds, edits, removes, closes, hands over files
// and files documents in them — and drafts disposal lists; the head (document.sign) approves the year's
// list, lets a unit keep a file past its handover day and approves disposal; either cancels a disposal
// list. Otherwise 403 to a reader. No matrix subject is responsible for a fixture file (that person would
// read and close it whatever their grants).
const reads: Rule = { kind: 'listAtUnit', perm: 'document.read', ok: 200 };
const by = (perm: Permission, ok = 200): Rule => ({ kind: 'atUnit', perm, visibleWith: 'document.read', ok });
const unitOf = (t: Target) => t.unitId!;

const fileAction = (variant: string, perm: Permission, state: 'open' | 'holding' | 'closed', body: Record<string, unknown>): Row => ({
  op: `POST ${P}/files/{id}/actions`, variant, rule: by(perm), targets: UNITS,
  request: async (f, _s, t) => {
    const file = await f.registry.file(unitOf(t), state);
    return { method: 'POST', url: `${P}/files/${file.id}/actions`, body: { version: file.version, ...body } };
  },
});

const disposalAction = (variant: string, rule: Rule, body: (f: Fixture, unitId: number, fileId: number) => Promise<Record<string, unknown>> | Record<string, unknown>): Row => ({
  op: `POST ${P}/disposals/{id}/actions`, variant, rule, targets: UNITS,
  request: async (f, _s, t) => {
    const d = await f.registry.disposal(unitOf(t));
    return { method: 'POST', url: `${P}/disposals/${d.id}/actions`, body: { version: d.version, ...(await body(f, unitOf(t), d.fileId)) } };
  },
});

export const REGISTRY_FILE_ROWS: Row[] = [
  { op: `GET ${P}/files`, rule: reads, targets: UNITS, request: (_f, _s, t) => get(`${P}/files?unitId=${t.unitId}&year=2026`) },
  {
    op: `POST ${P}/files`, rule: by('document.register', 201), targets: UNITS,
    request: (f, _s, t) => ({ method: 'POST', url: `${P}/files`, body: { unitId: t.unitId, year: 2026, code: `${f.registry.unique()}.MX`, title: 'Hồ sơ thêm của ma trận quyền', retention: 10 } }),
  },
  { op: `GET ${P}/files/{id}`, rule: reads, targets: UNITS, request: async (f, _s, t) => get(`${P}/files/${await f.registry.keptFile(unitOf(t))}`) },
  fileAction('edit', 'document.register', 'open', { action: 'edit', note: 'Ghi chú của ma trận quyền' }),
  fileAction('remove', 'document.register', 'open', { action: 'remove' }),
  fileAction('close', 'document.register', 'holding', { action: 'close' }),
  fileAction('hand_over', 'document.register', 'closed', { action: 'hand_over' }),
  // Art. 31.3.d: the head lets the unit keep a file due for handover (again and again: the same file serves).
  fileAction('keep', 'document.sign', 'closed', { action: 'keep', reason: 'Còn dùng để giải quyết công việc' }),
  {
    op: `POST ${P}/files/{id}/documents`, rule: by('document.register'), targets: UNITS,
    request: async (f, _s, t) => {
      const { file, documentId } = await f.registry.toFile(unitOf(t));
      return { method: 'POST', url: `${P}/files/${file.id}/documents`, body: { documentId, version: file.version } };
    },
  },
  {
    op: `DELETE ${P}/files/{id}/documents/{documentId}`, rule: by('document.register'), targets: UNITS,
    request: async (f, _s, t) => {
      const { file, documentId } = await f.registry.filed(unitOf(t));
      return { method: 'DELETE', url: `${P}/files/${file.id}/documents/${documentId}?version=${file.version}` };
    },
  },
  { op: `GET ${P}/files/{id}/export`, variant: 'normal documents', rule: reads, targets: UNITS, request: async (f, _s, t) => get(`${P}/files/${await f.registry.keptFile(unitOf(t))}/export`) },
  // The whole file carries its documents' text: with a confidential one in it, only those who read that
  // one (document.sign or .register) export it; its other readers get 403.
  {
    op: `GET ${P}/files/{id}/export`, variant: 'holding a confidential document', rule: { kind: 'atUnitAny', perms: ['document.sign', 'document.register'], visibleWith: 'document.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => get(`${P}/files/${await f.registry.keptSecretFile(unitOf(t))}/export`),
  },
  { op: `GET ${P}/file-lists/{unitId}/{year}/pdf`, rule: reads, targets: UNITS, request: (_f, _s, t) => get(`${P}/file-lists/${t.unitId}/2026/pdf`) },
  {
    // Art. 28: the head approves the year's list by a decision (each request a draft list of a year of its own).
    op: `POST ${P}/file-lists/{unitId}/{year}/actions`, rule: by('document.sign'), targets: UNITS,
    request: async (f, _s, t) => {
      const list = await f.registry.fileList(unitOf(t));
      return { method: 'POST', url: `${P}/file-lists/${t.unitId}/${list.year}/actions`, body: { action: 'approve', version: list.version, decisionNo: '12/QĐ-DMHS', decisionDate: today } };
    },
  },

  { op: `GET ${P}/disposals`, rule: reads, targets: UNITS, request: (_f, _s, t) => get(`${P}/disposals?unitId=${t.unitId}`) },
  {
    op: `POST ${P}/disposals`, rule: by('document.register', 201), targets: UNITS,
    request: async (f, _s, t) => ({ method: 'POST', url: `${P}/disposals`, body: { unitId: t.unitId, title: 'Danh mục hồ sơ hết giá trị của ma trận', fileIds: [await f.registry.disposable(unitOf(t))] } }),
  },
  { op: `GET ${P}/disposals/{id}`, rule: reads, targets: UNITS, request: async (f, _s, t) => get(`${P}/disposals/${await f.registry.keptDisposal(unitOf(t))}`) },
  disposalAction('add_files', by('document.register'), async (f, unitId) => ({ action: 'add_files', fileIds: [await f.registry.disposable(unitId)] })),
  disposalAction('remove_files', by('document.register'), (_f, _u, fileId) => ({ action: 'remove_files', fileIds: [fileId] })),
  disposalAction('approve', by('document.sign'), () => ({ action: 'approve', decisionNo: '3/QĐ-HTL', decisionDate: today })),
  disposalAction('cancel', { kind: 'atUnitAny', perms: ['document.register', 'document.sign'], visibleWith: 'document.read', ok: 200 }, () => ({ action: 'cancel', reason: 'Lập nhầm danh mục' })),
];
