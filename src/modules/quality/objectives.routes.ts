import type { App } from '../../platform/http/types.js';
import type { QualityService } from './quality.service.js';

/** HTTP only (issue 20): parse, then hand the request context to the service. Stub until built. */
export async function objectivesRoutes(_app: App, _quality: QualityService): Promise<void> {}
