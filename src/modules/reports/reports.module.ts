import type { Db } from '../../platform/db/transaction.js';
import { subscribeToDossierEvents } from '../dossiers/event-subscribers.js';
import type { OrgService } from '../org/org.service.js';
import { fillCountsIfEmpty, rebuildReportFacts, updateReportReadModels } from './read-model.js';
import { createReportArchive, type ArchiveFilesPort } from './archive.service.js';
import { createDashboardService } from './dashboard.service.js';
import { createReportService, type CatalogStatsPort } from './reports.service.js';
import { createServiceIndexService, type FeedbackStatsPort, type SatisfactionPort } from './service-index.service.js';

/**
 * Statistics and statutory reports (issue 13): the read model follows the dossier events in their transaction.
 * `readDb` (a read replica when there are some: platform/db/replicas.ts) answers the forms, the index and
 * the dashboards; it sends a write request's queries to the primary, so the index's definitions are still
 * saved through it. The archive and the read model's rebuilds use the primary.
 */
export function createReportsModule(deps: { db: Db; readDb?: Db; org: OrgService; now: () => Date; catalog: CatalogStatsPort; files: ArchiveFilesPort; satisfaction?: SatisfactionPort; feedback?: FeedbackStatsPort }) {
  // The dossier facts, the service index's flags and the per-day counts, in the events' transaction.
  subscribeToDossierEvents('reports', updateReportReadModels);
  const reads = { ...deps, db: deps.readDb ?? deps.db };
  const service = createReportService(reads);
  return {
    service,
    /** The leaders', unit heads' and public dashboards (dashboard.service.ts). */
    dashboards: createDashboardService({ ...reads, reports: service }),
    /** Reports kept per period by a daily job (archive.service.ts). */
    archive: createReportArchive({ ...deps, reports: service }),
    /** The service-quality index of Decision 766 (service-index.service.ts). */
    index: createServiceIndexService(reads),
    rebuild: (onProgress?: (n: number) => void) => rebuildReportFacts(deps.db, onProgress),
    /** At start: the per-day counts of a database written before they existed (read-model.ts). */
    fillCounts: () => fillCountsIfEmpty(deps.db),
  };
}
