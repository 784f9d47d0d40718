import type { QualityDeps } from './quality.context.js';

/** Part of the quality service (issue 20); see API.md. Stub until built. */
export function createAuditsService(_deps: QualityDeps) {
  return {};
}
export type AuditsService = ReturnType<typeof createAuditsService>;
