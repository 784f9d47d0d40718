import type { RegistryDeps } from './registry.context.js';

/** File lists, filing, retention, archive handover and disposal (issue 19 scope 4): being built; see API.md. */
export function createFilesService(_deps: RegistryDeps) {
  return {};
}
export type FilesService = ReturnType<typeof createFilesService>;
