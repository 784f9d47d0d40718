import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../platform/db/transaction.js';
import { systemContext } from '../../platform/http/context.js';
import type { App } from '../../platform/http/types.js';
import type { CatalogPort, ProcedureInForce } from '../dossiers/ports.js';
import type { OrgService } from '../org/org.service.js';
import { catalogAdminRoutes } from './catalog.admin.routes.js';
import type { ImportProgress } from './catalog.import.js';
import type { ImportReportView } from './import-summary.js';
import { catalogRoutes } from './catalog.routes.js';
import { createCatalogService } from './catalog.service.js';
import { exportVersions, importFile } from './catalog.transfer.js';
import { demoFormDocx, DOCX_TYPE } from './demo-forms.js';

export const DEMO_PROCEDURES_DIR = fileURLToPath(new URL('../../../demo/procedures/', import.meta.url));

export type CatalogModuleOptions = {
  /** Address of the public portal, printed in the posting sheet's QR code; else taken from the request. */
  publicUrl?: string | undefined;
  now?: () => Date;
};

/**
 * The catalogue module as the rest of the app sees it: the procedures in force (for the one-stop
 * shop), its service, its routes and its demo data.
 */
export function createCatalogModule(db: Db, org: OrgService, options: CatalogModuleOptions = {}) {
  const service = createCatalogService(db, org, options.now);

  const toInForce = (row: { id: number; number: number; content: ProcedureInForce['content'] }): ProcedureInForce =>
    ({ versionId: row.id, versionNumber: row.number, content: row.content });

  const port: CatalogPort & { findVersion(versionId: number): Promise<ProcedureInForce | undefined> } = {
    async findInForce(code, at) {
      const row = await service.findInForce(code, at);
      return row ? toInForce(row) : undefined;
    },
    /** The exact version a dossier pinned at receipt, whatever is in force now. */
    async findVersion(versionId) {
      const row = await service.findVersionById(versionId);
      return row && row.status !== 'draft' ? toInForce(row) : undefined;
    },
  };

  /** Imports a JSON or XLSX catalogue file as the system (CLI, seeding). */
  async function importPath(path: string, progress?: ImportProgress): Promise<ImportReportView> {
    return importFile(db, service, systemContext('catalog-import'), await readFile(path), path, progress);
  }

  return {
    port,
    service,
    importPath,
    async routes(app: App): Promise<void> {
      await catalogRoutes(app, { catalog: service, org, publicUrl: options.publicUrl, ...(options.now ? { now: options.now } : {}) });
      await catalogAdminRoutes(app, { catalog: service, db });
    },
    /** Loads every file of demo/procedures through the import path: the versions are published as the files say. */
    async seedDemo(log: (message: string) => void = () => undefined): Promise<void> {
      const files = (await readdir(DEMO_PROCEDURES_DIR)).filter((f) => /\.(json|xlsx)$/.test(f)).sort();
      for (const file of files) {
        const report = await importPath(join(DEMO_PROCEDURES_DIR, file));
        if (!report.applied) {
          const first = report.errors.slice(0, 5).map((e) => `dòng ${e.row}${e.field ? ` (${e.field})` : ''}: ${e.message}`).join('; ');
          throw new Error(`demo/procedures/${file}: ${report.errors.length} lỗi — ${first}`);
        }
        log(`demo/procedures/${file}: ${report.created} mới, ${report.updated} cập nhật, ${report.unchanged} không đổi`);
      }
      // The demo files name form templates but ship none: give each a blank demo form to download.
      const ctx = systemContext('catalog-demo-forms');
      const done = new Set<string>();
      for (const p of await exportVersions(db, false)) {
        for (const d of [...p.documents, ...p.cases.flatMap((c) => c.documents ?? [])]) {
          const key = `${p.code}/${d.formTemplate}`;
          if (!d.formTemplate?.endsWith('.docx') || done.has(key)) continue;
          done.add(key);
          await service.putForm(ctx, p.code, d.formTemplate, demoFormDocx(d.name, p.name), DOCX_TYPE);
        }
      }
    },
  };
}

export type CatalogModule = ReturnType<typeof createCatalogModule>;
