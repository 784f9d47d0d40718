import { createEvaluationsService } from './evaluations.service.js';
import { createMovementsService } from './movements.service.js';
import type { PersonnelDeps } from './personnel.context.js';
import { createRecordsService } from './records.service.js';
import { createSchemesService } from './schemes.service.js';
import { createStatsService } from './stats.service.js';

/**
 * Personnel (issue 17): job-position schemes approved by decision, civil-servant records whose changes
 * apply once approved, placements and movements, roles, the annual evaluation and staffing statistics.
 */
export function createPersonnelService(deps: PersonnelDeps) {
  const schemes = createSchemesService(deps);
  const records = createRecordsService(deps);
  const movements = createMovementsService(deps, schemes);
  const evaluations = createEvaluationsService(deps);
  const stats = createStatsService(deps);
  return { schemes, records, movements, evaluations, stats };
}
export type PersonnelService = ReturnType<typeof createPersonnelService>;
