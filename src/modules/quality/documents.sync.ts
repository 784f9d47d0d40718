import { diffVersions, type FieldChange } from '../catalog/rules/diff.js';
import { todayOf, type CatalogVersion, type QualityDeps } from './quality.context.js';
import { processDocumentStatus, type DocumentStatus, type ProcedureLike, type ProcessLike, type StepLike } from './rules/process-documents.js';
import { budgetText, processesOf, responsibleText } from './documents.view.js';

export type Sync = {
  status: DocumentStatus;
  label: string;
  /** What differs in the internal process between the pinned catalogue version and the one in force, in words. */
  changes: string[];
  inForce: { versionId: number; versionNo: number; effectiveFrom: string | null } | null;
};

/** What a version pinned when drafted (qms_document_versions.catalog_version_id and catalog_fingerprint). */
export type Pin = { catalog_version_id: number | null; catalog_fingerprint: string | null };
/** The link of a process to the catalogue (qms_processes). */
export type Link = { catalog_procedure_code: string | null; case_code: string | null };

const memo = <K, V>(cache: Map<K, Promise<V>>, key: K, load: () => Promise<V>): Promise<V> => {
  let hit = cache.get(key);
  if (!hit) cache.set(key, (hit = load()));
  return hit;
};

/**
 * The catalogue as one request reads it, through the feeds only: each procedure's version in force
 * today and each pinned version looked up once. Used before any transaction (PGlite has one connection).
 */
export function catalogReader(deps: QualityDeps) {
  const today = todayOf(deps);
  const inForce = new Map<string, Promise<CatalogVersion | null>>();
  const byId = new Map<number, Promise<CatalogVersion | null>>();
  let units: Promise<ReadonlyMap<string, string>> | undefined;
  return {
    today,
    inForce: (code: string) => memo(inForce, code, () => deps.feeds.catalog.inForce(code, today)),
    byId: (id: number) => memo(byId, id, () => deps.feeds.catalog.versionById(id)),
    /** Names of the province's units by e-ID code, for the steps' "where handled". */
    unitNames: () => (units ??= deps.org.allUnits().then((all) => new Map(all.flatMap((u) => (u.code ? [[u.code, u.name] as const] : []))))),
  };
}
export type CatalogReader = ReturnType<typeof catalogReader>;

/**
 * Where a version of a process document stands against the catalogue (rules/process-documents.ts),
 * computed at read time so the catalogue needs no hook; null for a version that pinned nothing.
 */
export async function syncOf(reader: CatalogReader, link: Link | undefined, pin: Pin): Promise<Sync | null> {
  if (!link?.catalog_procedure_code || pin.catalog_version_id === null || pin.catalog_fingerprint === null) return null;
  const inForce = await reader.inForce(link.catalog_procedure_code);
  const state = processDocumentStatus(
    { catalogVersionId: pin.catalog_version_id, catalogFingerprint: pin.catalog_fingerprint, caseCode: link.case_code },
    inForce && { versionId: inForce.versionId, content: inForce.content },
  );
  let changes: string[] = [];
  if (state.status === 'out_of_date' && inForce) {
    const pinned = await reader.byId(pin.catalog_version_id);
    if (state.caseRemoved) changes = [`Trường hợp "${link.case_code}" không còn trong thủ tục`];
    else if (pinned) changes = processChanges(pinned.content, inForce.content, link.case_code, await reader.unitNames());
  }
  return {
    status: state.status, label: state.labelVi, changes,
    inForce: inForce && { versionId: inForce.versionId, versionNo: inForce.versionNo, effectiveFrom: inForce.effectiveFrom },
  };
}

/**
 * The internal process as a person reads it: who handles a step and how long it takes are phrases,
 * so the catalogue's diff names "Nơi xử lý: Phòng A — Chuyên viên → Sở B — Lãnh đạo đơn vị" rather
 * than the codes beneath. Only what the fingerprint reads is kept (fees and documents never show).
 */
function readable(content: ProcedureLike, caseCode: string | null, units: ReadonlyMap<string, string>) {
  const step = (s: StepLike) => ({
    order: s.order, name: s.name, action: s.action, output: s.output,
    responsible: responsibleText(s, units), budget: budgetText(s.budget), interAgency: s.interAgency === true,
  });
  const processes = (ps: readonly ProcessLike[]) => ps.map((p) => ({ ...(p.channels ? { channels: [...p.channels] } : {}), steps: [...p.steps].sort((a, b) => a.order - b.order).map(step) }));
  const parts = processesOf(content, caseCode);
  if (caseCode) return { internalProcesses: processes(parts[0]?.processes ?? []) };
  return {
    internalProcesses: processes(parts[0]?.processes ?? []),
    cases: parts.slice(1).map((p) => ({ code: p.caseCode, internalProcesses: processes(p.processes) })),
  };
}

const oneLine = (s: string | undefined) => (s ?? '').replace(/\n+/g, '; ');

/** "Quy trình nội bộ › Bước 2 › Nơi xử lý": the list names are dropped, and the process number when there is only one. */
function shortWhere(where: string, oneProcess: boolean): string {
  const short = where.replace(/ › Các bước xử lý/g, '');
  return oneProcess ? short.replace(/ › Quy trình 1(?= ›|$)/g, '') : short;
}

function sentence(c: FieldChange, oneProcess: boolean): string {
  const where = shortWhere(c.where, oneProcess);
  if (c.kind === 'added') return `Thêm ${where}: ${oneLine(c.afterText)}`;
  if (c.kind === 'removed') return `Bỏ ${where}`;
  return `${where}: ${oneLine(c.beforeText) || '(trống)'} → ${oneLine(c.afterText) || '(trống)'}`;
}

/** What changed in the internal process between two catalogue versions, one sentence per change. */
export function processChanges(before: ProcedureLike, after: ProcedureLike, caseCode: string | null, units: ReadonlyMap<string, string>): string[] {
  const [a, b] = [readable(before, caseCode, units), readable(after, caseCode, units)];
  const lists = [a, b].flatMap((x) => [x.internalProcesses, ...(x.cases ?? []).map((c) => c.internalProcesses)]);
  const oneProcess = lists.every((l) => l.length <= 1);
  return diffVersions(a, b).map((c) => sentence(c, oneProcess));
}
