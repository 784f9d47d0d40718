import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import type { Services } from '../app.js';
import type { VerifiedIdentity } from '../modules/citizens/identity.js';
import { importerFor } from '../modules/dossiers/import/index.js';
import { staffByBadge } from '../modules/dossiers/import/batch-writer.js';
import { demoAccountStaff, demoProcedures } from '../modules/dossiers/import/generator/demo-data.js';
import type { GeneratedLine, GenStaff, GenUnit } from '../modules/dossiers/import/generator/index.js';
import { createPlanner } from '../modules/dossiers/import/generator/planner.js';
import { dossierOf, type QueueWorkOptions } from '../modules/dossiers/import/generator/queue-work.js';
import { vnDay } from '../modules/dossiers/rules/statuses.js';
import { formatViDate, officialHeading, renderPdf } from '../platform/documents/index.js';
import { systemContext, type RequestContext } from '../platform/http/context.js';
import { DEMO_DIR } from './demo-seed.js';

type DemoCitizen = { username: string; subject: string; fullName: string; idNumber: string; birthDate: string; phone?: string; email?: string; address: string };

/**
 * What each demo citizen has done with the province before the demo starts, laid out from "now":
 * dossiers filed at a desk with their ID number (so "Hồ sơ của tôi" finds them, as it finds any
 * dossier filed in their name), at a point of their way — `returned` (the result issued as a file,
 * so it is in their document store, and not rated yet), `processing` (at the specialist),
 * `supplement` (the specialist asked for a document: the clock stands still until they send it),
 * `received` (just received) — and a `draft` of an online filing they have not finished.
 */
const HISTORY: Record<string, { dossiers: { kind: 'returned' | 'processing' | 'supplement' | 'received'; procedure: string; account: string }[]; draft?: { procedure: string; request: string; unitCode: string } }> = {
  // Lò Thị Mai, ward of Tân Phong: one of everything.
  'vneid-demo-0001': {
    dossiers: [
      { kind: 'returned', procedure: '2.000635', account: 'motcua.tanphong' }, // a copy of a civil-status extract
      { kind: 'processing', procedure: '2.002482', account: 'chuyenvien.tanphong' }, // her son changes lower-secondary school
      { kind: 'supplement', procedure: '1.001776', account: 'chuyenvien.tanphong' }, // monthly social allowance
    ],
    draft: { procedure: '1.004873', request: 'Xác nhận tình trạng hôn nhân để bổ sung hồ sơ vay vốn', unitCode: 'H30.501.01' },
  },
  // Giàng A Páo signs in for the first time: nothing yet.
  // Tao Văn Hùng, ward of Đoàn Kết: a certified copy collected, a household business being registered.
  'vneid-demo-0003': {
    dossiers: [
      { kind: 'returned', procedure: '2.000815', account: 'motcua.doanket' },
      { kind: 'received', procedure: '2.000575', account: 'motcua.doanket' },
    ],
  },
};

const KIND_OF = { returned: 'result_ready', processing: 'taken', supplement: 'assigned', received: 'received' } as const;

/**
 * The demo citizens' own history (demo/citizens.json), through the same rules as everything else:
 * the dossiers' past as an import (each event checked and folded by the dossier rules, hash-chained),
 * the result handed over by the desk officer's own `return_result` with its signed file, the draft
 * through the filing service. `issuer` is the e-ID provider the citizens sign in with (the local
 * demo one): without it the dossiers are there (found by ID number) but no draft, which belongs to
 * an account. Runs once: a citizen who already has dossiers in their name is left alone.
 */
export async function seedDemoCitizens(services: Services, now: Date, opts: { issuer?: string | undefined } = {}): Promise<{ dossiers: string[]; drafts: number }> {
  const ctx = systemContext('demo-seed');
  const { citizens } = JSON.parse(await readFile(`${DEMO_DIR}citizens.json`, 'utf8')) as { citizens: DemoCitizen[] };
  const units = await services.org.allUnits();
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  const genUnits: GenUnit[] = units.filter((u) => u.code).map((u) => ({
    code: u.code!, name: u.name, kind: u.kind, ...(u.parentId && codeOf.get(u.parentId) ? { parentCode: codeOf.get(u.parentId)! } : {}), ...(u.function ? { function: u.function } : {}),
  }));
  const accounts = demoAccountStaff();
  const staff: GenStaff[] = [...(await staffByBadge(services.db))].flatMap(([badge, s]) => (codeOf.get(s.unitId) ? [{ badge, name: s.fullName, unitCode: codeOf.get(s.unitId)! }] : []));
  // New codes continue each desk's numbering of the day.
  const counters = await sql<{ agency_code: string; d: string; last_value: number }>`select agency_code, to_char(day, 'YYMMDD') as d, last_value from dossier_daily_counters`.execute(services.db);
  const o: QueueWorkOptions = {
    procedures: demoProcedures(vnDay(now)), planner: createPlanner(genUnits), staff, accounts, calc: await services.calendar.deadlines.calculator(), now,
    sequences: new Map(counters.rows.map((r) => [`${r.agency_code}|${r.d}`, Number(r.last_value)])),
  };

  const lines: GeneratedLine[] = [];
  const toReturn: { code: string; citizen: DemoCitizen; account: string; procedureName: string; resultNumber: string }[] = [];
  for (const c of citizens) {
    const plan = HISTORY[c.subject];
    if (!plan) continue;
    if (await services.dossiers.forApplicant({ codes: [], idNumber: c.idNumber, limit: 1 }).then((x) => x.length > 0)) continue;
    const person = { kind: 'citizen' as const, fullName: c.fullName, idNumber: c.idNumber, address: c.address, ...(c.phone ? { phone: c.phone } : {}) };
    for (const [i, d] of plan.dossiers.entries()) {
      const account = accounts.find((a) => a.username === d.account)!;
      const line = dossierOf(o, account, d.procedure, KIND_OF[d.kind], person, `${c.subject}|${i}`);
      if (!line) continue;
      if (d.kind === 'supplement') {
        // The specialist asks for a document, some time after taking it and before now.
        const last = Date.parse(line.events.at(-1)!.at);
        const at = new Date(Math.floor((last + (now.getTime() - last) / 2) / 60_000) * 60_000);
        const doc = line.documents?.[0]?.name ?? 'Tờ khai';
        line.events.push({ type: 'supplement_requested', at: at.toISOString(), actor: line.events.at(-1)!.actor ?? { name: account.name, badge: account.badge }, items: [{ name: doc, reason: 'Bản chụp mờ, không đọc được chữ ký; đề nghị gửi lại bản rõ nét' }] });
      }
      if (d.kind === 'returned') {
        const recorded = line.events.find((e) => e.type === 'result_recorded') as { resultNumber?: string } | undefined;
        toReturn.push({ code: line.code, citizen: c, account: d.account, procedureName: line.procedureName ?? d.procedure, resultNumber: recorded?.resultNumber ?? '' });
      }
      lines.push(line);
    }
  }
  if (lines.length) {
    async function* text(): AsyncGenerator<string> {
      for (const line of lines) yield JSON.stringify(line);
    }
    const r = await importerFor(services).importLines(ctx, text(), { chunkSize: 50 });
    if (r.failed) throw new Error(`demo citizens' dossiers refused: ${r.errors.map((e) => `${e.code}: ${e.messageEn}`).join('; ')}`);
  }

  // The desk hands the result over, its signed file attached (digitised): it lands in the citizen's store.
  for (const x of toReturn) {
    const desk = await staffContext(services, x.account);
    const file = await services.files.put(await resultPdf(services, x.code, x.procedureName, x.resultNumber, x.citizen, now));
    const { version } = await services.db.selectFrom('dossiers').select('version').where('code', '=', x.code).executeTakeFirstOrThrow();
    await services.dossiers.act(desk, x.code, {
      action: 'return_result', version, receiverName: x.citizen.fullName, method: 'desk', resultFile: { key: file, name: `Kết quả ${x.code}.pdf` },
    } as Parameters<Services['dossiers']['act']>[2]);
  }

  // Their accounts at the e-ID provider, and the draft left half done.
  let drafts = 0;
  if (opts.issuer) {
    for (const c of citizens) {
      const identity: VerifiedIdentity = { issuer: opts.issuer, subject: c.subject, fullName: c.fullName, idNumber: c.idNumber, birthDate: c.birthDate, address: c.address, ...(c.phone ? { phone: c.phone } : {}), ...(c.email ? { email: c.email } : {}) };
      const profile = await services.citizens.enrol(ctx, identity);
      const draft = HISTORY[c.subject]?.draft;
      if (!draft || (await services.online.filing.drafts(profile.id)).length) continue;
      const unit = units.find((u) => u.code === draft.unitCode);
      await services.online.filing.create({ ...ctx, citizen: { id: profile.id, fullName: profile.fullName } }, profile.id, {
        procedureCode: draft.procedure, request: draft.request, ...(unit ? { receivingUnitId: unit.id } : {}),
      } as Parameters<Services['online']['filing']['create']>[2]);
      drafts++;
    }
  }
  return { dossiers: lines.map((l) => l.code), drafts };
}

/** A demo account acting as itself, as its signed-in requests do. */
async function staffContext(services: Services, username: string): Promise<RequestContext> {
  const account = await services.db.selectFrom('auth_accounts').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  const actor = await services.auth.loadActor(account.id);
  if (!actor) throw new Error(`demo account ${username} cannot act`);
  return { requestId: 'demo-seed', ip: null, actor, locale: 'vi' };
}

/** The result document as the unit issues it (a demo: a heading, whom and what, the number). */
async function resultPdf(services: Services, code: string, procedureName: string, resultNumber: string, c: DemoCitizen, now: Date): Promise<Buffer> {
  const dossier = await services.db.selectFrom('dossiers').innerJoin('org_units', 'org_units.id', 'dossiers.receiving_unit_id').select(['org_units.name']).where('dossiers.code', '=', code).executeTakeFirstOrThrow();
  return renderPdf({
    info: { title: `Kết quả hồ sơ ${code}` },
    content: [
      officialHeading({ issuingUnit: dossier.name, number: resultNumber ? `Số: ${resultNumber}` : undefined, placeDate: `Lai Châu, ngày ${formatViDate(now)}` }),
      { text: `KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH`, bold: true, alignment: 'center', margin: [0, 24, 0, 8] },
      { text: procedureName, alignment: 'center', margin: [0, 0, 0, 16] },
      { text: `Người yêu cầu: ${c.fullName}` },
      { text: `Số định danh cá nhân: ${c.idNumber}` },
      { text: `Mã hồ sơ: ${code}`, margin: [0, 0, 0, 16] },
      { text: '(Bản điện tử của dữ liệu mẫu — không có giá trị pháp lý.)', italics: true, fontSize: 11 },
    ],
  });
}
