import { readFile } from 'node:fs/promises';
import type { RequestContext } from '../../platform/http/context.js';
import type { Db } from '../../platform/db/transaction.js';
import type { RegistryService } from './registry.service.js';

/**
 * The demo's records offices (demo/registry/settings.json): each agency's symbol, place name and managing
 * body, set through the service as the administrator would in the admin page. Communes' People's
 * Committees all sign "UBND".
 */
export type RegistryDemoDeps = {
  registry: RegistryService;
  db: Db;
  units: { id: number; code: string | null; kind: string }[];
  as: (username: string) => Promise<RequestContext>;
};
type DemoSettings = {
  placeName: string;
  agencies: { unitCode: string; symbol: string; managingBody: string | null }[];
  communes: { symbol: string; managingBody: string | null };
};

export async function seedDemoRegistry(deps: RegistryDemoDeps, dir: string): Promise<{ agencies: number }> {
  const settings = JSON.parse(await readFile(`${dir}/settings.json`, 'utf8')) as DemoSettings;
  const admin = await deps.as('admin');
  const byCode = new Map(deps.units.map((u) => [u.code, u]));
  const entries = [
    ...settings.agencies.map((a) => {
      const unit = byCode.get(a.unitCode);
      if (!unit) throw new Error(`demo registry: no unit ${a.unitCode}`);
      return { unitId: unit.id, symbol: a.symbol, managingBody: a.managingBody };
    }),
    ...deps.units.filter((u) => u.kind === 'commune').map((u) => ({ unitId: u.id, ...settings.communes })),
  ];
  for (const e of entries) {
    await deps.registry.documents.putSettings(admin, e.unitId, { symbol: e.symbol, placeName: settings.placeName, numbering: 'per_type', ...(e.managingBody ? { managingBody: e.managingBody } : {}) });
  }
  return { agencies: entries.length };
}

/**
 * The demo's documents (demo/registry/documents.json), moved through the services as the people would,
 * on the day the demo is made: the Department of Home Affairs' plan released to Justice and Construction
 * (Justice registered and routed it to its specialist; Construction's copy waits for its records office),
 * a paper document from the People's Committee handled and answered at Home Affairs, a Justice draft
 * waiting for its head's signature, and Home Affairs' file list of the year with the documents filed.
 */
type DemoDocuments = {
  plan: { drafter: string; approver: string; clerk: string; draftingUnit: string; subject: string; body: string; recipients: string[]; signerTitle: string; signingPrefix: 'KT' | null };
  routed: { clerk: string; head: string; handler: string; unit: string; dueInWorkingDays: number; instructions: string };
  paper: { clerk: string; head: string; handler: string; unit: string; symbol: string; issuer: string; signer: string; subject: string; daysBefore: number; dueInWorkingDays: number; instructions: string; report: string };
  pending: { drafter: string; approver: string; draftingUnit: string; docType: string; subject: string; body: string; recipient: string };
  files: { clerk: string; head: string; unit: string; decisionNo: string; entries: { code: string; title: string; retention: number | 'permanent'; heading: string }[]; filePlanIn: string; filePaperIn: string };
};

export async function seedDemoRegistryDocuments(deps: RegistryDemoDeps & { now: () => Date; staffOf: (username: string) => Promise<number> }, dir: string) {
  const d = JSON.parse(await readFile(`${dir}/documents.json`, 'utf8')) as DemoDocuments;
  const { registry, db } = deps;
  const unit = (code: string) => { const u = deps.units.find((x) => x.code === code); if (!u) throw new Error(`demo registry: no unit ${code}`); return u.id; };
  const version = async (id: number) => (await db.selectFrom('reg_documents').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
  const today = new Date(deps.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));

  // The plan: drafted, signed and released by Home Affairs; copies arrive at Justice and Construction.
  const p = d.plan;
  const planId = await registry.outgoing.create(await deps.as(p.drafter), {
    draftingUnitId: unit(p.draftingUnit), docType: 'KH', subject: p.subject.replace('{year}', String(year)), body: p.body.replace('{year}', String(year)),
    recipients: p.recipients.map((code) => ({ unitId: unit(code) })),
  });
  await registry.outgoing.act(await deps.as(p.drafter), planId, { action: 'submit', version: await version(planId), approverStaffId: await deps.staffOf(p.approver) });
  await registry.outgoing.act(await deps.as(p.approver), planId, { action: 'approve', version: await version(planId), signerTitle: p.signerTitle, ...(p.signingPrefix ? { signingPrefix: p.signingPrefix } : {}) });
  await registry.outgoing.act(await deps.as(p.clerk), planId, { action: 'release', version: await version(planId) });

  // Justice registers its copy and its head routes it to the specialist.
  const r = d.routed;
  const copy = await db.selectFrom('reg_documents').select(['id']).where('direction', '=', 'in').where('unit_id', '=', unit(r.unit)).where('status', '=', 'arrived').orderBy('id', 'desc').executeTakeFirstOrThrow();
  await registry.incoming.act(await deps.as(r.clerk), copy.id, { action: 'register', version: await version(copy.id) });
  await registry.incoming.act(await deps.as(r.head), copy.id, { action: 'route', version: await version(copy.id), lead: { staffId: await deps.staffOf(r.handler) }, coordinators: [], dueInWorkingDays: r.dueInWorkingDays, instructions: r.instructions });

  // A paper document from the People's Committee, registered, routed and answered at Home Affairs.
  const q = d.paper;
  const issued = new Date(deps.now().getTime() + 7 * 3_600_000 - q.daysBefore * 86_400_000).toISOString().slice(0, 10);
  const paperId = await registry.incoming.create(await deps.as(q.clerk), {
    unitId: unit(q.unit), channel: 'paper', docType: 'CV', symbol: q.symbol.replace('{year}', String(year)), issuedOn: issued, issuerName: q.issuer, signerName: q.signer, subject: q.subject,
  });
  await registry.incoming.act(await deps.as(q.head), paperId, { action: 'route', version: await version(paperId), lead: { staffId: await deps.staffOf(q.handler) }, coordinators: [], dueInWorkingDays: q.dueInWorkingDays, instructions: q.instructions });
  await registry.incoming.act(await deps.as(q.handler), paperId, { action: 'report', version: await version(paperId), report: q.report });

  // A draft of Justice waiting for its head.
  const w = d.pending;
  const pendingId = await registry.outgoing.create(await deps.as(w.drafter), {
    draftingUnitId: unit(w.draftingUnit), docType: w.docType, subject: w.subject, body: w.body, recipients: [{ unitId: unit(w.recipient) }],
  });
  await registry.outgoing.act(await deps.as(w.drafter), pendingId, { action: 'submit', version: await version(pendingId), approverStaffId: await deps.staffOf(w.approver) });

  // Home Affairs' file list of the year, approved, with the plan and the paper document filed.
  const f = d.files;
  const clerk = await deps.as(f.clerk);
  const fileIds = new Map<string, number>();
  for (const e of f.entries) {
    await registry.files.create(clerk, { unitId: unit(f.unit), year, code: e.code, title: e.title.replace('{year}', String(year)), retention: e.retention, heading: e.heading });
    fileIds.set(e.code, (await db.selectFrom('reg_files').select('id').where('code', '=', e.code).orderBy('id', 'desc').executeTakeFirstOrThrow()).id);
  }
  const list = await db.selectFrom('reg_file_lists').select(['version']).where('unit_id', '=', unit(f.unit)).where('year', '=', year).executeTakeFirstOrThrow();
  await registry.files.listAct(await deps.as(f.head), unit(f.unit), year, { action: 'approve', version: list.version, decisionNo: f.decisionNo.replace('{year}', String(year)), decisionDate: today });
  for (const [code, docId] of [[f.filePlanIn, planId], [f.filePaperIn, paperId]] as const) {
    const fileId = fileIds.get(code)!;
    const fileVersion = (await db.selectFrom('reg_files').select('version').where('id', '=', fileId).executeTakeFirstOrThrow()).version;
    await registry.files.fileDocument(clerk, fileId, { documentId: docId, version: fileVersion });
  }
  return { documents: 5, files: f.entries.length };
}
