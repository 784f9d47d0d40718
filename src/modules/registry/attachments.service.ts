import type { RegistryDeps } from './registry.context.js';

/** Files attached to documents, with their PDF signatures checked (issue 19 scope 3): being built; see API.md. */
export function createAttachmentsService(_deps: RegistryDeps) {
  return {};
}
export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
