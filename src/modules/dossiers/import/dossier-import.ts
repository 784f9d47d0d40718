import type { DataProtection } from '../../../platform/crypto/data-protection.js';
import { randomUUID } from 'node:crypto';
import { requireActor } from '../../../platform/access/policy.js';
import { inTransaction, type Db } from '../../../platform/db/transaction.js';
import { errors } from '../../../platform/http/app-error.js';
import type { RequestContext } from '../../../platform/http/context.js';
import { toFieldErrors } from '../../../platform/http/validation.js';
import type { OrgService } from '../../org/org.service.js';
import type { CatalogPort, DeadlinesPort, ProcedureInForce } from '../ports.js';
import type { UnitRef } from '../rules/plan.js';
import { vnDay } from '../rules/statuses.js';
import { existingCodes, refreshStatistics, staffByBadge, writeChunk } from './batch-writer.js';
import { ensureYear } from '../archive/partitions.js';
import { vnYear } from '../rules/archive.js';
import type { ChainSigner } from '../rules/hash-chain.js';
import { importLineSchema, type ImportDossiersResult, type ImportLine, type ImportLineError } from './import-schema.js';
import { LineProblem, replayLine, type PreparedDossier, type ReplayContext } from './replay.js';

export type ImportDeps = { db: Db; org: OrgService; catalog: CatalogPort; deadlines: DeadlinesPort; keys: DataProtection; now?: () => Date; chain: ChainSigner };

export type ImportProgress = Omit<ImportDossiersResult, 'errors' | 'errorsTruncated'>;

export type ImportOptions = {
  /** Lines per transaction; ~500 keeps each statement well under PostgreSQL's limits and a chunk under a second. */
  chunkSize?: number;
  /** Report progress about every this many lines. */
  progressEvery?: number;
  onProgress?: (p: ImportProgress) => void;
  /** Errors returned in full; the count is always exact. */
  maxReportedErrors?: number;
};

export type DossierImporter = ReturnType<typeof createDossierImporter>;

/** Import writes dossiers of every unit at once, so it is for the province's administrator (or the CLI). */
export function assertMayImport(ctx: RequestContext): void {
  if (!ctx.system && !requireActor(ctx.actor).grants.some((g) => g.role === 'admin' && g.provinceWide)) throw errors.forbidden();
}

/**
 * Historical dossier import (issue 6 §4). Each line is checked and replayed on its own; valid
 * lines are written in chunks, one transaction per chunk. A bad line is reported with its number
 * and does not stop the others (per line, not all-or-nothing: see docs/IMPORT-DOSSIERS.md).
 */
export function createDossierImporter(deps: ImportDeps) {
  const now = deps.now ?? (() => new Date());

  async function importLines(ctx: RequestContext, lines: AsyncIterable<string>, opts: ImportOptions = {}): Promise<ImportDossiersResult> {
    assertMayImport(ctx);
    // Listen before the first await: a readline interface drops the lines it reads while no one iterates.
    const iterator = lines[Symbol.asyncIterator]();
    const chunkSize = opts.chunkSize ?? 500;
    const progressEvery = opts.progressEvery ?? 10_000;
    const maxErrors = opts.maxReportedErrors ?? 1000;
    const runId = `import-${randomUUID()}`;
    const t0 = performance.now();

    // Everything from other modules is read before any transaction (the embedded database has one connection).
    const units: UnitRef[] = await deps.org.allUnits();
    const base: Omit<ReplayContext, 'procedure'> = {
      units, unitsByCode: new Map(units.filter((u) => u.code).map((u) => [u.code!, u])), staffByBadge: await staffByBadge(deps.db),
      calc: await deps.deadlines.calculator(), routeCache: new Map(), now: now(), keys: deps.keys,
    };
    const procedures = new Map<string, Promise<ProcedureInForce | undefined>>();
    const seen = new Map<string, number>();
    // The history's partition of each year the file's dossiers were created in (migration 0030), made
    // before the first of them is written: an older year would otherwise go to the default partition.
    const years = new Set<number>();
    const result: ImportDossiersResult = { lines: 0, imported: 0, skipped: 0, failed: 0, events: 0, ms: 0, dossiersPerMinute: 0, errors: [], errorsTruncated: false };
    let lastReport = 0;

    const fail = (line: number, code: string | null, error: string, vi: string, en: string) => {
      result.failed++;
      if (result.errors.length < maxErrors) result.errors.push({ line, code, error, message: vi, messageEn: en });
      else result.errorsTruncated = true;
    };
    const progress = (): ImportProgress => {
      const { errors: _e, errorsTruncated: _t, ...rest } = result;
      const ms = Math.round(performance.now() - t0);
      return { ...rest, ms, dossiersPerMinute: ms ? Math.round((result.imported / ms) * 60_000) : 0 };
    };

    async function flush(pending: { line: number; data: ImportLine }[]): Promise<void> {
      if (!pending.length) return;
      const existing = await existingCodes(deps.db, pending.map((p) => p.data.code));
      const fresh = pending.filter((p) => !existing.has(p.data.code));
      result.skipped += pending.length - fresh.length;
      const found = await Promise.all(fresh.map((p) => procedureAt(p.data)));
      const prepared: { line: number; dossier: PreparedDossier }[] = [];
      fresh.forEach((p, i) => {
        try {
          prepared.push({ line: p.line, dossier: replayLine(p.data, { ...base, procedure: found[i] }) });
        } catch (err) {
          if (!(err instanceof LineProblem)) throw err;
          fail(p.line, p.data.code, err.code, err.vi, err.en);
        }
      });
      if (!prepared.length) return;
      for (const y of new Set(prepared.map((p) => vnYear(p.dossier.values.createdAt)))) {
        if (years.has(y)) continue;
        // Tables busy for ~10 s (ensureYear never waits on a lock): the year's dossiers go to the
        // default partition instead, readable and append-only all the same.
        await ensureYear(deps.db, y).catch((err: { code?: string }) => { if (err.code !== '55P03') throw err; });
        years.add(y);
      }
      const span: [number, number] = [pending[0]!.line, pending[pending.length - 1]!.line];
      try {
        const w = await inTransaction(deps.db, (trx) => writeChunk(trx, deps.chain, ctx, prepared.map((p) => p.dossier), runId, span));
        count(w, prepared.length);
      } catch {
        // A chunk the database refused (a constraint no check here foresaw): write its lines one by
        // one so the good ones still go in and the bad one is named.
        for (const p of prepared) {
          try {
            count(await inTransaction(deps.db, (trx) => writeChunk(trx, deps.chain, ctx, [p.dossier], runId, [p.line, p.line])), 1);
          } catch (err) {
            const msg = err instanceof Error ? err.message : String(err);
            fail(p.line, p.dossier.code, 'DATABASE_REJECTED', `Cơ sở dữ liệu không nhận hồ sơ này: ${msg}`, `The database rejected this dossier: ${msg}`);
          }
        }
      }
    }

    function count(w: { inserted: Set<string>; events: number }, tried: number) {
      result.imported += w.inserted.size;
      // A code inserted by a concurrent import between the check and the write: also "already there".
      result.skipped += tried - w.inserted.size;
      result.events += w.events;
    }

    function procedureAt(line: ImportLine): Promise<ProcedureInForce | undefined> {
      const day = vnDay(new Date(line.events[0]!.at));
      const key = `${line.procedureCode}|${day}`;
      let p = procedures.get(key);
      if (!p) {
        // Noon of the day of receipt: the version in force that day (Decree 63/2010: a dossier keeps the rules it was received under).
        p = deps.catalog.findInForce(line.procedureCode, new Date(`${day}T12:00:00+07:00`));
        procedures.set(key, p);
      }
      return p;
    }

    let pending: { line: number; data: ImportLine }[] = [];
    let lineNo = 0;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const raw = next.value;
      lineNo++;
      const text = raw.trim();
      if (!text) continue;
      result.lines++;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        fail(lineNo, null, 'INVALID_JSON', 'Dòng không phải JSON hợp lệ.', 'The line is not valid JSON.');
        continue;
      }
      const parsed = importLineSchema.safeParse(json, { reportInput: true });
      if (!parsed.success) {
        const fields = toFieldErrors(parsed.error.issues).slice(0, 5);
        const code = typeof (json as { code?: unknown })?.code === 'string' ? (json as { code: string }).code : null;
        fail(lineNo, code, 'VALIDATION_FAILED', fields.map((f) => `${f.path}: ${f.message}`).join('; '), fields.map((f) => `${f.path}: ${f.messageEn}`).join('; '));
        continue;
      }
      const first = seen.get(parsed.data.code);
      if (first !== undefined) {
        fail(lineNo, parsed.data.code, 'DUPLICATE_CODE', `Mã hồ sơ đã có ở dòng ${first} của tệp.`, `The code already appears on line ${first}.`);
        continue;
      }
      seen.set(parsed.data.code, lineNo);
      pending.push({ line: lineNo, data: parsed.data });
      if (pending.length >= chunkSize) {
        await flush(pending);
        pending = [];
        if (result.lines - lastReport >= progressEvery) {
          lastReport = result.lines;
          opts.onProgress?.(progress());
        }
      }
    }
    await flush(pending);
    if (result.imported >= 1000) await refreshStatistics(deps.db);
    const done = progress();
    Object.assign(result, { ms: done.ms, dossiersPerMinute: done.dossiersPerMinute });
    result.errors.sort((a, b) => a.line - b.line);
    opts.onProgress?.(done);
    return result;
  }

  return { importLines };
}
