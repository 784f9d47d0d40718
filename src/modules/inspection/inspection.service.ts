import { createCasesService } from './cases.service.js';
import { createDisciplineService } from './discipline.service.js';
import type { InspectionDeps } from './inspection.context.js';
import { createInspectionsService } from './inspections.service.js';
import { createPlansService } from './plans.service.js';
import { createReportDocuments } from './reports-documents.js';
import { createReportsService } from './reports.service.js';

/**
 * Inspection (issue 18), scopes 2 and 3: complaint and denunciation cases with the petitioner's identity
 * kept to the handling team, and discipline cases under Decree 172/2025; scope 1, inspection plans and
 * inspections; the reports (scope 4).
 */
export function createInspectionService(deps: InspectionDeps) {
  const cases = createCasesService(deps);
  const discipline = createDisciplineService(deps);
  // Scope 1: yearly plans, and the inspections opened from them or by surprise with their record and follow-up.
  const plans = createPlansService(deps);
  const inspections = createInspectionsService(deps);
  // Scope 4: the report reads the plans' counts through report-ports.ts.
  const reports = { ...createReportsService(deps, { inspectionCounts: plans.counts }), ...createReportDocuments(deps, { cases, discipline }) };
  return { cases, discipline, reports, plans, inspections };
}
export type InspectionService = ReturnType<typeof createInspectionService>;
