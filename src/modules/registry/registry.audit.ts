import type { AuditVocabulary } from '../../platform/audit/vocabulary.js';

/** The audit log's words for the registry's settings, outgoing and incoming documents (issue 19). */
export const registryAuditVocabulary: AuditVocabulary = {
  actions: {
    'registry.settings_saved': { vi: 'Cập nhật thông tin văn thư của cơ quan', en: 'Records-office settings saved' },
  },
  entities: {
    registry_settings: { label: { vi: 'Thông tin văn thư cơ quan', en: 'Records-office settings' } },
    registry_document: { label: { vi: 'Văn bản', en: 'Document' } },
  },
};
