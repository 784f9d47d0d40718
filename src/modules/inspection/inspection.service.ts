import { createCasesService } from './cases.service.js';
import { createDisciplineService } from './discipline.service.js';
import type { InspectionDeps } from './inspection.context.js';

/**
 * Inspection (issue 18), scopes 2 and 3: complaint and denunciation cases with the petitioner's identity
 * kept to the handling team, and discipline cases under Decree 172/2025. Inspection plans (scope 1) and
 * the reports (scope 4) are to come.
 */
export function createInspectionService(deps: InspectionDeps) {
  return { cases: createCasesService(deps), discipline: createDisciplineService(deps) };
}
export type InspectionService = ReturnType<typeof createInspectionService>;
