import type { Db } from '../../platform/db/transaction.js';
import { subscribeToDossierEvents } from '../dossiers/event-subscribers.js';
import type { OrgService } from '../org/org.service.js';
import { rebuildReportFacts, updateReportFacts } from './read-model.js';
import { createReportArchive, type ArchiveFilesPort } from './archive.service.js';
import { createDashboardService } from './dashboard.service.js';
import { createReportService, type CatalogStatsPort } from './reports.service.js';
import { updateIndexFacts } from './service-index.read-model.js';
import { createServiceIndexService, type FeedbackStatsPort, type SatisfactionPort } from './service-index.service.js';

/** Statistics and statutory reports (issue 13): the read model follows the dossier events in their transaction. */
export function createReportsModule(deps: { db: Db; org: OrgService; now: () => Date; catalog: CatalogStatsPort; files: ArchiveFilesPort; satisfaction?: SatisfactionPort; feedback?: FeedbackStatsPort }) {
  subscribeToDossierEvents('reports', updateReportFacts);
  // The service index's own read model (fees, digital flags), in the same transaction.
  subscribeToDossierEvents('reports-service-index', updateIndexFacts);
  const service = createReportService(deps);
  return {
    service,
    /** The leaders', unit heads' and public dashboards (dashboard.service.ts). */
    dashboards: createDashboardService({ ...deps, reports: service }),
    /** Reports kept per period by a daily job (archive.service.ts). */
    archive: createReportArchive({ ...deps, reports: service }),
    /** The service-quality index of Decision 766 (service-index.service.ts). */
    index: createServiceIndexService(deps),
    rebuild: (onProgress?: (n: number) => void) => rebuildReportFacts(deps.db, onProgress),
  };
}
