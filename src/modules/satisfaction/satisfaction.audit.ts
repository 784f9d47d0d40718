import type { AuditVocabulary } from '../../platform/audit/vocabulary.js';

export const satisfactionAuditVocabulary: AuditVocabulary = {
  actions: {
    'satisfaction.rated': { vi: 'Đánh giá mức độ hài lòng', en: 'Satisfaction rated' },
    'satisfaction.code_issued': { vi: 'Cấp mã đánh giá mức độ hài lòng', en: 'Rating code issued' },
  },
  entities: {},
};
