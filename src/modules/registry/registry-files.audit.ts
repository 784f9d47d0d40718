import type { AuditVocabulary } from '../../platform/audit/vocabulary.js';

/** The audit log's words for the registry's files part (issue 19). */
export const registryFilesAuditVocabulary: AuditVocabulary = {
  actions: {},
  entities: {},
};
