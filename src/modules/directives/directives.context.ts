import { requireActor, reachable, type Actor } from '../../platform/access/policy.js';
import type { Db } from '../../platform/db/transaction.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { OrgService } from '../org/org.service.js';
import { sniffScanType } from '../../platform/files/file-types.js';
import { errors } from '../../platform/http/app-error.js';
import type { Reach } from './directives.repository.js';
import { vnDay, type IsWorkingDay } from './rules/deadlines.js';
import type { Names } from './views.js';

/** What every part of the directives service needs; wired in src/app.ts. */
export type DirectiveDeps = {
  db: Db;
  org: Pick<OrgService, 'allUnits' | 'staffNames' | 'staffNamesByIds' | 'subtrees'>;
  now: () => Date;
  /** The province calendar's working days (modules/calendar), read afresh for each request. */
  workingDays: () => Promise<IsWorkingDay>;
  files: { has(key: string): Promise<boolean>; get(key: string): Promise<Buffer | undefined> };
  /** A document of an agency's register as the caller may read it (modules/registry), or null. */
  registry?: { readable(ctx: RequestContext, id: number): Promise<{ id: number; symbol: string | null; subject: string } | null> };
};

export const todayOf = (deps: Pick<DirectiveDeps, 'now'>) => vnDay(deps.now());

export function reachOf(actor: Actor): Reach {
  return { units: reachable(actor, 'directive.read'), staffId: actor.staffId };
}

export function actorOf(ctx: { actor: Actor | null }): Actor {
  return requireActor(ctx.actor);
}

/** Unit and staff names for a set of rows, read once per request. */
export async function loadNames(deps: DirectiveDeps, staffIds: (number | null)[]): Promise<Names & { units: Awaited<ReturnType<DirectiveDeps['org']['allUnits']>> }> {
  const units = await deps.org.allUnits();
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  const ids = [...new Set(staffIds.filter((s): s is number => s !== null))];
  const staffNames = new Map<number, string>();
  for (const s of await deps.org.staffNamesByIds(ids)) staffNames.set(s.id, s.fullName);
  return {
    units,
    unit: (id) => (id === null ? '' : unitNames.get(id) ?? ''),
    staff: (id) => (id === null ? null : staffNames.get(id) ?? null),
  };
}

/** Files a form names by key (stored first through POST /files), checked to be in the store, with their type and size. */
export async function storedFiles(deps: Pick<DirectiveDeps, 'files'>, files: { key: string; name: string }[]) {
  const out: { file_key: string; name: string; type: string; size: number }[] = [];
  for (const [i, f] of files.entries()) {
    const content = await deps.files.get(f.key);
    if (!content) throw errors.validation([{ path: `files.${i}`, message: `Tệp "${f.name}" chưa được tải lên kho lưu tệp.`, messageEn: `File "${f.name}" is not stored.` }]);
    out.push({ file_key: f.key, name: f.name, type: sniffScanType(content) ?? 'application/octet-stream', size: content.length });
  }
  return out;
}

/** One of the files a record lists, read from the store; 404 when the record does not list it. */
export async function listedFile(deps: Pick<DirectiveDeps, 'files'>, rows: { file_key: string; name: string; type: string }[], key: string) {
  const row = rows.find((f) => f.file_key === key);
  const content = row && (await deps.files.get(key));
  if (!row || !content) throw errors.notFound('tệp', 'file');
  return { name: row.name, type: row.type, content };
}
