import type { QualityDeps } from './quality.context.js';
import { createAuditsService } from './audits.service.js';
import { createDocumentsService } from './documents.service.js';
import { createNonconformitiesService } from './nonconformities.service.js';
import { createObjectivesService } from './objectives.service.js';
import { createProcessesService } from './processes.service.js';
import { createProposalsService } from './proposals.service.js';
import { createReviewsService } from './reviews.service.js';
import { createSystemsService } from './systems.service.js';

/**
 * Quality management to TCVN ISO 9001 (issue 20): one service composed of its parts (API.md). A part
 * that needs another gets the function it needs here; a part never imports another part's service.
 */
export function createQualityService(deps: QualityDeps) {
  const systems = createSystemsService(deps);
  const objectives = createObjectivesService(deps);
  const processes = createProcessesService(deps);
  const documents = createDocumentsService(deps);
  const nonconformities = createNonconformitiesService(deps);
  const audits = createAuditsService(deps, { raise: nonconformities.raiseInTx });
  const proposals = createProposalsService(deps, { raise: nonconformities.raiseInTx, detail: nonconformities.get });
  const reviews = createReviewsService(deps, objectives.readingsOf);
  return { systems, objectives, processes, documents, nonconformities, audits, proposals, reviews };
}
export type QualityService = ReturnType<typeof createQualityService>;
