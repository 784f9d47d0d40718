import type { AuditVocabulary } from '../../platform/audit/vocabulary.js';

export const reportAuditVocabulary: AuditVocabulary = {
  actions: {
    'report.index_version_added': { vi: 'Thêm phiên bản bộ chỉ số phục vụ (Quyết định 766)', en: 'Service-quality index version added (Decision 766)' },
    'report.index_version_replaced': { vi: 'Sửa phiên bản bộ chỉ số phục vụ (Quyết định 766)', en: 'Service-quality index version replaced (Decision 766)' },
  },
  entities: {
    // Named by the day the version takes effect, which is its identifier.
    report_index_version: {
      label: { vi: 'Bộ chỉ số phục vụ có hiệu lực từ', en: 'Service-quality index effective from' },
      names: async (_db, ids) => new Map(ids.map((id) => [id, id.split('-').reverse().join('/')])),
    },
  },
};
