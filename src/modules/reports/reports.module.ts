import type { Db } from '../../platform/db/transaction.js';
import { subscribeToDossierEvents } from '../dossiers/event-subscribers.js';
import type { OrgService } from '../org/org.service.js';
import { rebuildReportFacts, updateReportFacts } from './read-model.js';
import { createReportService, type CatalogStatsPort } from './reports.service.js';

/** Statistics and statutory reports (issue 13): the read model follows the dossier events in their transaction. */
export function createReportsModule(deps: { db: Db; org: OrgService; now: () => Date; catalog: CatalogStatsPort }) {
  subscribeToDossierEvents('reports', updateReportFacts);
  return {
    service: createReportService(deps),
    rebuild: (onProgress?: (n: number) => void) => rebuildReportFacts(deps.db, onProgress),
  };
}
