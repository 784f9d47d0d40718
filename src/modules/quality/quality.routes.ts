import type { App } from '../../platform/http/types.js';
import { auditsRoutes } from './audits.routes.js';
import { documentsRoutes } from './documents.routes.js';
import { nonconformitiesRoutes } from './nonconformities.routes.js';
import { objectivesRoutes } from './objectives.routes.js';
import { processesRoutes } from './processes.routes.js';
import { proposalsRoutes } from './proposals.routes.js';
import { reviewsRoutes } from './reviews.routes.js';
import { systemsRoutes } from './systems.routes.js';
import type { QualityService } from './quality.service.js';

/** The quality module's routes (issue 20), under /api/v1/quality; each part adds its own. */
export async function qualityRoutes(app: App, quality: QualityService): Promise<void> {
  await systemsRoutes(app, quality);
  await objectivesRoutes(app, quality);
  await processesRoutes(app, quality);
  await documentsRoutes(app, quality);
  await auditsRoutes(app, quality);
  await nonconformitiesRoutes(app, quality);
  await proposalsRoutes(app, quality);
  await reviewsRoutes(app, quality);
}
