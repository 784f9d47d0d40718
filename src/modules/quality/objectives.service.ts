import type { QualityDeps } from './quality.context.js';

/** Part of the quality service (issue 20); see API.md. Stub until built. */
export function createObjectivesService(_deps: QualityDeps) {
  return {};
}
export type ObjectivesService = ReturnType<typeof createObjectivesService>;
