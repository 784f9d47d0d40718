import { can, type Actor, type Permission } from '../../src/platform/access/policy.js';
import type { Relation, Rule, Subject, Target } from './access-matrix.rules.js';
import type { Fixture, Req, Row } from './access-matrix.rows.js';
import { REGISTRY_FILE_ROWS } from './access-matrix.rows.registry-files.js';

const get = (url: string): Req => ({ method: 'GET', url });
const UNITS: Relation[] = ['own', 'child', 'sibling', 'other'];
const P = '/api/v1/registry';

// Rows of the access matrix for the registry (văn thư, issue 19): documents at each relation's unit, which
// is an agency (it has records-office settings), made by the root administrator (access-matrix.registry-
// fixture.ts), so no matrix subject is their drafter, approver or handler. A document is read with
// document.read at its agency (a confidential one only with document.sign or document.register), else 404;
// a reader who may not take an action gets 403. The drafter edits and submits (anyone else who reads:
// 403); the leadership (document.sign) returns, signs, cancels, routes, and reports for a section it heads;
// the records office (document.register) releases, registers, returns; either recalls.
const reads: Rule = { kind: 'listAtUnit', perm: 'document.read', ok: 200 };
const by = (perm: Permission, ok = 200): Rule => ({ kind: 'atUnit', perm, visibleWith: 'document.read', ok });
/** Only its drafter, and none of the subjects drafted it: 403 to its readers, 404 to anyone else. */
const drafterOnly: Rule = { kind: 'atUnitAny', perms: [], visibleWith: 'document.read', ok: 200 };
/**
 * A confidential document: its leadership and records office read it (document.sign or .register at its
 * agency), anyone else gets 404 (visibleWith is one of perms: a caller who cannot read it never sees it).
 */
const secret: Rule = { kind: 'atUnitAny', perms: ['document.sign', 'document.register'], visibleWith: 'document.sign', ok: 200 };
const unitOf = (t: Target) => t.unitId!;
const actorOf = (s: Subject) => s.actor as Actor;

const outgoingAction = (variant: string, rule: Rule, status: 'draft' | 'submitted' | 'approved' | 'released', body: Record<string, unknown>, asDrafter = false): Row => ({
  op: `POST ${P}/outgoing/{id}/actions`, variant, rule, targets: UNITS,
  request: async (f, s, t) => {
    const doc = await f.registry.outgoing(unitOf(t), status, asDrafter ? s.actor?.staffId : undefined);
    return { method: 'POST', url: `${P}/outgoing/${doc.id}/actions`, body: { version: doc.version, ...body } };
  },
});
const incomingAction = (variant: string, rule: Rule, status: 'arrived' | 'registered' | 'routed', body: (f: Fixture, unitId: number) => Record<string, unknown>): Row => ({
  op: `POST ${P}/incoming/{id}/actions`, variant, rule, targets: UNITS,
  request: async (f, _s, t) => {
    const doc = await f.registry.incoming(unitOf(t), status);
    return { method: 'POST', url: `${P}/incoming/${doc.id}/actions`, body: { version: doc.version, ...body(f, unitOf(t)) } };
  },
});
const upload = (f: Fixture, id: number): Req => ({ method: 'POST', url: `${P}/documents/${id}/attachments?main=false`, ...f.multipart('phu-luc.pdf', f.pdf, 'application/pdf') });
const registerQuery = (t: Target) => `unitId=${unitOf(t)}&from=2026-01-01&to=2026-03-31`;

/** The agencies listed are those the caller reads, drafts for or configures. */
function agenciesWithin(body: unknown, s: Subject, t: Target) {
  const listed = (body as { unitId: number }[]).some((a) => a.unitId === t.unitId);
  const mine = (['document.read', 'document.draft', 'org.manage'] as const).some((p) => can(actorOf(s), p, unitOf(t)));
  if (listed !== mine) throw new Error(`agency ${t.relation} ${listed ? 'listed' : 'not listed'} to ${s.name}`);
}

/** The list filtered to a unit holds documents exactly when the caller reads there, and no confidential one it may not read. */
function documentsWithin(body: unknown, s: Subject, t: Target) {
  const a = actorOf(s);
  const items = (body as { items: { unitId: number; confidentiality: string; draftedBy: { id: number } | null }[] }).items;
  const readsThere = can(a, 'document.read', unitOf(t));
  const mayRead = (i: (typeof items)[number]) => i.draftedBy?.id === a.staffId
    || (i.confidentiality === 'normal' ? readsThere : can(a, 'document.sign', i.unitId) || can(a, 'document.register', i.unitId));
  const wrong = items.filter((i) => i.unitId !== t.unitId || !mayRead(i));
  if (wrong.length) throw new Error(`${wrong.length} documents listed to ${s.name} it may not read`);
  if (readsThere && !items.length) throw new Error(`no document of ${t.relation} listed to its reader ${s.name}`);
}

export const REGISTRY_ROWS: Row[] = [
  // ---- shared: document types, agencies, the list and one document -------------------------------
  // The 29 types of Decree 30 art. 7 are public law: the route asks for no sign-in.
  { op: `GET ${P}/document-types`, rule: { kind: 'public', ok: 200 }, request: () => get(`${P}/document-types`) },
  { op: `GET ${P}/agencies`, rule: { kind: 'signedIn', ok: 200 }, targets: UNITS, request: () => get(`${P}/agencies`), check: agenciesWithin },
  {
    // The settings are configuration of the unit (org.manage there), saved again as they are.
    op: `PUT ${P}/agencies/{unitId}/settings`, rule: { kind: 'atUnit', perm: 'org.manage', visibleWith: 'org.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => {
      const a = ((await f.json(`${P}/agencies`)) as { unitId: number; symbol: string; placeName: string; managingBody: string | null; numbering: string; version: number }[]).find((x) => x.unitId === t.unitId)!;
      return { method: 'PUT', url: `${P}/agencies/${t.unitId}/settings`, body: { symbol: a.symbol, placeName: a.placeName, managingBody: a.managingBody ?? '', numbering: a.numbering, version: a.version } };
    },
  },
  {
    op: `GET ${P}/documents`, rule: { kind: 'signedIn', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => { await f.registry.kept(unitOf(t)); return get(`${P}/documents?unitId=${t.unitId}&limit=200`); },
    check: documentsWithin,
  },
  // The people of an agency (signers, handlers, file keepers), for anyone who works there with documents.
  { op: `GET ${P}/agencies/{unitId}/people`, rule: reads, targets: UNITS, request: (_f, _s, t) => get(`${P}/agencies/${t.unitId}/people?signers=false`) },
  { op: `GET ${P}/documents/{id}`, variant: 'outgoing', rule: reads, targets: UNITS, request: async (f, _s, t) => get(`${P}/documents/${(await f.registry.kept(unitOf(t))).released}`) },
  { op: `GET ${P}/documents/{id}`, variant: 'incoming', rule: reads, targets: UNITS, request: async (f, _s, t) => get(`${P}/documents/${(await f.registry.kept(unitOf(t))).routed}`) },
  { op: `GET ${P}/documents/{id}`, variant: 'confidential', rule: secret, targets: UNITS, request: async (f, _s, t) => get(`${P}/documents/${(await f.registry.kept(unitOf(t))).secret}`) },
  // The electronic copy: the released document's, and the copy the exchange delivered to the unit.
  { op: `GET ${P}/documents/{id}/file`, variant: 'released', rule: reads, targets: UNITS, request: async (f, _s, t) => get(`${P}/documents/${(await f.registry.kept(unitOf(t))).released}/file`) },
  { op: `GET ${P}/documents/{id}/file`, variant: 'delivered copy', rule: reads, targets: UNITS, request: async (f, _s, t) => get(`${P}/documents/${(await f.registry.kept(unitOf(t))).copy}/file`) },

  // ---- outgoing -------------------------------------------------------------------------------------
  {
    op: `POST ${P}/outgoing`, rule: by('document.draft', 201), targets: UNITS,
    request: (_f, _s, t) => ({ method: 'POST', url: `${P}/outgoing`, body: { draftingUnitId: t.unitId, docType: 'TB', subject: 'Thông báo của ma trận quyền', body: 'Nội dung thông báo.', recipients: [{ name: 'Các cơ quan, đơn vị' }] } }),
  },
  // A dossier's result drafted as a document to the applicant: the dossier is read through the dossiers
  // module without a reason (404 to whoever may not read it, 401 anonymous; 403 to a reader outside its
  // workflow), then document.draft at its result step's or competent unit.
  {
    op: `POST ${P}/outgoing/from-dossier`, rule: { kind: 'dossierDraft', ok: 201, anonymous: 401 }, targets: ['child', 'sibling', 'other'],
    request: async (f, _s, t) => {
      const code = f.dossierAt[t.relation as 'child'];
      const d = (await f.json(`/api/v1/dossiers/${code}`)) as { competentUnitId: number | null; resultStep: { unitId: number | null } | null };
      t.resultUnitIds = [d.resultStep?.unitId, d.competentUnitId].filter((u): u is number => typeof u === 'number');
      return { method: 'POST', url: `${P}/outgoing/from-dossier`, body: { dossierCode: code } };
    },
  },
  outgoingAction('edit', drafterOnly, 'draft', { action: 'edit', subject: 'Công văn đã sửa của ma trận quyền' }),
  outgoingAction('submit', drafterOnly, 'draft', { action: 'submit' }),
  // The drafter edits and submits the draft whatever their grants (they read it as its drafter).
  outgoingAction('edit by its drafter', { kind: 'signedIn', ok: 200 }, 'draft', { action: 'edit', subject: 'Công văn do chính người soạn sửa' }, true),
  outgoingAction('submit by its drafter', { kind: 'signedIn', ok: 200 }, 'draft', { action: 'submit' }, true),
  outgoingAction('cancel by its drafter', { kind: 'signedIn', ok: 200 }, 'draft', { action: 'cancel', note: 'Người soạn hủy dự thảo' }, true),
  outgoingAction('return', by('document.sign'), 'submitted', { action: 'return', note: 'Đề nghị sửa lại trích yếu' }),
  outgoingAction('approve', by('document.sign'), 'submitted', { action: 'approve', signerTitle: 'Chủ tịch' }),
  outgoingAction('release', by('document.register'), 'approved', { action: 'release' }),
  outgoingAction('cancel', by('document.sign'), 'draft', { action: 'cancel', note: 'Không ban hành nữa' }),
  { op: `GET ${P}/outgoing/{id}/pdf`, variant: 'released', rule: reads, targets: UNITS, request: async (f, _s, t) => get(`${P}/outgoing/${(await f.registry.kept(unitOf(t))).released}/pdf`) },
  { op: `GET ${P}/outgoing/{id}/pdf`, variant: 'draft', rule: reads, targets: UNITS, request: async (f, _s, t) => get(`${P}/outgoing/${(await f.registry.outgoing(unitOf(t), 'draft')).id}/pdf`) },
  { op: `GET ${P}/registers/outgoing`, rule: reads, targets: UNITS, request: (_f, _s, t) => get(`${P}/registers/outgoing?${registerQuery(t)}`) },

  // ---- exchange: deliveries, recall, return ---------------------------------------------------------
  { op: `GET ${P}/documents/{id}/deliveries`, variant: 'sender', rule: reads, targets: UNITS, request: async (f, _s, t) => get(`${P}/documents/${(await f.registry.kept(unitOf(t))).released}/deliveries`) },
  { op: `GET ${P}/documents/{id}/deliveries`, variant: 'receiver', rule: reads, targets: UNITS, request: async (f, _s, t) => get(`${P}/documents/${(await f.registry.kept(unitOf(t))).copy}/deliveries`) },
  {
    op: `POST ${P}/outgoing/{id}/recall`, rule: { kind: 'atUnitAny', perms: ['document.register', 'document.sign'], visibleWith: 'document.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => {
      const doc = await f.registry.outgoing(unitOf(t), 'released');
      return { method: 'POST', url: `${P}/outgoing/${doc.id}/recall`, body: { version: doc.version, reason: 'Ban hành nhầm nơi nhận' } };
    },
  },
  {
    op: `POST ${P}/incoming/{id}/return`, rule: by('document.register'), targets: UNITS,
    request: async (f, _s, t) => {
      const doc = await f.registry.incoming(unitOf(t), 'arrived');
      return { method: 'POST', url: `${P}/incoming/${doc.id}/return`, body: { version: doc.version, reason: 'Văn bản gửi nhầm nơi nhận' } };
    },
  },

  // ---- incoming -------------------------------------------------------------------------------------
  {
    op: `POST ${P}/incoming`, rule: by('document.register', 201), targets: UNITS,
    request: (f, _s, t) => ({ method: 'POST', url: `${P}/incoming`, body: {
      unitId: t.unitId, channel: 'paper', docType: 'GM', symbol: `${f.registry.unique()}/GM-STC`, issuedOn: '2026-02-26', issuerName: 'Sở Tài chính tỉnh Lai Châu', subject: 'Giấy mời họp của ma trận quyền',
    } }),
  },
  incomingAction('register', by('document.register'), 'arrived', () => ({ action: 'register' })),
  // Routing again is allowed while the document is handled: the same document serves every request.
  incomingAction('route', by('document.sign'), 'registered', (f, unitId) => ({ action: 'route', lead: { unitId: f.registry.section(unitId) }, dueInWorkingDays: 5 })),
  // The handlers of a section's assignment are its staff and whoever heads it (document.sign there); no
  // subject works in the fixture's section, so the leadership of the agency reports.
  incomingAction('report', by('document.sign'), 'routed', () => ({ action: 'report', report: 'Đã giải quyết xong' })),
  // A person it is routed to reads it and reports whatever their grants (the subjects work in H30.501.01,
  // of the own unit's agency; the province's administrator, working elsewhere, reports as its leadership).
  {
    op: `POST ${P}/incoming/{id}/actions`, variant: 'report by the person it was routed to', rule: { kind: 'signedIn', ok: 200 }, targets: ['own'],
    request: async (f, s, t) => {
      const doc = s.actor?.unitId === f.registry.home ? await f.registry.routedTo(unitOf(t), { staffId: s.actor.staffId }) : await f.registry.incoming(unitOf(t), 'routed');
      return { method: 'POST', url: `${P}/incoming/${doc.id}/actions`, body: { action: 'report', version: doc.version, report: 'Đã giải quyết xong' } };
    },
  },
  // Routed to the unit the subjects work in (H30.501.01): its people who work on documents there
  // (document.draft) report; a read-only reader working there is refused (403); those who may not read
  // documents there do not see it (404).
  {
    op: `POST ${P}/incoming/{id}/actions`, variant: 'report, routed to the unit the caller works in', rule: by('document.draft'), targets: ['own'],
    request: async (f, _s, t) => {
      const doc = await f.registry.routedTo(unitOf(t), { unitId: f.registry.home });
      return { method: 'POST', url: `${P}/incoming/${doc.id}/actions`, body: { action: 'report', version: doc.version, report: 'Đã giải quyết xong' } };
    },
  },
  { op: `GET ${P}/incoming/{id}/routing-slip`, rule: reads, targets: UNITS, request: async (f, _s, t) => get(`${P}/incoming/${(await f.registry.kept(unitOf(t))).routed}/routing-slip`) },
  { op: `GET ${P}/registers/incoming`, rule: reads, targets: UNITS, request: (_f, _s, t) => get(`${P}/registers/incoming?${registerQuery(t)}`) },
  { op: `GET ${P}/registers/tracking`, rule: reads, targets: UNITS, request: (_f, _s, t) => get(`${P}/registers/tracking?${registerQuery(t)}`) },

  // ---- attachments ----------------------------------------------------------------------------------
  // The records office attaches to an incoming document, and to an outgoing one before release (its
  // drafter too); a released one takes no file: the records office is told why (409), other readers 403.
  { op: `POST ${P}/documents/{id}/attachments`, variant: 'incoming', rule: by('document.register', 201), targets: UNITS, request: async (f, _s, t) => upload(f, (await f.registry.kept(unitOf(t))).registered) },
  { op: `POST ${P}/documents/{id}/attachments`, variant: 'outgoing draft', rule: by('document.register', 201), targets: UNITS, request: async (f, _s, t) => upload(f, (await f.registry.outgoing(unitOf(t), 'draft')).id) },
  { op: `POST ${P}/documents/{id}/attachments`, variant: 'released', rule: by('document.register', 409), targets: UNITS, request: async (f, _s, t) => upload(f, (await f.registry.kept(unitOf(t))).released) },
  {
    op: `GET ${P}/documents/{id}/attachments/{attachmentId}`, rule: reads, targets: UNITS,
    request: async (f, _s, t) => { const k = await f.registry.kept(unitOf(t)); return get(`${P}/documents/${k.released}/attachments/${k.attachmentId}`); },
  },
  ...REGISTRY_FILE_ROWS,
];
